import { lazy, type ComponentType } from 'react';
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
 * A part of the shell whose code loads on demand (the header's account, the live status, the
 * shortcuts): a failed load waits for the network and tries again (loadWithRetry), and if it never
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

/**
 * Loads the given code (every route's, the New task dialog's) once `after` resolves (the first
 * page has settled, see page-settled.ts) and the browser is idle, so later navigations are
 * instant and work offline, without competing with the first page's code and data.
 */
export function preloadWhenIdle(loaders: (() => Promise<unknown>)[], after: Promise<unknown> = Promise.resolve()) {
  const run = () => loaders.forEach((load) => void load().catch(() => undefined));
  void after.then(() => whenIdle(run));
}
