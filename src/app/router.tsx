import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { Layout } from './layout.tsx';
import { RouteError } from './route-error.tsx';
import { NotFoundPage } from './not-found.tsx';
import { loadWithRetry } from './lazy-import.ts';
import { prefetchBoard } from '../features/board/board-queries.ts';

/**
 * Each feature's page is a lazy module exporting `Component` and, optionally, `prefetch`, which
 * warms the query cache from the same query options the page reads (without blocking navigation).
 */
interface RouteModule {
  Component: React.ComponentType;
  prefetch?: (queryClient: QueryClient, args: LoaderFunctionArgs) => void;
}

/**
 * Filters, sort and paging live in the query string: changing them must not go through a router
 * navigation round (the page reads its data through React Query anyway).
 */
const shouldRevalidate = ({ currentUrl, nextUrl }: { currentUrl: URL; nextUrl: URL }) => currentUrl.pathname !== nextUrl.pathname;

/** A page whose code loads on demand; its `prefetch` runs once the code is in. */
function lazyRoute(queryClient: QueryClient, load: () => Promise<RouteModule>) {
  return {
    shouldRevalidate,
    lazy: async () => {
      const mod = await loadWithRetry(load);
      return {
        Component: mod.Component,
        loader: (args: LoaderFunctionArgs) => {
          mod.prefetch?.(queryClient, args);
          return null;
        },
      };
    },
  };
}

/**
 * The landing page (`/` goes to the board): its prefetch is bundled with the app and runs as a
 * static loader, which the router calls while the page's code downloads, so the columns' requests
 * start one round trip earlier. The prefetch's modules are part of the board's code anyway.
 */
function landingRoute(queryClient: QueryClient, load: () => Promise<RouteModule>, prefetch: (queryClient: QueryClient, url: string) => void) {
  return {
    shouldRevalidate,
    loader: ({ request }: LoaderFunctionArgs) => {
      prefetch(queryClient, request.url);
      return null;
    },
    lazy: async () => ({ Component: (await loadWithRetry(load)).Component }),
  };
}

const ROUTE_MODULES = {
  board: () => import('../features/board/board-route.tsx'),
  search: () => import('../features/search/search-route.tsx'),
  playbooks: () => import('../features/playbooks/playbooks-route.tsx'),
  playbook: () => import('../features/playbooks/playbook-route.tsx'),
  task: () => import('../features/tasks/task-route.tsx'),
};

/** Every page's code, for preloading once the first page has settled (see app.tsx). */
export const ROUTE_LOADERS: (() => Promise<unknown>)[] = Object.values(ROUTE_MODULES);

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
            { path: 'board', ...landingRoute(queryClient, ROUTE_MODULES.board, prefetchBoard) },
            { path: 'search', ...lazyRoute(queryClient, ROUTE_MODULES.search) },
            { path: 'playbooks', ...lazyRoute(queryClient, ROUTE_MODULES.playbooks) },
            { path: 'playbooks/:playbookId', ...lazyRoute(queryClient, ROUTE_MODULES.playbook) },
            { path: 'tasks/:taskId', ...lazyRoute(queryClient, ROUTE_MODULES.task) },
            { path: '*', Component: NotFoundPage },
          ],
        },
      ],
    },
  ]);
}
