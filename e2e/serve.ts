/**
 * Starts what the end-to-end tests need, fresh for each run:
 * - the local API server on an in-memory database with a fixed seed;
 * - a production build of the app, made with the access key in the environment (the tests check
 *   that it appears in no built file);
 * - the app's preview server proxying to the sandbox with the right key, and a second one with a
 *   wrong key (for the 401 page);
 * - a second sandbox with 10,000 tasks behind the production server (e2e/budgets.spec.ts).
 */
import { build, preview, type PreviewServer } from 'vite';
import { startSandbox } from '../sandbox/index.ts';
import { createAppServer } from '../server/app-server.ts';
import { E2E } from './env.ts';

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

const servers: PreviewServer[] = [];
for (const [port, key] of [
  [E2E.appPort, E2E.accessKey],
  [E2E.wrongKeyAppPort, E2E.wrongKey],
] as const) {
  pointAppAt(key);
  servers.push(await preview({ logLevel: 'warn', build: { outDir: E2E.outDir }, preview: { port, strictPort: true } }));
}
const prod = createAppServer({ distDir: E2E.outDir, backend: { target: sandbox.url, accessKey: E2E.accessKey } });
await new Promise<void>((resolve) => prod.listen(E2E.prodPort, '127.0.0.1', resolve));

const bigSandbox = await startSandbox({
  port: E2E.bigSandboxPort,
  db: ':memory:',
  accessKey: E2E.accessKey,
  seed: E2E.seed,
  tasks: E2E.bigTasks,
});
const bigProd = createAppServer({ distDir: E2E.outDir, backend: { target: bigSandbox.url, accessKey: E2E.accessKey } });
await new Promise<void>((resolve) => bigProd.listen(E2E.bigAppPort, '127.0.0.1', resolve));
console.log(`e2e: sandbox ${sandbox.url}, app ${E2E.appUrl}, wrong-key app ${E2E.wrongKeyAppUrl}, ${E2E.bigTasks}-task app ${E2E.bigAppUrl}`);

const stop = async () => {
  for (const s of servers) await s.close();
  await new Promise((r) => prod.close(r));
  await new Promise((r) => bigProd.close(r));
  await sandbox.close();
  await bigSandbox.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
