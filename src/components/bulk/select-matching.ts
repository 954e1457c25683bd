/**
 * Every task a search matches, for "Select all N matching" and a board column's "Select all":
 * read page by page with the paged search helper (search-pages.ts), only their ids and names,
 * up to the cap of a bulk change.
 */
import { searchPages, type SearchFn } from '../../api/search-pages.ts';
import type { SearchRequest } from '../../api/types.ts';
import type { SelectedTask } from './selection.ts';

/**
 * The most tasks one bulk change takes: each task costs two API calls (a fresh read and the
 * write), and the API allows 100 calls a minute per tenant, so 1,000 tasks take about 20 minutes.
 */
export const MAX_BULK_TASKS = 1000;

export const CAP_REASON =
  'A bulk change takes at most 1,000 tasks: each task needs two calls to the Gainsight API, which allows 100 a minute, so 1,000 tasks already take about 20 minutes.';

const PAGE = 500;

/** The tasks `request` matches (its where and order, from the start), at most `cap`. */
export async function readMatching(
  search: SearchFn,
  request: SearchRequest,
  cap = MAX_BULK_TASKS,
): Promise<{ tasks: SelectedTask[]; total: number }> {
  const { offset: _offset, limit: _limit, ...rest } = request;
  const tasks: SelectedTask[] = [];
  let total = 0;
  const base = { ...rest, select: ['Gsid', 'Name'] };
  for await (const page of searchPages((offset) => search({ ...base, offset, limit: Math.min(PAGE, cap - tasks.length) }))) {
    total = page.totalCount;
    for (const row of page.records) if (row.Gsid && tasks.length < cap) tasks.push({ id: row.Gsid, name: row.Name ?? '' });
    if (tasks.length >= cap) break;
  }
  return { tasks, total: Math.max(total, tasks.length) };
}
