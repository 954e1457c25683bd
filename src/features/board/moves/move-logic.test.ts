import { describe, expect, it } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { columnCount, columnView, insertTask, moveTask, removeTask, withStatus, type ColumnPages, type PendingMove } from './move-logic.ts';
import { ORDER_BY } from '../columns/sort-order.ts';

const byDue = ORDER_BY.due;
const t = (Gsid: string, DueDate?: string): Task => ({
  Gsid,
  Name: `Task ${Gsid}`,
  Status: 'Not Started',
  ...(DueDate ? { DueDate } : {}),
});

/** Pages of `size` rows over `tasks` (the first `loaded` of `total`). */
function pages(tasks: Task[], size: number, total = tasks.length): ColumnPages {
  const out: ColumnPages = { pages: [], pageParams: [] };
  for (let offset = 0; offset < tasks.length || offset === 0; offset += size) {
    out.pages.push({ records: tasks.slice(offset, offset + size), totalCount: total });
    out.pageParams.push(offset);
    if (tasks.length === 0) break;
  }
  return out;
}
const ids = (data: ColumnPages | undefined) => data?.pages.map((p) => p.records.map((r) => r.Gsid));

describe('removeTask', () => {
  const data = pages([t('a', '2026-01-01'), t('b', '2026-01-02'), t('c', '2026-01-03'), t('d', '2026-01-04')], 2, 10);

  it('takes the card out, lowers the count and shifts the offsets of later pages', () => {
    const out = removeTask(data, 'a')!;
    expect(ids(out)).toEqual([['b'], ['c', 'd']]);
    expect(out.pages.map((p) => p.totalCount)).toEqual([9, 9]);
    expect(out.pageParams).toEqual([0, 1]);
    expect(ids(data)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]); // the input is untouched
  });

  it('leaves the data as it is when the card is not there', () => {
    expect(removeTask(data, 'zz')).toBe(data);
    expect(removeTask(undefined, 'a')).toBeUndefined();
  });
});

describe('insertTask', () => {
  it('puts the card in its sorted place and shifts later pages', () => {
    const data = pages([t('a', '2026-01-01'), t('b', '2026-01-02'), t('c', '2026-01-05'), t('d', '2026-01-06')], 2, 10);
    const out = insertTask(data, t('new', '2026-01-03'), byDue)!;
    expect(ids(out)).toEqual([
      ['a', 'b'],
      ['new', 'c', 'd'],
    ]);
    expect(columnCount(out)).toBe(11);
    expect(out.pageParams).toEqual([0, 2]);
  });

  it('counts, but does not show, a card that sorts after the loaded rows when more are to load', () => {
    const data = pages([t('a', '2026-01-01'), t('b', '2026-01-02')], 2, 10);
    const out = insertTask(data, t('late', '2027-01-01'), byDue)!;
    expect(ids(out)).toEqual([['a', 'b']]);
    expect(columnCount(out)).toBe(11);
  });

  it('appends a card that sorts last when everything is loaded', () => {
    const data = pages([t('a', '2026-01-01'), t('b', '2026-01-02')], 50);
    const out = insertTask(data, t('late'), byDue)!; // no due date: last
    expect(ids(out)).toEqual([['a', 'b', 'late']]);
    expect(columnCount(out)).toBe(3);
  });

  it('fills an empty column', () => {
    const out = insertTask(pages([], 50), t('x', '2026-01-01'), byDue)!;
    expect(ids(out)).toEqual([['x']]);
    expect(columnCount(out)).toBe(1);
  });

  it('replaces a copy already there instead of counting it twice', () => {
    const data = pages([t('a', '2026-01-01'), t('b', '2026-01-02'), t('c', '2026-01-03')], 50);
    const out = insertTask(data, t('a', '2026-01-04'), byDue)!;
    expect(ids(out)).toEqual([['b', 'c', 'a']]);
    expect(columnCount(out)).toBe(3);
  });
});

describe('moveTask', () => {
  it('moves a card between columns, both counts adjusted', () => {
    const source = pages([t('a', '2026-01-01'), t('b', '2026-01-02')], 50);
    const target = pages([t('x', '2026-01-01'), t('y', '2026-01-03')], 50);
    const moved = withStatus(source.pages[0]!.records[1]!, 'In Progress', new Date('2026-02-01T10:00:00Z'));
    const out = moveTask(source, target, moved, byDue);
    expect(ids(out.source)).toEqual([['a']]);
    expect(ids(out.target)).toEqual([['x', 'b', 'y']]);
    expect([columnCount(out.source), columnCount(out.target)]).toEqual([1, 3]);
    expect(out.target!.pages[0]!.records[1]!.Status).toBe('In Progress');
  });

  it('sorts by last modified: a moved card goes first', () => {
    const target = pages([{ ...t('x'), ModifiedDate: '2026-01-01T00:00:00.000Z' }], 50);
    const moved = withStatus(t('b'), 'Skipped', new Date('2026-02-01T10:00:00Z'));
    expect(ids(moveTask(undefined, target, moved, ORDER_BY.modified).target)).toEqual([['b', 'x']]);
  });
});

describe('withStatus', () => {
  const now = new Date('2026-03-04T05:06:07Z');
  it('sets the completion date only for Completed', () => {
    expect(withStatus(t('a'), 'Completed', now)).toMatchObject({
      Status: 'Completed',
      CompletedDate: '2026-03-04',
      ModifiedDate: now.toISOString(),
    });
    expect(withStatus({ ...t('a'), CompletedDate: '2026-01-01' }, 'In Progress', now)).not.toHaveProperty('CompletedDate');
  });
});

describe('columnView', () => {
  const none = new Map<string, PendingMove>();
  const going = (task: Task, to: PendingMove['to']): [string, PendingMove] => [task.Gsid!, { task: { ...task, Status: to }, to }];
  const view = (data: ColumnPages | undefined, pending: Map<string, PendingMove>) => {
    const v = columnView(data, 'Not Started', pending, byDue);
    return { cards: v.cards.map((x) => x.Gsid), count: v.count };
  };

  it('shows each task once, in the order of the rows', () => {
    const data: ColumnPages = {
      pages: [
        { records: [t('a'), t('b')], totalCount: 4 },
        { records: [t('b'), t('c')], totalCount: 4 },
      ],
      pageParams: [0, 2],
    };
    expect(view(data, none)).toEqual({ cards: ['a', 'b', 'c'], count: 4 });
    expect(view(undefined, none)).toEqual({ cards: [], count: undefined });
  });

  it('takes out, and uncounts, a task on its way to another column', () => {
    const data = pages([t('a', '2026-01-01'), t('b', '2026-01-02')], 50);
    expect(view(data, new Map([going(t('a'), 'Completed')]))).toEqual({ cards: ['b'], count: 1 });
  });

  it('puts a task on its way here in its sorted place and counts it, when the rows lack it (they came from a refetch)', () => {
    const data = pages([t('a', '2026-01-01'), t('c', '2026-01-03')], 50);
    const pending = new Map([going(t('b', '2026-01-02'), 'Not Started')]);
    expect(view(data, pending)).toEqual({ cards: ['a', 'b', 'c'], count: 3 });
  });

  it('neither shows twice nor counts twice a task the rows already have in this column', () => {
    const data = pages([t('a', '2026-01-01'), t('b', '2026-01-02')], 50);
    expect(view(data, new Map([going(t('b', '2026-01-02'), 'Not Started')]))).toEqual({ cards: ['a', 'b'], count: 2 });
  });

  it('counts, but does not show, a task on its way here that sorts after the loaded rows when more are to load', () => {
    const data = pages([t('a', '2026-01-01'), t('b', '2026-01-02')], 2, 10);
    expect(view(data, new Map([going(t('late', '2027-01-01'), 'Not Started')]))).toEqual({ cards: ['a', 'b'], count: 11 });
    // Everything loaded: it goes last.
    expect(view(pages([t('a', '2026-01-01')], 50), new Map([going(t('late', '2027-01-01'), 'Not Started')]))).toEqual({
      cards: ['a', 'late'],
      count: 2,
    });
  });

  it('fills an empty column', () => {
    expect(view(pages([], 50), new Map([going(t('x', '2026-01-01'), 'Not Started')]))).toEqual({ cards: ['x'], count: 1 });
  });

  it('puts a card in only on the board it was moved on (other filters may not take it); takes it out on any', () => {
    const moving = (scope: string): Map<string, PendingMove> => new Map([['x', { task: t('x', '2026-01-01'), to: 'Not Started', scope }]]);
    const show = (data: ColumnPages, status: 'Not Started' | 'Completed', scope: string) =>
      columnView(data, status, moving(scope), byDue, 'now').cards.map((c) => c.Gsid);
    expect(show(pages([t('a', '2026-01-02')], 50), 'Not Started', 'now')).toEqual(['x', 'a']);
    expect(show(pages([t('a', '2026-01-02')], 50), 'Not Started', 'before')).toEqual(['a']);
    expect(show({ ...pages([t('x', '2026-01-01')], 50) }, 'Completed', 'before')).toEqual([]);
  });
});
