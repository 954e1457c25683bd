import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserHistory, createPath, memoryHistory, type RouterHistory, type RouterLocation } from './history.ts';
import { createRouter, type BlockerArgs, type BlockerFunction, type Prepared, type Router, type RouterState } from './router.ts';
import { deferred } from '../../../test-support/deferred.ts';

/** Lets settled promises run their callbacks. */
const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const pathOf = (location: RouterLocation) => createPath(location);

/**
 * A memory history that can also list its entries (`paths()`: first to last, and which is current).
 * Reading them by walking with `go` would navigate the router under test, so it keeps its own list.
 */
function trackedHistory(initial: string[], index = initial.length - 1) {
  const history = memoryHistory(initial, index);
  const paths = [...initial];
  let at = Math.min(Math.max(index, 0), paths.length - 1);
  const tracked: RouterHistory & { paths(): { paths: string[]; at: number } } = {
    get location() {
      return history.location;
    },
    push(next) {
      paths.splice(at + 1, paths.length, pathOf(next));
      at = paths.length - 1;
      history.push(next);
    },
    replace(next) {
      paths[at] = pathOf(next);
      history.replace(next);
    },
    go(delta) {
      at = Math.min(Math.max(at + delta, 0), paths.length - 1);
      history.go(delta);
    },
    listen: (listener) => history.listen(listener),
    paths: () => ({ paths: [...paths], at }),
  };
  return tracked;
}

const routers: Router[] = [];
function start(history: RouterHistory, prepare?: (next: RouterLocation, current: RouterLocation | null) => Prepared) {
  const router = createRouter({ history, prepare });
  routers.push(router);
  return router;
}
afterEach(() => routers.splice(0).forEach((router) => router.dispose()));

describe('createRouter: the first location', () => {
  it('without prepare, is shown at once as a POP', () => {
    const history = trackedHistory(['/board?sort=due#col-2']);
    const router = start(history);
    expect(router.state.location).toBe(history.location);
    expect(router.state.location).toMatchObject({ pathname: '/board', search: '?sort=due', hash: '#col-2' });
    expect(router.state.historyAction).toBe('POP');
    expect(router.state.initialized).toBe(true);
    expect(router.state.navigation).toEqual({ state: 'idle' });
    expect(router.state.blockers.size).toBe(0);
    expect(history.paths()).toEqual({ paths: ['/board?sort=due#col-2'], at: 0 });
  });

  it('is prepared with no current location', () => {
    const history = trackedHistory(['/board']);
    const prepare = vi.fn<(next: RouterLocation, current: RouterLocation | null) => Prepared>();
    start(history, prepare);
    expect(prepare).toHaveBeenCalledTimes(1);
    expect(prepare).toHaveBeenCalledWith(history.location, null);
  });

  it('waits for a promise from prepare: not initialized until it settles', async () => {
    const history = trackedHistory(['/board']);
    const code = deferred();
    const router = start(history, () => code.promise);
    expect(router.state.initialized).toBe(false);
    expect(router.state.navigation.state).toBe('loading');
    expect(router.state.navigation.location?.pathname).toBe('/board');

    code.resolve();
    await flush();
    expect(router.state.initialized).toBe(true);
    expect(router.state.navigation).toEqual({ state: 'idle' });
    expect(router.state.location.pathname).toBe('/board');
    expect(router.state.historyAction).toBe('POP');
    expect(history.paths()).toEqual({ paths: ['/board'], at: 0 });
  });

  it('is shown even when its code fails to load (the page then shows the error)', async () => {
    const history = trackedHistory(['/board']);
    const code = deferred();
    const router = start(history, () => code.promise);
    code.reject(new Error('chunk failed'));
    await flush();
    expect(router.state.initialized).toBe(true);
    expect(router.state.navigation.state).toBe('idle');
    expect(router.state.location.pathname).toBe('/board');
  });

  it('a redirect replaces the entry: the history holds the target, not the original', () => {
    const history = trackedHistory(['/calendar', '/']);
    const router = start(history, (next) => (next.pathname === '/' ? { redirect: '/board?sort=due' } : undefined));
    expect(router.state.location).toMatchObject({ pathname: '/board', search: '?sort=due' });
    expect(router.state.historyAction).toBe('REPLACE');
    expect(router.state.initialized).toBe(true);
    expect(history.location.pathname).toBe('/board');
    expect(history.paths()).toEqual({ paths: ['/calendar', '/board?sort=due'], at: 1 });
  });

  it('a redirect target that loads code waits for it, then replaces', async () => {
    const history = trackedHistory(['/']);
    const code = deferred();
    const router = start(history, (next) => (next.pathname === '/' ? { redirect: '/board' } : code.promise));
    expect(router.state.initialized).toBe(false);
    expect(router.state.navigation.location?.pathname).toBe('/board');
    expect(history.location.pathname).toBe('/');
    code.resolve();
    await flush();
    expect(router.state.location.pathname).toBe('/board');
    expect(history.paths()).toEqual({ paths: ['/board'], at: 0 });
  });
});

describe('createRouter: navigating', () => {
  it('a path pushes a new entry', () => {
    const history = trackedHistory(['/board']);
    const router = start(history);
    router.navigate('/tasks/1T2?tab=notes');
    expect(router.state.location).toMatchObject({ pathname: '/tasks/1T2', search: '?tab=notes', hash: '', state: null });
    expect(router.state.historyAction).toBe('PUSH');
    expect(history.location).toBe(router.state.location);
    expect(history.paths()).toEqual({ paths: ['/board', '/tasks/1T2?tab=notes'], at: 1 });
  });

  it('`?query` and object forms resolve from the current location', () => {
    const history = trackedHistory(['/search?q=a#r']);
    const router = start(history);
    router.navigate('?q=b');
    expect(pathOf(router.state.location)).toBe('/search?q=b');
    router.navigate({ search: 'q=c', hash: 'top' });
    expect(pathOf(router.state.location)).toBe('/search?q=c#top');
    router.navigate({ pathname: '/board' });
    expect(pathOf(router.state.location)).toBe('/board');
  });

  it('replace rewrites the current entry', () => {
    const history = trackedHistory(['/board', '/search?q=a']);
    const router = start(history);
    router.navigate('/search?q=b', { replace: true });
    expect(router.state.historyAction).toBe('REPLACE');
    expect(router.state.location.search).toBe('?q=b');
    expect(history.paths()).toEqual({ paths: ['/board', '/search?q=b'], at: 1 });
  });

  it('carries the state it is given to the location and the history entry', () => {
    const history = trackedHistory(['/board']);
    const router = start(history);
    router.navigate('/tasks/1T2', { state: { from: 'board' } });
    expect(router.state.location.state).toEqual({ from: 'board' });
    expect(history.location.state).toEqual({ from: 'board' });
  });

  it('a negative number goes back (POP) and a positive one forward', () => {
    const history = trackedHistory(['/board', '/search', '/tasks/1T2']);
    const router = start(history);
    router.navigate(-2);
    expect(router.state.location.pathname).toBe('/board');
    expect(router.state.historyAction).toBe('POP');
    expect(history.paths()).toEqual({ paths: ['/board', '/search', '/tasks/1T2'], at: 0 });
    router.navigate(1);
    expect(router.state.location.pathname).toBe('/search');
    expect(router.state.historyAction).toBe('POP');
  });

  it('Back shows the entry as it was, with its state', () => {
    const history = trackedHistory(['/board']);
    const router = start(history);
    router.navigate('/search?q=x', { state: { n: 1 } });
    const searched = router.state.location;
    router.navigate('/tasks/1T2');
    router.navigate(-1);
    expect(router.state.location).toBe(searched);
  });

  it('asks prepare with the next location and the current one', () => {
    const history = trackedHistory(['/board']);
    const calls: [string, string | null][] = [];
    const router = start(history, (next, current) => {
      calls.push([pathOf(next), current && pathOf(current)]);
    });
    router.navigate('/search?q=x');
    router.navigate(-1);
    expect(calls).toEqual([
      ['/board', null],
      ['/search?q=x', '/board'],
      ['/board', '/search?q=x'],
    ]);
  });

  it('while the next page loads, the current one stays and the URL waits', async () => {
    const history = trackedHistory(['/board']);
    const code = deferred();
    const router = start(history, (next) => (next.pathname === '/calendar' ? code.promise : undefined));
    const board = router.state.location;
    router.navigate('/calendar?month=2024-05');

    expect(router.state.navigation.state).toBe('loading');
    expect(router.state.navigation.location).toMatchObject({ pathname: '/calendar', search: '?month=2024-05' });
    expect(router.state.location).toBe(board);
    expect(router.state.historyAction).toBe('POP');
    expect(history.paths()).toEqual({ paths: ['/board'], at: 0 });

    code.resolve();
    await flush();
    expect(router.state.navigation).toEqual({ state: 'idle' });
    expect(router.state.location.pathname).toBe('/calendar');
    expect(router.state.historyAction).toBe('PUSH');
    expect(history.paths()).toEqual({ paths: ['/board', '/calendar?month=2024-05'], at: 1 });
  });

  it('a page whose code fails to load is still navigated to', async () => {
    const history = trackedHistory(['/board']);
    const code = deferred();
    const router = start(history, (next) => (next.pathname === '/calendar' ? code.promise : undefined));
    router.navigate('/calendar');
    code.reject(new Error('chunk failed'));
    await flush();
    expect(router.state.location.pathname).toBe('/calendar');
    expect(router.state.navigation.state).toBe('idle');
    expect(history.paths()).toEqual({ paths: ['/board', '/calendar'], at: 1 });
  });

  it('a prepare that throws does not stop the navigation', () => {
    const history = trackedHistory(['/board']);
    const router = start(history, (next) => {
      if (next.pathname === '/search') throw new Error('prefetch failed');
    });
    router.navigate('/search');
    expect(router.state.location.pathname).toBe('/search');
    expect(history.paths()).toEqual({ paths: ['/board', '/search'], at: 1 });
  });

  it('a newer navigation wins over an older one still loading, whichever settles first', async () => {
    const history = trackedHistory(['/board']);
    const slow = deferred();
    const fast = deferred();
    const router = start(history, (next) =>
      next.pathname === '/slow' ? slow.promise : next.pathname === '/fast' ? fast.promise : undefined,
    );
    router.navigate('/slow');
    router.navigate('/fast');
    expect(router.state.navigation.location?.pathname).toBe('/fast');

    // The older one settling first shows nothing.
    slow.resolve();
    await flush();
    expect(router.state.location.pathname).toBe('/board');
    expect(router.state.navigation.state).toBe('loading');
    expect(router.state.navigation.location?.pathname).toBe('/fast');
    expect(history.paths()).toEqual({ paths: ['/board'], at: 0 });

    fast.resolve();
    await flush();
    expect(router.state.location.pathname).toBe('/fast');
    expect(history.paths()).toEqual({ paths: ['/board', '/fast'], at: 1 });
  });

  it('an older navigation settling after the newer one committed does not commit', async () => {
    const history = trackedHistory(['/board']);
    const slow = deferred();
    const router = start(history, (next) => (next.pathname === '/slow' ? slow.promise : undefined));
    router.navigate('/slow');
    router.navigate('/search');
    expect(router.state.location.pathname).toBe('/search');
    expect(router.state.navigation).toEqual({ state: 'idle' });

    slow.resolve();
    await flush();
    expect(router.state.location.pathname).toBe('/search');
    expect(router.state.navigation).toEqual({ state: 'idle' });
    expect(history.paths()).toEqual({ paths: ['/board', '/search'], at: 1 });
  });

  it('Back while the next page loads cancels it', async () => {
    const history = trackedHistory(['/board', '/search']);
    const slow = deferred();
    const router = start(history, (next) => (next.pathname === '/slow' ? slow.promise : undefined));
    router.navigate('/slow');
    router.navigate(-1);
    expect(router.state.location.pathname).toBe('/board');
    slow.resolve();
    await flush();
    expect(router.state.location.pathname).toBe('/board');
    expect(history.paths()).toEqual({ paths: ['/board', '/search'], at: 0 });
  });

  it('a redirect on a push pushes the target instead', () => {
    const history = trackedHistory(['/search']);
    const router = start(history, (next) => (next.pathname === '/' ? { redirect: '/board' } : undefined));
    router.navigate('/');
    expect(router.state.location.pathname).toBe('/board');
    expect(router.state.historyAction).toBe('PUSH');
    expect(history.paths()).toEqual({ paths: ['/search', '/board'], at: 1 });
  });

  it('a redirect on Back replaces the entry Back reached', () => {
    const history = trackedHistory(['/board', '/search']);
    const router = start(history, (next) => (next.pathname === '/board' && !next.search ? { redirect: '/board?sort=due' } : undefined));
    router.navigate(-1);
    expect(router.state.location).toMatchObject({ pathname: '/board', search: '?sort=due' });
    expect(router.state.historyAction).toBe('REPLACE');
    expect(history.paths()).toEqual({ paths: ['/board?sort=due', '/search'], at: 0 });
  });
});

describe('createRouter: subscribe', () => {
  it('calls listeners with each new state until they unsubscribe', async () => {
    const history = trackedHistory(['/board']);
    const code = deferred();
    const router = start(history, (next) => (next.pathname === '/calendar' ? code.promise : undefined));
    const seen: RouterState[] = [];
    const stop = router.subscribe((state) => {
      expect(state).toBe(router.state);
      seen.push(state);
    });

    router.navigate('/search');
    expect(seen.map((state) => [state.location.pathname, state.historyAction])).toEqual([['/search', 'PUSH']]);

    router.navigate('/calendar');
    expect(seen).toHaveLength(2);
    expect(seen[1]!.navigation).toMatchObject({ state: 'loading' });
    expect(seen[1]!.location.pathname).toBe('/search');
    code.resolve();
    await flush();
    expect(seen).toHaveLength(3);
    expect(seen[2]!.location.pathname).toBe('/calendar');
    expect(seen[2]!.navigation).toEqual({ state: 'idle' });

    stop();
    router.navigate('/board');
    router.navigate(-2);
    expect(router.state.location.pathname).toBe('/search');
    expect(seen).toHaveLength(3);
  });

  it('each listener is told', () => {
    const router = start(trackedHistory(['/board']));
    const first = vi.fn();
    const second = vi.fn();
    router.subscribe(first);
    router.subscribe(second);
    router.navigate('/search');
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledWith(router.state);
  });

  it('after dispose, Back in the history no longer moves the router', () => {
    const history = trackedHistory(['/board', '/search']);
    const router = start(history);
    const listener = vi.fn();
    router.subscribe(listener);
    router.dispose();
    history.go(-1);
    expect(router.state.location.pathname).toBe('/search');
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('createRouter: blockers', () => {
  it('a blocking function sees where the app is, where it would go, and how', () => {
    const history = trackedHistory(['/board', '/tasks/1T2/edit']);
    const router = start(history);
    const seen: [string, string, string][] = [];
    const shouldBlock = (args: BlockerArgs) => {
      seen.push([pathOf(args.currentLocation), pathOf(args.nextLocation), args.historyAction]);
      return false;
    };
    router.setBlocker('unsaved', shouldBlock);
    router.navigate('/search?q=x');
    router.navigate('/search?q=y', { replace: true });
    router.navigate(-1);
    expect(seen).toEqual([
      ['/tasks/1T2/edit', '/search?q=x', 'PUSH'],
      ['/search?q=x', '/search?q=y', 'REPLACE'],
      ['/search?q=y', '/tasks/1T2/edit', 'POP'],
    ]);
    // Not blocking: all three went through.
    expect(router.state.location.pathname).toBe('/tasks/1T2/edit');
    expect(router.state.blockers.size).toBe(0);
  });

  it('the blocking function gets the state the navigation carries', () => {
    const router = start(trackedHistory(['/board']));
    const shouldBlock = vi.fn<BlockerFunction>(() => false);
    router.setBlocker('unsaved', shouldBlock);
    router.navigate('/tasks/1T2', { state: { from: 'board' } });
    expect(shouldBlock.mock.calls[0]![0].nextLocation.state).toEqual({ from: 'board' });
  });

  it('a blocked push leaves the page and the history as they were, and says where it was going', () => {
    const history = trackedHistory(['/board', '/tasks/1T2/edit']);
    const prepare = vi.fn();
    const router = start(history, prepare);
    const before = router.state.location;
    router.setBlocker('unsaved', () => true);
    const seen = vi.fn();
    router.subscribe(seen);

    router.navigate('/search?q=x');
    expect(router.state.location).toBe(before);
    expect(router.state.historyAction).toBe('POP');
    expect(router.state.navigation).toEqual({ state: 'idle' });
    expect(history.paths()).toEqual({ paths: ['/board', '/tasks/1T2/edit'], at: 1 });
    expect(prepare).toHaveBeenCalledTimes(1); // only the first location: the blocked one is not prepared
    const blocker = router.state.blockers.get('unsaved');
    expect(blocker?.state).toBe('blocked');
    expect(blocker?.location).toMatchObject({ pathname: '/search', search: '?q=x' });
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('reset drops the blocked navigation: nothing moves, and the next one is asked again', () => {
    const history = trackedHistory(['/board', '/tasks/1T2/edit']);
    const router = start(history);
    const shouldBlock = vi.fn<BlockerFunction>(() => true);
    router.setBlocker('unsaved', shouldBlock);
    router.navigate('/search');
    router.state.blockers.get('unsaved')!.reset();

    expect(router.state.blockers.has('unsaved')).toBe(false);
    expect(router.state.location.pathname).toBe('/tasks/1T2/edit');
    expect(history.paths()).toEqual({ paths: ['/board', '/tasks/1T2/edit'], at: 1 });

    router.navigate('/calendar');
    expect(shouldBlock).toHaveBeenCalledTimes(2);
    expect(router.state.blockers.get('unsaved')?.location?.pathname).toBe('/calendar');
    expect(router.state.location.pathname).toBe('/tasks/1T2/edit');
  });

  it('proceed carries the blocked push out, and the blocker entry is gone afterwards', () => {
    const history = trackedHistory(['/board', '/tasks/1T2/edit']);
    const router = start(history);
    const shouldBlock = vi.fn<BlockerFunction>(() => true);
    router.setBlocker('unsaved', shouldBlock);
    router.navigate('/search?q=x', { state: { from: 'edit' } });
    router.state.blockers.get('unsaved')!.proceed();

    expect(router.state.location).toMatchObject({ pathname: '/search', search: '?q=x', state: { from: 'edit' } });
    expect(router.state.historyAction).toBe('PUSH');
    expect(history.paths()).toEqual({ paths: ['/board', '/tasks/1T2/edit', '/search?q=x'], at: 2 });
    expect(router.state.blockers.has('unsaved')).toBe(false);
    // Proceeding does not ask again.
    expect(shouldBlock).toHaveBeenCalledTimes(1);
  });

  it('proceed on a blocked replace replaces', () => {
    const history = trackedHistory(['/board', '/tasks/1T2/edit']);
    const router = start(history);
    router.setBlocker('unsaved', ({ historyAction }) => historyAction === 'REPLACE');
    router.navigate('/tasks/1T2', { replace: true });
    expect(router.state.blockers.get('unsaved')?.state).toBe('blocked');
    expect(history.paths()).toEqual({ paths: ['/board', '/tasks/1T2/edit'], at: 1 });
    router.state.blockers.get('unsaved')!.proceed();
    expect(router.state.historyAction).toBe('REPLACE');
    expect(history.paths()).toEqual({ paths: ['/board', '/tasks/1T2'], at: 1 });
  });

  it('while a proceeded navigation loads, the blocker is proceeding; it is gone once the page shows', async () => {
    const history = trackedHistory(['/tasks/1T2/edit']);
    const code = deferred();
    const router = start(history, (next) => (next.pathname === '/calendar' ? code.promise : undefined));
    router.setBlocker('unsaved', () => true);
    router.navigate('/calendar');
    router.state.blockers.get('unsaved')!.proceed();
    expect(router.state.blockers.get('unsaved')).toMatchObject({ state: 'proceeding', location: { pathname: '/calendar' } });
    expect(router.state.navigation.state).toBe('loading');
    expect(router.state.location.pathname).toBe('/tasks/1T2/edit');

    code.resolve();
    await flush();
    expect(router.state.location.pathname).toBe('/calendar');
    expect(router.state.blockers.has('unsaved')).toBe(false);
  });

  it('while a proceeded navigation loads, another navigation is not asked about and wins', async () => {
    const history = trackedHistory(['/tasks/1T2/edit']);
    const code = deferred();
    const router = start(history, (next) => (next.pathname === '/calendar' ? code.promise : undefined));
    const asked: string[] = [];
    router.setBlocker('unsaved', ({ nextLocation }) => (asked.push(nextLocation.pathname), true));
    router.navigate('/calendar');
    router.state.blockers.get('unsaved')!.proceed();
    router.navigate('/board');
    expect(asked).toEqual(['/calendar']);
    expect(router.state.location.pathname).toBe('/board');
    code.resolve();
    await flush();
    expect(router.state.location.pathname).toBe('/board');
    expect(history.paths()).toEqual({ paths: ['/tasks/1T2/edit', '/board'], at: 1 });
  });

  it('a navigation that is done settles a question left open', () => {
    const history = trackedHistory(['/tasks/1T2/edit']);
    const router = start(history);
    router.setBlocker('unsaved', ({ nextLocation }) => nextLocation.pathname === '/calendar');
    router.navigate('/calendar');
    expect(router.state.blockers.get('unsaved')?.state).toBe('blocked');
    router.navigate('/board');
    expect(router.state.location.pathname).toBe('/board');
    expect(router.state.blockers.has('unsaved')).toBe(false);
  });

  it('after dispose, a navigation still waiting for its code goes nowhere', async () => {
    const history = trackedHistory(['/board']);
    const code = deferred();
    const router = createRouter({ history, prepare: (next) => (next.pathname === '/calendar' ? code.promise : undefined) });
    router.navigate('/calendar');
    router.dispose();
    code.resolve();
    await flush();
    expect(history.paths()).toEqual({ paths: ['/board'], at: 0 });
  });

  it('a blocked Back is undone: the history is back on the page, the router did not move', () => {
    const history = trackedHistory(['/board', '/tasks/1T2/edit']);
    const router = start(history);
    const before = router.state.location;
    const shouldBlock = vi.fn<BlockerFunction>(() => true);
    router.setBlocker('unsaved', shouldBlock);
    const seen = vi.fn();
    router.subscribe(seen);

    history.go(-1); // the browser's Back button
    expect(router.state.location).toBe(before);
    expect(history.location).toBe(before);
    expect(history.paths()).toEqual({ paths: ['/board', '/tasks/1T2/edit'], at: 1 });
    const blocker = router.state.blockers.get('unsaved');
    expect(blocker?.state).toBe('blocked');
    expect(blocker?.location?.pathname).toBe('/board');
    // The undo is not a navigation: the blocker was asked once, and only the blocker state changed.
    expect(shouldBlock).toHaveBeenCalledTimes(1);
    expect(shouldBlock.mock.calls[0]![0]).toMatchObject({ historyAction: 'POP', currentLocation: before });
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('proceed on a blocked Back goes back for real, keeping the page ahead as Forward', () => {
    const history = trackedHistory(['/board', '/tasks/1T2/edit']);
    const router = start(history);
    router.setBlocker('unsaved', () => true);
    router.navigate(-1);
    router.state.blockers.get('unsaved')!.proceed();

    expect(router.state.location.pathname).toBe('/board');
    expect(router.state.historyAction).toBe('POP');
    expect(history.paths()).toEqual({ paths: ['/board', '/tasks/1T2/edit'], at: 0 });
    expect(router.state.blockers.has('unsaved')).toBe(false);
  });

  it('after a blocked Back, later Backs are asked again (whether it was reset or proceeded)', () => {
    const history = trackedHistory(['/board', '/search', '/tasks/1T2/edit']);
    const router = start(history);
    const shouldBlock = vi.fn<BlockerFunction>(() => true);
    router.setBlocker('unsaved', shouldBlock);

    router.navigate(-1);
    router.state.blockers.get('unsaved')!.reset();
    router.navigate(-1);
    expect(shouldBlock).toHaveBeenCalledTimes(2);
    expect(router.state.location.pathname).toBe('/tasks/1T2/edit');
    expect(history.paths().at).toBe(2);

    router.state.blockers.get('unsaved')!.proceed();
    expect(router.state.location.pathname).toBe('/search');
    router.navigate(-1);
    expect(shouldBlock).toHaveBeenCalledTimes(3);
    expect(router.state.location.pathname).toBe('/search');
    expect(router.state.blockers.get('unsaved')?.location?.pathname).toBe('/board');
    expect(history.paths().at).toBe(1);
  });

  it('a blocked Forward is undone too, and proceed goes forward', () => {
    const history = trackedHistory(['/board', '/search'], 0);
    const router = start(history);
    router.setBlocker('unsaved', () => true);
    router.navigate(1);
    expect(router.state.location.pathname).toBe('/board');
    expect(history.paths().at).toBe(0);
    router.state.blockers.get('unsaved')!.proceed();
    expect(router.state.location.pathname).toBe('/search');
    expect(history.paths().at).toBe(1);
  });

  it('a blocked jump of several entries is undone by as many, and proceed makes the same jump', () => {
    const history = trackedHistory(['/a', '/b', '/c', '/d']);
    const router = start(history);
    router.setBlocker('unsaved', () => true);
    router.navigate(-3);
    expect(router.state.blockers.get('unsaved')?.location?.pathname).toBe('/a');
    expect(history.paths().at).toBe(3);
    router.state.blockers.get('unsaved')!.proceed();
    expect(router.state.location.pathname).toBe('/a');
    expect(history.paths().at).toBe(0);
  });

  it('deleteBlocker stops blocking and clears its blocked navigation', () => {
    const history = trackedHistory(['/board', '/tasks/1T2/edit']);
    const router = start(history);
    router.setBlocker('unsaved', () => true);
    router.navigate('/search');
    expect(router.state.blockers.get('unsaved')?.state).toBe('blocked');

    router.deleteBlocker('unsaved');
    expect(router.state.blockers.has('unsaved')).toBe(false);
    expect(router.state.location.pathname).toBe('/tasks/1T2/edit');
    router.navigate('/search');
    expect(router.state.location.pathname).toBe('/search');
    router.navigate(-1);
    expect(router.state.location.pathname).toBe('/tasks/1T2/edit');
    expect(router.state.blockers.size).toBe(0);
  });

  it('setBlocker with the same id replaces its function', () => {
    const router = start(trackedHistory(['/board']));
    router.setBlocker('unsaved', () => true);
    router.setBlocker('unsaved', () => false);
    router.navigate('/search');
    expect(router.state.location.pathname).toBe('/search');
  });

  it('only the blocker that blocks gets an entry', () => {
    const router = start(trackedHistory(['/board']));
    router.setBlocker('quiet', () => false);
    router.setBlocker('unsaved', ({ nextLocation }) => nextLocation.pathname === '/search');
    router.navigate('/search');
    expect([...router.state.blockers.keys()]).toEqual(['unsaved']);
    router.navigate('/calendar');
    expect(router.state.location.pathname).toBe('/calendar');
  });
});

describe('createRouter with the browser history', () => {
  const nextPop = () => new Promise<void>((resolve) => window.addEventListener('popstate', () => resolve(), { once: true }));

  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => {
    window.history.replaceState(null, '', '/');
  });

  it('writes pushes to the URL and follows the Back button', async () => {
    const router = start(browserHistory());
    router.navigate('/board?sort=due');
    expect(window.location.pathname + window.location.search).toBe('/board?sort=due');
    expect(window.history.state).toMatchObject({ key: router.state.location.key, idx: 1 });

    const popped = nextPop();
    window.history.back();
    await popped;
    expect(router.state.location.pathname).toBe('/');
    expect(router.state.historyAction).toBe('POP');
  });

  it('a blocked Back puts the URL back and keeps the page; proceed goes back', async () => {
    const router = start(browserHistory());
    router.navigate('/tasks/1T2/edit');
    const editing = router.state.location;
    router.setBlocker('unsaved', () => true);

    const back = nextPop();
    window.history.back();
    await back;
    expect(router.state.blockers.get('unsaved')?.location?.pathname).toBe('/');
    // The router has asked the browser to undo it: wait for that.
    await nextPop();
    expect(window.location.pathname).toBe('/tasks/1T2/edit');
    expect(router.state.location).toBe(editing);
    expect(router.state.blockers.get('unsaved')?.state).toBe('blocked');

    const proceeded = nextPop();
    router.state.blockers.get('unsaved')!.proceed();
    await proceeded;
    expect(window.location.pathname).toBe('/');
    expect(router.state.location.pathname).toBe('/');
    expect(router.state.blockers.has('unsaved')).toBe(false);
  });
});
