import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types.ts';
import { sortTasks } from './sort-tasks.ts';

const t = (Gsid: string, fields: Partial<Task>): Task => ({ Gsid, ...fields });

describe('sortTasks', () => {
  it('sorts text case-insensitively with empty values last both ways, ties by Gsid', () => {
    const rows = [t('4', {}), t('3', { Name: 'beta' }), t('2', { Name: 'Alpha' }), t('1', { Name: 'alpha' }), t('5', { Name: '' })];
    expect(sortTasks(rows, { field: 'Name', dir: 'asc' }).map((r) => r.Gsid)).toEqual(['2', '1', '3', '4', '5']);
    expect(sortTasks(rows, { field: 'Name', dir: 'desc' }).map((r) => r.Gsid)).toEqual(['3', '1', '2', '4', '5']);
  });

  it('sorts Priority in picklist order and numbers as numbers', () => {
    const rows = [
      t('a', { Priority: 'Low', Order: 10 }),
      t('b', { Priority: 'High', Order: 9 }),
      t('c', { Priority: 'Medium', Order: 100 }),
    ];
    expect(sortTasks(rows, { field: 'Priority', dir: 'asc' }).map((r) => r.Priority)).toEqual(['High', 'Medium', 'Low']);
    expect(sortTasks(rows, { field: 'Order', dir: 'desc' }).map((r) => r.Order)).toEqual([100, 10, 9]);
  });

  it('does not change its input', () => {
    const rows = [t('b', {}), t('a', {})];
    sortTasks(rows, { field: 'DueDate', dir: 'asc' });
    expect(rows.map((r) => r.Gsid)).toEqual(['b', 'a']);
  });
});
