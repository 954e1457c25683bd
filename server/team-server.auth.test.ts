/**
 * The team server with sign-in on and the audit log, against a real OpenID provider
 * (oidc-provider 8.8, in-process) and a small fake tenant that keeps tasks in memory: the gate in
 * front of the proxy, the audit line of each write (with the fields an update changes, read from
 * the tenant right before it), and logs that never hold the sign-in's code, state or cookies.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { resolveAuthConfig } from './auth/auth-config.ts';
import type { AuditLine } from './auth/audit.ts';
import type { Task } from '../src/api/types.ts';
import { errorEnvelope, okEnvelope, type ApiData } from '../test-support/api-envelope.ts';
import { locationOf, TestBrowser } from '../test-support/test-browser.ts';
import { freePort, startTestProvider, type TestProvider } from '../test-support/oidc-provider.ts';
import { createTeamServer } from './team-server.ts';

const KEY = 'auth-test-access-key-77';
const SESSION_SECRET = 'team-server-auth-test-session-secret-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'team-auth-'));
const dist = join(dir, 'dist');
const auditFile = join(dir, 'audit.jsonl');

/** The fake tenant: tasks by id, and every call it received. */
const tasks = new Map<string, Task>();
const calls: { method: string; url: string; body: string }[] = [];
let tenant: Server;
let tenantUrl: string;
let provider: TestProvider;
let app: FastifyInstance;
let origin: string;
const logLines: string[] = [];

beforeAll(async () => {
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>board</title><div id="root"></div>');
  tenant = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      calls.push({ method: req.method!, url: req.url!, body });
      const send = (status: number, data: ApiData | null) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(status < 400 ? okEnvelope(data, 'up-1') : errorEnvelope('GS_TASK_404', 'Task not found', 'up-1')));
      };
      const id = /^\/v1\/tasks\/([^/]+)$/.exec(req.url!)?.[1];
      if (req.method === 'POST' && req.url === '/v1/tasks/search') return send(200, { records: [...tasks.values()] });
      if (req.method === 'POST' && req.url === '/v1/tasks') {
        const created = { ...(JSON.parse(body) as Task), Gsid: `T-${tasks.size + 1}` };
        tasks.set(created.Gsid, created);
        return send(200, created);
      }
      if (id && req.method === 'GET') return tasks.has(id) ? send(200, tasks.get(id)!) : send(404, null);
      if (id && req.method === 'PUT') {
        if (!tasks.has(id)) return send(404, null);
        tasks.set(id, { ...(JSON.parse(body) as Task), Gsid: id });
        return send(200, tasks.get(id)!);
      }
      return send(200, []);
    });
  });
  await new Promise<void>((r) => tenant.listen(0, '127.0.0.1', r));
  tenantUrl = `http://127.0.0.1:${(tenant.address() as AddressInfo).port}/v1`;

  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({
    redirectUris: [`${origin}/auth/callback`],
    accounts: { ana: { name: 'Ana Souza', email: 'ana@acme.example' } },
  });
  const auth = resolveAuthConfig({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    PUBLIC_URL: origin,
    SESSION_SECRET,
  });
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  ({ app } = await createTeamServer({
    distDir: dist,
    backend: { target: tenantUrl, accessKey: KEY },
    logger: { level: 'info', stream },
    auth,
    audit: { file: auditFile },
  }));
  await app.listen({ port, host: '127.0.0.1' });
});

beforeEach(() => {
  calls.length = 0;
  tasks.clear();
  tasks.set('T-42', {
    Gsid: 'T-42',
    Name: 'Kickoff call',
    CTAId: 'C-1',
    Status: 'Not Started',
    DueDate: '2026-12-24',
    Description: 'Customer secret',
  });
  writeFileSync(auditFile, '');
});

afterAll(async () => {
  await app.close();
  await provider.stop();
  await new Promise((r) => tenant.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const auditLines = () =>
  readFileSync(auditFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AuditLine);

async function signedIn(returnTo = '/board') {
  const browser = new TestBrowser();
  const hops = await browser.signIn(`${origin}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, 'ana');
  return { browser, hops };
}

const write = (
  browser: TestBrowser,
  method: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = { 'x-requested-with': 'cockpit-board' },
) =>
  browser.request(`${origin}${path}`, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

describe('team server with sign-in', () => {
  it('serves the page without a session but answers the API 401, and forwards nothing to the tenant', async () => {
    const browser = new TestBrowser();
    expect((await browser.request(`${origin}/board`)).response.status).toBe(200);
    expect((await browser.request(`${origin}/healthz`)).response.status).toBe(200);
    for (const [method, path] of [
      ['GET', '/v1/playbooks'],
      ['POST', '/v1/tasks/search'],
      ['PUT', '/v1/tasks/T-42'],
    ] as const) {
      const hop = await write(browser, method, path, method === 'GET' ? undefined : { Status: 'Completed' });
      expect(hop.response.status, `${method} ${path}`).toBe(401);
      expect(JSON.parse(hop.body)).toMatchObject({ result: false, errorCode: 'AUTH_401', data: null });
    }
    expect(calls).toEqual([]);
    expect(auditLines()).toEqual([]);
  });

  it('signs in through the provider, lands on the page asked for, and then proxies with the key', async () => {
    const { browser, hops } = await signedIn('/board?view=mine');
    expect(hops.at(-1)!.url).toBe(`${origin}/board?view=mine`);
    const me = await browser.request(`${origin}/auth/me`);
    expect(JSON.parse(me.body)).toEqual({ name: 'Ana Souza', email: 'ana@acme.example' });
    const search = await write(browser, 'POST', '/v1/tasks/search', { limit: 10 }, { origin });
    expect(search.response.status).toBe(200);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /v1/tasks/search']);
    // A search is a read: no audit line.
    expect(auditLines()).toEqual([]);
  });

  it('refuses a cross-origin write (403) before it reaches the tenant, and audits none', async () => {
    const { browser } = await signedIn();
    const evil = await write(
      browser,
      'PUT',
      '/v1/tasks/T-42',
      { Name: 'x', CTAId: 'C-1', Status: 'Completed' },
      { origin: 'https://evil.example' },
    );
    expect(evil.response.status).toBe(403);
    expect(JSON.parse(evil.body).errorCode).toBe('AUTH_403');
    expect(calls).toEqual([]);
    expect(auditLines()).toEqual([]);
  });

  it('audits an update with the fields it changes, read from the tenant right before the PUT', async () => {
    const { browser } = await signedIn();
    const before = tasks.get('T-42')!;
    const moved = { ...before, Status: 'Completed' };
    const res = await write(browser, 'PUT', '/v1/tasks/T-42', moved, { origin });
    expect(res.response.status).toBe(200);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /v1/tasks/T-42', 'PUT /v1/tasks/T-42']);
    const lines = auditLines();
    expect(lines).toEqual([
      {
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        user: 'ana@acme.example',
        sub: 'ana',
        method: 'PUT',
        path: '/v1/tasks/T-42',
        taskId: 'T-42',
        fields: ['Status'],
        status: 200,
        errorCode: null,
        requestId: expect.any(String),
      },
    ]);
    expect(res.response.headers.get('x-cockpit-request-id')).toBe(lines[0]!.requestId);
    // Names only, never values.
    expect(readFileSync(auditFile, 'utf8')).not.toContain('Customer secret');
  });

  it("audits a create with the new task id, and a failed update with the tenant's error code", async () => {
    const { browser } = await signedIn();
    const created = await write(browser, 'POST', '/v1/tasks', { Name: 'New', CTAId: 'C-1', Status: 'Not Started' });
    expect(created.response.status).toBe(200);
    const missing = await write(browser, 'PUT', '/v1/tasks/T-999', { Name: 'x', CTAId: 'C-1', Status: 'Completed' });
    expect(missing.response.status).toBe(404);
    const [create, update] = auditLines();
    expect(create).toMatchObject({
      user: 'ana@acme.example',
      method: 'POST',
      path: '/v1/tasks',
      taskId: 'T-2',
      fields: ['CTAId', 'Name', 'Status'],
      status: 200,
      errorCode: null,
    });
    // The task could not be read first, so every field sent is listed.
    expect(update).toMatchObject({
      method: 'PUT',
      taskId: 'T-999',
      fields: ['CTAId', 'Name', 'Status'],
      status: 404,
      errorCode: 'GS_TASK_404',
    });
  });

  it("keeps the callback's code and state, cookies and the key out of the logs", async () => {
    logLines.length = 0;
    const { browser, hops } = await signedIn();
    const callback = hops.map((h) => h.url).find((u) => u.startsWith(`${origin}/auth/callback`))!;
    const params = new URL(callback).searchParams;
    const code = params.get('code')!;
    const state = params.get('state')!;
    expect(code.length).toBeGreaterThan(8);
    await write(browser, 'PUT', '/v1/tasks/T-42', { ...tasks.get('T-42'), Status: 'In Progress' });
    const all = logLines.join('\n');
    expect(all).toContain('/auth/callback?[redacted]');
    for (const secret of [code, state, browser.cookie(origin, 'cb_session')!, KEY, provider.clientSecret, SESSION_SECRET])
      expect(all).not.toContain(secret);
    expect(locationOf(hops[0]!)).toContain(provider.issuer);
  });
});

describe('team server without the audit log', () => {
  it('sends an update alone, with no read before it', async () => {
    const plain = await createTeamServer({ distDir: dist, backend: { target: tenantUrl, accessKey: KEY }, logger: false });
    try {
      const url = await plain.app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${url}/v1/tasks/T-42`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...tasks.get('T-42'), Status: 'Skipped' }),
      });
      expect(res.status).toBe(200);
      expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['PUT /v1/tasks/T-42']);
      // Sign-in off: /auth/me says so, for the app to show no user.
      const me = await fetch(`${url}/auth/me`);
      expect(me.status).toBe(404);
      expect(((await me.json()) as { errorCode: string }).errorCode).toBe('AUTH_OFF');
    } finally {
      await plain.app.close();
    }
  });
});
