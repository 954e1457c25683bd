/**
 * The app's pages, written once: each page's path (from the route table, src/lib/route-table.ts,
 * which the team server reads too), the code that draws it (loaded on demand) and what starts its
 * data. The router (router.tsx) is built from this table, and the entry
 * (main.tsx) reads it before React and the router have even loaded, to start the current page's
 * code and data at once (`startRoute`). This module has neither React DOM nor the router in it.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { prefetchBoard } from '../features/board/columns/board-queries.ts';
import { prefetchPlaybook, prefetchPlaybooks } from '../features/playbooks/playbook-prefetch.ts';
import { prefetchTask } from '../features/tasks/task-prefetch.ts';
import { isLandingPath, LANDING_PATH, matchRoute, ROUTE_TABLE, type RouteKey, type RouteMatch } from '../lib/route-table.ts';

/** A page's code: its component. */
interface RouteModule {
  Component: ComponentType;
}

/** Where a page was asked for: the full URL and the path's parameters. */
interface RouteVisit {
  url: string;
  params: Readonly<Record<string, string | undefined>>;
}

export interface RouteDef {
  /** As the router writes it, relative to `/`: `playbooks/:playbookId`. */
  path: string;
  load: () => Promise<RouteModule>;
  /**
   * Starts the page's data (the page reads the same queries); never blocks anything. When the
   * code that starts it loads first, the promise settles once the data has been asked for.
   */
  prefetch: (queryClient: QueryClient, visit: RouteVisit) => void | Promise<void>;
}

export const ROUTES = {
  board: {
    path: ROUTE_TABLE.board.path,
    load: () => import('../features/board/board-route.tsx'),
    prefetch: (queryClient, { url }) => prefetchBoard(queryClient, url),
  },
  search: {
    path: ROUTE_TABLE.search.path,
    load: () => import('../features/search/search-route.tsx'),
    // The search's rules (reading the link, building the request) are not in the entry, which
    // every first visit downloads: they come in a small chunk of their own, then the search starts.
    prefetch: (queryClient, { url }) =>
      import('../features/search/search-prefetch.ts').then(
        (m) => m.prefetchSearch(queryClient, url),
        () => undefined,
      ),
  },
  calendar: {
    path: ROUTE_TABLE.calendar.path,
    load: () => import('../features/calendar/calendar-route.tsx'),
    // Its searches' rules come in a small chunk of their own, as the search page's do.
    prefetch: (queryClient, { url }) =>
      import('../features/calendar/calendar-request.ts').then(
        (m) => m.prefetchCalendar(queryClient, url),
        () => undefined,
      ),
  },
  playbooks: {
    path: ROUTE_TABLE.playbooks.path,
    load: () => import('../features/playbooks/playbooks-route.tsx'),
    prefetch: (queryClient) => prefetchPlaybooks(queryClient),
  },
  playbook: {
    path: ROUTE_TABLE.playbook.path,
    load: () => import('../features/playbooks/playbook-route.tsx'),
    prefetch: (queryClient, { params }) => prefetchPlaybook(queryClient, params.playbookId),
  },
  task: {
    path: ROUTE_TABLE.task.path,
    load: () => import('../features/tasks/task-route.tsx'),
    prefetch: (queryClient, { params }) => prefetchTask(queryClient, params.taskId),
  },
} satisfies Record<RouteKey, RouteDef>;

/** Every page's code, for preloading once the first page has settled (see app.tsx). */
export const ROUTE_LOADERS: (() => Promise<unknown>)[] = Object.values(ROUTES).map((r) => r.load);

/** A page started: which one, and `dataAsked`, settled once its data has been asked for. */
interface StartedRoute extends RouteMatch {
  dataAsked: Promise<void>;
}

/**
 * Starts the page at `href` at once: its code (the same `import()` the router makes later, so
 * the browser fetches it once) and its data, in parallel. Called by the entry before React and
 * the router have loaded; the entry loads the app once `dataAsked` has settled, so the app's code
 * (React DOM, the router) is not run before the page's requests are on their way.
 */
export function startRoute(queryClient: QueryClient, href: string): StartedRoute | null {
  const url = new URL(href);
  const match = matchRoute(url.pathname);
  if (!match) return null;
  const route: RouteDef = ROUTES[match.key];
  // `/` is redirected to the board without its query string.
  const visitUrl = isLandingPath(url.pathname) ? new URL(LANDING_PATH, url).href : url.href;
  // The data first: the server usually takes longest. A failure to load the code is the
  // router's to retry and show (it loads the same code when it needs it).
  const dataAsked = Promise.resolve(route.prefetch(queryClient, { url: visitUrl, params: match.params }));
  route.load().catch(() => undefined);
  return { ...match, dataAsked };
}
