/**
 * "The first page is in": the router has finished its first navigation, no query is fetching,
 * and the browser is idle. Work that must not compete with what the user waits for (preloading
 * the other pages' code, large low-priority reads) starts then.
 */
import type { QueryClient } from '@tanstack/react-query';

/** The part of the app's router this needs (src/lib/router/router.ts). */
export interface RouterLike {
  state: { initialized: boolean; navigation: { state: string } };
  subscribe: (listener: () => void) => () => void;
}

export function whenIdle(task: () => void): void {
  if (typeof window !== 'undefined' && 'requestIdleCallback' in window) window.requestIdleCallback(() => task(), { timeout: 2000 });
  else setTimeout(task, 50);
}

/**
 * Resolves once the first page has settled, or after `maxWaitMs` whatever happens (a page that
 * keeps fetching must not hold the rest back for ever).
 */
export function firstPageSettled(router: RouterLike, queryClient: QueryClient, maxWaitMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    let checking = false;
    const stops: (() => void)[] = [];
    const finish = () => {
      if (done) return;
      done = true;
      stops.forEach((stop) => stop());
      resolve();
    };
    const quiet = () => router.state.initialized && router.state.navigation.state === 'idle' && queryClient.isFetching() === 0;
    // Checked when the browser is idle, so queries a page starts as it renders are seen first.
    const check = () => {
      if (done || checking || !quiet()) return;
      checking = true;
      whenIdle(() => {
        checking = false;
        if (quiet()) finish();
      });
    };
    stops.push(router.subscribe(check));
    stops.push(queryClient.getQueryCache().subscribe(check));
    const timer = setTimeout(finish, maxWaitMs);
    stops.push(() => clearTimeout(timer));
    check();
  });
}
