/**
 * `npm run serve`: serves the built app (dist/) and the /v1 proxy in production.
 * HOST and PORT from the environment (default 127.0.0.1:8080); the backend from
 * GAINSIGHT_DOMAIN or GAINSIGHT_BASE_URL plus GAINSIGHT_ACCESS_KEY (environment or .env.local).
 * With none set it serves the built-in sandbox, for a demo.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEnv } from 'vite';
import { BackendConfigError, resolveBackend } from '../config/backend.ts';
import { createAppServer } from './app-server.ts';

const env = { ...loadEnv('production', process.cwd(), ''), ...process.env };
const host = env.HOST || '127.0.0.1';
const port = Number(env.PORT || 8080);
const distDir = resolve(env.DIST_DIR || 'dist');

if (!existsSync(resolve(distDir, 'index.html'))) {
  console.error(`Cockpit Board: no build in ${distDir}; run npm run build first.`);
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Cockpit Board: PORT must be a port number, got "${env.PORT}".`);
  process.exit(1);
}

let backend;
try {
  backend = resolveBackend(env);
} catch (e) {
  if (e instanceof BackendConfigError) {
    console.error(`Cockpit Board cannot start: ${e.message}`);
    process.exit(1);
  }
  throw e;
}

let target: { target: string; accessKey: string };
let closeSandbox: (() => Promise<void>) | undefined;
if (backend.kind === 'tenant') {
  target = backend;
  console.log(`Cockpit Board: API backend is ${backend.label}`);
} else {
  const { startSandbox } = await import('../sandbox/index.ts');
  const sandbox = await startSandbox({ db: '.sandbox/serve.db', tasks: 600, seed: 1 });
  target = { target: sandbox.url, accessKey: sandbox.accessKey };
  closeSandbox = sandbox.close;
  console.log(`Cockpit Board: no tenant configured; API backend is the built-in sandbox at ${sandbox.url}`);
}

const server = createAppServer({ distDir, backend: target, log: (l) => console.error(l) });
server.listen(port, host, () => console.log(`Cockpit Board: serving ${distDir} on http://${host}:${port}`));
const stop = () => server.close(() => void (closeSandbox?.() ?? Promise.resolve()).then(() => process.exit(0)));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
