import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { Layout } from './layout.tsx';
import { RouteError } from './route-error.tsx';
import { NotFoundPage } from './not-found.tsx';

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
    const mod = await load();
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

export function createAppRouter(queryClient: QueryClient) {
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
            { path: 'board', lazy: lazyRoute(queryClient, () => import('../features/board/board-route.tsx')) },
            { path: 'search', lazy: lazyRoute(queryClient, () => import('../features/search/search-route.tsx')) },
            { path: 'playbooks', lazy: lazyRoute(queryClient, () => import('../features/playbooks/playbooks-route.tsx')) },
            {
              path: 'playbooks/:playbookId',
              lazy: lazyRoute(queryClient, () => import('../features/playbooks/playbook-route.tsx')),
            },
            { path: 'tasks/:taskId', lazy: lazyRoute(queryClient, () => import('../features/tasks/task-route.tsx')) },
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ]);
}
