/**
 * The app's history: where the router reads and writes locations. `browserHistory` is the
 * window's (its entries carry `{ usr, key, idx }` in `history.state`, the shape React Router
 * wrote, so entries made before still read back); `memoryHistory` keeps entries in an array (tests).
 * Only Back and Forward (and `go`) report to `listen`: the router writes every other change itself.
 *
 * Pure apart from `browserHistory`, which is handed the window.
 */

/** How a location was reached: `POP` for Back, Forward and the first load. */
export type NavigationAction = 'POP' | 'PUSH' | 'REPLACE';

export interface RouterLocation {
  pathname: string;
  /** `?…` or empty. */
  search: string;
  /** `#…` or empty. */
  hash: string;
  /** What the navigation that made the entry passed as `state` (null for none). */
  state: unknown;
  /** Unique per history entry. */
  key: string;
}

/** Where to go: a path (absolute, or `?…` for the current path), or its parts (missing parts: the current path, no query). */
export type To = string | Partial<Pick<RouterLocation, 'pathname' | 'search' | 'hash'>>;

export interface RouterHistory {
  readonly location: RouterLocation;
  push(location: RouterLocation): void;
  replace(location: RouterLocation): void;
  go(delta: number): void;
  /** Called after Back, Forward or `go` moved to another entry; `delta` is how far (0 when unknown). */
  listen(listener: (location: RouterLocation, delta: number) => void): () => void;
}

type Path = Pick<RouterLocation, 'pathname' | 'search' | 'hash'>;

export const createPath = ({ pathname, search, hash }: Path): string => pathname + search + hash;

const withPrefix = (value: string, prefix: string) =>
  value === '' || value === prefix ? '' : value.startsWith(prefix) ? value : prefix + value;

/** The path `to` means, seen from `from`. */
export function resolveTo(to: To, from: Path): Path {
  if (typeof to !== 'string') {
    return { pathname: to.pathname ?? from.pathname, search: withPrefix(to.search ?? '', '?'), hash: withPrefix(to.hash ?? '', '#') };
  }
  const url = new URL(to, `http://router${from.pathname}${from.search}`);
  return { pathname: url.pathname, search: url.search, hash: url.hash };
}

const newKey = () => Math.random().toString(36).slice(2, 10);

export function makeLocation(path: Path, state: unknown = null, key = newKey()): RouterLocation {
  return { ...path, state, key };
}

interface EntryState {
  usr: unknown;
  key: string;
  idx: number;
}

const entryState = (value: unknown): Partial<EntryState> =>
  typeof value === 'object' && value !== null ? (value as Partial<EntryState>) : {};

export function browserHistory(win: Window = window): RouterHistory {
  const read = (): RouterLocation => {
    const { usr = null, key = 'default' } = entryState(win.history.state);
    const { pathname, search, hash } = win.location;
    return makeLocation({ pathname, search, hash }, usr, key);
  };
  let index = entryState(win.history.state).idx ?? 0;
  if (entryState(win.history.state).idx === undefined) win.history.replaceState({ ...entryState(win.history.state), idx: index }, '');
  let location = read();
  const write = (next: RouterLocation, method: 'pushState' | 'replaceState') => {
    // Where the browser is now (a Back with no listener has moved it).
    index = entryState(win.history.state).idx ?? index;
    if (method === 'pushState') index += 1;
    const state: EntryState = { usr: next.state, key: next.key, idx: index };
    win.history[method](state, '', createPath(next));
    location = next;
  };
  const listeners = new Set<(location: RouterLocation, delta: number) => void>();
  // One handler for all listeners: each is told the same distance.
  const onPop = () => {
    let idx = entryState(win.history.state).idx;
    if (idx === undefined) {
      // An entry the browser made itself (a link to `#main`, the skip link): one after the
      // current. Numbered now, so Back over it is counted right and the next push follows it.
      idx = index + 1;
      win.history.replaceState({ ...entryState(win.history.state), usr: null, key: newKey(), idx }, '');
    }
    const delta = idx - index;
    index = idx;
    location = read();
    listeners.forEach((listener) => listener(location, delta));
  };
  return {
    get location() {
      return location;
    },
    push: (next) => write(next, 'pushState'),
    replace: (next) => write(next, 'replaceState'),
    go: (delta) => win.history.go(delta),
    listen(listener) {
      if (listeners.size === 0) win.addEventListener('popstate', onPop);
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) win.removeEventListener('popstate', onPop);
      };
    },
  };
}

/** Entries in memory, the last one current (or `index`): for tests. `go` reports at once. */
export function memoryHistory(entries: readonly string[] = ['/'], index = entries.length - 1): RouterHistory {
  const stack = entries.map((entry) => makeLocation(resolveTo(entry, { pathname: '/', search: '', hash: '' })));
  let at = Math.min(Math.max(index, 0), stack.length - 1);
  const listeners = new Set<(location: RouterLocation, delta: number) => void>();
  return {
    get location() {
      return stack[at]!;
    },
    push(next) {
      stack.splice(at + 1, stack.length, next);
      at = stack.length - 1;
    },
    replace(next) {
      stack[at] = next;
    },
    go(delta) {
      const to = Math.min(Math.max(at + delta, 0), stack.length - 1);
      if (to === at) return;
      const moved = to - at;
      at = to;
      listeners.forEach((listener) => listener(stack[at]!, moved));
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
