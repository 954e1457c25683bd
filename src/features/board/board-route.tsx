/** The task board at /board: columns by status, drag and drop, filters in the URL. */
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { prefetchBoard } from './board-queries.ts';
import { BoardPage } from './board-page.tsx';

export function prefetch(queryClient: QueryClient, { request }: LoaderFunctionArgs) {
  prefetchBoard(queryClient, request.url);
}

export const Component = BoardPage;
