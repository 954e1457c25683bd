import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { Layout } from './layout.tsx';
import { RouteError } from './route-error.tsx';
import { NotFoundPage } from './not-found.tsx';
import { loadWithRetry, preloadWhenIdle } from './lazy-import.ts';

/**
 * Each feature's page is a lazy module exporting `Component` and, optionally, `prefetch`, which
 * warms the query cache from the same query options the page reads (without blocking navigation).
 */
interface RouteModule {
  Component: React.ComponentType;
  prefetch?: (queryClient: QueryClient, args: LoaderFunctionArgs) => void;
}

function lazyRoute(queryClient: QueryClient, load: () => Promise<RouteModule>) {
  return async () => {
    const mod = await loadWithRetry(load);
    return {
      Component: mod.Component,
      loader: (args: LoaderFunctionArgs) => {
        mod.prefetch?.(queryClient, args);
        return null;
      },
      // Filters, sort and paging live in the query string: changing them must not go through a
      // router navigation round (the page reads its data through React Query anyway).
      shouldRevalidate: ({ currentUrl, nextUrl }: { currentUrl: URL; nextUrl: URL }) =>
        currentUrl.pathname !== nextUrl.pathname,
    };
  };
}

const ROUTE_MODULES = {
  board: () => import('../features/board/board-route.tsx'),
  search: () => import('../features/search/search-route.tsx'),
  playbooks: () => import('../features/playbooks/playbooks-route.tsx'),
  playbook: () => import('../features/playbooks/playbook-route.tsx'),
  task: () => import('../features/tasks/task-route.tsx'),
};

export function createAppRouter(queryClient: QueryClient) {
  preloadWhenIdle(Object.values(ROUTE_MODULES));
  return createBrowserRouter([
    {
      path: '/',
      Component: Layout,
      ErrorBoundary: RouteError,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            { index: true, loader: () => redirect('/board') },
            { path: 'board', lazy: lazyRoute(queryClient, ROUTE_MODULES.board) },
            { path: 'search', lazy: lazyRoute(queryClient, ROUTE_MODULES.search) },
            { path: 'playbooks', lazy: lazyRoute(queryClient, ROUTE_MODULES.playbooks) },
            {
              path: 'playbooks/:playbookId',
              lazy: lazyRoute(queryClient, ROUTE_MODULES.playbook),
            },
            { path: 'tasks/:taskId', lazy: lazyRoute(queryClient, ROUTE_MODULES.task) },
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ]);
}
