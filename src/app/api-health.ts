import { useSyncExternalStore } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { isApiError, isUnauthorized, type ApiError } from '../api/errors.ts';
import { isSignInRequired } from './session.ts';

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

export function getApiHealth(): ApiHealth {
  return state;
}

export function useApiHealth(): ApiHealth {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
    () => state,
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
export function reportApiSuccess() {
  if (state.unreachable) set({ unreachable: null });
}

export function resetApiHealth() {
  set({ signInRequired: null, unauthorized: null, unreachable: null });
}

/** Subscribes the health store to a QueryClient's query and mutation caches and to the browser's online state. */
export function watchApiHealth(queryClient: QueryClient): () => void {
  const unsubQueries = queryClient.getQueryCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    if (event.action.type === 'error') reportApiError(event.action.error);
    if (event.action.type === 'success') reportApiSuccess();
  });
  const unsubMutations = queryClient.getMutationCache().subscribe((event) => {
    if (event.type !== 'updated') return;
    if (event.action.type === 'error') reportApiError(event.action.error);
    if (event.action.type === 'success') reportApiSuccess();
  });
  const online = () => set({ offline: false });
  const offline = () => set({ offline: true });
  window.addEventListener('online', online);
  window.addEventListener('offline', offline);
  return () => {
    unsubQueries();
    unsubMutations();
    window.removeEventListener('online', online);
    window.removeEventListener('offline', offline);
  };
}
