/**
 * One page of the builder's results. Sorting goes through the `orderBy` extension; a server that
 * refuses it (400) gets the same request without `orderBy`, and the page is sorted in the
 * browser instead, which the page says.
 */
import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { searchTasks } from '../../api/client.ts';
import { isClientError } from '../../api/errors.ts';
import { taskKeys } from '../../api/query-keys.ts';
import type { SearchFn } from '../../api/search-pages.ts';
import type { SearchRequest, SearchResult } from '../../api/types.ts';

export interface SearchPage extends SearchResult {
  /** Set when the server refused `orderBy`: its words, and the rows are in the server's default order. */
  orderByRefused: string | null;
  /** The request's offset, so a page shown while the next loads still says which rows it holds. */
  offset: number;
}

/** True when a failed request might have failed only for its `orderBy`. */
export function mayBeOrderByRefusal(request: SearchRequest, error: unknown): boolean {
  return request.orderBy !== undefined && isClientError(error) && error.status === 400;
}

export function withoutOrderBy(request: SearchRequest): SearchRequest {
  const { orderBy: _orderBy, ...rest } = request;
  return rest;
}

export async function fetchSearchPage(request: SearchRequest, search: SearchFn, signal?: AbortSignal): Promise<SearchPage> {
  const offset = request.offset ?? 0;
  try {
    return { ...(await search(request, { signal })), orderByRefused: null, offset };
  } catch (error) {
    if (!mayBeOrderByRefusal(request, error)) throw error;
    // If this fails too, the request was wrong for another reason: that error is the one to show.
    const page = await search(withoutOrderBy(request), { signal });
    return { ...page, orderByRefused: isClientError(error) ? error.errorDesc : String(error), offset };
  }
}

/** The key is under `taskKeys.searches()`, so saving a task refreshes these results too. */
export function searchPageQueryOptions(request: SearchRequest) {
  return queryOptions({
    queryKey: taskKeys.searchBuilderPage(request),
    queryFn: ({ signal }) => fetchSearchPage(request, searchTasks, signal),
    placeholderData: keepPreviousData,
  });
}
