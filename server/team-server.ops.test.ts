import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/index.ts';
import { createTeamServer, type TeamServerOptions } from './team-server.ts';

const KEY = 'ops-test-key-4242';
const dist = mkdtempSync(join(tmpdir(), 'team-ops-'));
let upstream: Server;
let upstreamUrl: string;
let behave: (req: IncomingMessage, res: ServerResponse, body: string) => void;
const seen: { method: string; url: string; body: string }[] = [];
const started: FastifyInstance[] = [];

function json(res: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(
    JSON.stringify(
      status < 400
        ? { result: true, data, requestId: 'up-1' }
        : { result: false, errorCode: 'UP', errorDesc: String(data), requestId: 'up-1' },
    ),
  );
}

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, body });
      behave(req, res, body);
    });
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
});

afterEach(async () => {
  seen.length = 0;
  for (const app of started.splice(0)) await app.close();
});

afterAll(async () => {
  await new Promise((r) => upstream.close(r));
  rmSync(dist, { recursive: true, force: true });
});

async function start(options: Partial<TeamServerOptions> = {}) {
  const team = await createTeamServer({ distDir: dist, backend: { target: upstreamUrl, accessKey: KEY }, logger: false, ...options });
  started.push(team.app);
  const url = await team.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...team, url };
}

async function waitFor(check: () => boolean) {
  for (let i = 0; i < 250 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
  expect(check()).toBe(true);
}

const search = (url: string, body = '{"limit":50}', headers: Record<string, string> = {}) =>
  fetch(`${url}/v1/tasks/search`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('team server: tenant budget through the proxy', () => {
  it('sends identical concurrent searches once and answers all of them', async () => {
    behave = (_req, res) => setTimeout(() => json(res, 200, { records: [{ Gsid: 'T1' }] }), 100);
    const { url } = await start();
    const answers = await Promise.all([search(url), search(url), search(url), search(url, '{"limit":51}')]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const bodies = await Promise.all(answers.map((a) => a.json() as Promise<{ data: unknown }>));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(seen.map((s) => s.body)).toEqual(['{"limit":50}', '{"limit":51}']);
  });

  it('answers 429 with the Gainsight envelope and Retry-After when a call would wait too long', async () => {
    behave = (_req, res) => json(res, 200, { records: [] });
    const { url } = await start({ budget: { perMinute: 2, perDay: 100, maxWaitMs: 5_000 } });
    expect((await search(url, '{"limit":1}')).status).toBe(200);
    expect((await search(url, '{"limit":2}')).status).toBe(200);
    const refused = await search(url, '{"limit":3}');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(await refused.json()).toMatchObject({
      result: false,
      errorCode: 'GS_APIG_1429',
      errorDesc: expect.stringContaining("this minute's share"),
    });
    expect(seen).toHaveLength(2);
  });

  it('holds a call back after an upstream 429 and sends it again after the pause, so the browser sees no 429', async () => {
    let calls = 0;
    behave = (_req, res) => (++calls === 1 ? json(res, 429, 'rate limited', { 'Retry-After': '1' }) : json(res, 200, { ok: calls }));
    const { url, metrics } = await start({ upstreamPauseMs: 300 });
    const t0 = Date.now();
    const res = await fetch(`${url}/v1/tasks/T1`, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"Name":"x"}' });
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1000);
    expect(seen.map((s) => s.method)).toEqual(['PUT', 'PUT']);
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/cockpit_upstream_requests_total\{operation="tasks.update",outcome="429"\} 1/);
    expect(text).toMatch(/cockpit_upstream_pauses_total 1/);
  }, 20_000);

  it('drops a read still waiting for the budget when its browser goes away: the tenant never gets it', async () => {
    behave = (_req, res) => json(res, 200, {});
    const { url, scheduler } = await start({ budget: { perMinute: 1, perDay: 100, maxWaitMs: 150_000 } });
    await search(url, '{"first":1}');
    const left = new AbortController();
    // One read waits and stays; the other's browser goes away while it waits.
    const staying = search(url, '{"stays":1}').catch(() => 'closed');
    const waiting = fetch(`${url}/v1/tasks/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"left":2}',
      signal: left.signal,
    }).catch(() => 'aborted');
    await waitFor(() => scheduler.state().queued === 2);
    left.abort();
    expect(await waiting).toBe('aborted');
    await waitFor(() => scheduler.state().queued === 1);
    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/cockpit_proxy_requests_total\{operation="tasks.search",served="abandoned"\} 1/);
    expect(seen.map((r) => r.body)).toEqual(['{"first":1}']);
    void staying; // answered 503 when the server closes after the test
  });

  it('answers calls still waiting for the budget with a 503 at shutdown instead of holding it up', async () => {
    behave = (_req, res) => json(res, 200, {});
    const { app, url } = await start({ budget: { perMinute: 1, perDay: 100, maxWaitMs: 70_000 } });
    await search(url, '{"first":1}');
    const waiting = [
      search(url, '{"later":1}'),
      fetch(`${url}/v1/tasks`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
    ];
    for (let i = 0; i < 50; i++) {
      const state = (await (await fetch(`${url}/readyz`)).json()) as { budget: { queued: number } };
      if (state.budget.queued === 2) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    const t0 = Date.now();
    await app.close();
    expect(Date.now() - t0).toBeLessThan(5_000);
    const answers = await Promise.all(waiting);
    expect(answers.map((a) => a.status)).toEqual([503, 503]);
    expect(await answers[1]!.json()).toMatchObject({ errorCode: 'PROXY_503', errorDesc: expect.stringContaining('restarting') });
    expect(seen).toHaveLength(1);
  });
});

describe('team server: bad input and faults', () => {
  it('answers 413 with the envelope to a body over the limit, and sends nothing', async () => {
    behave = (_req, res) => json(res, 200, {});
    const { url } = await start({ bodyLimitBytes: 1024 });
    const res = await search(url, JSON.stringify({ x: 'y'.repeat(2000) }));
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ result: false, errorCode: 'PROXY_413' });
    expect(seen).toHaveLength(0);
  });

  it('times out a slow upstream with a 504 envelope', async () => {
    behave = (_req, res) => setTimeout(() => json(res, 200, {}), 2_000);
    const { url } = await start({ upstreamTimeoutMs: 300 });
    const res = await fetch(`${url}/v1/playbooks`);
    expect(res.status).toBe(504);
    expect(await res.json()).toMatchObject({ result: false, errorCode: 'PROXY_504', errorDesc: expect.stringContaining('did not answer') });
  });
});

describe('team server: operations', () => {
  it('/healthz answers without calling the tenant', async () => {
    behave = (_req, res) => json(res, 200, {});
    const { url } = await start();
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
    expect(seen).toHaveLength(0);
  });

  it('/readyz asks the tenant when it has heard nothing, and says why it is not ready', async () => {
    behave = (_req, res) => json(res, 200, { records: [] });
    const { url } = await start();
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      status: 'ready',
      upstream: { reachable: true },
      budget: { minuteLeft: 79, dayLeft: 79_999 },
    });
    expect(seen).toHaveLength(1);

    behave = (_req, res) => json(res, 401, 'Unauthorized');
    const refused = await start();
    const res = await fetch(`${refused.url}/readyz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ status: 'unavailable', problem: expect.stringContaining('refused the access key') });

    const down = await createTeamServer({ distDir: dist, backend: { target: 'http://127.0.0.1:1/v1', accessKey: KEY }, logger: false });
    started.push(down.app);
    const downUrl = await down.app.listen({ port: 0, host: '127.0.0.1' });
    const unreachable = await fetch(`${downUrl}/readyz`);
    expect(unreachable.status).toBe(503);
    expect(await unreachable.json()).toMatchObject({ problem: expect.stringContaining('cannot be reached') });
  });

  it('/metrics: Prometheus text on loopback; with METRICS_TOKEN only with the bearer token', async () => {
    behave = (_req, res) => json(res, 200, []);
    const { url } = await start();
    await (await fetch(`${url}/v1/playbooks`)).text();
    const res = await fetch(`${url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    for (const name of [
      'cockpit_upstream_requests_total',
      'cockpit_budget_remaining',
      'cockpit_queue_length',
      'cockpit_queue_wait_seconds_bucket',
      'cockpit_proxy_duration_seconds_bucket',
    ]) {
      expect(text).toContain(name);
    }
    expect(text).toMatch(/cockpit_upstream_requests_total\{operation="playbooks.list",outcome="2xx"\} 1/);
    expect(text).toMatch(/cockpit_budget_remaining\{window="minute"\} 79/);
    expect(text).not.toContain(KEY);

    const token = 'metrics-token-0123456789';
    const guarded = await start({ metricsToken: token });
    const status = async (headers: Record<string, string> = {}) => {
      const res = await fetch(`${guarded.url}/metrics`, { headers });
      await res.text();
      return res.status;
    };
    expect(await status()).toBe(401);
    expect(await status({ Authorization: 'Bearer wrong-token-0123456789' })).toBe(401);
    expect(await status({ Authorization: `Bearer ${token}` })).toBe(200);
  });

  it('logs JSON lines with a request id on each, never the key and never a cookie', async () => {
    behave = (_req, res) => json(res, 200, { records: [] }, { 'Set-Cookie': 'upstream=secret-cookie' });
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(...chunk.toString().split('\n').filter(Boolean));
        done();
      },
    });
    const { url } = await start({ logger: { level: 'info', stream } });
    await search(url, '{"limit":1}', {
      Cookie: 'sid=browser-cookie-value',
      Authorization: 'Bearer browser-token',
      accessKey: 'forged-key',
    });
    await fetch(`${url}/healthz`);
    const parsed = lines.map((l) => JSON.parse(l) as { reqId?: string; msg: string });
    const requestLines = parsed.filter((l) => l.msg !== 'Server listening at ' + url && !l.msg.startsWith('Server listening'));
    expect(requestLines.length).toBeGreaterThanOrEqual(4);
    expect(requestLines.every((l) => typeof l.reqId === 'string' && l.reqId.length > 0)).toBe(true);
    expect(parsed.some((l) => l.msg === 'proxied')).toBe(true);
    const all = lines.join('\n');
    for (const secret of [KEY, 'browser-cookie-value', 'browser-token', 'forged-key', 'secret-cookie']) expect(all).not.toContain(secret);
  });
});

describe('team server: process', () => {
  function runMain(env: Record<string, string>) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      // The mirror's background syncs would reach the fake tenant: off unless a test turns it on.
      env: { PATH: process.env.PATH!, DIST_DIR: dist, LOG_LEVEL: 'info', GAINSIGHT_MIRROR: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    return { child, output: () => out, exited };
  }

  it.each([
    [{ GAINSIGHT_BASE_URL: 'ftp://x', GAINSIGHT_ACCESS_KEY: 'k' }, 'GAINSIGHT_BASE_URL must be an http or https URL'],
    [{ GAINSIGHT_BUDGET_PER_MIN: '500' }, 'GAINSIGHT_BUDGET_PER_MIN'],
    [{ PORT: 'x' }, 'PORT must be'],
    [{ OIDC_ISSUER: 'https://sso.acme.example', OIDC_CLIENT_ID: 'board' }, 'OIDC_CLIENT_SECRET, PUBLIC_URL, SESSION_SECRET are not set'],
    [{ ALLOW_ANONYMOUS: 'maybe' }, 'ALLOW_ANONYMOUS must be 1'],
    [
      { GAINSIGHT_BASE_URL: 'http://127.0.0.1:1/v1', GAINSIGHT_ACCESS_KEY: 'k', AUDIT_LOG: '/nonexistent-folder-4242/audit.jsonl' },
      'AUDIT_LOG=/nonexistent-folder-4242/audit.jsonl cannot be opened',
    ],
  ])('stops at start-up on bad configuration %o, naming the variable', async (env, message) => {
    const run = runMain(env);
    expect(await run.exited).toBe(1);
    expect(run.output()).toContain('Cockpit Board cannot start');
    expect(run.output()).toContain(message);
    expect(run.output()).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('on SIGTERM finishes the request in flight, then exits 0', async () => {
    behave = (_req, res) => setTimeout(() => json(res, 200, { slow: true }), 1_500);
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const run = runMain({ GAINSIGHT_BASE_URL: upstreamUrl, GAINSIGHT_ACCESS_KEY: KEY, PORT: String(port) });
    for (let i = 0; i < 250 && !run.output().includes('team server ready'); i++) await new Promise((r) => setTimeout(r, 100));
    expect(run.output()).toContain('team server ready');
    const inFlight = fetch(`http://127.0.0.1:${port}/v1/playbooks`);
    for (let i = 0; i < 50 && seen.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    run.child.kill('SIGTERM');
    const res = await inFlight;
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ data: { slow: true } });
    expect(await run.exited).toBe(0);
    expect(run.output()).toContain('shutting down');
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  }, 30_000);

  const randomPort = () => 20_000 + Math.floor(Math.random() * 20_000);
  async function untilReady(run: ReturnType<typeof runMain>) {
    for (let i = 0; i < 250 && !run.output().includes('team server ready') && run.child.exitCode === null; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect(run.output()).toContain('team server ready');
  }

  it('refuses to serve a tenant on a network address without sign-in, saying what to set', async () => {
    const run = runMain({ GAINSIGHT_BASE_URL: upstreamUrl, GAINSIGHT_ACCESS_KEY: KEY, HOST: '0.0.0.0', PORT: String(randomPort()) });
    expect(await run.exited).toBe(1);
    const out = run.output();
    expect(out).toContain('Cockpit Board cannot start: Refusing to serve the Gainsight tenant on "0.0.0.0"');
    expect(out).toContain('Set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL and SESSION_SECRET');
    expect(out).toContain('ALLOW_ANONYMOUS=1');
    expect(out).not.toContain(KEY);
    expect(out).not.toMatch(/\n\s+at /);
    expect(seen).toEqual([]);
  });

  it('with ALLOW_ANONYMOUS=1 serves a tenant on a network address, logging a warning', async () => {
    behave = (_req, res) => json(res, 200, []);
    const port = randomPort();
    const run = runMain({
      GAINSIGHT_BASE_URL: upstreamUrl,
      GAINSIGHT_ACCESS_KEY: KEY,
      HOST: '0.0.0.0',
      PORT: String(port),
      ALLOW_ANONYMOUS: '1',
    });
    await untilReady(run);
    const warning = run
      .output()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .find((l) => l.msg.startsWith('ALLOW_ANONYMOUS=1'));
    expect(warning).toMatchObject({ level: 40, msg: expect.stringContaining('without sign-in') });
    expect((await fetch(`http://127.0.0.1:${port}/v1/playbooks`)).status).toBe(200);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  }, 30_000);

  it('with sign-in configured serves a tenant on a network address, and the API needs a session', async () => {
    const port = randomPort();
    const run = runMain({
      GAINSIGHT_BASE_URL: upstreamUrl,
      GAINSIGHT_ACCESS_KEY: KEY,
      HOST: '0.0.0.0',
      PORT: String(port),
      // The provider need not be up to start: it is asked at the first sign-in.
      OIDC_ISSUER: 'http://127.0.0.1:1',
      OIDC_CLIENT_ID: 'board',
      OIDC_CLIENT_SECRET: 'process-test-client-secret',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      SESSION_SECRET: 'process-test-session-secret-0123456789abcdef',
    });
    await untilReady(run);
    const api = await fetch(`http://127.0.0.1:${port}/v1/playbooks`);
    expect(api.status).toBe(401);
    expect(await api.json()).toMatchObject({ errorCode: 'AUTH_401' });
    expect((await fetch(`http://127.0.0.1:${port}/board`)).status).toBe(200);
    const login = await fetch(`http://127.0.0.1:${port}/auth/login?returnTo=%2Fboard`, { redirect: 'manual' });
    expect(login.status).toBe(502);
    expect(await login.text()).toContain('Sign-in is unavailable');
    expect(seen).toEqual([]);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(run.output()).not.toContain('process-test-client-secret');
    expect(run.output()).not.toContain('process-test-session-secret');
  }, 30_000);
});

describe('team server: process with the mirror', () => {
  it('syncs at start into GAINSIGHT_MIRROR_DB, answers from it, and after a restart resumes with a delta', async () => {
    const lines: string[] = [];
    const sandbox = await startSandbox({ tasks: 40, seed: 5, today: '2026-06-15', log: (l) => lines.push(l) });
    const file = join(dist, 'process-mirror', 'mirror.db');
    const run = (port: number) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
        env: {
          PATH: process.env.PATH!,
          DIST_DIR: dist,
          LOG_LEVEL: 'info',
          GAINSIGHT_BASE_URL: sandbox.url,
          GAINSIGHT_ACCESS_KEY: sandbox.accessKey,
          PORT: String(port),
          GAINSIGHT_MIRROR_DB: file,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      return { child, output: () => out, exited: new Promise<number | null>((r) => child.on('exit', (code) => r(code))) };
    };
    const until = async (r: ReturnType<typeof run>, text: string) => {
      for (let i = 0; i < 300 && !r.output().includes(text) && r.child.exitCode === null; i++)
        await new Promise((res) => setTimeout(res, 100));
      expect(r.output()).toContain(text);
    };
    try {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const first = run(port);
      await until(first, 'mirror: first sync complete');
      const read = await fetch(`http://127.0.0.1:${port}/v1/tasks/search`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"limit":3}',
      });
      expect(read.headers.get('x-cockpit-source')).toBe('mirror');
      first.child.kill('SIGTERM');
      expect(await first.exited).toBe(0);

      lines.length = 0;
      const second = run(port + 1);
      await until(second, 'mirror: resuming from the file with a delta');
      await until(second, 'team server ready');
      await expect
        .poll(
          async () => ((await (await fetch(`http://127.0.0.1:${port + 1}/readyz`)).json()) as { mirror: { state: string } }).mirror.state,
          { timeout: 10_000 },
        )
        .toBe('live');
      // One delta search (and the readiness probe's one-row search), no full sync.
      const searches = lines.filter((l) => l.startsWith('POST /v1/tasks/search'));
      expect(searches.length).toBeLessThanOrEqual(2);
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});

describe('team server: what the app marks as background', () => {
  it('sends a call marked background after the reads people wait for', async () => {
    behave = (_req, res) => json(res, 200, { records: [] });
    // 3 a minute with a reserve of 1: background work may use 2, people all 3.
    const team = await createTeamServer({
      distDir: dist,
      backend: { target: upstreamUrl, accessKey: KEY },
      logger: false,
      budget: { perMinute: 3, perDay: 100, maxWaitMs: 5_000 },
    });
    started.push(team.app);
    const url = await team.app.listen({ port: 0, host: '127.0.0.1' });
    const background = { 'X-Cockpit-Priority': 'background' };
    expect((await search(url, '{"bg":1}', background)).status).toBe(200);
    // Only the reserve is left: background work is refused (it would wait a minute), a person's read is not.
    expect((await search(url, '{"bg":2}', background)).status).toBe(200);
    expect((await search(url, '{"bg":3}', background)).status).toBe(429);
    expect((await search(url, '{"user":1}')).status).toBe(200);
    expect(seen.map((s) => s.body)).toEqual(['{"bg":1}', '{"bg":2}', '{"user":1}']);
  });
});
