/**
 * Starts what the end-to-end tests need, fresh for each run:
 * - the local API server on an in-memory database with a fixed seed;
 * - a production build of the app, made with the access key in the environment (the tests check
 *   that it appears in no built file);
 * - the team server (server/team-server.ts, what `npm run serve` runs) over that build, in front
 *   of the sandbox, twice: the app most tests use (with a budget far above what the tests send, so
 *   they test the app, not the wait), and the "production" one with the default budget;
 * - Vite's preview server with a wrong key (for the 401 page), which runs the same team server code
 *   inside Vite (server/vite-plugin.ts), as `npm start` does;
 * - a sandbox with Gainsight's 100-a-minute limit on, behind a team server with its default
 *   budget (e2e/team-budget.spec.ts);
 * - a second sandbox with 10,000 tasks behind the team server (e2e/budgets.spec.ts);
 * - a team server with the mirror on (polling every E2E.mirrorPollSeconds), over a sandbox of its
 *   own reached through a forwarder the tests can switch off (e2e/live.spec.ts);
 * - a team server with sign-in on, over the first sandbox, and the real OpenID provider it signs
 *   in with (oidc-provider, in this process); its audit log goes to E2E.signInAuditLog
 *   (e2e/sign-in.spec.ts).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview, type PreviewServer } from 'vite';
import type { FastifyInstance } from 'fastify';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { resolveAuthConfig } from '../server/auth/auth-config.ts';
import { createTeamServer } from '../server/team-server.ts';
import { E2E } from './env.ts';
import { oidcEnv, startTestProvider } from './oidc-helpers.ts';
import { startSwitchableUpstream } from './switchable-upstream.ts';

const TEST_BUDGET = { perMinute: 100_000, perDay: 10_000_000, maxWaitMs: 20_000 };

const sandbox = await startSandbox({
  port: E2E.sandboxPort,
  db: ':memory:',
  accessKey: E2E.accessKey,
  seed: E2E.seed,
  tasks: E2E.tasks,
});

function pointAppAt(key: string) {
  delete process.env.GAINSIGHT_DOMAIN;
  process.env.GAINSIGHT_BASE_URL = sandbox.url;
  process.env.GAINSIGHT_ACCESS_KEY = key;
}

pointAppAt(E2E.accessKey);
await build({ logLevel: 'warn', build: { outDir: E2E.outDir, emptyOutDir: true } });

const teamServers: FastifyInstance[] = [];
async function serveTeam(port: number, backend: Sandbox, budget?: typeof TEST_BUDGET) {
  const { app } = await createTeamServer({
    distDir: E2E.outDir,
    backend: { target: backend.url, accessKey: E2E.accessKey },
    budget,
    logger: process.env.E2E_SERVER_LOG ? { level: 'info' } : false,
  });
  await app.listen({ port, host: '127.0.0.1' });
  teamServers.push(app);
}

await serveTeam(E2E.appPort, sandbox, TEST_BUDGET);
await serveTeam(E2E.prodPort, sandbox);

pointAppAt(E2E.wrongKey);
// Its mirror would only retry a refused key (and write .cockpit/mirror.db): the 401 page is what it is for.
process.env.GAINSIGHT_MIRROR = 'off';
const wrongKeyPreview: PreviewServer = await preview({
  logLevel: 'warn',
  build: { outDir: E2E.outDir },
  preview: { port: E2E.wrongKeyAppPort, strictPort: true },
});

const limitedSandbox = await startSandbox({
  port: E2E.limitedSandboxPort,
  db: ':memory:',
  accessKey: E2E.accessKey,
  seed: E2E.seed,
  tasks: E2E.tasks,
  faults: { rateLimit: 100 },
});
await serveTeam(E2E.limitedAppPort, limitedSandbox);

const bigSandbox = await startSandbox({
  port: E2E.bigSandboxPort,
  db: ':memory:',
  accessKey: E2E.accessKey,
  seed: E2E.seed,
  tasks: E2E.bigTasks,
});
await serveTeam(E2E.bigAppPort, bigSandbox, TEST_BUDGET);

const mirrorSandbox = await startSandbox({
  port: E2E.mirrorSandboxPort,
  db: ':memory:',
  accessKey: E2E.accessKey,
  seed: E2E.seed,
  tasks: E2E.tasks,
});
const forwarder = await startSwitchableUpstream({
  port: E2E.mirrorForwarderPort,
  controlPort: E2E.mirrorForwarderControlPort,
  targetPort: E2E.mirrorSandboxPort,
});
const mirrorDb = join(tmpdir(), `cockpit-board-e2e-mirror-${E2E.mirrorAppPort}.db`);
for (const suffix of ['', '-wal', '-shm']) rmSync(mirrorDb + suffix, { force: true });
const mirrorServer = await createTeamServer({
  distDir: E2E.outDir,
  backend: { target: `http://127.0.0.1:${E2E.mirrorForwarderPort}/v1`, accessKey: E2E.accessKey },
  budget: TEST_BUDGET,
  // A short upstream timeout, so the "Gainsight unreachable" test does not wait 30 s per call.
  upstreamTimeoutMs: 5_000,
  logger: process.env.E2E_SERVER_LOG ? { level: 'info' } : false,
  mirror: { dbPath: mirrorDb, pollSeconds: E2E.mirrorPollSeconds },
});
await mirrorServer.app.listen({ port: E2E.mirrorAppPort, host: '127.0.0.1' });
teamServers.push(mirrorServer.app);

const provider = await startTestProvider({
  redirectUris: [`${E2E.signInAppUrl}/auth/callback`],
  accounts: { ana: { name: 'Ana Souza', email: 'ana@acme.example' } },
});
writeFileSync(E2E.signInAuditLog, '');
const signIn = await createTeamServer({
  distDir: E2E.outDir,
  backend: { target: sandbox.url, accessKey: E2E.accessKey },
  budget: TEST_BUDGET,
  logger: process.env.E2E_SERVER_LOG ? { level: 'info' } : false,
  auth: resolveAuthConfig(oidcEnv(provider, E2E.signInAppUrl)),
  audit: { file: E2E.signInAuditLog },
});
await signIn.app.listen({ port: E2E.signInAppPort, host: '127.0.0.1' });
teamServers.push(signIn.app);
console.log(
  `e2e: sandbox ${sandbox.url}, app ${E2E.appUrl}, wrong-key app ${E2E.wrongKeyAppUrl}, ${E2E.bigTasks}-task app ${E2E.bigAppUrl}, ` +
    `sign-in app ${E2E.signInAppUrl} (provider ${provider.issuer})`,
);

const stop = async () => {
  await wrongKeyPreview.close();
  for (const app of teamServers) await app.close();
  await forwarder.close();
  for (const s of [sandbox, limitedSandbox, bigSandbox, mirrorSandbox]) await s.close();
  await provider.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
