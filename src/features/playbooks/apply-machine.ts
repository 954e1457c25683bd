/**
 * The state of applying a playbook to a CTA: one entry per planned task, in playbook order, and
 * what happened to it. A pure reducer, so the rules that prevent duplicates are unit-tested:
 *
 * - a created task is never sent again;
 * - a refused create (4xx: the server did nothing) is `failed` and is sent again by a retry;
 * - a create without a clear answer (network, timeout, 5xx) is `unknown`: it may exist, so a retry
 *   first searches for it (`verify`) and sends it only when it is not there;
 * - a 429 puts the task back in line and the run waits (the server did nothing).
 */

type ItemStatus =
  /** To be created in this run. */
  | 'pending'
  /** An earlier attempt may have created it: to be searched for before it is sent again. */
  | 'verify'
  | 'sending'
  | 'checking'
  | 'created'
  /** The server refused it; nothing was created. */
  | 'failed'
  /** No clear answer; it may exist (checked before any new attempt). */
  | 'unknown';

export interface Failure {
  /** What the server (or the client) said: Gainsight's `errorDesc`. */
  message: string;
  status: number;
  errorCode: string | null;
  requestId: string | null;
}

export interface ApplyItem {
  status: ItemStatus;
  /** The created task's Gsid. */
  taskId: string | null;
  /** The last failure, while the item is failed or unknown. */
  failure: Failure | null;
  /** Created, but found by a search after its reply was lost. */
  recovered: boolean;
  /** Create requests sent for it. */
  sends: number;
  /** 429s in a row for it. */
  rateLimitHits: number;
}

export type ApplyPhase = 'idle' | 'preparing' | 'running' | 'finished';

export interface ApplyState {
  phase: ApplyPhase;
  items: ApplyItem[];
  /**
   * Gsids of this playbook's tasks already on the CTA before the first run: a search for a task
   * whose reply was lost must not mistake one of them for it.
   */
  baseline: readonly string[] | null;
  /** Why the run could not start (nothing was sent). */
  prepareFailure: Failure | null;
  waitingForRateLimit: boolean;
  stopRequested: boolean;
}

/** After this many 429s in a row for one task, it is given up as failed (the user can retry). */
export const MAX_RATE_LIMIT_HITS = 5;

export type ApplyEvent =
  | { type: 'start' }
  | { type: 'baselineLoaded'; ids: readonly string[] }
  | { type: 'baselineFailed'; failure: Failure }
  | { type: 'send'; index: number }
  | { type: 'check'; index: number }
  | { type: 'created'; index: number; taskId: string | null }
  | { type: 'found'; index: number; taskId: string }
  | { type: 'notFound'; index: number }
  /** `certain`: the server refused the request, so nothing was created. */
  | { type: 'failed'; index: number; failure: Failure; certain: boolean }
  | { type: 'rateLimited'; index: number | null; failure: Failure }
  | { type: 'resumed' }
  | { type: 'stop' }
  | { type: 'finish' };

const newItem = (): ApplyItem => ({
  status: 'pending',
  taskId: null,
  failure: null,
  recovered: false,
  sends: 0,
  rateLimitHits: 0,
});

export function initialApplyState(count: number): ApplyState {
  return {
    phase: 'idle',
    items: Array.from({ length: count }, newItem),
    baseline: null,
    prepareFailure: null,
    waitingForRateLimit: false,
    stopRequested: false,
  };
}

const TODO: ReadonlySet<ItemStatus> = new Set(['pending', 'verify']);
const NEEDS_RETRY: ReadonlySet<ItemStatus> = new Set(['failed', 'unknown']);

/** Something is left to do: a task not yet created (failed, unknown, or not attempted). */
export function hasWorkLeft(state: ApplyState): boolean {
  return state.items.some((i) => TODO.has(i.status) || NEEDS_RETRY.has(i.status));
}

function updateItem(state: ApplyState, index: number, from: readonly ItemStatus[], change: (item: ApplyItem) => ApplyItem) {
  const item = state.items[index];
  if (!item || !from.includes(item.status)) return state;
  const items = state.items.slice();
  items[index] = change(item);
  return { ...state, items };
}

export function applyReducer(state: ApplyState, event: ApplyEvent): ApplyState {
  switch (event.type) {
    case 'start': {
      if (state.phase !== 'idle' && state.phase !== 'finished') return state;
      if (!hasWorkLeft(state)) return state;
      const items = state.items.map((item): ApplyItem => {
        if (item.status === 'failed') return { ...item, status: 'pending', rateLimitHits: 0 };
        if (item.status === 'unknown') return { ...item, status: 'verify', rateLimitHits: 0 };
        return item;
      });
      return {
        ...state,
        items,
        phase: state.baseline === null ? 'preparing' : 'running',
        prepareFailure: null,
        stopRequested: false,
        waitingForRateLimit: false,
      };
    }
    case 'baselineLoaded':
      if (state.phase !== 'preparing') return state;
      return { ...state, phase: 'running', baseline: [...event.ids], waitingForRateLimit: false };
    case 'baselineFailed':
      if (state.phase !== 'preparing') return state;
      return { ...state, phase: 'idle', prepareFailure: event.failure, waitingForRateLimit: false };
    case 'send':
      if (state.phase !== 'running') return state;
      return updateItem(state, event.index, ['pending'], (i) => ({ ...i, status: 'sending', sends: i.sends + 1 }));
    case 'check':
      if (state.phase !== 'running') return state;
      return updateItem(state, event.index, ['verify'], (i) => ({ ...i, status: 'checking' }));
    case 'created':
      return updateItem(state, event.index, ['sending'], (i) => ({
        ...i,
        status: 'created',
        taskId: event.taskId,
        failure: null,
        rateLimitHits: 0,
      }));
    case 'found':
      return updateItem(state, event.index, ['checking'], (i) => ({
        ...i,
        status: 'created',
        taskId: event.taskId,
        failure: null,
        recovered: true,
        rateLimitHits: 0,
      }));
    case 'notFound':
      // The earlier attempt created nothing: send it now.
      return updateItem(state, event.index, ['checking'], (i) => ({ ...i, status: 'pending', rateLimitHits: 0 }));
    case 'failed':
      return updateItem(state, event.index, ['sending', 'checking'], (i) => ({
        ...i,
        // A failed search proves nothing: the task stays unknown.
        status: i.status === 'sending' && event.certain ? 'failed' : 'unknown',
        failure: event.failure,
        rateLimitHits: 0,
      }));
    case 'rateLimited': {
      if (event.index === null) return state.phase === 'preparing' ? { ...state, waitingForRateLimit: true } : state;
      const item = state.items[event.index];
      if (!item || (item.status !== 'sending' && item.status !== 'checking')) return state;
      const hits = item.rateLimitHits + 1;
      const wasSending = item.status === 'sending';
      if (hits >= MAX_RATE_LIMIT_HITS) {
        // A 429 is refused before anything happens: a create is certainly not there.
        const next = updateItem(state, event.index, [item.status], (i) => ({
          ...i,
          status: wasSending ? 'failed' : 'unknown',
          failure: event.failure,
          rateLimitHits: 0,
        }));
        return { ...next, waitingForRateLimit: false };
      }
      const next = updateItem(state, event.index, [item.status], (i) => ({
        ...i,
        status: wasSending ? 'pending' : 'verify',
        rateLimitHits: hits,
      }));
      return { ...next, waitingForRateLimit: true };
    }
    case 'resumed':
      return state.waitingForRateLimit ? { ...state, waitingForRateLimit: false } : state;
    case 'stop':
      if ((state.phase !== 'preparing' && state.phase !== 'running') || state.stopRequested) return state;
      return { ...state, stopRequested: true };
    case 'finish':
      if (state.phase !== 'running' && state.phase !== 'preparing') return state;
      return { ...state, phase: state.phase === 'preparing' ? 'idle' : 'finished', waitingForRateLimit: false, stopRequested: false };
  }
}

export type NextStep = { kind: 'send'; index: number } | { kind: 'check'; index: number };

/** What the run does next, in playbook order; null when it is over (or stopped, or waiting). */
export function nextStep(state: ApplyState): NextStep | null {
  if (state.phase !== 'running' || state.stopRequested || state.waitingForRateLimit) return null;
  const index = state.items.findIndex((i) => TODO.has(i.status));
  if (index < 0) return null;
  return { kind: state.items[index]!.status === 'verify' ? 'check' : 'send', index };
}

export interface ApplySummary {
  total: number;
  created: number;
  /** Failed or unknown. */
  failed: number;
  /** Not attempted (the run was stopped). */
  notAttempted: number;
  /** Being created or checked right now. */
  inFlight: number;
}

export function summarize(state: ApplyState): ApplySummary {
  const s: ApplySummary = { total: state.items.length, created: 0, failed: 0, notAttempted: 0, inFlight: 0 };
  for (const item of state.items) {
    if (item.status === 'created') s.created++;
    else if (NEEDS_RETRY.has(item.status)) s.failed++;
    else if (TODO.has(item.status)) s.notAttempted++;
    else s.inFlight++;
  }
  return s;
}
