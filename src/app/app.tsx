import { useEffect, useState, type ReactNode } from 'react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider, useLocation } from '../components/router/router.tsx';
import { holdUntilFirstPage } from '../api/after-first-page.ts';
import { createAppRouter, Page, RouteErrorBoundary } from './router.tsx';
import { Layout } from './layout.tsx';
import { ROUTE_LOADERS } from './routes.ts';
import { loadWithRetry } from '../components/lazy-load.ts';
import { preloadWhenIdle } from './preload-when-idle.ts';
import { FirstPageSettledContext } from './first-page.tsx';
import { firstPageSettled } from './page-settled.ts';
import { LazyNewTaskDialog, loadNewTaskDialog } from './new-task-dialog-loader.tsx';
import { ToastContext } from '../components/toast/toasts.tsx';
import { createToastStore } from '../components/toast/toast-store.ts';
import { NewTaskHost } from '../components/new-task/new-task-host.tsx';

/**
 * The app, over the query client the entry made (main.tsx: it has already started the first
 * page's code and data, and watches the API's health).
 */
export function App({ queryClient }: { queryClient: QueryClient }) {
  const [{ router, pageCode, toasts, settled }] = useState(() => {
    const { router, pageCode } = createAppRouter(queryClient);
    // What the first page does not need waits until it is shown: the other pages' code, the New
    // task dialog's, the pickers' large suggestions search and the team's views.
    const settled = firstPageSettled(router, queryClient);
    preloadWhenIdle([...ROUTE_LOADERS, loadNewTaskDialog], settled);
    holdUntilFirstPage(settled);
    return { router, pageCode, toasts: createToastStore(), settled };
  });
  // Live updates: one stream for the whole app, from once the first page has settled.
  useEffect(() => {
    let stop: (() => void) | null = null;
    let cancelled = false;
    void settled
      .then(() => loadWithRetry(() => import('./live/live-updates.ts')))
      .then(({ startLiveUpdates }) => {
        if (!cancelled) stop = startLiveUpdates(queryClient);
      })
      .catch(() => {
        // The code could not be loaded (offline): the app refetches on window focus as it does without live updates.
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [queryClient, settled]);
  return (
    <QueryClientProvider client={queryClient}>
      <ToastContext value={toasts}>
        <NewTaskHost dialog={LazyNewTaskDialog}>
          <FirstPageSettledContext value={settled}>
            <RouterProvider router={router}>
              <ShellBoundary>
                <Layout>
                  <Page pageCode={pageCode} />
                </Layout>
              </ShellBoundary>
            </RouterProvider>
          </FirstPageSettledContext>
        </NewTaskHost>
      </ToastContext>
    </QueryClientProvider>
  );
}

/** The layout itself failing to draw shows RouteError in its place, until the next navigation. */
function ShellBoundary({ children }: { children: ReactNode }) {
  return <RouteErrorBoundary location={useLocation()}>{children}</RouteErrorBoundary>;
}
