import { Component, type ComponentType, type ReactNode } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { RouteError } from './route-error.tsx';
import { loadWithRetry } from '../components/lazy-load.ts';
import { useLocation } from '../components/router/router.tsx';
import { browserHistory, type RouterHistory, type RouterLocation } from '../lib/router/history.ts';
import { createRouter, type Router } from '../lib/router/router.ts';
import { isLandingPath, LANDING_PATH, matchRoute, type RouteKey } from '../lib/route-table.ts';
import { ROUTES } from './routes.ts';

type PageKey = RouteKey | 'notFound';

/** A page's code once loaded, or why it could not be. */
type PageCode = { Component: ComponentType } | { error: unknown };

/** A page's code; the not-found page's loads when it is shown. */
const loadPage = (key: PageKey): Promise<{ Component: ComponentType }> =>
  key === 'notFound' ? import('../components/ui/not-found.tsx').then((m) => ({ Component: m.NotFoundPage })) : ROUTES[key].load();

const pageKey = (pathname: string): PageKey => matchRoute(pathname)?.key ?? 'notFound';

export interface AppRouter {
  router: Router;
  /** The code of the page at `pathname` (the router has loaded it before showing the page). */
  pageCode: (pathname: string) => PageCode | undefined;
}

/**
 * The app's router: before it shows a page it starts the page's data (each time the path
 * changes: filters, sort and paging live in the query string and the page reads its data through
 * React Query) and loads its code; the page on screen stays until that code is in. `/` goes to
 * the board.
 */
export function createAppRouter(queryClient: QueryClient, history: RouterHistory = browserHistory()): AppRouter {
  const code = new Map<PageKey, PageCode>();
  const load = (key: PageKey): Promise<unknown> | void => {
    const known = code.get(key);
    if (known && 'Component' in known) return;
    return loadWithRetry(() => loadPage(key)).then(
      (m) => code.set(key, { Component: m.Component }),
      (error: unknown) => code.set(key, { error }),
    );
  };
  const router = createRouter({
    history,
    prepare(next: RouterLocation, current: RouterLocation | null) {
      if (isLandingPath(next.pathname)) return { redirect: LANDING_PATH };
      const match = matchRoute(next.pathname);
      if (match && current?.pathname !== next.pathname) {
        const url = new URL(next.pathname + next.search + next.hash, window.location.origin).href;
        // The page's data never holds its code back, nor does its failure (the page shows its own error).
        try {
          void Promise.resolve(ROUTES[match.key].prefetch(queryClient, { url, params: match.params })).catch(() => undefined);
        } catch {
          // As above.
        }
      }
      return load(match?.key ?? 'notFound');
    },
  });
  return { router, pageCode: (pathname) => code.get(pageKey(pathname)) };
}

interface BoundaryProps {
  location: RouterLocation;
  children: ReactNode;
}

/** A page that throws while drawing shows RouteError instead of a white page, until the next navigation. */
export class RouteErrorBoundary extends Component<BoundaryProps, { error: unknown; location: RouterLocation }> {
  state = { error: null as unknown, location: this.props.location };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('Unknown error') };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: { error: unknown; location: RouterLocation }) {
    return props.location !== state.location ? { error: null, location: props.location } : null;
  }

  render() {
    return this.state.error ? <RouteError error={this.state.error} /> : this.props.children;
  }
}

/** The current page, from the code the router loaded for it. */
export function Page({ pageCode }: { pageCode: AppRouter['pageCode'] }) {
  const location = useLocation();
  const found = pageCode(location.pathname);
  if (!found) return null;
  if ('error' in found) return <RouteError error={found.error} />;
  const { Component: PageComponent } = found;
  return (
    <RouteErrorBoundary location={location}>
      <PageComponent />
    </RouteErrorBoundary>
  );
}
