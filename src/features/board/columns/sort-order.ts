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

/** Each order's two directions in words: its own (as in ORDER_BY), then reversed. */
export const DIRECTION_LABELS: Record<SortKey, readonly [string, string]> = {
  due: ['Soonest due first', 'Latest due first'],
  priority: ['High first', 'Low first'],
  company: ['A to Z', 'Z to A'],
  modified: ['Newest first', 'Oldest first'],
};

/** What the server is asked for: the order of `sort`, every key turned round when `reverse`. */
export function orderByOf(sort: SortKey, reverse: boolean): OrderBy {
  const order = ORDER_BY[sort];
  if (!reverse) return order;
  return Object.fromEntries(Object.entries(order).map(([field, dir]) => [field, dir === 'asc' ? 'desc' : 'asc'])) as OrderBy;
}

export function isSortKey(value: string): value is SortKey {
  return (SORT_KEYS as readonly string[]).includes(value);
}
