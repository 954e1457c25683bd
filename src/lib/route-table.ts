/**
 * The app's pages as the app and the team server both see them: each page's path, and the
 * modules its first render needs before anything is drawn (its code, and the code that starts
 * its data when that is not in the entry). The app builds its router and starts the first page
 * from this table (src/app/routes.ts); the build writes, for each page, an index.html that has
 * the browser fetch those modules' files from the start (vite.config.ts, `routePreloads`), and
 * the team server sends a page's path that HTML (server/static-site.ts). Both match a path with
 * `matchRoute`, so they agree on which page a path is.
 *
 * Pure: no React, no router, no DOM.
 */

export interface RouteEntry {
  /** As the router writes it, relative to `/`: `playbooks/:playbookId`. */
  path: string;
  /**
   * The modules (from the project's root) the page's first render waits for, each loaded with
   * `import()` by src/app/routes.ts; the build checks that they are (a stale entry fails it).
   */
  modules: readonly string[];
}

/** Where the build writes each page's index.html (`<dir>/<key>.html`), and the team server reads it. */
export const PAGES_HTML_DIR = 'pages';

/** `/` shows the board. */
export const LANDING_PATH = '/board';

export const ROUTE_TABLE = {
  board: { path: 'board', modules: ['src/features/board/board-route.tsx'] },
  search: { path: 'search', modules: ['src/features/search/search-route.tsx', 'src/features/search/search-prefetch.ts'] },
  calendar: { path: 'calendar', modules: ['src/features/calendar/calendar-route.tsx', 'src/features/calendar/calendar-request.ts'] },
  playbooks: { path: 'playbooks', modules: ['src/features/playbooks/playbooks-route.tsx'] },
  playbook: {
    path: 'playbooks/:playbookId',
    modules: ['src/features/playbooks/playbook-route.tsx', 'src/features/playbooks/adoption-query.ts'],
  },
  task: { path: 'tasks/:taskId', modules: ['src/features/tasks/task-route.tsx'] },
} as const satisfies Record<string, RouteEntry>;

export type RouteKey = keyof typeof ROUTE_TABLE;

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

/** Whether a path is `/` (with any number of slashes): the board, where the router sends it. */
export const isLandingPath = (pathname: string): boolean => !pathname.split('/').some(Boolean);

/**
 * The page a path shows, matched as the router matches it (static segments ignore case, a
 * trailing slash is allowed, parameters are decoded), or null (the not-found page). `/` is the
 * board, where the router redirects it.
 */
export function matchRoute(pathname: string): RouteMatch | null {
  if (isLandingPath(pathname)) return matchRoute(LANDING_PATH);
  const segments = pathname.split('/').filter((s) => s !== '');
  for (const [key, route] of Object.entries(ROUTE_TABLE) as [RouteKey, RouteEntry][]) {
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
