/**
 * Operations endpoints: `/healthz` (the process answers), `/readyz` (the tenant answers and the
 * budget state) and `/metrics` (Prometheus text), the last only on loopback, or with
 * `Authorization: Bearer <METRICS_TOKEN>` when a token is set (then always required).
 */
import { timingSafeEqual, createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BudgetScheduler } from '../budget/scheduler.ts';
import { isLoopbackHost } from '../settings.ts';
import { callUpstream, type UpstreamAnswer } from '../upstream/upstream-client.ts';
import { upstreamUrl } from '../../config/proxy-path.ts';
import type { TeamMetrics } from './metrics.ts';
import type { UpstreamHealth } from './upstream-health.ts';
import type { SyncStatus } from '../../src/lib/live-events.ts';

export interface OpsOptions {
  scheduler: BudgetScheduler<UpstreamAnswer>;
  metrics: TeamMetrics;
  health: UpstreamHealth;
  backend: { target: string; accessKey: string };
  metricsToken: string | null;
  upstreamTimeoutMs: number;
  /** `/readyz` asks the tenant itself when it has heard nothing for this long (default 60 s). */
  probeAfterMs?: number;
  /** The mirror's state, reported by `/readyz` (`syncing` while its first sync runs). */
  mirrorStatus?: () => SyncStatus;
}

function sameSecret(a: string, b: string): boolean {
  const ha = createHash('sha256').update(a).digest();
  const hb = createHash('sha256').update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function registerOpsRoutes(app: FastifyInstance, options: OpsOptions): void {
  const started = Date.now();
  const probeAfterMs = options.probeAfterMs ?? 60_000;

  app.get('/healthz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok', uptimeS: Math.round((Date.now() - started) / 1000) };
  });

  /** One light search through the scheduler, as background work, shared by concurrent probes. */
  const probe = () =>
    options.scheduler.submit({
      priority: 'background',
      key: 'readyz-probe',
      send: () =>
        callUpstream({
          url: upstreamUrl(options.backend.target, '/tasks/search'),
          method: 'POST',
          headers: { accessKey: options.backend.accessKey, 'content-type': 'application/json' },
          body: Buffer.from(JSON.stringify({ select: ['Gsid'], limit: 1, offset: 0 })),
          timeoutMs: Math.min(options.upstreamTimeoutMs, 10_000),
        }).then(
          (answer) => (options.health.answered(answer.status), answer),
          (e: unknown) => {
            options.health.failed(e instanceof Error ? e.message : String(e));
            throw e;
          },
        ),
    });

  app.get('/readyz', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    let upstream = options.health.snapshot();
    if (upstream.reachable === null || upstream.ageMs === null || upstream.ageMs > probeAfterMs) {
      await probe().catch(() => undefined);
      upstream = options.health.snapshot();
    }
    const budget = options.scheduler.state();
    const ready = upstream.reachable === true && !upstream.keyRefused;
    const problem = upstream.keyRefused
      ? 'the Gainsight API refused the access key (check GAINSIGHT_ACCESS_KEY)'
      : upstream.reachable
        ? null
        : `the Gainsight API cannot be reached${upstream.lastError ? `: ${upstream.lastError}` : ''}`;
    reply.code(ready ? 200 : 503);
    const mirror = options.mirrorStatus?.();
    // While the mirror's first sync runs, reads pass through to the tenant: ready, and says so.
    return {
      status: !ready ? 'unavailable' : mirror?.state === 'syncing' ? 'syncing' : 'ready',
      problem,
      ...(mirror ? { mirror } : {}),
      upstream: {
        reachable: upstream.reachable,
        lastStatus: upstream.lastStatus,
        lastAnswerAgoS: upstream.ageMs === null ? null : Math.round(upstream.ageMs / 1000),
      },
      budget: {
        minuteLeft: budget.minuteLeft,
        dayLeft: budget.dayLeft,
        queued: budget.queued,
        inFlight: budget.inFlight,
        pausedForS: Math.ceil(budget.pausedForMs / 1000),
      },
    };
  });

  app.get('/metrics', async (request, reply) => {
    reply.header('cache-control', 'no-store');
    const token = options.metricsToken;
    const auth = request.headers.authorization ?? '';
    const allowed =
      token !== null ? auth.startsWith('Bearer ') && sameSecret(auth.slice(7), token) : isLoopbackHost(request.socket.remoteAddress ?? '');
    if (!allowed) {
      reply.code(token !== null ? 401 : 403).type('text/plain; charset=utf-8');
      return token !== null
        ? 'Metrics need Authorization: Bearer <METRICS_TOKEN>.\n'
        : 'Metrics are served on loopback only; set METRICS_TOKEN to read them from elsewhere.\n';
    }
    reply.type(options.metrics.registry.contentType);
    return options.metrics.registry.metrics();
  });
}
