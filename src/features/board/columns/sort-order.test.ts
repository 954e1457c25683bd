import { describe, expect, it } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { compareTasks } from '../../../lib/search/task-order.ts';
import { ORDER_BY, isSortKey, orderByOf } from './sort-order.ts';

const t = (Gsid: string, fields: Partial<Task> = {}): Task => ({ Gsid, Name: Gsid, ...fields });
const order = (tasks: Task[], key: keyof typeof ORDER_BY) =>
  [...tasks].sort((a, b) => compareTasks(a, b, ORDER_BY[key])).map((x) => x.Gsid);

describe('sort orders', () => {
  it('due date ascending, tasks without a due date last, ties by Gsid', () => {
    const tasks = [t('c', { DueDate: '2026-03-01' }), t('b'), t('a', { DueDate: '2026-03-01' }), t('d', { DueDate: '2026-01-15' })];
    expect(order(tasks, 'due')).toEqual(['d', 'a', 'c', 'b']);
  });

  it('priority in picklist order (High, Medium, Low, others, none), then due date', () => {
    const tasks = [
      t('low', { Priority: 'Low', DueDate: '2026-01-01' }),
      t('none', { DueDate: '2026-01-01' }),
      t('high-late', { Priority: 'High', DueDate: '2026-05-01' }),
      t('odd', { Priority: 'Urgent' }),
      t('high-early', { Priority: 'High', DueDate: '2026-02-01' }),
      t('medium', { Priority: 'Medium' }),
    ];
    expect(order(tasks, 'priority')).toEqual(['high-early', 'high-late', 'medium', 'low', 'odd', 'none']);
  });

  it('company case-insensitively, then due date', () => {
    const tasks = [
      t('1', { CompanyName: 'beta', DueDate: '2026-01-02' }),
      t('2', { CompanyName: 'Alpha' }),
      t('3', { CompanyName: 'Beta', DueDate: '2026-01-01' }),
      t('4', { CompanyName: 'alpha corp' }),
    ];
    expect(order(tasks, 'company')).toEqual(['2', '4', '3', '1']);
  });

  it('last modified newest first, never-modified last', () => {
    const tasks = [
      t('old', { ModifiedDate: '2026-01-01T00:00:00.000Z' }),
      t('none'),
      t('new', { ModifiedDate: '2026-06-01T10:00:00.000Z' }),
    ];
    expect(order(tasks, 'modified')).toEqual(['new', 'old', 'none']);
  });

  it('knows its keys', () => {
    expect(isSortKey('priority')).toBe(true);
    expect(isSortKey('Priority')).toBe(false);
    expect(isSortKey('__proto__')).toBe(false);
  });

  it('turns every key of an order round when reversed, and keeps it otherwise', () => {
    expect(orderByOf('due', false)).toEqual({ DueDate: 'asc' });
    expect(orderByOf('due', true)).toEqual({ DueDate: 'desc' });
    expect(orderByOf('priority', true)).toEqual({ Priority: 'desc', DueDate: 'desc' });
    expect(orderByOf('modified', true)).toEqual({ ModifiedDate: 'asc' });
    const tasks = [t('a', { DueDate: '2026-01-02' }), t('b', { DueDate: '2026-03-01' }), t('c', { DueDate: '2026-02-01' })];
    expect([...tasks].sort((x, y) => compareTasks(x, y, orderByOf('due', true))).map((x) => x.Gsid)).toEqual(['b', 'c', 'a']);
  });
});
