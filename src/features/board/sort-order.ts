/**
 * The board's orders: what each "Sort by" choice asks the server for (`orderBy`), and the same
 * order in JS, so that a moved card can be put in its sorted place without a refetch.
 * The comparison mirrors the local API server (search-engine/compile.ts): empty values last in
 * either direction, text case-insensitively (ties by the text as written), Priority in picklist
 * order, and Gsid ascending as the final tie-break.
 */
import type { SearchRequest, Task } from '../../api/types.ts';
import { priorityRank } from '../../lib/priorities.ts';

export const SORT_KEYS = ['due', 'priority', 'company', 'modified'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export const DEFAULT_SORT: SortKey = 'due';

export const SORT_LABELS: Record<SortKey, string> = {
  due: 'Due date',
  priority: 'Priority',
  company: 'Company',
  modified: 'Last modified',
};

export type OrderBy = NonNullable<SearchRequest['orderBy']>;

export const ORDER_BY: Record<SortKey, OrderBy> = {
  due: { DueDate: 'asc' },
  priority: { Priority: 'asc', DueDate: 'asc' },
  company: { CompanyName: 'asc', DueDate: 'asc' },
  modified: { ModifiedDate: 'desc' },
};

export function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value);
}

/** Fields compared case-insensitively (the server sorts them by a folded shadow column). */
const TEXT_FIELDS = new Set(['Name', 'Description', 'CompanyName', 'OwnerName']);

const fold = (text: string) => text.toLocaleLowerCase('und');
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function fieldValue(task: Task, field: string): string | number | undefined {
  const value = (task as Record<string, unknown>)[field];
  return typeof value === 'string' || typeof value === 'number' ? value : undefined;
}

/** One orderBy key: negative when `a` comes first. */
function compareField(a: Task, b: Task, field: string, direction: 'asc' | 'desc'): number {
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
  if (TEXT_FIELDS.has(field)) {
    const byFold = cmp(fold(String(va)), fold(String(vb)));
    return sign * (byFold !== 0 ? byFold : cmp(String(va), String(vb)));
  }
  return sign * cmp(va, vb);
}

/** Compares two tasks as the server orders them for `orderBy` (ties broken by Gsid ascending). */
export function compareTasks(a: Task, b: Task, orderBy: OrderBy): number {
  for (const [field, direction] of Object.entries(orderBy)) {
    const c = compareField(a, b, field, direction);
    if (c !== 0) return c;
  }
  if ('Gsid' in orderBy) return 0;
  return cmp(a.Gsid ?? '', b.Gsid ?? '');
}
