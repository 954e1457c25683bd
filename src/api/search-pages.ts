/**
 * Reading a search to its end by offset, a page at a time: the one loop behind the CSV export
 * (its retries are its own) and a playbook's apply and adoption. A page follows the one before
 * by the rule of the board's columns (`nextSearchOffset` in tasks.ts): it starts where that one
 * ended, and there is none after an empty page or once the offset reaches `totalCount`.
 */
import type { CallOptions, TaskApi } from './client.ts';
import { MAX_PAGE_SIZE } from '../lib/search/limits.ts';
import { nextSearchOffset } from './tasks.ts';
import type { SearchRequest, SearchResult, Task } from './types.ts';

/** A task search: `searchTasks`, or a fake of it in tests. */
export type SearchFn = TaskApi['searchTasks'];

/**
 * The pages of a search, from `offset`: `fetchPage(offset)` is called for the next page only once
 * the one before has been handed over (so a consumer that stops asks for no more).
 */
export async function* searchPages(fetchPage: (offset: number) => Promise<SearchResult>, offset = 0): AsyncGenerator<SearchResult, void> {
  for (let next: number | undefined = offset; next !== undefined;) {
    const page = await fetchPage(next);
    yield page;
    next = nextSearchOffset(page, next);
  }
}

/**
 * Every row of a search, in pages of the request's `limit` (at most 5,000, the API's limit), from
 * its `offset`. The default order (CreatedDate, ties by Gsid) is stable, so paging by offset
 * neither repeats nor skips a row.
 */
export async function searchAllPages(search: SearchFn, request: SearchRequest, options?: CallOptions): Promise<Task[]> {
  const limit = Math.min(request.limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const rows: Task[] = [];
  for await (const page of searchPages((offset) => search({ ...request, limit, offset }, options), request.offset ?? 0)) {
    rows.push(...page.records);
  }
  return rows;
}
