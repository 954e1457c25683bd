/**
 * What changed between two versions of a task, as the Activity list shows it. Pure: the mirror's
 * store calls it inside its write transaction, and the tests call it directly.
 */
import { TASK_FIELDS } from '../../search-engine/fields.ts';
import { rowToTask, taskToRow, type TaskRecord } from '../../search-engine/task-table.ts';
import type { FieldChange } from '../../src/lib/live-events.ts';

/** Fields that change with every write or never change: not worth a line in the Activity list. */
const NOT_SHOWN = new Set(['Gsid', 'CreatedDate', 'ModifiedDate']);
const SHOWN_FIELDS = TASK_FIELDS.map((f) => f.name).filter((name) => !NOT_SHOWN.has(name));

/** A task as the mirror stores it: only the known fields, absent ones left out (the tenant's answer may carry more). */
export function normalizeTask(task: Record<string, unknown>): TaskRecord {
  return rowToTask(taskToRow(task));
}

/** Every known field equal (absent and absent count as equal). */
export function sameTask(a: TaskRecord, b: TaskRecord): boolean {
  return TASK_FIELDS.every((f) => (a[f.name] ?? null) === (b[f.name] ?? null));
}

/**
 * The shown fields that differ, in the order of the Task schema; for a new task (`before` null),
 * the fields it was created with.
 */
export function diffTasks(before: TaskRecord | null, after: TaskRecord): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of SHOWN_FIELDS) {
    const from = before?.[field] ?? null;
    const to = after[field] ?? null;
    if (from !== to) out.push({ field, from, to });
  }
  return out;
}

/** Milliseconds since the epoch of an API date-time, or null when it does not parse. */
export function instantOf(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/**
 * Whether `incoming` is older than `stored` (both ModifiedDate values): the mirror never replaces a
 * task with an earlier version of itself (a sync page read before a write, applied after it).
 */
export function isOlder(incoming: unknown, stored: unknown): boolean {
  const a = instantOf(incoming);
  const b = instantOf(stored);
  return a !== null && b !== null && a < b;
}
