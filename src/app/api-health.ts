import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { searchTasks } from '../api/client.ts';
import { isTeamServerCall } from '../api/query-keys.ts';
import { isApiError, isUnauthorized, type ApiError } from '../api/errors.ts';
import { isSignInRequired } from './sign-in-error.ts';

/**
 * What the whole app must know about the API, whichever page asked: the user must sign in (the
 * page goes to sign-in), the access key was rejected (every page shows the same explanation), or
 * the server cannot be reached (a banner with retry).
 */
export interface ApiHealth {
  /** The team server asks for a session (401 `AUTH_401`). */
  signInRequired: ApiError | null;
  unauthorized: ApiError | null;
  unreachable: ApiError | null;
  offline: boolean;
}

let state: ApiHealth = {
  signInRequired: null,
  unauthorized: null,
  unreachable: null,
  offline: typeof navigator !== 'undefined' && navigator.onLine === false,
};
const listeners = new Set<() => void>();

function set(patch: Partial<ApiHealth>) {
  const next = { ...state, ...patch };
  if (
    next.signInRequired === state.signInRequired &&
    next.unauthorized === state.unauthorized &&
    next.unreachable === state.unreachable &&
    next.offline === state.offline
  ) {
    return;
  }
  state = next;
  for (const l of listeners) l();
}

/** The health now: the store's snapshot, which React reads through useApiHealth. */
export function getApiHealth(): ApiHealth {
  return state;
}

export function useApiHealth(): ApiHealth {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getApiHealth,
    getApiHealth,
  );
}

/** Records an error from any query or mutation. */
export function reportApiError(error: unknown) {
  // A missing session is also a 401, but not a rejected key: keep the first, the page signs in.
  if (isSignInRequired(error)) {
    if (!state.signInRequired) set({ signInRequired: error });
  } else if (isUnauthorized(error)) set({ unauthorized: error });
  else if (isApiError(error) && (error.kind === 'network' || error.kind === 'timeout')) set({ unreachable: error });
}

/** Any answer from the server means it is reachable again. */
function reportApiSuccess() {
  if (state.unreachable) set({ unreachable: null });
}

export function resetApiHealth() {
  set({ signInRequired: null, unauthorized: null, unreachable: null });
}

/**
 * The light request that tells whether the API answers again: a search for nothing but the count
 * (`limit: 0`), a few bytes each way.
 */
const PROBE_REQUEST = { select: ['Gsid'], limit: 0 };
const defaultProbe = (signal: AbortSignal) => searchTasks(PROBE_REQUEST, { signal }).then(() => undefined);

/** Waits between checks while the API cannot be reached: 5 s, doubling up to 30 s. */
export function probeDelay(attempt: number): number {
  return Math.min(5_000 * 2 ** attempt, 30_000);
}

export interface WatchOptions {
  /** Resolves when the API answers, rejects when it cannot be reached. Default: PROBE_REQUEST. */
  probe?: (signal: AbortSignal) => Promise<void>;
  /** Milliseconds before check number `attempt` (0-based). */
  delay?: (attempt: number) => number;
}

export interface HealthWatch {
  /** Checks now whether the API answers (the banner's "Retry now"); on success, refetches. */
  checkNow: () => void;
  stop: () => void;
}

let current: HealthWatch | null = null;

/** Checks now whether the API answers again (the banner's "Retry now"). */
export function checkApiNow() {
  current?.checkNow();
}

/**
 * Subscribes the health store to a QueryClient's query and mutation caches and to the browser's
 * online state, and clears the connection banner by itself: while it is shown (and the tab is
 * visible), the API is checked now and then, and at once when the browser says it is online again.
 * When the API answers, the banner goes and what failed meanwhile is fetched again.
 */
export function watchApiHealth(queryClient: QueryClient, { probe = defaultProbe, delay = probeDelay }: WatchOptions = {}): HealthWatch {
  const unsubQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    if (event.action.type === 'error') reportApiError(event.action.error);
    // The team server's own answers (the session…) say nothing of the Gainsight API.
    if (event.action.type === 'success' && !isTeamServerCall(event.query.meta)) reportApiSuccess();
  });
  const unsubMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    if (event.action.type === 'error') reportApiError(event.action.error);
    if (event.action.type === 'success' && !isTeamServerCall(event.mutation.meta)) reportApiSuccess();
  });

  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let inFlight: AbortController | null = null;
  const bannerShown = () => state.offline || state.unreachable !== null;
  const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

  const refetchFailed = () => {
    void queryClient.refetchQueries({ predicate: (q) => q.state.status === 'error', type: 'active' });
    void queryClient.resumePausedMutations();
  };

  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    // Only while the API is known to be unreachable; offline, the browser's online event says when to look.
    if (!state.unreachable || state.offline || hidden()) return;
    timer = setTimeout(() => void check(), delay(attempt));
  };

  async function check() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (inFlight || state.offline) return;
    const controller = new AbortController();
    inFlight = controller;
    try {
      await probe(controller.signal);
      if (controller.signal.aborted) return;
      attempt = 0;
      const wasUnreachable = state.unreachable !== null;
      reportApiSuccess();
      if (wasUnreachable) refetchFailed();
    } catch (error) {
      if (controller.signal.aborted) return;
      reportApiError(error);
      attempt += 1;
    } finally {
      if (inFlight === controller) inFlight = null;
    }
    schedule();
  }

  // Starts the checks when the banner appears; stops them when it goes.
  const onHealth = () => {
    if (!bannerShown()) {
      attempt = 0;
      if (timer !== null) clearTimeout(timer);
      timer = null;
    } else if (timer === null && !inFlight) schedule();
  };
  listeners.add(onHealth);

  const online = () => {
    set({ offline: false });
    // The network is back; whether the API is, a check says at once (clearing the banner, or
    // saying the server cannot be reached yet).
    void check();
  };
  const offline = () => set({ offline: true });
  const visibility = () => {
    if (hidden()) {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    } else if (state.unreachable) void check();
  };
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  document.addEventListener('visibilitychange', visibility);

  const watch: HealthWatch = {
    checkNow: () => void check(),
    stop: () => {
      unsubQueries();
      unsubMutations();
      listeners.delete(onHealth);
      if (timer !== null) clearTimeout(timer);
      inFlight?.abort();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      document.removeEventListener('visibilitychange', visibility);
      if (current === watch) current = null;
    },
  };
  current = watch;
  return watch;
}
