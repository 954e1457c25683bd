/**
 * The board's orders: what each "Sort by" choice asks the server for (`orderBy`). The same order
 * in JS (`compareTasks` in src/lib/search/task-order.ts, shared with the search page and matching
 * the servers) puts a moved card in its sorted place without a refetch.
 */
import type { SearchRequest } from '../../../api/types.ts';

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
