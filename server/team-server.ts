/**
 * The team server: one Fastify instance that a whole CS team shares. It serves the built app
 * (production) and the `/v1` proxy to the tenant, in front of which every upstream call goes
 * through one budget scheduler; plus `/healthz`, `/readyz` and `/metrics`. The dev server
 * (`npm start`) runs this same code inside Vite (server/vite-plugin.ts), without the static site.
 */
import { randomUUID } from 'node:crypto';
import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { createAuditWriter, isAuditedWrite } from './auth/audit.ts';
import type { AuthConfig } from './auth/auth-config.ts';
import { redactAuthUrl } from './auth/guards.ts';
import { registerAuth, type AuthDeps } from './auth/plugin.ts';
import { registerSessionRoute } from './auth/session-route.ts';
import { BudgetScheduler, systemClock, type Clock } from './budget/scheduler.ts';
import { registerCalendarFeed } from './calendar/feed-route.ts';
import { redactFeedToken } from './calendar/feed-token.ts';
import { createLive, type Live, type MirrorOptions } from './mirror/live.ts';
import { createMirrorUpstream } from './mirror/tenant-upstream.ts';
import { createMetrics, type TeamMetrics } from './ops/metrics.ts';
import { registerOpsRoutes } from './ops/ops-routes.ts';
import { UpstreamHealth } from './ops/upstream-health.ts';
import { registerApiProxy, type WriteRecord } from './proxy/api-proxy.ts';
import { auditLineOf } from './proxy/write-audit.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { registerStaticSite } from './static-site.ts';
import { createTenantSender } from './upstream/tenant-sender.ts';
import type { UpstreamAnswer } from './upstream/upstream-client.ts';

export interface TeamServerOptions {
  /** The API base URL (`https://acme.gainsightcloud.com/v1`) and the key the proxy adds. */
  backend: { target: string; accessKey: string };
  /** The built app to serve; left out in development, where Vite serves the app. */
  distDir?: string;
  budget?: { perMinute: number; perDay: number; maxWaitMs: number };
  upstreamTimeoutMs?: number;
  bodyLimitBytes?: number;
  metricsToken?: string | null;
  /** Fastify's logger option: pino options (JSON lines), or false. */
  logger?: FastifyServerOptions['logger'];
  /** Served over https (Strict-Transport-Security). */
  https?: boolean;
  clock?: Clock;
  /** The first pause of every upstream call after the tenant answers 429 (default 10 s). */
  upstreamPauseMs?: number;
  onWrite?: (record: WriteRecord) => void;
  /** Sign-in (server/auth/README.md); default off: no session needed, `request.user` is null. */
  auth?: AuthConfig;
  /** The sign-in plugin's clock and provider options (tests). */
  authDeps?: AuthDeps;
  /**
   * The audit log: one JSON line per write through the proxy, appended to `file` (AUDIT_LOG) or,
   * with `file: null`, written to the logger. Left out: no audit (and no extra read before an update).
   */
  audit?: { file: string | null };
  /**
   * The mirror of the tenant (server/mirror/README.md): reads answered from a local SQLite copy
   * kept in step by delta syncs. Left out: off (every read goes to the tenant); `GET /events`
   * still announces writes made through this server.
   */
  mirror?: MirrorOptions;
}

export interface TeamServer {
  app: FastifyInstance;
  scheduler: BudgetScheduler<UpstreamAnswer>;
  metrics: TeamMetrics;
  /** The live events and, when on, the mirror. */
  live: Live;
}

/** The paths the team server answers itself; everything else is the app (static files, or Vite in development). */
const TEAM_SERVER_PREFIXES = ['/v1/', '/auth/', '/api/'];
const TEAM_SERVER_PATHS = new Set(['/v1', '/healthz', '/readyz', '/metrics', '/events', '/calendar.ics']);

export function isTeamServerPath(requestTarget: string): boolean {
  const path = requestTarget.split('?')[0]!;
  return TEAM_SERVER_PATHS.has(path) || TEAM_SERVER_PREFIXES.some((p) => path.startsWith(p));
}

const DEFAULT_BUDGET = { perMinute: 80, perDay: 80_000, maxWaitMs: 20_000 };

/** Log fields that must never be written, whatever a later change logs. */
const REDACTED_LOG_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers.accesskey',
  'res.headers["set-cookie"]',
  'headers.accessKey',
  'headers.cookie',
  'accessKey',
];

/**
 * A request as log lines show it: Fastify's default fields, with the sign-in callback's code and
 * state, and a calendar feed's token, cut from the URL.
 */
function serializeRequest(request: { method: string; url: string; host?: string; ip?: string; socket?: { remotePort?: number } }) {
  return {
    method: request.method,
    url: redactFeedToken(redactAuthUrl(request.url)),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}

export async function createTeamServer(options: TeamServerOptions): Promise<TeamServer> {
  const budget = options.budget ?? DEFAULT_BUDGET;
  const logger = options.logger === undefined ? { level: 'info' } : options.logger;
  const app = Fastify({
    logger:
      logger && typeof logger === 'object'
        ? {
            ...logger,
            redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
            serializers: { ...('serializers' in logger ? logger.serializers : {}), req: serializeRequest },
          }
        : logger,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    // The proxy checks raw request targets itself (config/proxy-path.ts); nothing is rewritten before it.
    routerOptions: { ignoreDuplicateSlashes: false, ignoreTrailingSlash: false },
    return503OnClosing: true,
  });

  const scheduler = new BudgetScheduler<UpstreamAnswer>({
    limits: { perMinute: budget.perMinute, perDay: budget.perDay },
    maxWaitMs: budget.maxWaitMs,
    rateLimited: (answer) => {
      if (answer.status !== 429) return false;
      const retryAfter = Number(answer.headers['retry-after']);
      return Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 0;
    },
    clock: options.clock,
    pauseMs: options.upstreamPauseMs,
    observer: {
      sent: (priority, waitedMs) => metrics.queueWait.observe({ priority }, waitedMs / 1000),
      refused: (priority, reason) => metrics.refused.inc({ priority, reason }),
      paused: (ms) => {
        metrics.pauses.inc();
        app.log.warn({ pauseMs: ms }, 'the Gainsight API answered 429: pausing every upstream call');
      },
    },
  });
  const metrics = createMetrics(() => scheduler.state(), budget);
  // At shutdown, calls still waiting for the budget are answered now; calls in flight finish, and
  // their connections close after the answer instead of idling until the keep-alive timeout.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    scheduler.close();
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  const health = new UpstreamHealth();
  const upstreamTimeoutMs = options.upstreamTimeoutMs ?? 30_000;
  const send = createTenantSender({ backend: options.backend, metrics, health, timeoutMs: upstreamTimeoutMs });

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-cockpit-request-id', request.id);
  });
  await registerSecurityHeaders(app, { csp: options.distDir !== undefined, https: options.https ?? false });
  await app.register(compress, {
    global: true,
    threshold: 1024,
    encodings: ['br', 'gzip'],
    // Fast settings for answers made per request; the static files were compressed at build time.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });

  // Sign-in on the root instance, before the routes: its onRequest hook guards every route (the
  // API paths need a session; the page, /healthz, /readyz and /metrics stay open) and sets request.user.
  await registerAuth(app, options.auth ?? { kind: 'off' }, options.authDeps);

  const audit = options.audit ? createAuditWriter({ file: options.audit.file, logger: app.log }) : null;
  if (audit) app.addHook('onClose', async () => audit.close());
  const onWrite = (record: WriteRecord) => {
    if (audit && isAuditedWrite(record.method, record.apiPath)) audit.write(auditLineOf(record));
    options.onWrite?.(record);
  };

  const live = await createLive(app, {
    clock: options.clock ?? systemClock,
    upstream: createMirrorUpstream({ scheduler, send }),
    tenant: options.backend.target,
    mirror: options.mirror,
    signIn: (options.auth ?? { kind: 'off' }).kind !== 'off',
    registry: metrics.registry,
  });
  registerSessionRoute(app, { signIn: (options.auth ?? { kind: 'off' }).kind !== 'off', teamViews: () => live.views !== null });
  registerCalendarFeed(app, { auth: options.auth ?? { kind: 'off' }, live, scheduler, send, clock: options.clock ?? systemClock });
  registerOpsRoutes(app, {
    scheduler,
    metrics,
    health,
    backend: options.backend,
    metricsToken: options.metricsToken ?? null,
    upstreamTimeoutMs,
    mirrorStatus: () => live.status(),
  });
  await registerApiProxy(app, {
    scheduler,
    metrics,
    send,
    mirror: live,
    upstreamTimeoutMs,
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    onWrite,
    readPreviousTask: audit !== null,
  });
  if (options.distDir !== undefined) await registerStaticSite(app, options.distDir);

  return { app, scheduler, metrics, live };
}

/**
 * Stops on SIGTERM or SIGINT the way a load balancer expects: no new connections, in-flight
 * requests finish (Fastify answers 503 to requests that arrive on open connections meanwhile),
 * then `after` (the sandbox, if any) and exit. A second signal exits at once.
 */
export function installGracefulShutdown(
  app: FastifyInstance,
  after?: () => Promise<void>,
  exit: (code: number) => void = (c) => process.exit(c),
  /** Connections still open this long after the signal (a client that stopped reading) are cut. */
  drainMs = 25_000,
): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      app.log.warn({ signal }, 'second signal: exiting now');
      exit(1);
      return;
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    setTimeout(() => {
      app.log.warn({ drainMs }, 'connections still open after the drain time: closing them');
      app.server.closeAllConnections();
    }, drainMs).unref();
    app
      .close()
      .then(() => after?.())
      .then(
        () => {
          app.log.info('stopped');
          exit(0);
        },
        (e: unknown) => {
          app.log.error({ err: e }, 'error while shutting down');
          exit(1);
        },
      );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
