/**
 * The app's pages, written once: each page's path, the code that draws it (loaded on demand) and
 * what starts its data. The router (router.tsx) is built from this table, and the entry
 * (main.tsx) reads it before React and the router have even loaded, to start the current page's
 * code and data at once (`startRoute`). This module has neither React DOM nor the router in it.
 */
import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import { prefetchBoard } from '../features/board/columns/board-queries.ts';
import { prefetchPlaybook, prefetchPlaybooks } from '../features/playbooks/playbook-prefetch.ts';
import { prefetchTask } from '../features/tasks/task-prefetch.ts';

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
  /** Starts the page's data (the page reads the same queries); never blocks anything. */
  prefetch: (queryClient: QueryClient, visit: RouteVisit) => void;
}

/** `/` shows the board. */
export const LANDING_PATH = '/board';

export const ROUTES = {
  board: {
    path: 'board',
    load: () => import('../features/board/board-route.tsx'),
    prefetch: (queryClient, { url }) => prefetchBoard(queryClient, url),
  },
  search: {
    path: 'search',
    load: () => import('../features/search/search-route.tsx'),
    // The search's rules (reading the link, building the request) are not in the entry, which
    // every first visit downloads: they come in a small chunk of their own, then the search starts.
    prefetch: (queryClient, { url }) =>
      void import('../features/search/search-prefetch.ts').then(
        (m) => m.prefetchSearch(queryClient, url),
        () => undefined,
      ),
  },
  calendar: {
    path: 'calendar',
    load: () => import('../features/calendar/calendar-route.tsx'),
    // Its searches' rules come in a small chunk of their own, as the search page's do.
    prefetch: (queryClient, { url }) =>
      void import('../features/calendar/calendar-request.ts').then(
        (m) => m.prefetchCalendar(queryClient, url),
        () => undefined,
      ),
  },
  playbooks: {
    path: 'playbooks',
    load: () => import('../features/playbooks/playbooks-route.tsx'),
    prefetch: (queryClient) => prefetchPlaybooks(queryClient),
  },
  playbook: {
    path: 'playbooks/:playbookId',
    load: () => import('../features/playbooks/playbook-route.tsx'),
    prefetch: (queryClient, { params }) => prefetchPlaybook(queryClient, params.playbookId),
  },
  task: {
    path: 'tasks/:taskId',
    load: () => import('../features/tasks/task-route.tsx'),
    prefetch: (queryClient, { params }) => prefetchTask(queryClient, params.taskId),
  },
} satisfies Record<string, RouteDef>;

type RouteKey = keyof typeof ROUTES;

/** Every page's code, for preloading once the first page has settled (see app.tsx). */
export const ROUTE_LOADERS: (() => Promise<unknown>)[] = Object.values(ROUTES).map((r) => r.load);

export interface RouteMatch {
  key: RouteKey;
  params: Record<string, string>;
}

/** A path segment as the router decodes it (a malformed escape is kept as typed). */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/**
 * The page a path shows, matched as the router matches it (static segments ignore case, a
 * trailing slash is allowed, parameters are decoded), or null (the not-found page). `/` is the
 * board, where the router redirects it.
 */
export function matchRoute(pathname: string): RouteMatch | null {
  const segments = pathname.split('/').filter((s) => s !== '');
  if (segments.length === 0) return matchRoute(LANDING_PATH);
  for (const [key, route] of Object.entries(ROUTES) as [RouteKey, RouteDef][]) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i]!;
      if (part.startsWith(':')) {
        params[part.slice(1)] = decodeSegment(segment);
        return true;
      }
      return part.toLowerCase() === segment.toLowerCase();
    });
    if (matches) return { key, params };
  }
  return null;
}

/**
 * Starts the page at `href` at once: its code (the same `import()` the router makes later, so
 * the browser fetches it once) and its data, in parallel. Called by the entry before React and
 * the router have loaded.
 */
export function startRoute(queryClient: QueryClient, href: string): RouteMatch | null {
  const url = new URL(href);
  const match = matchRoute(url.pathname);
  if (!match) return null;
  const route: RouteDef = ROUTES[match.key];
  // `/` is redirected to the board without its query string.
  const visitUrl = url.pathname.split('/').some(Boolean) ? url.href : new URL(LANDING_PATH, url).href;
  // The data first: the server usually takes longest. A failure to load the code is the
  // router's to retry and show (it loads the same code when it needs it).
  route.prefetch(queryClient, { url: visitUrl, params: match.params });
  route.load().catch(() => undefined);
  return match;
}
