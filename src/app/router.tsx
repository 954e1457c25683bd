import { createBrowserRouter, redirect, type LoaderFunctionArgs } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import { Layout } from './layout.tsx';
import { RouteError } from './route-error.tsx';
import { loadWithRetry } from '../components/lazy-load.ts';
import { LANDING_PATH } from '../lib/route-table.ts';
import { ROUTES, type RouteDef } from './routes.ts';

/**
 * Filters, sort and paging live in the query string: changing them must not go through a router
 * navigation round (the page reads its data through React Query anyway).
 */
const shouldRevalidate = ({ currentUrl, nextUrl }: { currentUrl: URL; nextUrl: URL }) => currentUrl.pathname !== nextUrl.pathname;

/**
 * A page (see routes.ts): its data starts from a static loader, which the router calls at once,
 * while the page's code downloads (so a page's requests never wait for its code), and its
 * component loads on demand. The loader returns at once: the page reads its data through React
 * Query and shows its own loading state.
 */
function page(queryClient: QueryClient, route: RouteDef) {
  return {
    path: route.path,
    shouldRevalidate,
    loader: ({ request, params }: LoaderFunctionArgs) => {
      route.prefetch(queryClient, { url: request.url, params });
      return null;
    },
    lazy: async () => ({ Component: (await loadWithRetry(route.load)).Component }),
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
            { index: true, loader: () => redirect(LANDING_PATH) },
            ...Object.values(ROUTES).map((route) => page(queryClient, route)),
            // The not-found page's code loads when it is shown.
            { path: '*', lazy: async () => ({ Component: (await import('../components/ui/not-found.tsx')).NotFoundPage }) },
          ],
        },
      ],
    },
  ]);
}
