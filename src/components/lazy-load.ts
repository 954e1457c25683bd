import { lazy, type ComponentType } from 'react';
import { sleep } from '../lib/sleep.ts';

/**
 * Code loaded on demand (a route's, a part of a page's) that a flaky network must not turn into a
 * broken page.
 */

/**
 * Loads a route's code, or a part's. A failed load (offline, or a flaky network) waits for the
 * browser to be online and tries again, a few times, before giving up with the error.
 */
export async function loadWithRetry<T>(load: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      if (attempt >= attempts) throw error;
      if (typeof navigator !== 'undefined' && navigator.onLine === false) {
        await new Promise<void>((resolve) => window.addEventListener('online', () => resolve(), { once: true }));
      } else {
        await sleep(500 * attempt);
      }
    }
  }
}

/**
 * A part of a page whose code loads on demand (the header's account, the live status, the
 * shortcuts, the selection bar, the quick look, the Subscribe dialog): a failed load waits for the network and tries again (loadWithRetry), and if it never
 * comes the part is left out. Never an error: the page around it (and the connection banner,
 * which says why) stays.
 */
export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>) {
  return lazy<ComponentType<P>>(() =>
    loadWithRetry(load).then(
      (component) => ({ default: component }),
      () => ({ default: () => null }),
    ),
  );
}
