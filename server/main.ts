/**
 * `npm run serve`: the team server in production, on plain Node with only the production
 * dependencies (compiled to dist-server/ by `npm run build`). Settings come from the environment
 * (see server/settings.ts and the README's "Deploying for a team"). With no tenant configured it
 * serves the built-in sandbox for a demo, which needs the development dependencies.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AuditConfigError } from './auth/audit.ts';
import { MirrorFileError } from './mirror/mirror-db.ts';
import { loadEnvironment } from './env-files.ts';
import { exposureVerdict, mirrorOptionsOf, readSettings, SettingsError, type TeamServerSettings } from './settings.ts';
import { createTeamServer, installGracefulShutdown } from './team-server.ts';

function fail(message: string): never {
  console.error(`Cockpit Board cannot start: ${message}`);
  process.exit(1);
}

let settings: TeamServerSettings;
try {
  settings = readSettings(loadEnvironment());
} catch (e) {
  if (e instanceof SettingsError) fail(e.message);
  throw e;
}

// A tenant on a network address without sign-in: anyone who can reach it could use the tenant's key.
const exposure = exposureVerdict(settings, settings.host);
if (!exposure.start) fail(exposure.message);

const distDir = resolve(settings.distDir);
if (!existsSync(resolve(distDir, 'index.html'))) fail(`no build in ${distDir} (DIST_DIR): run npm run build first.`);

let backend: { target: string; accessKey: string; label: string };
let closeSandbox: (() => Promise<void>) | undefined;
if (settings.backend.kind === 'tenant') {
  backend = settings.backend;
} else {
  // Only the demo backend loads the sandbox, and with it SQLite and the spec validators (dev dependencies).
  let sandboxModule: typeof import('../sandbox/index.ts');
  try {
    sandboxModule = await import('../sandbox/index.ts');
  } catch (e) {
    fail(
      'no tenant is configured (set GAINSIGHT_DOMAIN or GAINSIGHT_BASE_URL, and GAINSIGHT_ACCESS_KEY), and the built-in sandbox ' +
        `cannot load without the development dependencies (install with npm ci, not npm ci --omit=dev): ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  const sandbox = await sandboxModule.startSandbox({ db: settings.sandboxDb, tasks: 600, seed: 1 });
  backend = { target: sandbox.url, accessKey: sandbox.accessKey, label: `the built-in sandbox at ${sandbox.url} (${settings.sandboxDb})` };
  closeSandbox = sandbox.close;
}

let team: Awaited<ReturnType<typeof createTeamServer>>;
try {
  team = await createTeamServer({
    backend,
    distDir,
    budget: settings.budget,
    upstreamTimeoutMs: settings.upstreamTimeoutMs,
    bodyLimitBytes: settings.bodyLimitBytes,
    metricsToken: settings.metricsToken,
    logger: { level: settings.logLevel },
    auth: settings.auth,
    audit: { file: settings.auditLog },
    mirror: mirrorOptionsOf(settings, settings.backend.kind),
  });
} catch (e) {
  // AUDIT_LOG names a file that cannot be opened for appending, or GAINSIGHT_MIRROR_DB one that cannot be opened at all.
  if (e instanceof AuditConfigError || e instanceof MirrorFileError) fail(e.message);
  throw e;
}
const { app } = team;
if (exposure.warning) app.log.warn(exposure.warning);
installGracefulShutdown(app, closeSandbox);
try {
  await app.listen({ host: settings.host, port: settings.port });
} catch (e) {
  fail(`cannot listen on ${settings.host}:${settings.port} (HOST, PORT): ${e instanceof Error ? e.message : String(e)}`);
}
app.log.info(
  {
    backend: backend.label,
    budgetPerMinute: settings.budget.perMinute,
    budgetPerDay: settings.budget.perDay,
    instances: settings.budget.instances,
    distDir,
    signIn: settings.auth.kind === 'oidc' ? { issuer: settings.auth.issuer.href, publicUrl: settings.auth.publicOrigin } : 'off',
    auditLog: settings.auditLog ?? 'stdout',
    mirror: settings.mirror
      ? { file: mirrorOptionsOf(settings, settings.backend.kind)!.dbPath, pollSeconds: settings.mirror.pollSeconds }
      : 'off',
  },
  'Cockpit Board team server ready',
);
