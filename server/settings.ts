/**
 * The team server's settings, read from the environment (and `.env` / `.env.local`, see
 * env-files.ts). Anything missing or malformed stops start-up with a message that names the
 * variable and says what to set; nothing here ever prints the access key.
 */
import { BackendConfigError, resolveBackend, type Backend } from '../config/backend.ts';
import { AuditConfigError, resolveAuditLog } from './auth/audit.ts';
import {
  AuthConfigError,
  checkExposure,
  isLoopbackHost,
  parseAllowAnonymous,
  resolveAuthConfig,
  type AuthConfig,
  type ExposureVerdict,
} from './auth/auth-config.ts';

import type { MirrorOptions } from './mirror/live.ts';

export { isLoopbackHost };

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

export interface TeamServerSettings {
  host: string;
  port: number;
  distDir: string;
  backend: Backend;
  budget: {
    /** This instance's share: the tenant-wide figure divided by the instance count. */
    perMinute: number;
    perDay: number;
    instances: number;
    maxWaitMs: number;
  };
  upstreamTimeoutMs: number;
  bodyLimitBytes: number;
  metricsToken: string | null;
  logLevel: string;
  sandboxDb: string;
  /** Sign-in (server/auth/README.md): off unless the OIDC_* variables and SESSION_SECRET are set. */
  auth: AuthConfig;
  /** ALLOW_ANONYMOUS=1: serve a tenant on a network address without sign-in (see exposureVerdict). */
  allowAnonymous: boolean;
  /** AUDIT_LOG: the file the audit log is appended to, or null for the server's log (stdout). */
  auditLog: string | null;
  /** The mirror of the tenant (server/mirror/README.md); null with GAINSIGHT_MIRROR=off. */
  mirror: MirrorSettings | null;
}

interface MirrorSettings {
  /** GAINSIGHT_MIRROR_DB: the SQLite file (default .cockpit/mirror.db). */
  dbPath: string;
  /** Whether GAINSIGHT_MIRROR_DB was set (with the built-in sandbox and no file named, the mirror lives in memory). */
  dbPathSet: boolean;
  /** MIRROR_POLL_S: seconds between delta syncs while a page is open. */
  pollSeconds: number;
  /** MIRROR_RESYNC_MIN: minutes between full resyncs. */
  resyncMinutes: number;
  /** MIRROR_HISTORY_DAYS: days of task history kept. */
  historyDays: number;
}

/** GAINSIGHT_MIRROR: on (the default) or off. */
function readMirror(env: Env): MirrorSettings | null {
  const raw = env.GAINSIGHT_MIRROR?.trim().toLowerCase() ?? '';
  if (!['', 'on', 'off', '1', '0', 'true', 'false'].includes(raw)) {
    throw new SettingsError(
      `GAINSIGHT_MIRROR must be on or off (default on: reads are answered from a local copy of the tenant); got ${JSON.stringify(env.GAINSIGHT_MIRROR)}.`,
    );
  }
  const on = !['off', '0', 'false'].includes(raw);
  const pollSeconds = integer(env, 'MIRROR_POLL_S', 10, 1, 3600, 'the seconds between delta syncs of the mirror while a page is open');
  const resyncMinutes = integer(env, 'MIRROR_RESYNC_MIN', 60, 1, 10_080, 'the minutes between full resyncs of the mirror');
  const historyDays = integer(env, 'MIRROR_HISTORY_DAYS', 90, 1, 3650, 'the days of task history the mirror keeps');
  const db = env.GAINSIGHT_MIRROR_DB?.trim() ?? '';
  // eslint-disable-next-line no-control-regex -- control characters are what is refused
  if (/[\x00-\x1f]/.test(db)) throw new SettingsError('GAINSIGHT_MIRROR_DB must be a file path (no control characters).');
  if (!on) return null;
  return { dbPath: db || '.cockpit/mirror.db', dbPathSet: db !== '', pollSeconds, resyncMinutes, historyDays };
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function integer(env: Env, name: string, fallback: number, min: number, max: number, what: string): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim()))
    throw new SettingsError(`${name} must be ${what}, a whole number from ${min} to ${max}; got ${JSON.stringify(raw)}.`);
  const value = Number(raw.trim());
  if (value < min || value > max) throw new SettingsError(`${name} must be ${what}, from ${min} to ${max}; got ${value}.`);
  return value;
}

export function readSettings(env: Env): TeamServerSettings {
  const host = env.HOST?.trim() || '127.0.0.1';
  if (/[\s/]/.test(host))
    throw new SettingsError(`HOST must be an address to listen on, such as 127.0.0.1 or 0.0.0.0; got ${JSON.stringify(env.HOST)}.`);
  const port = integer(env, 'PORT', 8080, 0, 65535, 'the port to listen on');

  let backend: Backend;
  try {
    backend = resolveBackend(env);
  } catch (e) {
    if (e instanceof BackendConfigError) throw new SettingsError(e.message);
    throw e;
  }

  const instances = integer(env, 'GAINSIGHT_INSTANCES', 1, 1, 100, 'how many team server instances share the tenant');
  const tenantPerMinute = integer(
    env,
    'GAINSIGHT_BUDGET_PER_MIN',
    80,
    1,
    100,
    "this deployment's calls a minute to the tenant (Gainsight allows 100 for all integrations)",
  );
  const tenantPerDay = integer(
    env,
    'GAINSIGHT_BUDGET_PER_DAY',
    80_000,
    1,
    100_000,
    "this deployment's calls a day to the tenant (Gainsight allows 100,000 for all integrations)",
  );
  if (tenantPerMinute < instances) {
    throw new SettingsError(
      `GAINSIGHT_BUDGET_PER_MIN (${tenantPerMinute}) must be at least GAINSIGHT_INSTANCES (${instances}), so each instance gets at least one call a minute.`,
    );
  }
  const maxWaitS = integer(env, 'BUDGET_MAX_WAIT_S', 20, 1, 300, 'how long a call may wait for the budget, in seconds');
  const upstreamTimeoutS = integer(env, 'UPSTREAM_TIMEOUT_S', 30, 1, 600, 'how long to wait for the Gainsight API, in seconds');
  const bodyLimitKb = integer(env, 'BODY_LIMIT_KB', 1024, 1, 102_400, 'the largest request body accepted, in KB');

  const metricsToken = env.METRICS_TOKEN?.trim() ? env.METRICS_TOKEN.trim() : null;
  if (metricsToken !== null && (metricsToken.length < 16 || !/^[\x21-\x7e]+$/.test(metricsToken))) {
    throw new SettingsError(
      'METRICS_TOKEN must be at least 16 printable characters without spaces (for example the output of `openssl rand -hex 24`).',
    );
  }
  const logLevel = env.LOG_LEVEL?.trim().toLowerCase() || 'info';
  if (!LOG_LEVELS.includes(logLevel))
    throw new SettingsError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}; got ${JSON.stringify(env.LOG_LEVEL)}.`);

  const mirror = readMirror(env);

  let auth: AuthConfig;
  let allowAnonymous: boolean;
  let auditLog: string | null;
  try {
    auth = resolveAuthConfig(env);
    allowAnonymous = parseAllowAnonymous(env);
    auditLog = resolveAuditLog(env);
  } catch (e) {
    if (e instanceof AuthConfigError || e instanceof AuditConfigError) throw new SettingsError(e.message);
    throw e;
  }

  return {
    host,
    port,
    distDir: env.DIST_DIR?.trim() || 'dist',
    backend,
    budget: {
      perMinute: Math.floor(tenantPerMinute / instances),
      perDay: Math.floor(tenantPerDay / instances),
      instances,
      maxWaitMs: maxWaitS * 1000,
    },
    upstreamTimeoutMs: upstreamTimeoutS * 1000,
    bodyLimitBytes: bodyLimitKb * 1024,
    metricsToken,
    logLevel,
    sandboxDb: env.SANDBOX_DB?.trim() || '.sandbox/serve.db',
    auth,
    allowAnonymous,
    auditLog,
    mirror,
  };
}

/**
 * The mirror options for createTeamServer, or undefined when the mirror is off. Against the
 * built-in sandbox (a new port and key at every start) the mirror lives in memory unless
 * GAINSIGHT_MIRROR_DB names a file.
 */
export function mirrorOptionsOf(
  settings: Pick<TeamServerSettings, 'mirror'>,
  backendKind: 'tenant' | 'sandbox',
): MirrorOptions | undefined {
  const m = settings.mirror;
  if (!m) return undefined;
  return {
    dbPath: backendKind === 'sandbox' && !m.dbPathSet ? ':memory:' : m.dbPath,
    pollSeconds: m.pollSeconds,
    resyncMinutes: m.resyncMinutes,
    historyDays: m.historyDays,
  };
}

/**
 * The start-up rule: a tenant served on a network address needs sign-in (or ALLOW_ANONYMOUS=1,
 * which starts with a warning). `host` is the address actually listened on: HOST for
 * `npm run serve`, Vite's own host setting for `npm start` and `npm run preview`.
 */
export function exposureVerdict(settings: Pick<TeamServerSettings, 'backend' | 'auth' | 'allowAnonymous'>, host: string): ExposureVerdict {
  return checkExposure({
    host,
    tenantConfigured: settings.backend.kind === 'tenant',
    auth: settings.auth,
    allowAnonymous: settings.allowAnonymous,
  });
}
