import { sleep } from '../lib/sleep.ts';
import { whenIdle } from './page-settled.ts';

/**
 * Loads a route's code. A failed load (offline, or a flaky network) waits for the browser to be
 * online and tries again, a few times, before giving up with the error.
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
 * Loads the given code (every route's, the New task dialog's) once `after` resolves (the first
 * page has settled, see page-settled.ts) and the browser is idle, so later navigations are
 * instant and work offline, without competing with the first page's code and data.
 */
export function preloadWhenIdle(loaders: (() => Promise<unknown>)[], after: Promise<unknown> = Promise.resolve()) {
  const run = () => loaders.forEach((load) => void load().catch(() => undefined));
  void after.then(() => whenIdle(run));
}
