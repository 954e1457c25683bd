/**
 * Fetches every row of a search, a page (at most 5,000 rows, the API's limit) at a time, for as
 * long as `totalCount` says there are more. The default order (CreatedDate, ties by Gsid) is
 * stable, so paging by offset neither repeats nor skips a row.
 */
import type { CallOptions } from '../../api/client.ts';
import type { SearchRequest, SearchResult, Task } from '../../api/types.ts';
import { MAX_PAGE_SIZE } from '../../lib/search/limits.ts';

export type SearchFn = (request: SearchRequest, options?: CallOptions) => Promise<SearchResult>;

export async function searchAllPages(search: SearchFn, request: SearchRequest, options?: CallOptions): Promise<Task[]> {
  const limit = Math.min(request.limit ?? MAX_PAGE_SIZE, MAX_PAGE_SIZE);
  const rows: Task[] = [];
  let offset = request.offset ?? 0;
  for (;;) {
    const page = await search({ ...request, limit, offset }, options);
    rows.push(...page.records);
    offset += page.records.length;
    if (page.records.length === 0 || offset >= page.totalCount) return rows;
  }
}
