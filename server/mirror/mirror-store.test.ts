import { describe, expect, it } from 'vitest';
import { makeTask } from '../test-support/fake-tenant.ts';
import { openMirrorDb } from './mirror-db.ts';
import { MirrorStore } from './mirror-store.ts';
import { diffTasks, isOlder, normalizeTask, sameTask } from './task-diff.ts';

const NOW = '2026-03-02T12:00:00.000Z';
const store = () => new MirrorStore(openMirrorDb(':memory:', 'tenant').db);
const cockpit = { source: 'cockpit' as const, actor: 'Ana Souza', history: true, now: NOW };

describe('task diff', () => {
  it('lists the shown fields that changed, in schema order; a new task lists what it was created with', () => {
    const before = makeTask(1);
    const after = { ...before, Status: 'Completed', OwnerName: 'Bo', Priority: undefined, ModifiedDate: NOW } as Record<string, unknown>;
    expect(diffTasks(before, normalizeTask(after))).toEqual([
      { field: 'OwnerName', from: null, to: 'Bo' },
      { field: 'Status', from: 'Not Started', to: 'Completed' },
      { field: 'Priority', from: 'Medium', to: null },
    ]);
    expect(diffTasks(null, makeTask(2)).map((c) => c.field)).toEqual([
      'Name',
      'CTAId',
      'CompanyId',
      'CompanyName',
      'Status',
      'Priority',
      'DueDate',
    ]);
  });

  it('keeps only the known fields, compares them, and orders versions by ModifiedDate as instants', () => {
    expect(normalizeTask({ ...makeTask(1), Extra: 'x', Description: null })).toEqual(makeTask(1));
    expect(sameTask(makeTask(1), { ...makeTask(1) })).toBe(true);
    expect(sameTask(makeTask(1), makeTask(1, { Name: 'x' }))).toBe(false);
    expect(isOlder('2026-03-02T09:00:00Z', '2026-03-02T09:00:00.001Z')).toBe(true);
    expect(isOlder('2026-03-02T10:00:00+01:00', '2026-03-02T09:00:00.000Z')).toBe(false);
    expect(isOlder('not a date', '2026-03-02T09:00:00.000Z')).toBe(false);
  });
});

describe('mirror store', () => {
  it('stores a task, skips an equal or older version, records who changed what', () => {
    const s = store();
    expect(s.applyTasks([makeTask(1)], cockpit)).toEqual([
      { id: 'T00001', status: 'Not Started', previousStatus: null, modifiedDate: makeTask(1).ModifiedDate, playbookId: null, ctaId: 'C1' },
    ]);
    expect(s.applyTasks([makeTask(1)], cockpit)).toEqual([]);
    const older = makeTask(1, { Status: 'Skipped', ModifiedDate: '2026-01-01T00:00:00.000Z' });
    expect(s.applyTasks([older], cockpit)).toEqual([]);
    const newer = makeTask(1, { Status: 'Completed', ModifiedDate: '2026-03-02T11:00:00.000Z' });
    expect(s.applyTasks([newer], cockpit)).toEqual([expect.objectContaining({ status: 'Completed', previousStatus: 'Not Started' })]);
    expect(s.getTask('T00001')).toEqual(newer);
    expect(s.history('T00001')).toEqual([
      {
        at: '2026-03-02T11:00:00.000Z',
        source: 'cockpit',
        actor: 'Ana Souza',
        kind: 'changed',
        changes: [{ field: 'Status', from: 'Not Started', to: 'Completed' }],
      },
      { at: makeTask(1).ModifiedDate, source: 'cockpit', actor: 'Ana Souza', kind: 'created', changes: expect.any(Array) },
    ]);
  });

  it('answers searches with the shared search code, and removes tasks with a history entry', () => {
    const s = store();
    s.applyTasks([makeTask(1), makeTask(2, { Status: 'Completed' }), makeTask(3)], { ...cockpit, history: false });
    expect(
      s.search({ select: ['Gsid'], where: { conditions: [{ name: 'Status', alias: 'A', operator: 'EQ', value: ['Not Started'] }] } }),
    ).toEqual({ records: [{ Gsid: 'T00001' }, { Gsid: 'T00003' }], totalCount: 2 });
    expect(s.removeTasks(['T00003', 'nope'], { history: true, now: NOW })).toEqual([
      {
        id: 'T00003',
        status: null,
        previousStatus: 'Not Started',
        modifiedDate: makeTask(3).ModifiedDate,
        playbookId: null,
        ctaId: 'C3',
        removed: true,
      },
    ]);
    expect(s.allTaskIds().sort()).toEqual(['T00001', 'T00002']);
    expect(s.history('T00003')).toEqual([{ at: NOW, source: 'outside', actor: null, kind: 'removed', changes: [] }]);
  });

  it('answers a repeated search from its cache until the tasks change, then from the new tasks', () => {
    const s = store();
    s.applyTasks([makeTask(1), makeTask(2)], cockpit);
    const body = {
      select: ['Gsid', 'Status'],
      where: { conditions: [{ name: 'Status', alias: 'A', operator: 'EQ' as const, value: ['Not Started'] }] },
    };
    const first = s.searchJson(body);
    expect(JSON.parse(first)).toEqual(s.search(body));
    expect(JSON.parse(first).totalCount).toBe(2);
    expect(s.searchJson(body)).toBe(first);
    s.applyTasks([makeTask(1, { Status: 'Completed', ModifiedDate: '2026-03-02T11:00:00.000Z' })], cockpit);
    expect(JSON.parse(s.searchJson(body))).toEqual({ records: [{ Gsid: 'T00002', Status: 'Not Started' }], totalCount: 1 });
    // Nothing changed (an equal version): the answer stays.
    const second = s.searchJson(body);
    s.applyTasks([makeTask(2)], cockpit);
    expect(s.searchJson(body)).toBe(second);
    s.removeTasks(['T00002'], cockpit);
    expect(JSON.parse(s.searchJson(body))).toEqual({ records: [], totalCount: 0 });
  });

  it('drops history older than the cutoff', () => {
    const s = store();
    s.applyTasks([makeTask(1, { ModifiedDate: '2025-01-01T00:00:00.000Z' })], cockpit);
    s.applyTasks([makeTask(1, { Name: 'x', ModifiedDate: '2026-03-01T00:00:00.000Z' })], cockpit);
    expect(s.pruneHistory('2026-01-01T00:00:00.000Z')).toBe(1);
    expect(s.history('T00001').map((e) => e.at)).toEqual(['2026-03-01T00:00:00.000Z']);
  });

  it('keeps the playbook list in the tenant’s order and tells which changed', () => {
    const s = store();
    expect(
      s.replacePlaybooks([
        { Gsid: 'P2', Name: 'B' },
        { Gsid: 'P1', Name: 'A' },
      ]),
    ).toEqual(['P2', 'P1']);
    expect(s.listPlaybooks().map((p) => p.Gsid)).toEqual(['P2', 'P1']);
    expect(
      s.replacePlaybooks([
        { Gsid: 'P2', Name: 'B' },
        { Gsid: 'P3', Name: 'C' },
      ]),
    ).toEqual(['P3', 'P1']);
    expect(s.putPlaybook({ Gsid: 'P2', Name: 'B' })).toBe(false);
    expect(s.putPlaybook({ Gsid: 'P2', Name: 'B2' })).toBe(true);
    expect(s.putPlaybook({ Gsid: 'P4', Name: 'D' })).toBe(true);
    expect(s.listPlaybooks().map((p) => p.Name)).toEqual(['B2', 'C', 'D']);
    expect(s.removePlaybook('P3')).toBe(true);
    expect(s.getPlaybook('P3')).toBeUndefined();
  });
});
