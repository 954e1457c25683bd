import { describe, expect, it } from 'vitest';
import type { TaskChange } from '../lib/live-events.ts';
import { emptyBatch, holdsTask, isEmptyBatch, liveHit, requiredConditions, searchMayHold, type LiveBatch } from './live-invalidation.ts';
import { playbookKeys, taskKeys } from './query-keys.ts';
import type { SearchRequest } from './types.ts';

const change = (patch: Partial<TaskChange> = {}): TaskChange => ({
  id: '1T1',
  status: 'In Progress',
  previousStatus: 'Not Started',
  modifiedDate: '2026-12-01T10:00:00.000Z',
  playbookId: '1P1',
  ctaId: '1C1',
  ...patch,
});

const tasks = (...changes: TaskChange[]): LiveBatch => ({ ...emptyBatch(), tasks: changes });

/** A board column's search as the board writes it: its filters, then `Status EQ`, ANDed. */
function column(status: string, extra: { expression?: string; conditions?: SearchRequest['where'] } = {}): SearchRequest {
  const own = extra.conditions?.conditions ?? [];
  return {
    select: ['Gsid', 'Name', 'Status'],
    where: {
      conditions: [...own, { name: 'Status', alias: 'Status', operator: 'EQ', value: [status] }],
      ...(extra.expression ? { expression: extra.expression } : {}),
    },
    orderBy: { DueDate: 'asc' },
    limit: 50,
  };
}

const adoption = (playbookId: string): SearchRequest => ({
  select: ['Gsid', 'Status'],
  where: { conditions: [{ name: 'PlaybookId', alias: 'A', operator: 'EQ', value: [playbookId] }] },
  limit: 5000,
});

const ctaTasks = (playbookId: string, ctaId: string): SearchRequest => ({
  select: ['Gsid'],
  where: {
    conditions: [
      { name: 'PlaybookId', alias: 'A', operator: 'EQ', value: [playbookId] },
      { name: 'CTAId', alias: 'B', operator: 'EQ', value: [ctaId] },
    ],
  },
});

const rows = (...ids: string[]) => ({ records: ids.map((Gsid) => ({ Gsid })), totalCount: ids.length });
const pages = (...pageIds: string[][]) => ({ pages: pageIds.map((ids) => rows(...ids)), pageParams: pageIds.map((_, i) => i * 50) });

describe('which queries a task change hits', () => {
  const moved = tasks(change());

  it("hits the task's detail and no other task's", () => {
    expect(liveHit(moved, taskKeys.detail('1T1'), undefined)).toBe('now');
    expect(liveHit(moved, taskKeys.detail('1T2'), undefined)).toBe('none');
  });

  it('hits the board columns of the previous and the new status, not the others', () => {
    const hit = (status: string) => liveHit(moved, taskKeys.searchInfinite(column(status)), pages([]));
    expect(hit('Not Started')).toBe('now');
    expect(hit('In Progress')).toBe('now');
    expect(hit('Completed')).toBe('none');
    expect(hit('Skipped')).toBe('none');
  });

  it('hits a column that shows the task whatever its status says (the card must leave it)', () => {
    expect(liveHit(moved, taskKeys.searchInfinite(column('Completed')), pages(['1T9'], ['1T1']))).toBe('now');
    expect(liveHit(moved, taskKeys.searchInfinite(column('Completed')), pages(['1T9'], ['1T8']))).toBe('none');
  });

  it('reads the status out of a column whose filters come with an expression (a link), only from its top-level AND terms', () => {
    const link = {
      conditions: [
        { name: 'Priority', alias: 'A', operator: 'EQ' as const, value: ['High'] },
        { name: 'Priority', alias: 'B', operator: 'EQ' as const, value: ['Low'] },
      ],
    };
    const anded = column('Completed', { conditions: link, expression: '(A OR B) AND Status' });
    expect(liveHit(moved, taskKeys.searchInfinite(anded), pages([]))).toBe('none');
    // Here Status is only one side of an OR: any task may match.
    const ored = column('Completed', { conditions: link, expression: 'A OR (B AND Status)' });
    expect(liveHit(moved, taskKeys.searchInfinite(ored), pages([]))).toBe('now');
  });

  it("hits the search page's results and plain searches that may hold the task", () => {
    const byName: SearchRequest = {
      where: { conditions: [{ name: 'Name', alias: 'A', operator: 'CONTAINS', value: ['call'] }] },
      limit: 25,
    };
    expect(liveHit(moved, [...taskKeys.searches(), 'builder-page', byName], rows())).toBe('now');
    expect(liveHit(moved, taskKeys.search(byName), rows())).toBe('now');
    const openOnly: SearchRequest = {
      where: { conditions: [{ name: 'Status', alias: 'A', operator: 'IN', value: ['Completed', 'Skipped'] }] },
    };
    expect(liveHit(moved, taskKeys.search(openOnly), rows())).toBe('none');
  });

  it("hits its playbook's adoption, not another playbook's", () => {
    expect(liveHit(moved, taskKeys.searchAllPages(adoption('1P1')), [])).toBe('now');
    expect(liveHit(moved, taskKeys.searchAllPages(adoption('1P2')), [{ Gsid: '1T7' }])).toBe('none');
    // A playbook's figures that counted the task are refreshed too.
    expect(liveHit(moved, taskKeys.searchAllPages(adoption('1P2')), [{ Gsid: '1T1' }])).toBe('now');
    // A task without a playbook is in no playbook's adoption.
    expect(liveHit(tasks(change({ playbookId: null })), taskKeys.searchAllPages(adoption('1P1')), [])).toBe('none');
  });

  it("hits the tasks of its CTA, not another CTA's", () => {
    expect(liveHit(moved, taskKeys.search(ctaTasks('1P1', '1C1')), rows())).toBe('now');
    expect(liveHit(moved, taskKeys.search(ctaTasks('1P1', '1C2')), rows())).toBe('none');
    expect(liveHit(tasks(change({ ctaId: null })), taskKeys.search(ctaTasks('1P1', '1C2')), rows())).toBe('now');
  });

  it("marks the pickers' suggestions for later, and touches no playbook query", () => {
    expect(liveHit(moved, taskKeys.suggestions(), rows())).toBe('later');
    expect(liveHit(moved, playbookKeys.list(), [])).toBe('none');
    expect(liveHit(moved, playbookKeys.detail('1P1'), {})).toBe('none');
    expect(liveHit(moved, ['something-else'], {})).toBe('none');
  });

  it('refetches a task query of an unknown kind rather than miss it', () => {
    expect(liveHit(moved, [...taskKeys.all, 'future-kind'], undefined)).toBe('now');
  });

  it('a new task (no previous status) hits its own status column only', () => {
    const created = tasks(change({ previousStatus: null, status: 'Not Started' }));
    expect(liveHit(created, taskKeys.searchInfinite(column('Not Started')), pages([]))).toBe('now');
    expect(liveHit(created, taskKeys.searchInfinite(column('In Progress')), pages([]))).toBe('none');
  });

  it('an unknown status may be in any column; a removed task leaves the column it was in', () => {
    const unknown = tasks(change({ status: null, previousStatus: null }));
    expect(liveHit(unknown, taskKeys.searchInfinite(column('Skipped')), pages([]))).toBe('now');
    const removed = tasks(change({ status: 'Completed', previousStatus: 'Completed', removed: true }));
    expect(liveHit(removed, taskKeys.searchInfinite(column('Completed')), pages([]))).toBe('now');
    expect(liveHit(removed, taskKeys.searchInfinite(column('Skipped')), pages([]))).toBe('none');
    expect(liveHit(removed, taskKeys.detail('1T1'), {})).toBe('now');
  });

  it('compares statuses ignoring case (refetching rather than missing)', () => {
    expect(liveHit(moved, taskKeys.searchInfinite(column('in progress')), pages([]))).toBe('now');
  });

  it('a batch hits a query when any of its changes does', () => {
    const two = tasks(change(), change({ id: '1T2', status: 'Skipped', previousStatus: 'Completed' }));
    expect(liveHit(two, taskKeys.searchInfinite(column('Completed')), pages([]))).toBe('now');
    expect(liveHit(two, taskKeys.detail('1T2'), {})).toBe('now');
    expect(liveHit(two, taskKeys.detail('1T3'), {})).toBe('none');
  });
});

describe('which queries a playbook change or a reload hits', () => {
  const playbooks: LiveBatch = { ...emptyBatch(), playbooks: new Set(['1P1']) };

  it('a playbook change hits the list and that playbook, no task query', () => {
    expect(liveHit(playbooks, playbookKeys.list(), [])).toBe('now');
    expect(liveHit(playbooks, playbookKeys.detail('1P1'), {})).toBe('now');
    expect(liveHit(playbooks, playbookKeys.detail('1P2'), {})).toBe('none');
    expect(liveHit(playbooks, taskKeys.detail('1T1'), {})).toBe('none');
    expect(liveHit(playbooks, taskKeys.searchAllPages(adoption('1P1')), [])).toBe('none');
    expect(liveHit(playbooks, taskKeys.suggestions(), rows())).toBe('none');
  });

  it("a reload hits everything, the pickers' suggestions later", () => {
    const reload = { ...emptyBatch(), reload: true };
    for (const key of [taskKeys.detail('1T1'), taskKeys.searchInfinite(column('Completed')), playbookKeys.list(), ['other']]) {
      expect(liveHit(reload, key, undefined)).toBe('now');
    }
    expect(liveHit(reload, taskKeys.suggestions(), undefined)).toBe('later');
  });

  it('an empty batch hits nothing', () => {
    expect(isEmptyBatch(emptyBatch())).toBe(true);
    expect(liveHit(emptyBatch(), taskKeys.detail('1T1'), {})).toBe('none');
    expect(liveHit(emptyBatch(), taskKeys.searchInfinite(column('Completed')), pages(['1T1']))).toBe('none');
  });
});

describe('the parts', () => {
  it('requiredConditions: every condition without an expression, the top-level AND terms with one, nothing for a bad one', () => {
    const a = { name: 'Status', alias: 'A', operator: 'EQ' as const, value: ['Completed'] };
    const b = { name: 'Name', alias: 'B', operator: 'CONTAINS' as const, value: ['x'] };
    const c = { name: 'Priority', alias: 'C', operator: 'EQ' as const, value: ['High'] };
    expect(requiredConditions({ where: { conditions: [a, b] } })).toEqual([a, b]);
    expect(requiredConditions({ where: { conditions: [a, b, c], expression: 'A AND (B OR C)' } })).toEqual([a]);
    expect(requiredConditions({ where: { conditions: [a, b], expression: 'A AND (' } })).toEqual([]);
    expect(requiredConditions({})).toEqual([]);
  });

  it('searchMayHold intersects several required conditions on one field', () => {
    const request: SearchRequest = {
      where: {
        conditions: [
          { name: 'Status', alias: 'A', operator: 'IN', value: ['Not Started', 'In Progress'] },
          { name: 'status', alias: 'B', operator: 'EQ', value: 'Not Started' as unknown as string[] },
        ],
      },
    };
    expect(searchMayHold(request, change({ status: 'In Progress', previousStatus: 'In Progress' }))).toBe(false);
    expect(searchMayHold(request, change({ status: 'In Progress', previousStatus: 'Not Started' }))).toBe(true);
  });

  it('holdsTask finds the task in a result, in pages, in a list, and nowhere else', () => {
    expect(holdsTask(rows('1T1'), '1T1')).toBe(true);
    expect(holdsTask(pages(['1T2'], ['1T1']), '1T1')).toBe(true);
    expect(holdsTask([{ Gsid: '1T1' }], '1T1')).toBe(true);
    expect(holdsTask(rows('1T2'), '1T1')).toBe(false);
    expect(holdsTask(undefined, '1T1')).toBe(false);
    expect(holdsTask({ Gsid: '1T1' }, '1T1')).toBe(false);
  });
});
