import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types.ts';
import { compareTasks, type TaskOrderBy } from './task-order.ts';

const t = (Gsid: string, fields: Partial<Task> = {}): Task => ({ Gsid, ...fields });
const order = (tasks: Task[], orderBy: TaskOrderBy) => [...tasks].sort((a, b) => compareTasks(a, b, orderBy)).map((x) => x.Gsid);

describe('compareTasks: the servers order, in JavaScript', () => {
  it('puts empty values last in both directions, ties by Gsid ascending', () => {
    const tasks = [t('d'), t('c', { DueDate: '2026-01-02' }), t('b', { DueDate: '' }), t('a', { DueDate: '2026-01-01' })];
    expect(order(tasks, { DueDate: 'asc' })).toEqual(['a', 'c', 'b', 'd']);
    expect(order(tasks, { DueDate: 'desc' })).toEqual(['c', 'a', 'b', 'd']);
    expect(order(tasks, {})).toEqual(['a', 'b', 'c', 'd']);
  });

  it('folds the case of text fields only, ties by the text as written', () => {
    const names = [
      t('1', { Name: 'beta' }),
      t('2', { Name: 'Alpha' }),
      t('3', { Name: 'alpha' }),
      t('4', { Name: 'École' }),
      t('5', { Name: 'zeta' }),
    ];
    // Folded text compares by code point: "école" after "zeta", as in SQLite.
    expect(order(names, { Name: 'asc' })).toEqual(['2', '3', '1', '5', '4']);
    expect(order(names, { Name: 'desc' })).toEqual(['4', '5', '1', '3', '2']);
    // An id is not text: compared as written, upper case first.
    const ids = [t('1', { CTAId: 'cta-b' }), t('2', { CTAId: 'CTA-C' }), t('3', { CTAId: 'cta-a' })];
    expect(order(ids, { CTAId: 'asc' })).toEqual(['2', '3', '1']);
  });

  it('orders Priority by picklist rank, then other values as written', () => {
    const tasks = [
      t('1', { Priority: 'Low' }),
      t('2', { Priority: 'urgent' }),
      t('3', { Priority: 'High' }),
      t('4', { Priority: 'Blocker' }),
      t('5'),
      t('6', { Priority: 'Medium' }),
    ];
    expect(order(tasks, { Priority: 'asc' })).toEqual(['3', '6', '1', '4', '2', '5']);
    expect(order(tasks, { Priority: 'desc' })).toEqual(['2', '4', '1', '6', '3', '5']);
  });

  it('compares numbers as numbers and applies keys in turn', () => {
    const tasks = [
      t('1', { Order: 10, Status: 'Completed' }),
      t('2', { Order: 9, Status: 'Completed' }),
      t('3', { Order: 100, Status: 'Skipped' }),
    ];
    expect(order(tasks, { Order: 'asc' })).toEqual(['2', '1', '3']);
    expect(order(tasks, { Status: 'desc', Order: 'desc' })).toEqual(['3', '1', '2']);
  });

  it('leaves ties to the caller when Gsid is a key', () => {
    expect(compareTasks(t('a'), t('b'), { Gsid: 'desc' })).toBeGreaterThan(0);
    expect(compareTasks(t('a', { Order: 1 }), t('b', { Order: 1 }), { Order: 'asc' })).toBeLessThan(0);
  });
});
