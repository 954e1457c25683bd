/**
 * The mirror with sign-in on (a real OpenID provider, in-process) and the audit log, in front of
 * a real local API server: /events needs a session; a write is recorded with the signed-in user's
 * name; the audit's "task before the update" comes from the mirror, costing the tenant no read;
 * a team view can be changed by its author only.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import type { ActivityAnswer, TeamView } from '../src/lib/live-events.ts';
import { resolveAuthConfig } from './auth/auth-config.ts';
import { TestBrowser } from '../test-support/test-browser.ts';
import { freePort, startTestProvider, type TestProvider } from '../test-support/oidc-provider.ts';
import { createTeamServer, type TeamServer } from './team-server.ts';
import { FakeClock } from './test-support/fake-clock.ts';

const dir = mkdtempSync(join(tmpdir(), 'mirror-auth-'));
const auditFile = join(dir, 'audit.jsonl');
let sandbox: Sandbox;
let provider: TestProvider;
let team: TeamServer;
let app: FastifyInstance;
let origin: string;
const tenantCalls: string[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({ tasks: 30, seed: 9, today: '2026-06-15', log: (l) => tenantCalls.push(l) });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({
    redirectUris: [`${origin}/auth/callback`],
    accounts: { ana: { name: 'Ana Souza', email: 'ana@acme.example' }, bo: { name: 'Bo Chen', email: 'bo@acme.example' } },
  });
  const auth = resolveAuthConfig({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    PUBLIC_URL: origin,
    SESSION_SECRET: 'mirror-auth-test-session-secret-0123456789abcdef',
  });
  writeFileSync(auditFile, '');
  team = await createTeamServer({
    backend: { target: sandbox.url, accessKey: sandbox.accessKey },
    logger: false,
    auth,
    audit: { file: auditFile },
    clock: new FakeClock(),
    budget: { perMinute: 10_000, perDay: 100_000, maxWaitMs: 5_000 },
    mirror: { dbPath: join(dir, 'mirror.db') },
  });
  app = team.app;
  await app.listen({ port, host: '127.0.0.1' });
  await team.live.sync!.syncNow();
});

afterAll(async () => {
  await app.close();
  await provider.stop();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

async function signedIn(login: string) {
  const browser = new TestBrowser();
  await browser.signIn(`${origin}/auth/login?returnTo=%2Fboard`, login);
  const send = async (method: string, path: string, body?: unknown) => {
    const hop = await browser.request(`${origin}${path}`, {
      method,
      headers: { 'x-requested-with': 'cockpit-board', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: hop.response.status,
      headers: hop.response.headers,
      body: hop.body ? (JSON.parse(hop.body) as Record<string, unknown>) : undefined,
    };
  };
  return { browser, send };
}

describe('the mirror with sign-in', () => {
  it('keeps /events, activity and views behind sign-in', async () => {
    for (const path of ['/events', '/api/views', '/api/tasks/T-1/activity']) {
      const res = await fetch(`${origin}${path}`);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toMatchObject({ errorCode: 'AUTH_401' });
    }
    const { browser } = await signedIn('ana');
    const controller = new AbortController();
    const jar = [...browser.cookies(origin)].map(([k, v]) => `${k}=${v}`).join('; ');
    const stream = await fetch(`${origin}/events`, { headers: { cookie: jar }, signal: controller.signal });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toMatch(/^id: [0-9a-f]+-\d+\nevent: hello\ndata: \{"serverId":"[0-9a-f]+","sync":\{"state":"live"/);
    controller.abort();
  });

  it('records who made a change, and audits it from the mirror without reading the task from the tenant', async () => {
    const ana = await signedIn('ana');
    const search = await ana.send('POST', '/v1/tasks/search', {
      where: { conditions: [{ name: 'Status', alias: 'A', operator: 'EQ', value: ['Not Started'] }] },
      limit: 1,
    });
    const task = (search.body!.data as { records: Record<string, string>[] }).records[0]!;
    tenantCalls.length = 0;
    const saved = await ana.send('PUT', `/v1/tasks/${task.Gsid}`, { ...task, Status: 'In Progress' });
    expect(saved.status).toBe(200);
    expect(tenantCalls.filter((l) => !l.startsWith('sandbox:')).map((l) => l.split(' -> ')[0])).toEqual([`PUT /v1/tasks/${task.Gsid}`]);
    const audit = readFileSync(auditFile, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { fields: string[]; user: string });
    expect(audit.at(-1)).toMatchObject({ user: 'ana@acme.example', fields: ['Status'] });
    const activity = (await ana.send('GET', `/api/tasks/${task.Gsid}/activity`)).body as unknown as ActivityAnswer;
    expect(activity.entries[0]).toMatchObject({
      source: 'cockpit',
      actor: 'Ana Souza',
      kind: 'changed',
      changes: [{ field: 'Status', from: 'Not Started', to: 'In Progress' }],
    });
  });

  it('lets only its author change or delete a team view; everyone sees it', async () => {
    const ana = await signedIn('ana');
    const bo = await signedIn('bo');
    const created = await ana.send('POST', '/api/views', { kind: 'search', name: 'Renewals at risk', params: 'q=renewal' });
    expect(created.status).toBe(201);
    const view = created.body as unknown as TeamView;
    expect(view).toMatchObject({ author: 'Ana Souza', editable: true });
    const seenByBo = (await bo.send('GET', '/api/views')).body as { views: TeamView[] };
    expect(seenByBo.views).toEqual([{ ...view, editable: false }]);
    for (const [method, body] of [
      ['PUT', { name: 'Mine now' }],
      ['DELETE', undefined],
    ] as const) {
      const refused = await bo.send(method, `/api/views/${view.id}`, body);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({
        result: false,
        errorCode: 'TEAM_403',
        errorDesc: 'Only Ana Souza can change or delete the view "Renewals at risk".',
      });
    }
    expect((await ana.send('PUT', `/api/views/${view.id}`, { params: 'q=renewal&overdue=1' })).body).toMatchObject({
      params: 'q=renewal&overdue=1',
      editable: true,
    });
    expect((await ana.send('DELETE', `/api/views/${view.id}`)).status).toBe(204);
  });
});
