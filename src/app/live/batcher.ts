/**
 * Collects live changes for a moment and hands them over together (a trailing debounce with a
 * ceiling): a burst of events (a sync that found fifty changes, a teammate applying a playbook)
 * becomes one invalidation, and a steady trickle still gets through at least every `maxWaitMs`.
 */
import type { TaskChange } from '../../lib/live-events.ts';
import { isEmptyBatch, type LiveBatch } from '../../api/live-invalidation.ts';

const LIVE_DEBOUNCE_MS = 200;
const LIVE_MAX_WAIT_MS = 1_000;

export interface LiveBatcher {
  addTasks(changes: readonly TaskChange[]): void;
  addPlaybooks(ids: readonly string[]): void;
  reload(): void;
  /** Drops what is collected (the page is going away). */
  cancel(): void;
}

export interface BatcherOptions {
  delayMs?: number;
  maxWaitMs?: number;
  flush: (batch: LiveBatch) => void;
  now?: () => number;
}

export function createLiveBatcher({
  delayMs = LIVE_DEBOUNCE_MS,
  maxWaitMs = LIVE_MAX_WAIT_MS,
  flush,
  now = Date.now,
}: BatcherOptions): LiveBatcher {
  let tasks: TaskChange[] = [];
  let playbooks = new Set<string>();
  let reload = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** When the oldest change still waiting arrived. */
  let firstAt: number | null = null;

  const run = () => {
    timer = null;
    firstAt = null;
    const batch: LiveBatch = { tasks, playbooks, reload };
    tasks = [];
    playbooks = new Set();
    reload = false;
    if (!isEmptyBatch(batch)) flush(batch);
  };

  const arm = () => {
    const t = now();
    firstAt ??= t;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(run, Math.max(0, Math.min(delayMs, firstAt + maxWaitMs - t)));
  };

  return {
    addTasks(changes) {
      if (changes.length === 0) return;
      tasks.push(...changes);
      arm();
    },
    addPlaybooks(ids) {
      if (ids.length === 0) return;
      for (const id of ids) playbooks.add(id);
      arm();
    },
    reload() {
      reload = true;
      arm();
    },
    cancel() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
      firstAt = null;
      tasks = [];
      playbooks = new Set();
      reload = false;
    },
  };
}
