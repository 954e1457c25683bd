import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { todayIso } from '../../lib/dates.ts';
import { buildSearchRequest } from './build-request.ts';
import { searchPageQueryOptions } from './search-query.ts';
import { SEARCH_PARAM, decodeSearch } from './url-state.ts';

export { SearchPage as Component } from './search-page.tsx';

/** Starts the search in the link while the page loads (the page reads the same query). */
export function prefetch(queryClient: QueryClient, { request }: LoaderFunctionArgs) {
  const { state } = decodeSearch(new URL(request.url).searchParams.get(SEARCH_PARAM));
  const built = buildSearchRequest(state, todayIso());
  if (built.ok) void queryClient.prefetchQuery(searchPageQueryOptions(built.request));
}
