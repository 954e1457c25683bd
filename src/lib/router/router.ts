/**
 * The router's state, outside React: the current location, how it was reached, whether a
 * navigation waits for the next page's code, and the blockers (an unsaved edit asks before
 * leaving). React reads it through src/components/router/router.tsx.
 *
 * A navigation first asks `prepare` for the next location: it may start the page's data, and
 * return a promise (the page's code loading: the current page stays, `navigation.state` is
 * `loading`, and the URL changes once it settles) or a path to go to instead (a redirect, which
 * replaces the entry). A newer navigation wins over one still waiting.
 *
 * Pure apart from the history it is handed.
 */
import { makeLocation, resolveTo, type NavigationAction, type RouterHistory, type RouterLocation, type To } from './history.ts';

type BlockerState = 'unblocked' | 'blocked' | 'proceeding';

export interface Blocker {
  state: BlockerState;
  /** Where the blocked navigation was going (when blocked or proceeding). */
  location?: RouterLocation;
  proceed(): void;
  reset(): void;
}

export interface BlockerArgs {
  currentLocation: RouterLocation;
  nextLocation: RouterLocation;
  historyAction: NavigationAction;
}

export type BlockerFunction = (args: BlockerArgs) => boolean;

export interface RouterState {
  location: RouterLocation;
  historyAction: NavigationAction;
  /** False until the first location has been prepared (its page's code loaded). */
  initialized: boolean;
  navigation: { state: 'idle' | 'loading'; location?: RouterLocation };
  /** The blockers that are blocked or proceeding, by id (the others are `unblocked`). */
  blockers: ReadonlyMap<string, Blocker>;
}

export interface NavigateOptions {
  replace?: boolean;
  state?: unknown;
}

/** What `prepare` may return: nothing (go at once), a promise (go once it settles) or a path to go to instead. */
export type Prepared = void | Promise<unknown> | { redirect: string };

export interface RouterOptions {
  history: RouterHistory;
  /** Called before each navigation with the next location and the current one (null on the first). */
  prepare?: (next: RouterLocation, current: RouterLocation | null) => Prepared;
}

export interface Router {
  readonly state: RouterState;
  subscribe(listener: (state: RouterState) => void): () => void;
  /** A path (or its parts), or a number of entries to go back (negative) or forward. */
  navigate(to: To | number, options?: NavigateOptions): void;
  setBlocker(id: string, shouldBlock: BlockerFunction): void;
  deleteBlocker(id: string): void;
  dispose(): void;
}

export const UNBLOCKED: Blocker = { state: 'unblocked', proceed: () => undefined, reset: () => undefined };

const isPromise = (value: Prepared): value is Promise<unknown> => typeof (value as Promise<unknown> | undefined)?.then === 'function';

export function createRouter({ history, prepare }: RouterOptions): Router {
  let state: RouterState = {
    location: history.location,
    historyAction: 'POP',
    initialized: false,
    navigation: { state: 'idle' },
    blockers: new Map(),
  };
  const listeners = new Set<(state: RouterState) => void>();
  const shouldBlock = new Map<string, BlockerFunction>();
  let current = 0;
  // A Back the router undid itself (a blocker stopped it) is not a navigation; a Back a blocker let through is not asked again.
  let ignorePops = 0;
  let passNextPop = false;

  const update = (patch: Partial<RouterState>) => {
    state = { ...state, ...patch };
    listeners.forEach((listener) => listener(state));
  };
  // Only blockers that are not `unblocked` have an entry.
  const setBlockerState = (id: string, blocker: Blocker) => {
    const blockers = new Map(state.blockers);
    blockers.set(id, blocker);
    update({ blockers });
  };
  const removeBlockerState = (id: string) => {
    if (!state.blockers.has(id)) return;
    const blockers = new Map(state.blockers);
    blockers.delete(id);
    update({ blockers });
  };

  const commit = (next: RouterLocation, action: NavigationAction) => {
    if (action === 'PUSH') history.push(next);
    else if (action === 'REPLACE') history.replace(next);
    // A navigation done settles every blocker (a question left open was about another one).
    const blockers = state.blockers.size > 0 ? new Map<string, Blocker>() : state.blockers;
    update({ location: next, historyAction: action, initialized: true, navigation: { state: 'idle' }, blockers });
  };

  const start = (next: RouterLocation, action: NavigationAction, from: RouterLocation | null) => {
    const id = ++current;
    let prepared: Prepared;
    try {
      prepared = prepare?.(next, from);
    } catch {
      prepared = undefined;
    }
    if (prepared && 'redirect' in prepared) {
      const target = makeLocation(resolveTo(prepared.redirect, next));
      start(target, action === 'PUSH' ? 'PUSH' : 'REPLACE', from);
      return;
    }
    if (!isPromise(prepared)) {
      commit(next, action);
      return;
    }
    update({ navigation: { state: 'loading', location: next } });
    const settle = () => {
      if (id === current) commit(next, action);
    };
    prepared.then(settle, settle);
  };

  /** Whether a blocker stops the navigation; if so it is blocked, with `go` to carry on. */
  const blocked = (nextLocation: RouterLocation, historyAction: NavigationAction, go: () => void): boolean => {
    for (const [id, test] of shouldBlock) {
      // A blocker the user has let go asks nothing more until its navigation is done.
      if (state.blockers.get(id)?.state === 'proceeding') continue;
      if (!test({ currentLocation: state.location, nextLocation, historyAction })) continue;
      setBlockerState(id, {
        state: 'blocked',
        location: nextLocation,
        proceed: () => {
          setBlockerState(id, { ...UNBLOCKED, state: 'proceeding', location: nextLocation });
          go();
        },
        reset: () => removeBlockerState(id),
      });
      return true;
    }
    return false;
  };

  const navigate = (to: To | number, options: NavigateOptions = {}, unblocked = false) => {
    if (typeof to === 'number') {
      history.go(to);
      return;
    }
    const next = makeLocation(resolveTo(to, state.location), options.state ?? null);
    const action: NavigationAction = options.replace ? 'REPLACE' : 'PUSH';
    if (!unblocked && blocked(next, action, () => navigate(to, options, true))) return;
    start(next, action, state.location);
  };

  const stopListening = history.listen((location, delta) => {
    if (ignorePops > 0) {
      ignorePops--;
      return;
    }
    if (!passNextPop && delta !== 0) {
      const stop = blocked(location, 'POP', () => {
        passNextPop = true;
        history.go(delta);
      });
      if (stop) {
        ignorePops++;
        history.go(-delta);
        return;
      }
    }
    passNextPop = false;
    start(location, 'POP', state.location);
  });

  start(history.location, 'POP', null);

  return {
    get state() {
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    navigate: (to, options) => navigate(to, options),
    setBlocker(id, test) {
      shouldBlock.set(id, test);
    },
    deleteBlocker(id) {
      shouldBlock.delete(id);
      removeBlockerState(id);
    },
    dispose() {
      // A navigation still waiting for its page's code is dropped.
      current++;
      stopListening();
      listeners.clear();
    },
  };
}
