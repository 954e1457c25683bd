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
