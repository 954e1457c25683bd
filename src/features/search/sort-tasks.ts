/**
 * Sorting in the browser, used only when the server refuses the `orderBy` extension. It follows
 * the servers' order (src/lib/search/task-order.ts, which the board uses too): text
 * case-insensitively, Priority in picklist order (High, Medium, Low), numbers as numbers, dates as
 * dates, empty values last in both directions, ties by Gsid.
 */
import type { Task } from '../../api/types.ts';
import { compareTasks } from '../../lib/search/task-order.ts';
import type { SortState } from './builder-state.ts';

/** A sorted copy. */
export function sortTasks(tasks: readonly Task[], sort: SortState): Task[] {
  const orderBy = { [sort.field]: sort.dir };
  return [...tasks].sort((a, b) => compareTasks(a, b, orderBy));
}
