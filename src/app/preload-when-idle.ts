import { whenIdle } from './page-settled.ts';

/**
 * Loads the given code (every route's, the New task dialog's) once `after` resolves (the first
 * page has settled, see page-settled.ts) and the browser is idle, so later navigations are
 * instant and work offline, without competing with the first page's code and data.
 */
export function preloadWhenIdle(loaders: (() => Promise<unknown>)[], after: Promise<unknown> = Promise.resolve()) {
  const run = () => loaders.forEach((load) => void load().catch(() => undefined));
  void after.then(() => whenIdle(run));
}
