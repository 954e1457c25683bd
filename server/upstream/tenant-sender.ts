/**
 * One call to the tenant, as every part of the team server sends it (the `/v1` proxy, the
 * mirror's sync): the access key added, counted in the metrics by operation and outcome and by
 * kind (a user's read, a fresh read, a write, the mirror's sync, the audit's read), and recorded
 * in the upstream health that `/readyz` reports. The budget scheduler is the caller's business.
 */
import { upstreamUrl } from '../../config/proxy-path.ts';
import { outcomeOf, type TeamMetrics } from '../ops/metrics.ts';
import type { UpstreamHealth } from '../ops/upstream-health.ts';
import type { Operation } from './operations.ts';
import { callUpstream, UpstreamError, type UpstreamAnswer } from './upstream-client.ts';

/** Why the team server called the tenant (the `kind` label of cockpit_upstream_calls_total). */
type CallKind = 'read' | 'fresh' | 'write' | 'sync' | 'audit';

interface TenantCall {
  method: string;
  /** A checked path below the base URL, with its query string (config/proxy-path.ts). */
  apiPath: string;
  /** Headers besides the access key. */
  headers?: Record<string, string>;
  body?: Buffer;
}

export type TenantSender = (operation: Operation, kind: CallKind, call: TenantCall) => Promise<UpstreamAnswer>;

export function createTenantSender(deps: {
  backend: { target: string; accessKey: string };
  metrics: TeamMetrics;
  health: UpstreamHealth;
  timeoutMs: number;
}): TenantSender {
  const { backend, metrics, health, timeoutMs } = deps;
  return async (operation, kind, call) => {
    metrics.upstreamCalls.inc({ kind });
    try {
      const answer = await callUpstream({
        url: upstreamUrl(backend.target, call.apiPath),
        method: call.method,
        headers: { ...call.headers, accessKey: backend.accessKey },
        body: call.body,
        timeoutMs,
      });
      metrics.upstreamRequests.inc({ operation, outcome: outcomeOf(answer.status) });
      health.answered(answer.status);
      return answer;
    } catch (e) {
      metrics.upstreamRequests.inc({ operation, outcome: e instanceof UpstreamError ? e.kind : 'unreachable' });
      health.failed(e instanceof Error ? e.message : String(e));
      throw e;
    }
  };
}
