import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types.ts';
import { dayCell, groupByDay, isOverdue, withPending, withSaved } from './day-groups.ts';

const task = (Gsid: string, Name: string, DueDate?: string, Status: Task['Status'] = 'Not Started'): Task => ({
  Gsid,
  Name,
  DueDate,
  Status,
});

describe('day grouping', () => {
  it('groups by due date, open before done, then by name; no due date is left out', () => {
    const days = groupByDay([
      task('1', 'Beta', '2026-12-02'),
      task('2', 'Alpha', '2026-12-02', 'Completed'),
      task('3', 'Gamma', '2026-12-03'),
      task('4', 'Undated'),
      task('5', 'Alpha', '2026-12-02'),
    ]);
    expect([...days.keys()]).toEqual(['2026-12-02', '2026-12-03']);
    expect(days.get('2026-12-02')!.map((t) => t.Gsid)).toEqual(['5', '1', '2']);
  });

  it('shows all when they fit, else one line fewer and "N more"', () => {
    const tasks = ['a', 'b', 'c', 'd', 'e'].map((n) => task(n, n, '2026-12-02'));
    expect(dayCell(tasks.slice(0, 3), 3)).toEqual({ shown: tasks.slice(0, 3), more: 0 });
    expect(dayCell(tasks.slice(0, 4), 3)).toEqual({ shown: tasks.slice(0, 2), more: 2 });
    expect(dayCell(tasks, 3)).toEqual({ shown: tasks.slice(0, 2), more: 3 });
    expect(dayCell([], 3)).toEqual({ shown: [], more: 0 });
  });

  it('marks open tasks due before today as overdue, never done ones', () => {
    expect(isOverdue(task('1', 'a', '2026-12-01'), '2026-12-02')).toBe(true);
    expect(isOverdue(task('1', 'a', '2026-12-02'), '2026-12-02')).toBe(false);
    expect(isOverdue(task('1', 'a', '2026-12-01', 'Skipped'), '2026-12-02')).toBe(false);
    expect(isOverdue(task('1', 'a'), '2026-12-02')).toBe(false);
  });
});

describe('changes on their way and saved', () => {
  const range = { start: '2026-11-30', end: '2027-01-03' };
  const rows = [task('1', 'a', '2026-12-02'), task('2', 'b', '2026-12-05')];

  it('moves a task to its new day, out of the range, or into it', () => {
    const pending = new Map([
      ['1', { task: rows[0]!, to: '2026-12-09' }],
      ['2', { task: rows[1]!, to: '2027-02-01' }],
      ['3', { task: task('3', 'c'), to: '2026-12-10' }],
    ]);
    expect(withPending(rows, pending, range).map((t) => [t.Gsid, t.DueDate])).toEqual([
      ['1', '2026-12-09'],
      ['3', '2026-12-10'],
    ]);
    expect(withPending(rows, new Map(), range)).toEqual(rows);
  });

  it('the undated list (no range) holds only tasks going to no date', () => {
    const undated = [task('3', 'c')];
    const pending = new Map([
      ['3', { task: undated[0]!, to: '2026-12-10' }],
      ['1', { task: rows[0]!, to: null }],
    ]);
    expect(withPending(undated, pending, null).map((t) => [t.Gsid, t.DueDate])).toEqual([['1', undefined]]);
  });

  it('puts a saved task in place, or takes it out', () => {
    expect(withSaved(rows, { ...rows[0]!, DueDate: '2026-12-24' }, range).map((t) => [t.Gsid, t.DueDate])).toEqual([
      ['2', '2026-12-05'],
      ['1', '2026-12-24'],
    ]);
    expect(withSaved(rows, { ...rows[0]!, DueDate: '2027-03-01' }, range).map((t) => t.Gsid)).toEqual(['2']);
    expect(withSaved([task('3', 'c')], { ...rows[0]!, DueDate: undefined }, null).map((t) => t.Gsid)).toEqual(['3', '1']);
  });
});
