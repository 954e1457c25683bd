/**
 * The order of tasks for an `orderBy` (`{ DueDate: 'asc', Name: 'desc' }`), in JavaScript, as the
 * servers order them in SQL (search-engine's order-by.ts): empty values last in either direction,
 * text fields case-insensitively (ties by the text as written), Priority in picklist order (then
 * other values as written), everything else by value, and Gsid ascending as the final
 * tie-break. The board places a moved card with it; the search page sorts with it when the
 * server refuses `orderBy`.
 */
import type { SortDirection, Task } from '../../api/types.ts';
import { priorityRank } from '../priorities.ts';
import { TASK_FIELD_TYPE, foldText, isTaskFieldName } from './fields.ts';

export type TaskOrderBy = Readonly<Record<string, SortDirection>>;

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

function fieldValue(task: Task, field: string): string | number | undefined {
  const value = (task as Record<string, unknown>)[field];
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** One orderBy key: negative when `a` comes first. */
function compareField(a: Task, b: Task, field: string, direction: SortDirection): number {
  const va = fieldValue(a, field);
  const vb = fieldValue(b, field);
  const emptyA = va === undefined || va === '';
  const emptyB = vb === undefined || vb === '';
  if (emptyA || emptyB) return emptyA === emptyB ? 0 : emptyA ? 1 : -1; // empty last, both ways
  const sign = direction === 'asc' ? 1 : -1;
  if (field === 'Priority') {
    const byRank = priorityRank(String(va)) - priorityRank(String(vb));
    return sign * (byRank !== 0 ? byRank : cmp(String(va), String(vb)));
  }
  if (isTaskFieldName(field) && TASK_FIELD_TYPE[field] === 'text') {
    const byFold = cmp(foldText(String(va)), foldText(String(vb)));
    return sign * (byFold !== 0 ? byFold : cmp(String(va), String(vb)));
  }
  return sign * cmp(va, vb);
}

/** Compares two tasks as the servers order them for `orderBy` (ties broken by Gsid ascending). */
export function compareTasks(a: Task, b: Task, orderBy: TaskOrderBy): number {
  for (const [field, direction] of Object.entries(orderBy)) {
    const c = compareField(a, b, field, direction);
    if (c !== 0) return c;
  }
  if ('Gsid' in orderBy) return 0;
  return cmp(a.Gsid ?? '', b.Gsid ?? '');
}
