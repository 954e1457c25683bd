/**
 * The app's bulk change, at module level (not in a page): it keeps running when the user goes to
 * another page, its indicator in the layout (run-indicator.tsx) reopens its panel from anywhere,
 * and closing the tab while it runs asks first. One change at a time; its Undo replaces it.
 */
import type { QueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { getTask, updateTask } from '../../api/client.ts';
import { retryDelay } from '../../api/query-client.ts';
import { taskKeys } from '../../api/query-keys.ts';
import type { Task } from '../../api/types.ts';
import { sleep } from '../../lib/sleep.ts';
import { describeChange, type BulkChange } from './bulk-plan.ts';
import { setBulkRunPresent } from './bulk-presence.ts';
import { createBulkRun, type BulkDeps, type BulkRun, type RunJob, type RunState } from './bulk-runner.ts';
import type { SelectedTask } from './selection.ts';

export interface BulkSnapshot {
  run: BulkRun | null;
  state: RunState | null;
  /** Whether the run's panel is open. */
  panelOpen: boolean;
}

let snapshot: BulkSnapshot = { run: null, state: null, panelOpen: false };
let change: BulkChange | null = null;
let unsubscribeRun: (() => void) | null = null;
const listeners = new Set<() => void>();

function publish(next: Partial<BulkSnapshot>) {
  snapshot = { ...snapshot, ...next };
  setBulkRunPresent(snapshot.run !== null);
  syncUnloadGuard(snapshot.state?.running === true);
  for (const listener of listeners) listener();
}

/** Closing or reloading the tab while a run is going asks first. */
const onBeforeUnload = (event: BeforeUnloadEvent) => {
  event.preventDefault();
  // Older browsers need returnValue set to show the question.
  event.returnValue = '';
};
let guarded = false;
function syncUnloadGuard(running: boolean) {
  if (running === guarded || typeof window === 'undefined') return;
  guarded = running;
  if (running) window.addEventListener('beforeunload', onBeforeUnload);
  else window.removeEventListener('beforeunload', onBeforeUnload);
}

/** The page's queries follow each saved task: its detail at once, the searches at most every second or so. */
function depsFor(queryClient: QueryClient): BulkDeps {
  let refetchTimer: ReturnType<typeof setTimeout> | null = null;
  const refetchSearches = () => {
    if (refetchTimer) return;
    refetchTimer = setTimeout(() => {
      refetchTimer = null;
      void queryClient.invalidateQueries({ queryKey: taskKeys.searches() });
    }, 1200);
  };
  return {
    getTask,
    updateTask,
    sleep: (ms) => sleep(ms),
    retryDelay,
    now: () => Date.now(),
    onSaved: (task: Task) => {
      if (task.Gsid) {
        queryClient.setQueryData(taskKeys.detail(task.Gsid), task);
        void queryClient.invalidateQueries({ queryKey: taskKeys.activity(task.Gsid) });
      }
      refetchSearches();
    },
  };
}

let deps: BulkDeps | null = null;

function adopt(run: BulkRun) {
  unsubscribeRun?.();
  unsubscribeRun = run.subscribe(() => publish({ state: run.getState() }));
  publish({ run, state: run.getState(), panelOpen: true });
}

async function go(pass: Promise<void>, queryClient: QueryClient) {
  await pass;
  // The server's truth once the pass is over (the throttled refetches may have missed the last ones).
  await queryClient.invalidateQueries({ queryKey: taskKeys.searches() });
}

let client: QueryClient | null = null;

/** Starts a bulk change of `tasks` (refused while another runs). */
export function startBulkChange(tasks: readonly SelectedTask[], next: BulkChange, queryClient: QueryClient): boolean {
  if (snapshot.state?.running) return false;
  client = queryClient;
  deps = depsFor(queryClient);
  change = next;
  const job: RunJob = { kind: 'change', title: describeChange(next, tasks.length), change: next, tasks };
  const run = createBulkRun(job, deps);
  adopt(run);
  void go(run.run(), queryClient);
  return true;
}

export function retryFailed(): void {
  const { run } = snapshot;
  if (run && client && !snapshot.state?.running) void go(run.retryFailed(), client);
}

/** Starts no more tasks (those being sent finish); the rest are listed as not sent. */
export function stopBulkChange(): void {
  snapshot.run?.stop();
}

/** Sends the tasks a stop left unsent. */
export function continueBulkChange(): void {
  const { run } = snapshot;
  if (run && client && !snapshot.state?.running) void go(run.continueStopped(), client);
}

/** Puts back every task the change run changed, each from a fresh read (a new run in its place). */
export function undoBulkChange(): void {
  const { run, state } = snapshot;
  if (!run || !state || state.running || state.kind !== 'change' || !change || !deps || !client) return;
  const tasks = state.items.flatMap((item) =>
    item.status === 'done' && item.done ? [{ id: item.id, name: item.name, done: item.done }] : [],
  );
  if (tasks.length === 0) return;
  const undo = createBulkRun({ kind: 'undo', title: `Undo: ${state.title}`, change, tasks }, deps);
  adopt(undo);
  void go(undo.run(), client);
}

export const openBulkPanel = () => publish({ panelOpen: true });
export const closeBulkPanel = () => publish({ panelOpen: false });

/** Forgets a finished run (its indicator goes). */
export function dismissBulkRun(): void {
  if (snapshot.state?.running) return;
  unsubscribeRun?.();
  unsubscribeRun = null;
  change = null;
  publish({ run: null, state: null, panelOpen: false });
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const get = () => snapshot;

export const useBulkRun = () => useSyncExternalStore(subscribe, get, get);

/** Whether a bulk change is running now (a second one waits for it). */
export const useBulkRunning = () => useSyncExternalStore(subscribe, () => snapshot.state?.running === true);
