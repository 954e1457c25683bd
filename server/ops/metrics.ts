/**
 * Prometheus metrics of one team server (its own registry, so several servers can live in one
 * process, as in the tests): upstream calls by operation and outcome, the budget left, the queue,
 * and how long the proxy takes.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { SchedulerState } from '../budget/scheduler.ts';

export type TeamMetrics = ReturnType<typeof createMetrics>;

export function createMetrics(state: () => SchedulerState, limits: { perMinute: number; perDay: number }) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'cockpit_' });

  const upstreamRequests = new Counter({
    name: 'cockpit_upstream_requests_total',
    help: 'Calls sent to the Gainsight API, by operation and outcome (HTTP status class, 429, timeout, unreachable)',
    labelNames: ['operation', 'outcome'] as const,
    registers: [registry],
  });
  const upstreamCalls = new Counter({
    name: 'cockpit_upstream_calls_total',
    help: "Calls sent to the Gainsight API, by why: read (a user's read passed through), fresh (a read that must come from the tenant), write, sync (the mirror), audit (the task before an update)",
    labelNames: ['kind'] as const,
    registers: [registry],
  });
  const proxied = new Counter({
    name: 'cockpit_proxy_requests_total',
    help: 'API calls answered to browsers, by operation and how (upstream, shared, mirror, refused, error, abandoned: the browser left before its read was sent)',
    labelNames: ['operation', 'served'] as const,
    registers: [registry],
  });
  const proxyLatency = new Histogram({
    name: 'cockpit_proxy_duration_seconds',
    help: 'Time from a browser API call to its answer, queue wait included',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20, 30],
    registers: [registry],
  });
  const queueWait = new Histogram({
    name: 'cockpit_queue_wait_seconds',
    help: 'Time a call waited for the tenant budget before it was sent, by priority',
    labelNames: ['priority'] as const,
    buckets: [0.001, 0.01, 0.1, 0.5, 1, 2.5, 5, 10, 20, 30, 60],
    registers: [registry],
  });
  const refused = new Counter({
    name: 'cockpit_budget_refusals_total',
    help: 'Calls answered 429 because they would have waited too long for the budget, by reason',
    labelNames: ['priority', 'reason'] as const,
    registers: [registry],
  });
  const pauses = new Counter({
    name: 'cockpit_upstream_pauses_total',
    help: 'Pauses of all upstream calls after the tenant answered 429',
    registers: [registry],
  });
  new Gauge({
    name: 'cockpit_budget_remaining',
    help: 'Calls left in the budget of this instance, per window (minute, day)',
    labelNames: ['window'] as const,
    registers: [registry],
    collect() {
      const s = state();
      this.set({ window: 'minute' }, s.minuteLeft);
      this.set({ window: 'day' }, s.dayLeft);
    },
  });
  new Gauge({
    name: 'cockpit_budget_limit',
    help: 'The budget of this instance, per window (minute, day)',
    labelNames: ['window'] as const,
    registers: [registry],
    collect() {
      this.set({ window: 'minute' }, limits.perMinute);
      this.set({ window: 'day' }, limits.perDay);
    },
  });
  new Gauge({
    name: 'cockpit_queue_length',
    help: 'Calls waiting for the budget',
    registers: [registry],
    collect() {
      this.set(state().queued);
    },
  });
  new Gauge({
    name: 'cockpit_upstream_in_flight',
    help: 'Calls sent to the tenant and not answered yet',
    registers: [registry],
    collect() {
      this.set(state().inFlight);
    },
  });

  return { registry, upstreamRequests, upstreamCalls, proxied, proxyLatency, queueWait, refused, pauses };
}

/** The outcome label of an upstream answer. */
export function outcomeOf(status: number): string {
  if (status === 429) return '429';
  return `${Math.floor(status / 100)}xx`;
}
