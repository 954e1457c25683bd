/**
 * The team server with its mirror on, in front of a real local API server (in memory): reads
 * pass through until the first sync, then come from the mirror with the same answers; fresh
 * reads go to the tenant and refresh the mirror; writes go through and land in the mirror before
 * the reply; /events announces them; a tenant that cannot be reached leaves the mirror answering.
 * Syncs run when the test says (syncNow): the server's clock is a fake one that never fires.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { DATA_AS_OF_HEADER, FRESH_HEADER, SOURCE_HEADER, type ActivityAnswer, type TeamView } from '../src/lib/live-events.ts';
import type { FeedMessage } from './mirror/event-feed.ts';
import { parseLiveEvent } from '../src/lib/live-event-parse.ts';
import { createTeamServer, type TeamServer } from './team-server.ts';
import { FakeClock } from './test-support/fake-clock.ts';
import type { Envelope } from '../test-support/api-envelope.ts';
import { openEventStream } from '../test-support/event-stream.ts';

const BUDGET = { perMinute: 100_000, perDay: 1_000_000, maxWaitMs: 5_000 };

async function startTeam(sandbox: Sandbox, mirror = true): Promise<TeamServer & { url: string; events: FeedMessage[] }> {
  const team = await createTeamServer({
    backend: { target: sandbox.url, accessKey: sandbox.accessKey },
    logger: false,
    budget: BUDGET,
    clock: new FakeClock(),
    ...(mirror ? { mirror: { dbPath: ':memory:', pageSize: 40 } } : {}),
  });
  const url = await team.app.listen({ port: 0, host: '127.0.0.1' });
  const events: FeedMessage[] = [];
  team.live.feed.subscribe((m) => events.push(m));
  return { ...team, url, events };
}

async function call(base: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as Envelope<unknown> };
}
const direct = (sandbox: Sandbox, method: string, path: string, body?: unknown) =>
  call(sandbox.origin, method, path, body, { accessKey: sandbox.accessKey });
const withoutId = ({ requestId: _r, ...rest }: Envelope<unknown>) => rest;

describe('team server with the mirror', () => {
  let sandbox: Sandbox;
  let team: Awaited<ReturnType<typeof startTeam>>;
  const upstreamLines: string[] = [];
  const upstreamCalls = () => upstreamLines.filter((l) => !l.startsWith('sandbox:')).length;

  beforeAll(async () => {
    sandbox = await startSandbox({ tasks: 120, seed: 7, today: '2026-06-15', log: (line) => upstreamLines.push(line) });
    team = await startTeam(sandbox);
  });
  afterAll(async () => {
    await team.app.close();
    await sandbox.close();
  });

  it('passes reads through to the tenant until the first sync completes, and /readyz says syncing', async () => {
    const ready = await call(team.url, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toMatchObject({ status: 'syncing', mirror: { state: 'syncing', lastSyncAt: null, pollSeconds: 10 } });
    const before = upstreamCalls();
    const res = await call(team.url, 'POST', '/v1/tasks/search', { select: ['Gsid'], limit: 3 });
    expect(res.status).toBe(200);
    expect(res.headers.get(SOURCE_HEADER)).toBe('tenant');
    expect(res.headers.get(DATA_AS_OF_HEADER)).toBeNull();
    expect(upstreamCalls()).toBe(before + 1);
  });

  it('answers the four reads from the mirror once synced, exactly as the local API server does, without calling it', async () => {
    await team.live.sync!.syncNow();
    expect((await call(team.url, 'GET', '/readyz')).body).toMatchObject({ status: 'ready', mirror: { state: 'live' } });
    const someTask = (
      (
        await direct(sandbox, 'POST', '/v1/tasks/search', {
          select: ['Gsid', 'PlaybookId'],
          where: { conditions: [{ name: 'PlaybookId', alias: 'A', operator: 'IS_NOT_NULL', value: [] }] },
          limit: 1,
        })
      ).body.data as { records: { Gsid: string; PlaybookId: string }[] }
    ).records[0]!;
    const reads: [string, string, unknown?][] = [
      [
        'POST',
        '/v1/tasks/search',
        {
          where: {
            conditions: [
              { name: 'Status', alias: 'A', operator: 'IN', value: ['Not Started', 'In Progress'] },
              { name: 'Priority', alias: 'B', operator: 'EQ', value: ['High'] },
            ],
            expression: 'A AND B',
          },
          orderBy: { DueDate: 'asc' },
          limit: 10,
          offset: 2,
        },
      ],
      ['POST', '/v1/tasks/search', { select: ['Name', 'Nope'] }],
      ['POST', '/v1/tasks/search', { limit: 'ten' }],
      ['GET', `/v1/tasks/${someTask.Gsid}`],
      ['GET', '/v1/tasks/no-such-task'],
      ['GET', '/v1/playbooks'],
      ['GET', `/v1/playbooks/${someTask.PlaybookId}`],
      ['GET', '/v1/playbooks/no-such-playbook'],
    ];
    for (const [method, path, body] of reads) {
      const before = upstreamCalls();
      const viaMirror = await call(team.url, method, path, body);
      expect(viaMirror.headers.get(SOURCE_HEADER), path).toBe('mirror');
      expect(viaMirror.headers.get(DATA_AS_OF_HEADER)).toBe(team.live.status().lastSyncAt);
      expect(upstreamCalls(), `${method} ${path} reached the tenant`).toBe(before);
      const fromTenant = await direct(sandbox, method, path, body);
      expect(viaMirror.status, path).toBe(fromTenant.status);
      expect(withoutId(viaMirror.body), path).toEqual(withoutId(fromTenant.body));
    }
  });

  it('sends a fresh read to the tenant and refreshes the mirror row, announcing an outside change', async () => {
    const id = (
      (
        await call(team.url, 'POST', '/v1/tasks/search', {
          select: ['Gsid'],
          where: { conditions: [{ name: 'Status', alias: 'A', operator: 'EQ', value: ['Not Started'] }] },
          limit: 1,
        })
      ).body.data as { records: { Gsid: string }[] }
    ).records[0]!.Gsid;
    const before = (await call(team.url, 'GET', `/v1/tasks/${id}`)).body.data as Record<string, string>;
    // Someone changes it in Gainsight.
    sandbox.store.updateTask(id, {
      Name: 'Changed outside',
      Description: before.Description ?? null,
      CTAId: before.CTAId!,
      OwnerId: before.OwnerId ?? null,
      Status: 'In Progress',
      Priority: before.Priority ?? null,
      DueDate: before.DueDate ?? null,
    });
    expect(((await call(team.url, 'GET', `/v1/tasks/${id}`)).body.data as Record<string, string>).Name).toBe(before.Name);
    team.events.length = 0;
    const fresh = await call(team.url, 'GET', `/v1/tasks/${id}`, undefined, { [FRESH_HEADER]: '1' });
    expect(fresh.headers.get(SOURCE_HEADER)).toBe('tenant');
    expect((fresh.body.data as Record<string, string>).Name).toBe('Changed outside');
    const after = await call(team.url, 'GET', `/v1/tasks/${id}`);
    expect(after.headers.get(SOURCE_HEADER)).toBe('mirror');
    expect(after.body.data).toEqual(fresh.body.data);
    expect(team.events.map((e) => e.event)).toEqual([
      { type: 'tasks', source: 'sync', changes: [expect.objectContaining({ id, status: 'In Progress', previousStatus: 'Not Started' })] },
    ]);
    const activity = (await call(team.url, 'GET', `/api/tasks/${id}/activity`)).body as unknown as ActivityAnswer;
    expect(activity).toMatchObject({ taskId: id, available: true, retentionDays: 90 });
    expect(activity.entries[0]).toMatchObject({
      source: 'outside',
      actor: null,
      kind: 'changed',
      changes: [
        { field: 'Name', from: before.Name, to: 'Changed outside' },
        { field: 'Status', from: 'Not Started', to: 'In Progress' },
      ],
    });
  });

  it('writes through: the mirror has the saved task before the reply leaves, and /events announces it', async () => {
    const task = (
      (
        await call(team.url, 'POST', '/v1/tasks/search', {
          where: { conditions: [{ name: 'Status', alias: 'A', operator: 'EQ', value: ['Not Started'] }] },
          limit: 1,
        })
      ).body.data as { records: Record<string, string>[] }
    ).records[0]!;
    const stream = await openEventStream(`${team.url}/events`);
    await stream.next(/event: hello\n.*\n\n/);
    expect(parseLiveEvent('hello', helloData(stream.text()))).toMatchObject({ type: 'hello', sync: { state: 'live', pollSeconds: 10 } });
    const res = await call(team.url, 'PUT', `/v1/tasks/${task.Gsid}`, {
      Name: task.Name,
      Description: task.Description,
      CTAId: task.CTAId,
      Status: 'Completed',
      OwnerId: task.OwnerId,
      DueDate: task.DueDate,
      Priority: task.Priority,
    });
    expect(res.status).toBe(200);
    // No sync, no wait: the row was written before the answer was sent.
    expect(team.live.store!.getTask(task.Gsid!)).toEqual(res.body.data);
    expect(
      (
        await call(team.url, 'POST', '/v1/tasks/search', {
          select: ['Status'],
          where: { conditions: [{ name: 'Gsid', alias: 'A', operator: 'EQ', value: [task.Gsid] }] },
        })
      ).body.data,
    ).toEqual({ records: [{ Status: 'Completed' }], totalCount: 1 });
    await stream.next(/event: tasks/);
    expect(stream.text()).toContain(`"source":"write","changes":[{"id":"${task.Gsid}","status":"Completed","previousStatus":"Not Started"`);
    stream.res.destroy();
    const activity = (await call(team.url, 'GET', `/api/tasks/${task.Gsid}/activity`)).body as unknown as ActivityAnswer;
    const completed = (res.body.data as { CompletedDate: string }).CompletedDate;
    expect(activity.entries[0]).toMatchObject({
      source: 'cockpit',
      actor: null,
      kind: 'changed',
      changes: [
        { field: 'Status', from: 'Not Started', to: 'Completed' },
        { field: 'CompletedDate', from: null, to: completed },
      ],
    });

    const created = await call(team.url, 'POST', '/v1/tasks', {
      Name: 'Made through the team server',
      CTAId: task.CTAId,
      Status: 'Not Started',
    });
    expect(created.status).toBe(200);
    const newId = (created.body.data as { Gsid: string }).Gsid;
    const read = await call(team.url, 'GET', `/v1/tasks/${newId}`);
    expect(read.headers.get(SOURCE_HEADER)).toBe('mirror');
    expect(read.body.data).toEqual(created.body.data);
    // The next delta finds the same versions: nothing is announced twice.
    team.events.length = 0;
    await team.live.sync!.syncNow();
    expect(team.events.filter((e) => e.event.type === 'tasks')).toEqual([]);
  });

  it('leaves the mirror untouched when the tenant refuses a write or fails it', async () => {
    const task = (
      (
        await call(team.url, 'POST', '/v1/tasks/search', {
          where: { conditions: [{ name: 'Status', alias: 'A', operator: 'EQ', value: ['In Progress'] }] },
          limit: 1,
        })
      ).body.data as { records: Record<string, string>[] }
    ).records[0]!;
    const mirrored = team.live.store!.getTask(task.Gsid!);
    team.events.length = 0;
    const refused = await call(team.url, 'PUT', `/v1/tasks/${task.Gsid}`, { Name: task.Name, CTAId: task.CTAId, Status: 'Bogus' });
    expect(refused.status).toBe(400);
    sandbox.faults.update({ rules: [{ method: 'PUT', path: '/tasks/*', status: 503, times: 1 }] });
    const failed = await call(team.url, 'PUT', `/v1/tasks/${task.Gsid}`, { Name: 'Never saved', CTAId: task.CTAId, Status: 'Completed' });
    expect(failed.status).toBe(503);
    expect(team.live.store!.getTask(task.Gsid!)).toEqual(mirrored);
    expect(team.live.store!.history(task.Gsid!).filter((e) => e.source === 'cockpit')).toEqual([]);
    expect(team.events).toEqual([]);
  });

  it('keeps team views (create, list, rename, delete) and refuses bad input with a clear 400', async () => {
    const created = await call(team.url, 'POST', '/api/views', { kind: 'board', name: 'Overdue high', params: 'overdue=1&priority=High' });
    expect(created.status).toBe(201);
    const view = created.body as unknown as TeamView;
    expect(view).toMatchObject({ kind: 'board', name: 'Overdue high', author: null, editable: true });
    expect((await call(team.url, 'GET', '/api/views')).body).toEqual({ views: [view] });
    const renamed = await call(team.url, 'PUT', `/api/views/${view.id}`, { name: 'Overdue, high' });
    expect(renamed.body).toMatchObject({ id: view.id, name: 'Overdue, high', params: view.params });
    const bad = await call(team.url, 'POST', '/api/views', { kind: 'table', name: '', params: 'x' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({
      result: false,
      errorCode: 'TEAM_400',
      errorDesc: "Invalid view: A team view's kind is one of search, board. Give the view a name.",
    });
    const notJson = await fetch(`${team.url}/api/views`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"kind":',
    });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ result: false, errorCode: 'TEAM_400' });
    expect((await call(team.url, 'DELETE', `/api/views/${view.id}`)).status).toBe(204);
    expect((await call(team.url, 'PUT', `/api/views/${view.id}`, { name: 'x' })).body).toMatchObject({ errorCode: 'TEAM_404' });
  });

  it('counts upstream calls by kind and mirror answers in the metrics', async () => {
    const text = await (await fetch(`${team.url}/metrics`)).text();
    for (const kind of ['sync', 'read', 'fresh', 'write'])
      expect(text).toMatch(new RegExp(`cockpit_upstream_calls_total\\{kind="${kind}"\\} [1-9]`));
    expect(text).toMatch(/cockpit_proxy_requests_total\{operation="tasks.search",served="mirror"\} [1-9]/);
    expect(text).toMatch(/cockpit_mirror_state\{state="live"\} 1/);
    expect(text).toMatch(/cockpit_mirror_tasks 12\d/);
  });
});

describe('team server with the mirror, when the tenant cannot be reached', () => {
  it('keeps answering reads from the mirror as of its last sync, says stale, and fails writes with a clear 502', async () => {
    const sandbox = await startSandbox({ tasks: 30, seed: 3, today: '2026-06-15' });
    const team = await startTeam(sandbox);
    try {
      await team.live.sync!.syncNow();
      const asOf = team.live.status().lastSyncAt;
      const before = await call(team.url, 'POST', '/v1/tasks/search', { select: ['Gsid'], limit: 5 });
      await sandbox.close();
      team.events.length = 0;
      await team.live.sync!.syncNow();
      expect(team.live.status()).toEqual({
        state: 'stale',
        lastSyncAt: asOf,
        pollSeconds: 10,
        reason: 'the Gainsight API cannot be reached',
      });
      expect(team.events.map((e) => e.event)).toEqual([{ type: 'sync', sync: team.live.status() }]);
      const read = await call(team.url, 'POST', '/v1/tasks/search', { select: ['Gsid'], limit: 5 });
      expect(read.status).toBe(200);
      expect(read.headers.get(DATA_AS_OF_HEADER)).toBe(asOf);
      expect(read.body.data).toEqual(before.body.data);
      const id = (before.body.data as { records: { Gsid: string }[] }).records[0]!.Gsid;
      const write = await call(team.url, 'PUT', `/v1/tasks/${id}`, { Name: 'x', CTAId: 'y', Status: 'Completed' });
      expect(write.status).toBe(502);
      expect(write.body).toMatchObject({
        result: false,
        errorCode: 'PROXY_502',
        errorDesc: 'The Gainsight API could not be reached through the proxy.',
      });
      const fresh = await call(team.url, 'GET', `/v1/tasks/${id}`, undefined, { [FRESH_HEADER]: '1' });
      expect(fresh.status).toBe(502);
      expect(team.live.store!.getTask(id)!.Name).not.toBe('x');
    } finally {
      await team.app.close();
    }
  });
});

describe('team server without the mirror', () => {
  it('passes every read through, still announces writes made through it, and says the mirror is off', async () => {
    const sandbox = await startSandbox({ tasks: 20, seed: 3, today: '2026-06-15' });
    const team = await startTeam(sandbox, false);
    try {
      const search = await call(team.url, 'POST', '/v1/tasks/search', { limit: 1 });
      expect(search.headers.get(SOURCE_HEADER)).toBe('tenant');
      const task = (search.body.data as { records: Record<string, string>[] }).records[0]!;
      const stream = await openEventStream(`${team.url}/events`);
      await stream.next(/event: hello\n.*\n\n/);
      expect(stream.text()).toContain('"sync":{"state":"off","lastSyncAt":null,"pollSeconds":0}');
      // The app reads it as it is: a hello it could not read would make every page refetch all it shows.
      expect(parseLiveEvent('hello', helloData(stream.text()))).toMatchObject({ type: 'hello', sync: { state: 'off', pollSeconds: 0 } });
      await call(team.url, 'PUT', `/v1/tasks/${task.Gsid}`, { Name: task.Name, CTAId: task.CTAId, Status: 'Skipped' });
      await stream.next(/event: tasks/);
      expect(stream.text()).toContain(`"source":"write","changes":[{"id":"${task.Gsid}","status":"Skipped","previousStatus":null`);
      stream.res.destroy();
      expect((await call(team.url, 'GET', `/api/tasks/${task.Gsid}/activity`)).body).toEqual({
        taskId: task.Gsid,
        entries: [],
        retentionDays: 0,
        available: false,
      });
      expect((await call(team.url, 'GET', '/api/views')).body).toMatchObject({ errorCode: 'TEAM_503' });
      expect((await call(team.url, 'GET', '/readyz')).body).toMatchObject({ status: 'ready', mirror: { state: 'off' } });
    } finally {
      await team.app.close();
      await sandbox.close();
    }
  });
});

/** The data line of the stream's hello. */
function helloData(text: string): string {
  const data = /event: hello\ndata: (.*)\n/.exec(text)?.[1];
  expect(data, 'a hello with data').toBeDefined();
  return data!;
}
