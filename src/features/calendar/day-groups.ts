/**
 * Which tasks each day shows: the tasks grouped by due date, in a stable order (open before done,
 * then by name), the first few in the day's cell and "N more" for the rest; due-date changes
 * still on their way laid over what the search returned; and what counts as overdue.
 */
import type { Task } from '../../api/types.ts';
import { dueInWords } from '../../lib/dates.ts';

const DONE = new Set(['Completed', 'Skipped']);

export const isDone = (task: Task) => DONE.has(task.Status ?? '');

/** An open task due before today (a done task is never overdue, as on the board). */
export function isOverdue(task: Task, today: string): boolean {
  return dueInWords(task.DueDate, today, isDone(task)).overdue;
}

const byOpenThenName = (a: Task, b: Task) =>
  Number(isDone(a)) - Number(isDone(b)) || (a.Name ?? '').localeCompare(b.Name ?? '') || (a.Gsid ?? '').localeCompare(b.Gsid ?? '');

/** The tasks by due date (`YYYY-MM-DD`), each day's sorted; tasks without one are left out. */
export function groupByDay(tasks: readonly Task[]): Map<string, Task[]> {
  const days = new Map<string, Task[]>();
  for (const task of tasks) {
    if (!task.DueDate) continue;
    const day = days.get(task.DueDate) ?? [];
    day.push(task);
    days.set(task.DueDate, day);
  }
  for (const day of days.values()) day.sort(byOpenThenName);
  return days;
}

/** What a day's cell shows: up to `max` tasks, and how many more it has. */
export function dayCell(tasks: readonly Task[], max: number): { shown: Task[]; more: number } {
  if (tasks.length <= max) return { shown: [...tasks], more: 0 };
  // The "N more" line takes the place of one task, so a cell never grows past `max` lines.
  const shown = tasks.slice(0, Math.max(0, max - 1));
  return { shown, more: tasks.length - shown.length };
}

/** A due-date change on its way: the task as it will be. */
export interface PendingDueChange {
  task: Task;
  to: string | null;
}

/**
 * The rows a view shows: each task with a change on its way is moved to its new date, or out of
 * the list when its new date is outside `range` (null: the undated list), or into it when it came
 * from elsewhere.
 */
export function withPending(
  rows: readonly Task[],
  pending: ReadonlyMap<string, PendingDueChange>,
  range: { start: string; end: string } | null,
): Task[] {
  if (pending.size === 0) return [...rows];
  const belongs = (to: string | null) => (range ? to !== null && to >= range.start && to <= range.end : to === null);
  const out = rows.filter((t) => !pending.has(t.Gsid ?? ''));
  for (const change of pending.values()) if (belongs(change.to)) out.push({ ...change.task, DueDate: change.to ?? undefined });
  return out;
}

/**
 * The rows after a change succeeded, until the searches are read again: the saved task in its
 * place, or out when its date left the range.
 */
export function withSaved(rows: readonly Task[], saved: Task, range: { start: string; end: string } | null): Task[] {
  const to = saved.DueDate ?? null;
  const belongs = range ? to !== null && to >= range.start && to <= range.end : to === null;
  const out = rows.filter((t) => t.Gsid !== saved.Gsid);
  if (belongs) out.push(saved);
  return out;
}
