/**
 * Live updates for the whole app, started once by the shell (app.tsx): the stream of changes
 * (connection.ts) feeds the live status store (src/api/live-status.ts: the header's indicator
 * and the stale-data banner read it) and, debounced (batcher.ts), invalidates exactly the
 * queries the changes affect (src/api/live-invalidation.ts), so every open page refetches what
 * it shows: cards move to their new column, a task page shows the new values (an edit in
 * progress keeps what was typed: the form holds its own values, and a save still checks for
 * someone else's change), adoption figures update.
 *
 * - Everything is refetched (a reload) when the server says too much was missed, when a `hello`
 *   comes from a restarted server (a new `serverId`) or on a new connection that could not
 *   replay what was missed. Not on the first `hello`: the page has just read what it shows (the
 *   stream opens once the first page has settled), and reading it all again would double every
 *   page load's calls to the tenant. A change in the moment between that read and the stream
 *   opening shows at the next refetch (the data going stale, or window focus), as before live
 *   updates.
 * - A change this tab saved itself is not refetched again: the save has refreshed what it
 *   touched (live-status.ts, own writes).
 * - In a hidden tab, queries are marked and not refetched; they are when the tab is shown again
 *   (`refetchOnFocus`).
 * - The pickers' suggestions (a large search) are marked at once and refreshed at most once a
 *   minute, when the browser is idle, as background work.
 */
import type { QueryClient } from '@tanstack/react-query';
import { isEmptyBatch, liveHit, type LiveBatch } from '../../api/live-invalidation.ts';
import { isOwnWrite, setStreamState, setSyncStatus } from '../../api/live-status.ts';
import { taskKeys } from '../../api/query-keys.ts';
import type { LiveEvent } from '../../lib/live-events.ts';
import { whenIdle } from '../page-settled.ts';
import { createLiveBatcher } from './batcher.ts';
import { connectLive, type LiveConnectionOptions } from './connection.ts';
import type { LiveEventError } from '../../lib/live-event-parse.ts';

export const SUGGESTIONS_REFRESH_MS = 60_000;
/** An event that cannot be read makes the app refetch everything, at most this often. */
export const BAD_EVENT_RELOAD_MS = 30_000;

export interface LiveUpdatesOptions extends Partial<Pick<LiveConnectionOptions, 'url' | 'createSource' | 'probe' | 'delay'>> {
  debounceMs?: number;
  maxWaitMs?: number;
  isHidden?: () => boolean;
  /** Runs low-priority work when the browser is idle. */
  idle?: (task: () => void) => void;
  now?: () => number;
  warn?: (message: string) => void;
}

const documentHidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

/**
 * Invalidates what a batch hits: refetched now if shown (only marked in a hidden tab). Returns
 * whether the pickers' suggestions are hit (the caller refreshes them later).
 */
export function applyLiveBatch(queryClient: QueryClient, batch: LiveBatch, hidden: boolean): { suggestions: boolean } {
  const cached = queryClient.getQueryCache().find({ queryKey: taskKeys.suggestions(), exact: true });
  const suggestions = cached !== undefined && liveHit(batch, cached.queryKey, cached.state.data) === 'later';
  void queryClient.invalidateQueries({
    predicate: (query) => liveHit(batch, query.queryKey, query.state.data) === 'now',
    refetchType: hidden ? 'none' : 'active',
  });
  if (suggestions) void queryClient.invalidateQueries({ queryKey: taskKeys.suggestions(), exact: true, refetchType: 'none' });
  return { suggestions };
}

/** Starts live updates; returns the function that stops them. */
export function startLiveUpdates(queryClient: QueryClient, options: LiveUpdatesOptions = {}): () => void {
  const { isHidden = documentHidden, idle = whenIdle, now = Date.now, warn = (m: string) => console.warn(m) } = options;

  let suggestionsTimer: ReturnType<typeof setTimeout> | null = null;
  let suggestionsRefreshedAt = now();
  const refreshSuggestionsLater = () => {
    if (suggestionsTimer !== null) return;
    suggestionsTimer = setTimeout(
      () =>
        idle(() => {
          suggestionsTimer = null;
          suggestionsRefreshedAt = now();
          // Hidden: left marked; shown again, the focus refetch takes it (refetchOnFocus).
          if (!isHidden()) void queryClient.refetchQueries({ queryKey: taskKeys.suggestions(), exact: true, type: 'active', stale: true });
        }),
      Math.max(0, suggestionsRefreshedAt + SUGGESTIONS_REFRESH_MS - now()),
    );
  };

  const batcher = createLiveBatcher({
    delayMs: options.debounceMs,
    maxWaitMs: options.maxWaitMs,
    now,
    flush: (collected) => {
      // This tab's own saves are left out when the batch is applied, not when their echo comes:
      // the echo may arrive before the save's own answer has been read (the server sends both
      // at once), and is known as the tab's own only then.
      const batch = { ...collected, tasks: collected.tasks.filter((change) => !isOwnWrite(change)) };
      if (isEmptyBatch(batch)) return;
      if (applyLiveBatch(queryClient, batch, isHidden()).suggestions) refreshSuggestionsLater();
    },
  });

  let serverId: string | null = null;
  let badEventReloadAt = -Infinity;
  const warned = new Set<string>();

  const onEvent = (event: LiveEvent, { resumed }: { resumed: boolean }) => {
    switch (event.type) {
      case 'hello':
        setSyncStatus(event.sync);
        if (serverId !== null && (!resumed || event.serverId !== serverId)) batcher.reload();
        serverId = event.serverId;
        break;
      case 'sync':
        setSyncStatus(event.sync);
        break;
      case 'tasks':
        batcher.addTasks(event.changes);
        break;
      case 'playbooks':
        batcher.addPlaybooks(event.ids);
        break;
      case 'reload':
        batcher.reload();
        break;
    }
  };

  const onBadEvent = (error: LiveEventError) => {
    if (!warned.has(error.message)) {
      warned.add(error.message);
      warn(`${error.message} Everything shown is refetched instead.`);
    }
    // What it said is unknown: refetch what is shown, but not again and again.
    if (now() - badEventReloadAt >= BAD_EVENT_RELOAD_MS) {
      badEventReloadAt = now();
      batcher.reload();
    }
  };

  const connection = connectLive({
    url: options.url,
    createSource: options.createSource,
    probe: options.probe,
    delay: options.delay,
    onEvent,
    onBadEvent,
    onState: setStreamState,
  });

  const online = () => connection.retryNow();
  window.addEventListener('online', online);

  return () => {
    window.removeEventListener('online', online);
    connection.stop();
    batcher.cancel();
    if (suggestionsTimer !== null) clearTimeout(suggestionsTimer);
    setStreamState('idle');
  };
}
