/**
 * What a column's cards (and a swimlane cell's) need of its infinite query to load the next pages
 * as the list nears its end, and to say they are loading or could not load.
 */
import { useMemo } from 'react';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';

export interface NextPages {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: unknown;
  fetchNextPage: () => void;
}

type PagedQuery = Pick<UseInfiniteQueryResult, 'hasNextPage' | 'isFetchingNextPage' | 'isFetchNextPageError' | 'error' | 'fetchNextPage'>;

/** A column's (or a swimlane cell's) query as NextPages, the same object while nothing changes. */
export function useNextPages(query: PagedQuery): NextPages {
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, error, fetchNextPage } = query;
  const nextPageError = isFetchNextPageError ? error : null;
  return useMemo(
    () => ({ hasNextPage, isFetchingNextPage, nextPageError, fetchNextPage: () => void fetchNextPage() }),
    [hasNextPage, isFetchingNextPage, nextPageError, fetchNextPage],
  );
}
