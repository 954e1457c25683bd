/**
 * `npm run bench:server`: the team server against the `node:http` server it replaced, side by
 * side in one run, each in its own process, on loopback (autocannon):
 * - requests per second and latency for the app's HTML (`/board`), a hashed script (brotli) and
 *   `/v1/playbooks` through the proxy, to a sandbox of 600 tasks;
 * - each server's memory (RSS, heap) after all of them.
 *   npx tsx bench/server-bench.ts [-- --requests 10000 --connections 10]
 * The old server is restored from git (commit adc1703) into bench/.old-server (gitignored).
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startSandbox } from '../sandbox/index.ts';
import { buildApp } from './lib/servers.ts';

const OLD_COMMIT = 'adc1703';
const OLD_FILES = ['server/app-server.ts', 'server/static-files.ts', 'server/security-headers.ts', 'config/proxy-path.ts'];

const { values } = parseArgs({ options: { requests: { type: 'string' }, connections: { type: 'string' } } });
const REQUESTS = Number(values.requests ?? 10_000);
const CONNECTIONS = Number(values.connections ?? 10);

function restoreOldServer(): boolean {
  try {
    for (const file of OLD_FILES) {
      const text = execFileSync('git', ['show', `${OLD_COMMIT}:${file}`], { encoding: 'utf8' });
      const out = join('bench/.old-server', file);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, text);
    }
    return true;
  } catch (e) {
    console.warn(`old server not available from git (${OLD_COMMIT}): ${e instanceof Error ? e.message.split('\n')[0] : e}`);
    return false;
  }
}

interface Running {
  child: ChildProcess;
  url: string;
}

function startServer(kind: 'team' | 'old', distDir: string, target: string, accessKey: string): Promise<Running> {
  const child = fork(new URL('./lib/server-process.ts', import.meta.url).pathname, [kind, distDir, target, accessKey], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`${kind} server exited with ${code}`)));
  });
}

function memoryOf(child: ChildProcess): Promise<NodeJS.MemoryUsage> {
  return new Promise((resolve) => {
    child.once('message', (m: { memory: NodeJS.MemoryUsage }) => resolve(m.memory));
    child.send('memory');
  });
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, amount: REQUESTS, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

const distDir = await buildApp();
const script = readdirSync(join(distDir, 'assets')).find((f) => /^app-.*\.js$/.test(f));
const sandbox = await startSandbox({ db: ':memory:', tasks: 600, seed: 1 });
const kinds: ('team' | 'old')[] = restoreOldServer() ? ['old', 'team'] : ['team'];

const rows: string[][] = [];
const memory: Record<string, NodeJS.MemoryUsage> = {};
for (const kind of kinds) {
  const server = await startServer(kind, distDir, sandbox.url, sandbox.accessKey);
  const targets: [string, string, Record<string, string>][] = [
    ['/board (index.html, br)', `${server.url}/board`, { 'accept-encoding': 'br, gzip' }],
    [`/assets/${script} (br)`, `${server.url}/assets/${script}`, { 'accept-encoding': 'br, gzip' }],
    ['/v1/playbooks (proxy)', `${server.url}/v1/playbooks`, { 'accept-encoding': 'br, gzip' }],
  ];
  for (const [label, url, headers] of targets) {
    await load(url, headers); // a warm-up pass, not counted
    const r = await load(url, headers);
    rows.push([kind, label, r.rps.toFixed(0), `${r.p50} ms`, `${r.p99} ms`, String(r.non2xx), String(r.errors)]);
  }
  memory[kind] = await memoryOf(server.child);
  server.child.kill('SIGTERM');
}
await sandbox.close();

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
console.log(`\nServer benchmark: ${REQUESTS} requests per target, ${CONNECTIONS} connections, loopback, sandbox of 600 tasks`);
console.log(['server', 'target', 'req/s', 'p50', 'p99', 'non-2xx', 'errors'].join(' | '));
for (const r of rows) console.log(r.join(' | '));
for (const [kind, m] of Object.entries(memory)) {
  console.log(
    `${kind}: memory after ${REQUESTS * 6} requests (after GC): RSS ${mb(m.rss)}, heap used ${mb(m.heapUsed)}, external ${mb(m.external)}`,
  );
}
process.exit(0);
