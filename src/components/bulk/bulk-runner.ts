/**
 * Runs a bulk change (or its Undo) over many tasks: each task is read fresh and written back with
 * only the changed field (bulk-plan.ts), a few tasks at a time, within the API's rate limit. A
 * small external store, so React reads it with useSyncExternalStore and tests drive it with fake
 * API functions.
 *
 * - Every task runs once per pass; "Retry failed" passes over the failed ones only.
 * - A 429 pauses every worker (for the server's Retry-After, else a backoff) and the task's step
 *   starts again from its read; a 5xx, a timeout or a lost connection retries the step a few
 *   times. Each retry reads the task again, and the value to write was fixed by the first read,
 *   so a shift whose answer was lost is found done, never shifted twice.
 * - Requests are paced under the API's limit (100 a minute per tenant, with room left for the
 *   page's own reads).
 * - Stop: no task is started after it; the tasks being worked on finish (a write on its way cannot
 *   be called back), except one still waiting for its first request, and the rest are listed as
 *   not sent. Continue sends those.
 */
import type { CallOptions } from '../../api/client.ts';
import { isApiError, isRateLimited, isTransient } from '../../api/errors.ts';
import type { Task, UpdateTaskInput } from '../../api/types.ts';
import { fieldOf, planStep, planUndo, type BulkChange, type DoneChange, type StepDecision, type StepMemory } from './bulk-plan.ts';

export interface BulkDeps {
  getTask: (id: string, options?: CallOptions) => Promise<Task>;
  updateTask: (id: string, input: UpdateTaskInput, options?: CallOptions) => Promise<Task>;
  /** Resolves after `ms`. */
  sleep: (ms: number) => Promise<void>;
  /** Milliseconds before retry number `attempt` (0-based) after `error` (query-client.ts's backoff). */
  retryDelay: (attempt: number, error: unknown) => number;
  now: () => number;
  /** Told of every task saved (the page's queries are updated from it). */
  onSaved?: (task: Task) => void;
}

export interface RunLimits {
  /** Tasks worked on at once. */
  concurrency: number;
  /** Requests at most per `windowMs`. */
  maxRequests: number;
  windowMs: number;
  /** Step retries after a 5xx, timeout or network failure. */
  transientRetries: number;
  /** Step retries after a 429. */
  rateLimitRetries: number;
}

const DEFAULT_LIMITS: RunLimits = { concurrency: 3, maxRequests: 80, windowMs: 60_000, transientRetries: 2, rateLimitRetries: 6 };

export type ItemStatus = 'queued' | 'working' | 'done' | 'skipped' | 'failed' | 'stopped';

export interface RunItem {
  id: string;
  name: string;
  status: ItemStatus;
  /** Why it failed or was skipped (the server's reason for a failure). */
  reason: string | null;
  /** What this run wrote (for a change run: what Undo takes back). */
  done: DoneChange | null;
}

export interface RunState {
  kind: 'change' | 'undo';
  /** "Move 12 tasks to Completed" (or "Undo: Move 12 tasks to Completed"). */
  title: string;
  items: readonly RunItem[];
  running: boolean;
  /** Why the run is waiting, when it is ("Waiting for the rate limit…"). */
  waiting: string | null;
  /** Stop was asked and the tasks being worked on are finishing. */
  stopping: boolean;
}

export interface BulkRun {
  getState: () => RunState;
  subscribe: (listener: () => void) => () => void;
  /** Works on every queued task; resolves when the pass is over. */
  run: () => Promise<void>;
  /** Sends the failed tasks again (only those). */
  retryFailed: () => Promise<void>;
  /** Starts no more tasks in this pass (see the module's comment). */
  stop: () => void;
  /** Sends the tasks a stop left unsent (only those). */
  continueStopped: () => Promise<void>;
}

export interface RunJob {
  kind: 'change' | 'undo';
  title: string;
  change: BulkChange;
  tasks: readonly { id: string; name: string; done?: DoneChange }[];
}

export function summarize(state: RunState) {
  const count = (s: ItemStatus) => state.items.filter((i) => i.status === s).length;
  const done = count('done');
  const skipped = count('skipped');
  const failed = count('failed');
  const stopped = count('stopped');
  return { total: state.items.length, done, skipped, failed, stopped, finished: done + skipped + failed + stopped };
}

const NOT_SENT = 'The change was stopped before this task.';

function reasonOf(error: unknown): string {
  if (isApiError(error)) return error.errorDesc;
  return error instanceof Error ? error.message : String(error);
}

export function createBulkRun(job: RunJob, deps: BulkDeps, limits: RunLimits = DEFAULT_LIMITS): BulkRun {
  // One item per task, even if a task was given twice: a task is never worked on twice.
  const unique = [...new Map(job.tasks.map((t) => [t.id, t])).values()];
  let state: RunState = {
    kind: job.kind,
    title: job.title,
    items: unique.map((t) => ({ id: t.id, name: t.name, status: 'queued', reason: null, done: null })),
    running: false,
    waiting: null,
    stopping: false,
  };
  const undoOf = new Map(unique.map((t) => [t.id, t.done] as const));
  const memory = new Map<string, StepMemory>();
  const listeners = new Set<() => void>();
  const sent: number[] = [];
  let pausedUntil = 0;
  let stopping = false;
  /** Thrown to leave a task unsent when a stop comes before its first request. */
  const STOPPED = Symbol('stopped');

  const update = (next: Partial<RunState>) => {
    state = { ...state, ...next };
    for (const l of listeners) l();
  };
  const setItem = (index: number, patch: Partial<RunItem>) => {
    update({ items: state.items.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  };

  /**
   * Waits for a 429's pause and for room under the request limit, then counts the request. With
   * `stoppable`, a stop asked meanwhile leaves the task unsent (throws STOPPED).
   */
  async function slot(stoppable = false): Promise<void> {
    for (;;) {
      if (stoppable && stopping) throw STOPPED;
      const now = deps.now();
      if (pausedUntil > now) {
        await deps.sleep(pausedUntil - now);
        continue;
      }
      while (sent.length > 0 && sent[0]! <= now - limits.windowMs) sent.shift();
      if (sent.length < limits.maxRequests) {
        sent.push(now);
        return;
      }
      update({ waiting: 'Pacing the requests to stay within the API’s limit…' });
      await deps.sleep(sent[0]! + limits.windowMs - now);
      if (state.waiting) update({ waiting: null });
    }
  }

  function decide(fresh: Task, id: string): StepDecision {
    const done = undoOf.get(id);
    if (job.kind === 'undo') {
      if (!done) return { action: 'skip', reason: 'Nothing to undo.' };
      return planUndo(fresh, done);
    }
    return planStep(fresh, job.change, memory.get(id) ?? null);
  }

  /** One try: read fresh, decide, write. */
  async function step(index: number): Promise<void> {
    const { id } = state.items[index]!;
    // Until a write has been sent for it, a task can still be left unsent.
    await slot(!memory.get(id)?.sent);
    const fresh = await deps.getTask(id, { fresh: true });
    const decision = decide(fresh, id);
    if (decision.action === 'skip') {
      setItem(index, { status: 'skipped', reason: decision.reason });
      return;
    }
    const field = job.kind === 'undo' ? undoOf.get(id)!.field : fieldOf(job.change);
    if (decision.action === 'already') {
      setItem(index, { status: 'done', reason: null, done: { field, before: decision.before, after: decision.after } });
      return;
    }
    // Noted before the PUT: if its answer is lost, the retry's read finds the value written.
    memory.set(id, { before: decision.before, after: decision.after, sent: true });
    await slot();
    const saved = await deps.updateTask(id, decision.input);
    deps.onSaved?.(saved);
    setItem(index, { status: 'done', reason: null, done: { field, before: decision.before, after: decision.after } });
  }

  async function work(index: number): Promise<void> {
    setItem(index, { status: 'working', reason: null });
    for (let transient = 0, limited = 0; ;) {
      try {
        await step(index);
        return;
      } catch (error) {
        if (error === STOPPED) {
          setItem(index, { status: 'stopped', reason: NOT_SENT });
          return;
        }
        if (isRateLimited(error) && limited < limits.rateLimitRetries) {
          const wait = error.retryAfterMs ?? deps.retryDelay(limited, error);
          limited++;
          pausedUntil = Math.max(pausedUntil, deps.now() + wait);
          update({ waiting: 'Waiting for the API’s rate limit…' });
          await deps.sleep(wait);
          if (state.waiting) update({ waiting: null });
          continue;
        }
        if (isTransient(error) && !isRateLimited(error) && transient < limits.transientRetries) {
          await deps.sleep(deps.retryDelay(transient, error));
          transient++;
          continue;
        }
        setItem(index, { status: 'failed', reason: reasonOf(error) });
        return;
      }
    }
  }

  async function pass(): Promise<void> {
    if (state.running) return;
    update({ running: true });
    const queue = state.items.flatMap((item, i) => (item.status === 'queued' ? [i] : []));
    const worker = async () => {
      for (let index = queue.shift(); index !== undefined && !stopping; index = queue.shift()) await work(index);
    };
    try {
      await Promise.all(Array.from({ length: Math.min(limits.concurrency, queue.length) }, worker));
    } finally {
      const items = stopping
        ? state.items.map((item) => (item.status === 'queued' ? { ...item, status: 'stopped' as const, reason: NOT_SENT } : item))
        : state.items;
      stopping = false;
      update({ items, running: false, waiting: null, stopping: false });
    }
  }

  /** Queues the items in `status` again and runs a pass over them. */
  async function again(status: ItemStatus): Promise<void> {
    if (state.running) return;
    update({ items: state.items.map((item) => (item.status === status ? { ...item, status: 'queued', reason: null } : item)) });
    await pass();
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    run: pass,
    retryFailed: () => again('failed'),
    stop() {
      if (!state.running || stopping) return;
      stopping = true;
      update({ stopping: true });
    },
    continueStopped: () => again('stopped'),
  };
}
