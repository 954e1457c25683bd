/**
 * Runs an application of a playbook to a CTA: creates the planned tasks one request at a time, in
 * playbook order, driving the pure state machine in apply-machine.ts. A small external store, so
 * React reads it with useSyncExternalStore and tests drive it with fake API functions.
 */
import type { CallOptions } from '../../api/client.ts';
import { isApiError, isClientError, isRateLimited } from '../../api/errors.ts';
import { searchAllPages, type SearchFn } from '../../api/search-pages.ts';
import type { CreateTaskInput, SearchRequest, Task } from '../../api/types.ts';
import { applyReducer, initialApplyState, nextStep, type ApplyEvent, type ApplyState, type Failure } from './apply-machine.ts';
import { MAX_PAGE_SIZE } from '../../lib/search/limits.ts';
import { createInputFor, type ApplyTarget, type PlannedTask } from './task-plan.ts';

export interface ApplyDeps {
  createTask: (input: CreateTaskInput, options?: CallOptions) => Promise<Task>;
  searchTasks: SearchFn;
  /** Resolves after `ms`, or early when `signal` aborts. */
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Milliseconds to wait before retry number `attempt` (0-based) after `error`. */
  retryDelay: (attempt: number, error: unknown) => number;
}

export interface ApplyJob extends ApplyTarget {
  tasks: readonly PlannedTask[];
}

export interface ApplyRun {
  getState: () => ApplyState;
  subscribe: (listener: () => void) => () => void;
  /** Starts the run, or retries what failed. Resolves when the run is over. */
  run: () => Promise<void>;
  /** Stops after the request in flight (never cut off: its outcome would be unknown). */
  stop: () => void;
}

function toFailure(error: unknown): Failure {
  if (isApiError(error)) {
    return { message: error.errorDesc, status: error.status, errorCode: error.errorCode, requestId: error.requestId };
  }
  return { message: error instanceof Error ? error.message : String(error), status: 0, errorCode: null, requestId: null };
}

const condition = (name: string, value: string | number) => ({ name, operator: 'EQ' as const, value: [value] });

/** This playbook's tasks already on the CTA. */
function baselineRequest(job: ApplyTarget): SearchRequest {
  return {
    select: ['Gsid'],
    where: { conditions: [condition('PlaybookId', job.playbookId), condition('CTAId', job.ctaId)] },
    limit: MAX_PAGE_SIZE,
  };
}

/** The task one planned task would have created: same playbook, CTA, Order and name. */
function checkRequest(job: ApplyTarget, task: PlannedTask): SearchRequest {
  const conditions = [condition('PlaybookId', job.playbookId), condition('CTAId', job.ctaId), condition('Name', task.name.trim())];
  if (task.order !== null) conditions.push(condition('Order', task.order));
  return { select: ['Gsid'], where: { conditions }, limit: MAX_PAGE_SIZE };
}

export function createApplyRun(job: ApplyJob, deps: ApplyDeps): ApplyRun {
  let state = initialApplyState(job.tasks.length);
  const listeners = new Set<() => void>();
  let busy = false;
  let stopper = new AbortController();

  const dispatch = (event: ApplyEvent) => {
    const next = applyReducer(state, event);
    if (next === state) return;
    state = next;
    for (const l of listeners) l();
  };

  /** After a 429: wait (interrupted by stop), then go on. */
  async function waitForRateLimit(error: unknown, attempt: number) {
    if (!state.waitingForRateLimit) return;
    await deps.sleep(deps.retryDelay(attempt, error), stopper.signal);
    dispatch({ type: 'resumed' });
  }

  async function loadBaseline(): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      try {
        const rows = await searchAllPages(deps.searchTasks, baselineRequest(job));
        dispatch({ type: 'baselineLoaded', ids: rows.flatMap((r) => (r.Gsid ? [r.Gsid] : [])) });
        return true;
      } catch (error) {
        if (isRateLimited(error) && attempt < 4 && !state.stopRequested) {
          dispatch({ type: 'rateLimited', index: null, failure: toFailure(error) });
          await waitForRateLimit(error, attempt);
          if (!state.stopRequested) continue;
        }
        if (state.stopRequested) return false;
        dispatch({ type: 'baselineFailed', failure: toFailure(error) });
        return false;
      }
    }
  }

  async function send(index: number) {
    const task = job.tasks[index]!;
    dispatch({ type: 'send', index });
    try {
      const created = await deps.createTask(createInputFor(task, job));
      dispatch({ type: 'created', index, taskId: created.Gsid ?? null });
    } catch (error) {
      if (isRateLimited(error)) {
        dispatch({ type: 'rateLimited', index, failure: toFailure(error) });
        await waitForRateLimit(error, (state.items[index]?.rateLimitHits ?? 1) - 1);
      } else {
        dispatch({ type: 'failed', index, failure: toFailure(error), certain: isClientError(error) });
      }
    }
  }

  async function check(index: number) {
    const task = job.tasks[index]!;
    dispatch({ type: 'check', index });
    try {
      const rows = await searchAllPages(deps.searchTasks, checkRequest(job, task));
      const known = new Set([...(state.baseline ?? []), ...state.items.flatMap((i) => (i.taskId ? [i.taskId] : []))]);
      const ours = rows.find((r) => r.Gsid && !known.has(r.Gsid));
      if (ours?.Gsid) dispatch({ type: 'found', index, taskId: ours.Gsid });
      else dispatch({ type: 'notFound', index });
    } catch (error) {
      if (isRateLimited(error)) {
        dispatch({ type: 'rateLimited', index, failure: toFailure(error) });
        await waitForRateLimit(error, (state.items[index]?.rateLimitHits ?? 1) - 1);
      } else {
        dispatch({ type: 'failed', index, failure: toFailure(error), certain: false });
      }
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async run() {
      if (busy) return;
      busy = true;
      stopper = new AbortController();
      try {
        dispatch({ type: 'start' });
        if (state.phase === 'preparing' && !(await loadBaseline())) {
          dispatch({ type: 'finish' });
          return;
        }
        for (let step = nextStep(state); step; step = nextStep(state)) {
          if (step.kind === 'send') await send(step.index);
          else await check(step.index);
        }
        dispatch({ type: 'finish' });
      } finally {
        busy = false;
      }
    },
    stop() {
      dispatch({ type: 'stop' });
      stopper.abort();
    },
  };
}
