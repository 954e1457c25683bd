import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { browserHistory, createPath, makeLocation, memoryHistory, resolveTo, type RouterHistory, type RouterLocation } from './history.ts';

const BOARD = { pathname: '/board', search: '?sort=due', hash: '#col-2' };

const pathOf = (location: RouterLocation) => createPath(location);

/** Every entry of a memory history, first to last, ending back where it was (reads by walking with `go`). */
function entriesOf(history: RouterHistory): { paths: string[]; at: number } {
  const start = history.location;
  let back = 0;
  for (;;) {
    const before = history.location;
    history.go(-1);
    if (history.location === before) break;
    back++;
  }
  const paths = [pathOf(history.location)];
  for (;;) {
    const before = history.location;
    history.go(1);
    if (history.location === before) break;
    paths.push(pathOf(history.location));
  }
  history.go(back - (paths.length - 1));
  expect(history.location).toBe(start);
  return { paths, at: back };
}

describe('createPath', () => {
  it('joins path, query and hash as the address bar shows them', () => {
    expect(createPath(BOARD)).toBe('/board?sort=due#col-2');
    expect(createPath({ pathname: '/search', search: '', hash: '' })).toBe('/search');
  });
});

describe('makeLocation', () => {
  it('has no state unless given one, and a fresh key per entry', () => {
    const a = makeLocation(BOARD);
    const b = makeLocation(BOARD);
    expect(a).toMatchObject({ ...BOARD, state: null });
    expect(a.key).toMatch(/^\w+$/);
    expect(a.key).not.toBe(b.key);
  });

  it('keeps the state and key it is given', () => {
    expect(makeLocation(BOARD, { from: 'quick-look' }, 'k1')).toEqual({ ...BOARD, state: { from: 'quick-look' }, key: 'k1' });
  });
});

describe('resolveTo', () => {
  it('an absolute path replaces path, query and hash', () => {
    expect(resolveTo('/tasks/1T2?tab=notes#c3', BOARD)).toEqual({ pathname: '/tasks/1T2', search: '?tab=notes', hash: '#c3' });
    // The current query and hash do not leak onto another page.
    expect(resolveTo('/search', BOARD)).toEqual({ pathname: '/search', search: '', hash: '' });
  });

  it('a path is encoded as the browser would show it', () => {
    expect(resolveTo('/playbooks/1P X', BOARD).pathname).toBe('/playbooks/1P%20X');
  });

  it('`?query` keeps the current path and drops the hash', () => {
    expect(resolveTo('?sort=title&page=2', BOARD)).toEqual({ pathname: '/board', search: '?sort=title&page=2', hash: '' });
  });

  it('`#hash` keeps the current path and query', () => {
    expect(resolveTo('#col-4', BOARD)).toEqual({ pathname: '/board', search: '?sort=due', hash: '#col-4' });
  });

  it('object form: a missing pathname is the current one, a missing search or hash is none', () => {
    expect(resolveTo({ search: '?page=3' }, BOARD)).toEqual({ pathname: '/board', search: '?page=3', hash: '' });
    expect(resolveTo({ pathname: '/calendar' }, BOARD)).toEqual({ pathname: '/calendar', search: '', hash: '' });
    expect(resolveTo({}, BOARD)).toEqual({ pathname: '/board', search: '', hash: '' });
    expect(resolveTo({ hash: '#col-1' }, BOARD)).toEqual({ pathname: '/board', search: '', hash: '#col-1' });
  });

  it('object form: search and hash get their `?` and `#` when given without', () => {
    expect(resolveTo({ pathname: '/search', search: 'q=due%3Atoday', hash: 'results' }, BOARD)).toEqual({
      pathname: '/search',
      search: '?q=due%3Atoday',
      hash: '#results',
    });
    // Given with their prefix, it is not doubled.
    expect(resolveTo({ search: '?q=1', hash: '#top' }, BOARD)).toEqual({ pathname: '/board', search: '?q=1', hash: '#top' });
    // A bare `?` or `#` is no query or hash at all.
    expect(resolveTo({ search: '?', hash: '#' }, BOARD)).toEqual({ pathname: '/board', search: '', hash: '' });
    expect(resolveTo({ search: '', hash: '' }, BOARD)).toEqual({ pathname: '/board', search: '', hash: '' });
  });
});

describe('memoryHistory', () => {
  it('starts on the last entry, each parsed into path, query and hash', () => {
    const history = memoryHistory(['/board', '/tasks/1T2?tab=notes#c3']);
    expect(history.location).toMatchObject({ pathname: '/tasks/1T2', search: '?tab=notes', hash: '#c3', state: null });
    expect(entriesOf(history)).toEqual({ paths: ['/board', '/tasks/1T2?tab=notes#c3'], at: 1 });
  });

  it('is `/` alone by default', () => {
    const history = memoryHistory();
    expect(history.location).toMatchObject({ pathname: '/', search: '', hash: '' });
    expect(entriesOf(history)).toEqual({ paths: ['/'], at: 0 });
  });

  it('starts on the entry `index` names, kept within the entries', () => {
    expect(memoryHistory(['/a', '/b', '/c'], 1).location.pathname).toBe('/b');
    expect(memoryHistory(['/a', '/b', '/c'], 0).location.pathname).toBe('/a');
    expect(memoryHistory(['/a', '/b', '/c'], 9).location.pathname).toBe('/c');
    expect(memoryHistory(['/a', '/b', '/c'], -2).location.pathname).toBe('/a');
  });

  it('gives each entry its own key', () => {
    const history = memoryHistory(['/a', '/a']);
    const second = history.location.key;
    history.go(-1);
    expect(history.location.key).not.toBe(second);
  });

  it('push adds an entry after the current one and moves to it', () => {
    const history = memoryHistory(['/a']);
    const next = makeLocation({ pathname: '/b', search: '?x=1', hash: '' }, { via: 'link' });
    history.push(next);
    expect(history.location).toBe(next);
    expect(entriesOf(history)).toEqual({ paths: ['/a', '/b?x=1'], at: 1 });
  });

  it('push drops the entries ahead of the current one', () => {
    const history = memoryHistory(['/a', '/b', '/c', '/d']);
    history.go(-2);
    expect(history.location.pathname).toBe('/b');
    history.push(makeLocation({ pathname: '/e', search: '', hash: '' }));
    expect(entriesOf(history)).toEqual({ paths: ['/a', '/b', '/e'], at: 2 });
  });

  it('replace swaps the current entry and keeps the others', () => {
    const history = memoryHistory(['/a', '/b', '/c'], 1);
    const next = makeLocation({ pathname: '/b2', search: '', hash: '#h' });
    history.replace(next);
    expect(history.location).toBe(next);
    expect(entriesOf(history)).toEqual({ paths: ['/a', '/b2#h', '/c'], at: 1 });
  });

  it('push and replace do not report to listeners (the router wrote them itself)', () => {
    const history = memoryHistory(['/a']);
    const calls: unknown[] = [];
    history.listen((...args) => calls.push(args));
    history.push(makeLocation({ pathname: '/b', search: '', hash: '' }));
    history.replace(makeLocation({ pathname: '/c', search: '', hash: '' }));
    expect(calls).toEqual([]);
  });

  it('go moves and reports the new location and how far it went', () => {
    const history = memoryHistory(['/a', '/b', '/c']);
    const calls: [string, number][] = [];
    history.listen((location, delta) => calls.push([location.pathname, delta]));
    history.go(-2);
    expect(history.location.pathname).toBe('/a');
    history.go(1);
    expect(history.location.pathname).toBe('/b');
    expect(calls).toEqual([
      ['/a', -2],
      ['/b', 1],
    ]);
  });

  it('go stops at the first and last entries, and reports the distance actually moved', () => {
    const history = memoryHistory(['/a', '/b', '/c'], 1);
    const calls: [string, number][] = [];
    history.listen((location, delta) => calls.push([location.pathname, delta]));
    history.go(10);
    expect(history.location.pathname).toBe('/c');
    history.go(-10);
    expect(history.location.pathname).toBe('/a');
    expect(calls).toEqual([
      ['/c', 1],
      ['/a', -2],
    ]);
  });

  it('go that does not move (0, or past either end) reports nothing', () => {
    const history = memoryHistory(['/a', '/b']);
    const calls: unknown[] = [];
    history.listen((...args) => calls.push(args));
    history.go(0);
    history.go(1);
    history.go(-1);
    history.go(-1);
    expect(history.location.pathname).toBe('/a');
    expect(calls).toHaveLength(1);
  });

  it('stops reporting to a listener once it unsubscribes, and reports to each listener', () => {
    const history = memoryHistory(['/a', '/b']);
    const first: number[] = [];
    const second: number[] = [];
    const stop = history.listen((_, delta) => first.push(delta));
    history.listen((_, delta) => second.push(delta));
    history.go(-1);
    stop();
    history.go(1);
    expect(first).toEqual([-1]);
    expect(second).toEqual([-1, 1]);
  });
});

describe('browserHistory', () => {
  const stops: (() => void)[] = [];
  const listen = (history: RouterHistory, listener: (location: RouterLocation, delta: number) => void) => {
    stops.push(history.listen(listener));
  };
  /** Resolves on the window's next popstate (after the history's own listener has run: it was added first). */
  const nextPop = () => new Promise<PopStateEvent>((resolve) => window.addEventListener('popstate', resolve, { once: true }));
  const at = (pathname: string) => makeLocation({ pathname, search: '', hash: '' });

  beforeEach(() => {
    window.history.replaceState(null, '', '/');
  });
  afterEach(() => {
    stops.splice(0).forEach((stop) => stop());
    window.history.replaceState(null, '', '/');
  });

  it('stamps the current entry with its index when created, keeping the URL', () => {
    window.history.replaceState(null, '', '/board?sort=due#col-2');
    const history = browserHistory();
    expect(window.history.state).toEqual({ idx: 0 });
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/board?sort=due#col-2');
    expect(history.location).toMatchObject({ ...BOARD, state: null, key: 'default' });
  });

  it('reads back an entry written before (by React Router or an earlier page load)', () => {
    window.history.replaceState({ usr: { from: 'search' }, key: 'abc123', idx: 4 }, '', '/tasks/1T2?tab=notes#c3');
    const history = browserHistory();
    expect(history.location).toEqual({
      pathname: '/tasks/1T2',
      search: '?tab=notes',
      hash: '#c3',
      state: { from: 'search' },
      key: 'abc123',
    });
    // Its index is kept, and the next entry follows it.
    expect(window.history.state).toEqual({ usr: { from: 'search' }, key: 'abc123', idx: 4 });
    history.push(at('/board'));
    expect(window.history.state).toMatchObject({ idx: 5 });
  });

  it('push writes `{ usr, key, idx }` and the URL as a new entry', () => {
    const history = browserHistory();
    const length = window.history.length;
    const next = makeLocation({ pathname: '/search', search: '?q=due', hash: '#r' }, { from: 'board' }, 'k-push');
    history.push(next);
    expect(window.history.state).toEqual({ usr: { from: 'board' }, key: 'k-push', idx: 1 });
    expect(window.location.pathname + window.location.search + window.location.hash).toBe('/search?q=due#r');
    expect(window.history.length).toBe(length + 1);
    expect(history.location).toBe(next);
  });

  it('replace rewrites the current entry, keeping its index', () => {
    const history = browserHistory();
    history.push(at('/a'));
    const length = window.history.length;
    const next = makeLocation({ pathname: '/b', search: '', hash: '' }, null, 'k-replace');
    history.replace(next);
    expect(window.history.state).toEqual({ usr: null, key: 'k-replace', idx: 1 });
    expect(window.location.pathname).toBe('/b');
    expect(window.history.length).toBe(length);
    expect(history.location).toBe(next);
  });

  it('Back and Forward report the entry reached and how far, from the indexes', async () => {
    const history = browserHistory();
    const a = makeLocation({ pathname: '/a', search: '?x=1', hash: '' }, { n: 1 }, 'ka');
    history.push(a);
    history.push(at('/b'));
    const calls: [RouterLocation, number][] = [];
    listen(history, (location, delta) => calls.push([location, delta]));

    let popped = nextPop();
    window.history.back();
    await popped;
    expect(calls).toEqual([[{ ...a }, -1]]);
    expect(history.location).toEqual(a);

    popped = nextPop();
    window.history.forward();
    await popped;
    expect(calls[1]![0].pathname).toBe('/b');
    expect(calls[1]![1]).toBe(1);
    expect(history.location.pathname).toBe('/b');
  });

  it('go moves the window several entries and reports the distance', async () => {
    const history = browserHistory();
    history.push(at('/a'));
    history.push(at('/b'));
    history.push(at('/c'));
    const calls: [string, number][] = [];
    listen(history, (location, delta) => calls.push([location.pathname, delta]));

    let popped = nextPop();
    history.go(-3);
    await popped;
    expect(window.location.pathname).toBe('/');
    popped = nextPop();
    history.go(2);
    await popped;
    expect(calls).toEqual([
      ['/', -3],
      ['/b', 2],
    ]);
  });

  it('after Back, a push writes the index after the entry Back reached', async () => {
    const history = browserHistory();
    history.push(at('/a'));
    history.push(at('/b'));
    const calls: number[] = [];
    listen(history, (_, delta) => calls.push(delta));
    const popped = nextPop();
    window.history.back();
    await popped;
    history.push(at('/c'));
    expect(window.history.state).toMatchObject({ idx: 2 });
    // So the next Back is reported as one step.
    const poppedAgain = nextPop();
    window.history.back();
    await poppedAgain;
    expect(calls).toEqual([-1, -1]);
    expect(window.location.pathname).toBe('/a');
  });

  it('reports the same distance to each listener', async () => {
    const history = browserHistory();
    history.push(at('/a'));
    history.push(at('/b'));
    const first: number[] = [];
    const second: number[] = [];
    listen(history, (_, delta) => first.push(delta));
    listen(history, (_, delta) => second.push(delta));
    const popped = nextPop();
    window.history.back();
    await popped;
    expect(first).toEqual([-1]);
    // A router only lets a Back through unasked when the distance is 0: each listener must see -1.
    expect(second).toEqual([-1]);
  });

  it('an entry the browser made itself (a link to #main) is numbered as the next one, and a push follows it', () => {
    const history = browserHistory();
    history.push(at('/a'));
    const calls: [string, number][] = [];
    listen(history, (location, delta) => calls.push([location.pathname + location.hash, delta]));
    window.history.pushState(null, '', '/a#main');
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    expect(calls).toEqual([['/a#main', 1]]);
    expect(window.history.state).toMatchObject({ usr: null, idx: 2 });
    expect(history.location.state).toBeNull();
    history.push(at('/b'));
    expect(window.history.state).toMatchObject({ idx: 3 });
  });

  it('a popstate reports the delta between the indexes of the entries', () => {
    const history = browserHistory();
    history.push(at('/a'));
    const calls: number[] = [];
    listen(history, (_, delta) => calls.push(delta));
    window.history.pushState({ usr: null, key: 'x', idx: 4 }, '', '/far');
    window.dispatchEvent(new PopStateEvent('popstate', { state: window.history.state }));
    expect(calls).toEqual([3]);
  });

  it('stops reporting once the listener unsubscribes', () => {
    const history = browserHistory();
    const calls: unknown[] = [];
    const stop = history.listen((...args) => calls.push(args));
    stop();
    window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    expect(calls).toEqual([]);
  });
});
