import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../test-support/fake-clock.ts';
import { FakeTenant, makeTask } from '../test-support/fake-tenant.ts';
import type { Operation } from '../upstream/operations.ts';
import type { FeedMessage } from './event-feed.ts';
import { createLive, type Live } from './live.ts';

let app: FastifyInstance;
afterEach(() => app?.close());

async function setup() {
  app = Fastify({ logger: false });
  const tenant = new FakeTenant();
  tenant.put(makeTask(1), makeTask(2, { Status: 'In Progress' }));
  tenant.playbooks = [{ Gsid: 'P1', Name: 'Onboarding' }];
  const live = await createLive(app, {
    clock: new FakeClock(),
    upstream: tenant,
    tenant: 'https://acme/v1',
    mirror: { dbPath: ':memory:' },
    signIn: true,
    registry: new Registry(),
  });
  const events: FeedMessage[] = [];
  live.feed.subscribe((m) => events.push(m));
  return { live, tenant, events };
}

const request = (method: string, user: string | null = null) =>
  ({
    method,
    id: 'req-1',
    headers: { 'content-type': 'application/json' },
    user: user ? { sub: `sub-${user}`, name: user, email: null } : null,
  }) as unknown as FastifyRequest;
const read = (live: Live, method: string, operation: Operation, apiPath: string, body?: unknown) =>
  live.answer({ request: request(method), operation, apiPath, body: body === undefined ? undefined : Buffer.from(JSON.stringify(body)) });
const answer = (status: number, data: unknown) => ({
  status,
  headers: {},
  ms: 1,
  body: Buffer.from(
    JSON.stringify(
      status === 200 ? { result: true, data } : { result: false, errorCode: 'GSOBJ_1011', errorDesc: 'No entity', data: null },
    ),
  ),
});

describe('the mirror’s read routing', () => {
  it('answers nothing while the first sync runs (the read passes through), then the four reads it holds', async () => {
    const { live } = await setup();
    expect(read(live, 'GET', 'tasks.get', '/tasks/T00001')).toBeNull();
    await live.sync!.syncNow();
    const got = read(live, 'GET', 'tasks.get', '/tasks/T00001?x=1')!;
    expect(got.status).toBe(200);
    expect(got.headers).toMatchObject({
      'x-cockpit-source': 'mirror',
      'x-cockpit-data-as-of': live.status().lastSyncAt,
      'content-type': 'application/json; charset=utf-8',
    });
    expect(JSON.parse(got.body)).toEqual({
      result: true,
      errorCode: null,
      errorDesc: null,
      requestId: 'req-1',
      data: makeTask(1),
      message: null,
    });
    expect(JSON.parse(read(live, 'POST', 'tasks.search', '/tasks/search', { select: ['Gsid'] })!.body).data).toEqual({
      records: [{ Gsid: 'T00001' }, { Gsid: 'T00002' }],
      totalCount: 2,
    });
    expect(JSON.parse(read(live, 'GET', 'playbooks.list', '/playbooks')!.body).data).toEqual([{ Gsid: 'P1', Name: 'Onboarding' }]);
    expect(read(live, 'GET', 'playbooks.get', '/playbooks/P%20X')!.body).toContain('playbook \\"P X\\" not found');
    // Not the mirror's: other operations, HEAD, and the search path read with GET.
    expect(read(live, 'POST', 'tasks.create', '/tasks', {})).toBeNull();
    expect(read(live, 'GET', 'other', '/companies')).toBeNull();
    expect(read(live, 'HEAD', 'tasks.get', '/tasks/T00001')).toBeNull();
    expect(read(live, 'GET', 'tasks.get', '/tasks/search')).toBeNull();
  });
});

describe('what the tenant answered, into the mirror', () => {
  it('records a write with the signed-in user as the actor and announces it', async () => {
    const { live, events } = await setup();
    await live.sync!.syncNow();
    const saved = makeTask(2, { Status: 'Completed', ModifiedDate: '2026-03-02T11:00:00.000Z' });
    live.tenantAnswered({
      request: request('PUT', 'Ana Souza'),
      method: 'PUT',
      operation: 'tasks.update',
      apiPath: '/tasks/T00002',
      body: undefined,
      fresh: false,
      answer: answer(200, saved),
      previous: undefined,
    });
    expect(live.store!.getTask('T00002')).toEqual(saved);
    expect(live.activity('T00002').entries).toEqual([
      {
        at: '2026-03-02T11:00:00.000Z',
        source: 'cockpit',
        actor: 'Ana Souza',
        kind: 'changed',
        changes: [{ field: 'Status', from: 'In Progress', to: 'Completed' }],
      },
    ]);
    expect(events.at(-1)!.event).toEqual({
      type: 'tasks',
      source: 'write',
      changes: [expect.objectContaining({ id: 'T00002', status: 'Completed', previousStatus: 'In Progress' })],
    });
    // A failed write changes nothing.
    const count = events.length;
    live.tenantAnswered({
      request: request('PUT'),
      method: 'PUT',
      operation: 'tasks.update',
      apiPath: '/tasks/T00001',
      body: undefined,
      fresh: false,
      answer: answer(400, null),
      previous: undefined,
    });
    expect(live.store!.getTask('T00001')).toEqual(makeTask(1));
    expect(events).toHaveLength(count);
  });

  it('refreshes from fresh reads only: a task gone (404) is removed, a changed playbook announced', async () => {
    const { live, events } = await setup();
    await live.sync!.syncNow();
    const base = { request: request('GET'), method: 'GET', body: undefined, previous: undefined };
    live.tenantAnswered({ ...base, operation: 'tasks.get', apiPath: '/tasks/T00001', fresh: false, answer: answer(404, null) });
    expect(live.store!.getTask('T00001')).toBeDefined();
    live.tenantAnswered({ ...base, operation: 'tasks.get', apiPath: '/tasks/T00001', fresh: true, answer: answer(404, null) });
    expect(live.store!.getTask('T00001')).toBeUndefined();
    expect(events.at(-1)!.event).toEqual({
      type: 'tasks',
      source: 'sync',
      changes: [expect.objectContaining({ id: 'T00001', removed: true })],
    });
    live.tenantAnswered({
      ...base,
      operation: 'playbooks.get',
      apiPath: '/playbooks/P1',
      fresh: true,
      answer: answer(200, { Gsid: 'P1', Name: 'Onboarding v2' }),
    });
    expect(live.store!.getPlaybook('P1')).toEqual({ Gsid: 'P1', Name: 'Onboarding v2' });
    expect(events.at(-1)!.event).toEqual({ type: 'playbooks', ids: ['P1'] });
  });
});

describe('opening the mirror', () => {
  it('rebuilds a file that is not a mirror, with a log line that says why, then syncs into it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'live-'));
    const file = join(dir, 'mirror.db');
    writeFileSync(file, 'not a database '.repeat(500));
    const lines: { level: number; msg: string; reason?: string; file?: string }[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as (typeof lines)[number]);
        done();
      },
    });
    app = Fastify({ logger: { level: 'info', stream } });
    const tenant = new FakeTenant();
    tenant.put(makeTask(1));
    const live = await createLive(app, {
      clock: new FakeClock(),
      upstream: tenant,
      tenant: 'https://acme/v1',
      mirror: { dbPath: file },
      signIn: false,
      registry: new Registry(),
    });
    expect(lines.find((l) => l.level === 40)).toMatchObject({
      file,
      reason: expect.stringMatching(/^the file cannot be read as SQLite/),
      msg: 'mirror: the file could not be kept; it was made anew and a first sync will fill it',
    });
    await live.sync!.syncNow();
    expect(live.store!.taskCount()).toBe(1);
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
