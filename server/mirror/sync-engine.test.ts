import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock } from '../test-support/fake-clock.ts';
import { FakeTenant, T0, makeTask } from '../test-support/fake-tenant.ts';
import type { FeedEvent } from './event-feed.ts';
import { openMirrorDb } from './mirror-db.ts';
import { MirrorStore } from './mirror-store.ts';
import { MirrorSync, type SyncTimings } from './sync-engine.ts';

const TENANT = 'https://acme.gainsightcloud.com/v1';
const silent = { info: () => undefined, warn: () => undefined };
const iso = (secondsAfterT0: number) => new Date(T0 + secondsAfterT0 * 1000).toISOString();
const dirs: string[] = [];

afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup(options: { file?: string; tenant?: FakeTenant; clock?: FakeClock; timings?: Partial<SyncTimings> } = {}) {
  // The server's clock is after every ModifiedDate the fake tenant stamps (as it is in life).
  const clock = options.clock ?? new FakeClock(T0 + 86_400_000);
  const tenant = options.tenant ?? new FakeTenant();
  const { db } = openMirrorDb(options.file ?? ':memory:', TENANT);
  const store = new MirrorStore(db);
  const events: FeedEvent[] = [];
  const sync = new MirrorSync({
    store,
    upstream: tenant,
    clock,
    publish: (e) => events.push(e),
    log: silent,
    timings: { pageSize: 3, ...options.timings },
  });
  const taskEvents = () => events.filter((e) => e.type === 'tasks');
  return { clock, tenant, db, store, events, taskEvents, sync };
}

function seeded(count = 7) {
  const tenant = new FakeTenant();
  tenant.put(...Array.from({ length: count }, (_, i) => makeTask(i + 1)));
  tenant.playbooks = [{ Gsid: 'P1', Name: 'Onboarding', TaskTemplates: [] }];
  return tenant;
}

describe('mirror sync: first sync', () => {
  it('reads every task in pages in creation order, then the playbooks, then a delta; answers nothing before', async () => {
    const m = setup({ tenant: seeded(7) });
    expect(m.sync.status()).toMatchObject({ state: 'syncing', lastSyncAt: null, pollSeconds: 10 });
    expect(m.sync.synced).toBe(false);
    await m.sync.syncNow();
    const searches = m.tenant.searches();
    expect(searches.slice(0, 3).map((b) => [b.offset, b.limit, b.orderBy])).toEqual([
      [0, 3, { CreatedDate: 'asc', Gsid: 'asc' }],
      [3, 3, { CreatedDate: 'asc', Gsid: 'asc' }],
      [6, 3, { CreatedDate: 'asc', Gsid: 'asc' }],
    ]);
    // Then the delta from the latest ModifiedDate seen.
    expect(searches[3]!.where).toEqual({ conditions: [{ name: 'ModifiedDate', alias: 'A', operator: 'GTE', value: [iso(7)] }] });
    expect(searches).toHaveLength(4);
    expect(m.tenant.calls.filter((c) => c.apiPath === '/playbooks')).toHaveLength(1);
    expect(m.store.taskCount()).toBe(7);
    expect(m.store.getTask('T00003')).toEqual(makeTask(3));
    expect(m.store.listPlaybooks()).toEqual([{ Gsid: 'P1', Name: 'Onboarding', TaskTemplates: [] }]);
    expect(m.sync.status()).toEqual({ state: 'live', lastSyncAt: new Date(m.clock.now()).toISOString(), pollSeconds: 10 });
    // Loading the mirror is not news: no task events, no history; one sync event (now live).
    expect(m.taskEvents()).toEqual([]);
    expect(m.events).toEqual([{ type: 'sync', sync: m.sync.status() }]);
    expect(m.store.history('T00003')).toEqual([]);
    expect(m.store.cursor()).toMatchObject({ complete: true, lastSeen: iso(7) });
  });

  it('stays syncing with the reason while the tenant cannot be reached, and tries again with backoff', async () => {
    const m = setup({ tenant: seeded(2) });
    m.tenant.failWith = 'the Gainsight API cannot be reached';
    m.sync.start();
    await m.clock.advance(0);
    expect(m.sync.status()).toMatchObject({ state: 'syncing', reason: 'the Gainsight API cannot be reached' });
    expect(m.sync.synced).toBe(false);
    const tries = m.tenant.calls.length;
    await m.clock.advance(4_999);
    expect(m.tenant.calls.length).toBe(tries);
    await m.clock.advance(1);
    expect(m.tenant.calls.length).toBe(tries + 1);
    m.tenant.failWith = null;
    await m.clock.advance(10_000);
    expect(m.sync.status().state).toBe('live');
    expect(m.store.taskCount()).toBe(2);
    await m.sync.stop();
  });
});

describe('mirror sync: delta', () => {
  it('announces a change once: the overlap at the last ModifiedDate is de-duplicated', async () => {
    const m = setup({ tenant: seeded(4) });
    await m.sync.syncNow();
    m.tenant.change('T00002', { Status: 'Completed' }, iso(100));
    await m.sync.syncNow();
    expect(m.taskEvents()).toEqual([
      {
        type: 'tasks',
        source: 'sync',
        changes: [
          { id: 'T00002', status: 'Completed', previousStatus: 'Not Started', modifiedDate: iso(100), playbookId: null, ctaId: 'C2' },
        ],
      },
    ]);
    expect(m.tenant.searches().at(-1)!.where).toMatchObject({ conditions: [{ operator: 'GTE', value: [iso(7 - 3)] }] });
    // The next poll asks from that ModifiedDate again (overlap) and finds nothing new.
    await m.sync.syncNow();
    expect(m.tenant.searches().at(-1)!.where).toMatchObject({ conditions: [{ operator: 'GTE', value: [iso(100)] }] });
    expect(m.taskEvents()).toHaveLength(1);
    expect(m.store.getTask('T00002')!.Status).toBe('Completed');
    expect(m.store.history('T00002')).toEqual([
      {
        at: iso(100),
        source: 'outside',
        actor: null,
        kind: 'changed',
        changes: [{ field: 'Status', from: 'Not Started', to: 'Completed' }],
      },
    ]);
  });

  it('never misses a change made in the same second as the last one seen, after it was seen', async () => {
    const m = setup({ tenant: seeded(3) });
    await m.sync.syncNow();
    m.tenant.change('T00001', { Priority: 'Low' }, iso(50));
    await m.sync.syncNow();
    // Another task changed at the very same ModifiedDate, written after the poll above.
    m.tenant.change('T00003', { Name: 'Renamed' }, iso(50));
    await m.sync.syncNow();
    await m.sync.syncNow();
    const announced = m.taskEvents().flatMap((e) => (e.type === 'tasks' ? e.changes.map((c) => c.id) : []));
    expect(announced).toEqual(['T00001', 'T00003']);
    expect(m.store.getTask('T00003')!.Name).toBe('Renamed');
    expect(m.store.cursor()).toMatchObject({ lastSeen: iso(50) });
  });

  it('takes a second version with the same ModifiedDate (a tenant that stamps whole seconds), announcing it once', async () => {
    const m = setup({ tenant: seeded(2) });
    await m.sync.syncNow();
    m.tenant.change('T00001', { Status: 'In Progress' }, '2026-03-02T10:00:00Z');
    await m.sync.syncNow();
    m.tenant.change('T00001', { Status: 'Completed' }, '2026-03-02T10:00:00Z');
    await m.sync.syncNow();
    await m.sync.syncNow();
    expect(m.taskEvents().map((e) => (e.type === 'tasks' ? e.changes.map((c) => `${c.previousStatus}>${c.status}`) : []))).toEqual([
      ['Not Started>In Progress'],
      ['In Progress>Completed'],
    ]);
    expect(m.store.getTask('T00001')!.Status).toBe('Completed');
  });

  it('pages through a bulk change larger than a page, all with one ModifiedDate', async () => {
    const m = setup({ tenant: seeded(8) });
    await m.sync.syncNow();
    for (let i = 1; i <= 8; i++) m.tenant.change(`T0000${i}`, { OwnerName: 'Bulk Owner' }, iso(200));
    const before = m.tenant.searches().length;
    await m.sync.syncNow();
    const deltas = m.tenant.searches().slice(before);
    expect(deltas.map((b) => b.offset)).toEqual([0, 0, 3, 6]);
    const changed = m.taskEvents().flatMap((e) => (e.type === 'tasks' ? e.changes.map((c) => c.id) : []));
    expect(changed.sort()).toEqual(['T00001', 'T00002', 'T00003', 'T00004', 'T00005', 'T00006', 'T00007', 'T00008']);
    expect(
      m.store.search({ where: { conditions: [{ name: 'OwnerName', alias: 'A', operator: 'EQ', value: ['Bulk Owner'] }] } }).totalCount,
    ).toBe(8);
  });

  it('never lets a ModifiedDate ahead of its own clock hide later changes (a tenant clock running ahead)', async () => {
    const m = setup({ tenant: seeded(2) });
    await m.sync.syncNow();
    const now = m.clock.now();
    // Stamped an hour ahead of the team server's clock.
    m.tenant.change('T00001', { Priority: 'Low' }, new Date(now + 3_600_000).toISOString());
    await m.sync.syncNow();
    // A change stamped before that one, but after the server's "now": still found.
    m.tenant.change('T00002', { Status: 'Completed' }, new Date(now + 60_000).toISOString());
    await m.sync.syncNow();
    expect(m.store.getTask('T00002')!.Status).toBe('Completed');
    expect(m.taskEvents().flatMap((e) => (e.type === 'tasks' ? e.changes.map((c) => c.id) : []))).toEqual(['T00001', 'T00002']);
  });

  it('finds new tasks and never replaces a task with an older version of itself', async () => {
    const m = setup({ tenant: seeded(2) });
    await m.sync.syncNow();
    // A write through the team server stored a newer version than the tenant will show in this delta.
    m.store.applyTasks([makeTask(2, { Status: 'Skipped', ModifiedDate: iso(300) })], {
      source: 'cockpit',
      actor: 'Ana',
      history: true,
      now: iso(300),
    });
    m.tenant.change('T00002', { Status: 'In Progress' }, iso(250));
    m.tenant.put(makeTask(9, { ModifiedDate: iso(260) }));
    await m.sync.syncNow();
    expect(m.store.getTask('T00002')!.Status).toBe('Skipped');
    expect(m.taskEvents()).toEqual([
      { type: 'tasks', source: 'sync', changes: [expect.objectContaining({ id: 'T00009', previousStatus: null })] },
    ]);
    expect(m.store.history('T00009')[0]).toMatchObject({ kind: 'created', source: 'outside' });
  });
});

describe('mirror sync: schedule', () => {
  it('polls every poll interval while a page is open, every idle interval when none is', async () => {
    const m = setup({ tenant: seeded(2), timings: { pollMs: 10_000, idlePollMs: 120_000 } });
    m.sync.start();
    await m.clock.advance(0);
    expect(m.sync.status().state).toBe('live');
    const searches = () => m.tenant.searches().length;
    const after = searches();
    await m.clock.advance(60_000);
    expect(searches()).toBe(after);
    m.sync.setClients(1);
    await m.clock.advance(0);
    expect(searches()).toBe(after + 1);
    await m.clock.advance(30_000);
    expect(searches()).toBe(after + 4);
    m.sync.setClients(0);
    await m.clock.advance(100_000);
    expect(searches()).toBe(after + 4);
    await m.clock.advance(20_000);
    expect(searches()).toBe(after + 5);
    await m.sync.stop();
  });

  it('refreshes playbooks every 5 minutes and announces the ones that changed', async () => {
    const m = setup({ tenant: seeded(1), timings: { idlePollMs: 60_000 } });
    m.sync.start();
    await m.clock.advance(0);
    m.tenant.playbooks = [
      { Gsid: 'P1', Name: 'Onboarding v2', TaskTemplates: [] },
      { Gsid: 'P2', Name: 'Renewal', TaskTemplates: [] },
    ];
    await m.clock.advance(4 * 60_000);
    expect(m.events.filter((e) => e.type === 'playbooks')).toEqual([]);
    await m.clock.advance(60_000);
    expect(m.events.filter((e) => e.type === 'playbooks')).toEqual([{ type: 'playbooks', ids: ['P1', 'P2'] }]);
    expect(m.store.getPlaybook('P1')!.Name).toBe('Onboarding v2');
    await m.sync.stop();
  });

  it('goes stale with the reason when the tenant cannot be reached, keeps the data, and is live again after a poll that works', async () => {
    const m = setup({ tenant: seeded(3) });
    await m.sync.syncNow();
    const asOf = m.sync.status().lastSyncAt;
    await m.clock.advance(30_000);
    m.tenant.failWith = "this minute's share of the tenant's API budget is spent";
    await m.sync.syncNow();
    expect(m.sync.status()).toEqual({
      state: 'stale',
      lastSyncAt: asOf,
      pollSeconds: 10,
      reason: "this minute's share of the tenant's API budget is spent",
    });
    expect(m.sync.synced).toBe(true);
    expect(m.store.taskCount()).toBe(3);
    expect(m.events.at(-1)).toEqual({ type: 'sync', sync: m.sync.status() });
    m.tenant.failWith = null;
    await m.sync.syncNow();
    expect(m.sync.status()).toEqual({ state: 'live', lastSyncAt: new Date(m.clock.now()).toISOString(), pollSeconds: 10 });
  });
});

describe('mirror sync: full resync', () => {
  it('removes tasks gone upstream (confirmed by id first), announces and records it', async () => {
    const m = setup({ tenant: seeded(5), timings: { resyncMs: 60_000, idlePollMs: 10_000 } });
    m.sync.start();
    await m.clock.advance(0);
    m.tenant.remove('T00003');
    await m.clock.advance(50_000);
    expect(m.store.getTask('T00003')).toBeDefined();
    await m.clock.advance(10_000);
    expect(m.store.getTask('T00003')).toBeUndefined();
    const confirm = m.tenant.searches().find((b) => b.where?.conditions?.[0]?.name === 'Gsid');
    expect(confirm!.where!.conditions![0]).toEqual({ name: 'Gsid', alias: 'A', operator: 'IN', value: ['T00003'] });
    expect(m.taskEvents()).toEqual([
      {
        type: 'tasks',
        source: 'sync',
        changes: [
          { id: 'T00003', status: null, previousStatus: 'Not Started', modifiedDate: iso(3), playbookId: null, ctaId: 'C3', removed: true },
        ],
      },
    ]);
    expect(m.store.history('T00003')).toEqual([
      { at: new Date(m.clock.now()).toISOString(), source: 'outside', actor: null, kind: 'removed', changes: [] },
    ]);
    expect(m.store.taskCount()).toBe(4);
    await m.sync.stop();
  });

  it('keeps a task written through the server while the resync reads its pages', async () => {
    const m = setup({ tenant: seeded(4), timings: { resyncMs: 60_000, idlePollMs: 120_000 } });
    m.sync.start();
    await m.clock.advance(0);
    const release = m.tenant.hold();
    await m.clock.advance(60_000);
    // Mid-resync: a task created through the server, not on the pages the resync reads.
    m.store.applyTasks([makeTask(50, { ModifiedDate: iso(500) })], { source: 'cockpit', actor: null, history: true, now: iso(500) });
    m.sync.touch('T00050');
    release();
    await m.clock.advance(0);
    expect(m.store.getTask('T00050')).toBeDefined();
    expect(
      m
        .taskEvents()
        .flatMap((e) => (e.type === 'tasks' ? e.changes : []))
        .filter((c) => c.removed),
    ).toEqual([]);
    await m.sync.stop();
  });
});

describe('mirror sync: restart', () => {
  it('resumes from the file with a delta, not a full sync, answering from the file meanwhile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirror-sync-'));
    dirs.push(dir);
    const file = join(dir, 'mirror.db');
    const tenant = seeded(7);
    const first = setup({ file, tenant });
    await first.sync.syncNow();
    await first.sync.stop();
    first.db.close();
    tenant.change('T00004', { Status: 'Completed' }, iso(900));
    tenant.calls.length = 0;

    const second = setup({ file, tenant });
    expect(second.sync.synced).toBe(true);
    expect(second.sync.status()).toMatchObject({
      state: 'stale',
      reason: 'catching up after a restart',
      lastSyncAt: first.sync.status().lastSyncAt,
    });
    expect(second.store.taskCount()).toBe(7);
    await second.sync.syncNow();
    const searches = tenant.searches();
    expect(searches).toHaveLength(1);
    expect(searches[0]!.where).toEqual({ conditions: [{ name: 'ModifiedDate', alias: 'A', operator: 'GTE', value: [iso(7)] }] });
    expect(second.store.getTask('T00004')!.Status).toBe('Completed');
    expect(second.sync.status().state).toBe('live');
    second.db.close();
  });
});
