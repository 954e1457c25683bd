/**
 * Sorting in the browser, used only when the server refuses the `orderBy` extension. It follows
 * the server's order: text case-insensitively, Priority in picklist order (High, Medium, Low),
 * numbers as numbers, dates as dates, empty values last in both directions, ties by Gsid.
 */
import type { Task } from '../../api/types.ts';
import { priorityRank } from '../../lib/priorities.ts';
import type { SortState } from './builder-state.ts';

function compareValues(field: keyof Task, a: unknown, b: unknown): number {
  if (field === 'Priority') {
    const diff = priorityRank(a as string) - priorityRank(b as string);
    if (diff !== 0) return diff;
  }
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return byCodeUnits(x.toLocaleLowerCase(), y.toLocaleLowerCase()) || byCodeUnits(x, y);
}

const byCodeUnits = (x: string, y: string): number => (x < y ? -1 : x > y ? 1 : 0);

const isEmpty = (v: unknown) => v === undefined || v === null || v === '';

export function compareTasks(a: Task, b: Task, sort: SortState): number {
  const va = a[sort.field];
  const vb = b[sort.field];
  if (isEmpty(va) || isEmpty(vb)) {
    if (!isEmpty(va)) return -1;
    if (!isEmpty(vb)) return 1;
  } else {
    const diff = compareValues(sort.field, va, vb);
    if (diff !== 0) return sort.dir === 'asc' ? diff : -diff;
  }
  return byCodeUnits(a.Gsid ?? '', b.Gsid ?? '');
}

/** A sorted copy. */
export function sortTasks(tasks: readonly Task[], sort: SortState): Task[] {
  return [...tasks].sort((a, b) => compareTasks(a, b, sort));
}
