/** Starts the search in the link (or the default search) as soon as the page is asked for: the page reads the same query. */
import type { QueryClient } from '@tanstack/react-query';
import { todayIso } from '../../lib/dates.ts';
import { buildSearchRequest } from './build-request.ts';
import { searchPageQueryOptions } from './search-query.ts';
import { SEARCH_PARAM, decodeSearch } from './url-state.ts';

export function prefetchSearch(queryClient: QueryClient, url: string): void {
  const { state } = decodeSearch(new URL(url).searchParams.get(SEARCH_PARAM));
  const built = buildSearchRequest(state, todayIso());
  if (built.ok) void queryClient.prefetchQuery(searchPageQueryOptions(built.request));
}
