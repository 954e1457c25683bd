import { QueryClient } from '@tanstack/react-query';
import { isRateLimited, isTransient } from './errors.ts';
import { refetchOnFocus } from './live-status.ts';
import { playbookKeys } from './query-keys.ts';

export const STALE_TIME_MS = 30_000;
/**
 * Playbooks and their templates are set up by an admin and change rarely (nothing in this app
 * edits them), so they stay fresh longer: the board, a task's step and the playbook pages share
 * them without asking again (Gainsight allows 100 requests a minute per tenant).
 */
export const PLAYBOOK_STALE_TIME_MS = 5 * 60_000;
/** Retries of a read after its first failure (network, timeout, 5xx, 408, 429). */
export const MAX_QUERY_RETRIES = 3;
/** Retries of a write after its first failure; only a 429 is retried (the server did nothing). */
export const MAX_MUTATION_RETRIES = 4;

/**
 * Reads retry transient failures, never a client error (4xx other than 408/429) nor anything
 * that is not an ApiError (a bug, an abort). `failureCount` is TanStack Query's: 0 on the first failure.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_QUERY_RETRIES && isTransient(error);
}

/**
 * Writes are not idempotent (a create that timed out may have happened), so only a 429, which
 * Gainsight refuses before doing anything, is retried.
 */
export function shouldRetryMutation(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_MUTATION_RETRIES && isRateLimited(error);
}

/**
 * Exponential backoff with jitter; `attempt` is 0 before the first retry.
 * - 429 (fixed-window limit, no Retry-After): 2 s doubling, capped at 32 s, plus up to 50% jitter,
 *   so 2-3 s, 4-6 s, 8-12 s, 16-24 s.
 * - Other transient failures: 1 s doubling, capped at 16 s, "equal jitter" (half fixed, half random),
 *   so 0.5-1 s, 1-2 s, 2-4 s.
 */
export function retryDelay(attempt: number, error: unknown, random: () => number = Math.random): number {
  if (isRateLimited(error)) {
    const base = Math.min(2_000 * 2 ** attempt, 32_000);
    return Math.round(base + (base / 2) * random());
  }
  const base = Math.min(1_000 * 2 ** attempt, 16_000);
  return Math.round(base / 2 + (base / 2) * random());
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        retry: shouldRetryQuery,
        retryDelay,
        // Stale queries refetch on window focus, unless live updates push every change (then only
        // what a change marked while the tab was hidden): see live-status.ts.
        refetchOnWindowFocus: refetchOnFocus,
        refetchInterval: false,
      },
      mutations: {
        retry: shouldRetryMutation,
        retryDelay,
      },
    },
  });
  client.setQueryDefaults(playbookKeys.all, { staleTime: PLAYBOOK_STALE_TIME_MS });
  return client;
}
