/**
 * The production install, as the README and the Dockerfile do it: the build (app and compiled
 * server) copied with package.json and the lockfile into a fresh folder, `npm ci --omit=dev`,
 * then `npm run serve` on plain Node. No Vite, no tsx, no sandbox code: the board must still come
 * up and work through the team server against the API.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test, expect } from './fixtures.ts';
import { E2E } from './env.ts';

const root = resolve(import.meta.dirname, '..');
let dir: string;
let server: ChildProcess | undefined;
let output = '';

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  dir = mkdtempSync(join(tmpdir(), 'cockpit-install-'));
  for (const file of ['package.json', 'package-lock.json']) cpSync(join(root, file), join(dir, file));
  cpSync(join(root, E2E.outDir), join(dir, 'dist'), { recursive: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.server.json'), '--outDir', join(dir, 'dist-server')], {
    cwd: root,
    stdio: 'pipe',
  });
  cpSync(join(root, 'openapi'), join(dir, 'dist-server', 'openapi'), { recursive: true });
  // better-sqlite3 (the mirror) is a native addon whose install script compiles it where its
  // prebuilt binary cannot be downloaded (minutes on a loaded 2-core machine): the install runs
  // without scripts and takes the addon this checkout already built, for the same Node.
  execFileSync('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'pipe',
    timeout: 240_000,
  });
  cpSync(
    join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
    join(dir, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'),
  );
});

/** npm runs the server in a child of its own: stop the whole process group. */
async function stop(child: ChildProcess | undefined) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  process.kill(-child.pid!, 'SIGTERM');
  await exited;
}

test.afterAll(async () => {
  await stop(server);
  rmSync(dir, { recursive: true, force: true });
});

function serve(env: Record<string, string>) {
  const child = spawn('npm', ['run', '--silent', 'serve'], {
    cwd: dir,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? dir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  return child;
}

test('installed with --omit=dev: no dev tools on disk, and the board works through npm run serve', async ({ page }) => {
  test.setTimeout(90_000);
  for (const devOnly of ['vite', 'tsx', 'typescript', '@playwright/test']) {
    expect(existsSync(join(dir, 'node_modules', devOnly)), `${devOnly} is a dev dependency`).toBe(false);
  }
  // better-sqlite3 is a production dependency: the team server's mirror of the tenant.
  for (const production of ['fastify', 'better-sqlite3']) expect(existsSync(join(dir, 'node_modules', production))).toBe(true);

  server = serve({
    GAINSIGHT_BASE_URL: `${E2E.sandboxOrigin}/v1`,
    GAINSIGHT_ACCESS_KEY: E2E.accessKey,
    PORT: String(E2E.installedAppPort),
  });
  const url = `http://127.0.0.1:${E2E.installedAppPort}`;
  await expect.poll(async () => (await fetch(`${url}/healthz`).catch(() => null))?.status, { timeout: 30_000, message: output }).toBe(200);
  const ready = await fetch(`${url}/readyz`);
  expect(ready.status).toBe(200);

  await page.goto(`${url}/board`);
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Not Started', exact: true }).getByRole('article').first()).toBeVisible();
  // The calendar feed's iCalendar writer (ical-generator) is a production dependency too.
  const feed = await fetch(`${url}/calendar.ics?owner=NO_SUCH_OWNER`);
  expect(feed.status).toBe(200);
  expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
  expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*END:VCALENDAR\r\n$/);
  expect(output).toContain('team server ready');
  expect(output).not.toContain(E2E.accessKey);
});

test('installed with --omit=dev and no tenant: says the demo sandbox needs the dev install', async () => {
  let out = '';
  const child = spawn('npm', ['run', '--silent', 'serve'], {
    cwd: dir,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? dir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((r) => child.once('exit', r));
  expect(code).toBe(1);
  expect(out).toContain('Cockpit Board cannot start');
  expect(out).toContain('npm ci --omit=dev');
  expect(out).toContain('GAINSIGHT_DOMAIN');
});
