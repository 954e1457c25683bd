import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types.ts';
import { columnCards, columnCount, insertTask, moveTask, removeTask, withStatus, type ColumnPages } from './move-logic.ts';
import { ORDER_BY } from './sort-order.ts';

const byDue = ORDER_BY.due;
const t = (Gsid: string, DueDate?: string): Task => ({ Gsid, Name: `Task ${Gsid}`, Status: 'Not Started', ...(DueDate ? { DueDate } : {}) });

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
    expect(ids(data)).toEqual([['a', 'b'], ['c', 'd']]); // the input is untouched
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
    expect(ids(out)).toEqual([['a', 'b'], ['new', 'c', 'd']]);
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
    expect(withStatus(t('a'), 'Completed', now)).toMatchObject({ Status: 'Completed', CompletedDate: '2026-03-04', ModifiedDate: now.toISOString() });
    expect(withStatus({ ...t('a'), CompletedDate: '2026-01-01' }, 'In Progress', now)).not.toHaveProperty('CompletedDate');
  });
});

describe('columnCards', () => {
  it('shows each task once, and hides tasks a running move takes elsewhere', () => {
    const data: ColumnPages = {
      pages: [
        { records: [t('a'), t('b')], totalCount: 4 },
        { records: [t('b'), t('c')], totalCount: 4 },
      ],
      pageParams: [0, 2],
    };
    expect(columnCards(data, 'Not Started').map((x) => x.Gsid)).toEqual(['a', 'b', 'c']);
    const pending = new Map([['c', 'Completed' as const], ['a', 'Not Started' as const]]);
    expect(columnCards(data, 'Not Started', pending).map((x) => x.Gsid)).toEqual(['a', 'b']);
    expect(columnCards(undefined, 'Not Started')).toEqual([]);
  });
});
