import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import type { Task, UpdateTaskInput } from '../../api/types.ts';
import type { BulkChange } from './bulk-plan.ts';
import { createBulkRun, summarize, type BulkDeps, type RunJob } from './bulk-runner.ts';

/** A fake API over a map of tasks, with failures staged per call (on Vitest's fake clock). */
function fakeApi(count: number) {
  const tasks = new Map<string, Task>();
  for (let i = 0; i < count; i++) {
    tasks.set(`t${i}`, { Gsid: `t${i}`, Name: `Task ${i}`, CTAId: 'c', Status: 'Not Started', DueDate: '2028-02-27', Priority: 'High' });
  }
  let inFlight = 0;
  const seen = { maxInFlight: 0, puts: [] as string[], gets: [] as string[], requestTimes: [] as number[], sleeps: [] as number[] };
  /** Failures for the next calls: `(method, id) => error to throw`, or 'after' to apply then fail. */
  const faults: ((method: 'GET' | 'PUT', id: string) => ApiError | { after: ApiError } | null)[] = [];
  const fault = (method: 'GET' | 'PUT', id: string) => {
    for (const f of faults) {
      const e = f(method, id);
      if (e) return e;
    }
    return null;
  };
  const deps: BulkDeps = {
    async getTask(id) {
      seen.gets.push(id);
      seen.requestTimes.push(Date.now());
      inFlight++;
      seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
      await Promise.resolve();
      inFlight--;
      const e = fault('GET', id);
      if (e instanceof ApiError) throw e;
      return { ...tasks.get(id)! };
    },
    async updateTask(id: string, input: UpdateTaskInput) {
      seen.puts.push(id);
      seen.requestTimes.push(Date.now());
      inFlight++;
      seen.maxInFlight = Math.max(seen.maxInFlight, inFlight);
      await Promise.resolve();
      inFlight--;
      const e = fault('PUT', id);
      if (e instanceof ApiError) throw e;
      const saved: Task = { Gsid: id, ...input };
      tasks.set(id, saved);
      if (e) throw e.after;
      return saved;
    },
    sleep(ms) {
      seen.sleeps.push(ms);
      return new Promise((resolve) => setTimeout(resolve, ms));
    },
    retryDelay: (attempt) => 1000 * 2 ** attempt,
    now: () => Date.now(),
  };
  return { tasks, deps, seen, faults };
}

const error = (status: number, desc = `Failed with ${status}`, retryAfterMs: number | null = null) =>
  new ApiError({ kind: 'api', status, errorDesc: desc, retryAfterMs });

const job = (ids: string[], change: BulkChange = { kind: 'status', status: 'Completed' }): RunJob => ({
  kind: 'change',
  title: 'Test',
  change,
  tasks: ids.map((id) => ({ id, name: id })),
});

const ids = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Runs a pass to its end on the fake clock. */
async function finish(pass: Promise<void>) {
  await vi.runAllTimersAsync();
  await pass;
}

describe('bulk runner', () => {
  it('changes every task once, three at a time, GET then PUT', async () => {
    const api = fakeApi(10);
    const run = createBulkRun(job([...ids(10), 't3']), api.deps);
    await finish(run.run());
    expect(summarize(run.getState())).toMatchObject({ total: 10, done: 10, failed: 0 });
    expect(api.seen.maxInFlight).toBeLessThanOrEqual(3);
    expect(api.seen.puts.sort()).toEqual(ids(10).sort());
    expect([...api.tasks.values()].every((t) => t.Status === 'Completed' && t.Priority === 'High')).toBe(true);
  });

  it('paces requests under the limit', async () => {
    const api = fakeApi(6);
    const run = createBulkRun(job(ids(6)), api.deps, {
      concurrency: 3,
      maxRequests: 4,
      windowMs: 60_000,
      transientRetries: 0,
      rateLimitRetries: 0,
    });
    await finish(run.run());
    expect(summarize(run.getState()).done).toBe(6);
    // No window of 60 s holds more than 4 requests.
    const times = api.seen.requestTimes;
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 60_000).length).toBeLessThanOrEqual(4);
  });

  it('Stop: the tasks being sent finish, none is started after it, the rest are listed as not sent; Continue sends only those', async () => {
    const api = fakeApi(8);
    // Slow enough to stop in the middle: 4 requests a minute, one at a time.
    const limits = { concurrency: 1, maxRequests: 4, windowMs: 60_000, transientRetries: 0, rateLimitRetries: 0 };
    const run = createBulkRun(job(ids(8)), api.deps, limits);
    const pass = run.run();
    await vi.advanceTimersByTimeAsync(0);
    // t0 and t1 are done (4 requests); t2 waits for room under the limit, before its first request.
    expect(summarize(run.getState())).toMatchObject({ done: 2, finished: 2 });
    run.stop();
    expect(run.getState()).toMatchObject({ running: true, stopping: true });
    await finish(pass);
    const state = run.getState();
    expect(state).toMatchObject({ running: false, stopping: false });
    expect(summarize(state)).toMatchObject({ total: 8, done: 2, stopped: 6, finished: 8 });
    expect(state.items.find((i) => i.id === 't2')).toMatchObject({ status: 'stopped', reason: 'The change was stopped before this task.' });
    expect(api.seen.puts).toEqual(['t0', 't1']);
    expect(api.seen.gets).toEqual(['t0', 't1']);
    expect(api.tasks.get('t2')!.Status).toBe('Not Started');

    await finish(run.continueStopped());
    expect(summarize(run.getState())).toMatchObject({ done: 8, stopped: 0 });
    expect(api.seen.puts.sort()).toEqual(ids(8).sort()); // each once
  });

  it('Stop never leaves as "not sent" a task whose write may have gone through', async () => {
    const api = fakeApi(3);
    // t0's PUT is applied but its answer is lost; its retry waits for room under the limit.
    let lost = false;
    api.faults.push((method, id) => (method === 'PUT' && id === 't0' && !lost ? ((lost = true), { after: error(503, 'Lost') }) : null));
    const limits = { concurrency: 1, maxRequests: 2, windowMs: 60_000, transientRetries: 1, rateLimitRetries: 0 };
    const run = createBulkRun(job(ids(3)), api.deps, limits);
    const pass = run.run();
    await vi.advanceTimersByTimeAsync(0);
    run.stop();
    await finish(pass);
    const state = run.getState();
    expect(state.items.find((i) => i.id === 't0')).toMatchObject({ status: 'done' }); // its retry read found it done
    expect(summarize(state)).toMatchObject({ done: 1, stopped: 2 });
    expect(api.seen.puts).toEqual(['t0']);
  });

  it('waits out a 429 for its Retry-After and finishes every task, none twice', async () => {
    const api = fakeApi(5);
    let refused = 0;
    api.faults.push((method) => (method === 'PUT' && refused++ < 2 ? error(429, 'Too many', 5000) : null));
    const run = createBulkRun(job(ids(5)), api.deps);
    await finish(run.run());
    expect(summarize(run.getState())).toMatchObject({ done: 5, failed: 0 });
    expect(api.seen.sleeps).toContain(5000);
    expect(new Set(api.seen.puts).size).toBe(5);
  });

  it('retries a 500 a bounded number of times, then lists the task as failed with the reason; Retry failed sends only those', async () => {
    const api = fakeApi(4);
    api.faults.push((method, id) => (method === 'PUT' && id === 't2' ? error(500, 'The Gainsight API ran into a problem (500).') : null));
    const run = createBulkRun(job(ids(4)), api.deps);
    await finish(run.run());
    const state = run.getState();
    expect(summarize(state)).toMatchObject({ done: 3, failed: 1 });
    expect(state.items.find((i) => i.id === 't2')).toMatchObject({
      status: 'failed',
      reason: 'The Gainsight API ran into a problem (500).',
    });
    expect(api.seen.puts.filter((id) => id === 't2')).toHaveLength(3); // first try + 2 retries

    api.faults.length = 0;
    api.seen.puts.length = 0;
    api.seen.gets.length = 0;
    await finish(run.retryFailed());
    expect(summarize(run.getState())).toMatchObject({ done: 4, failed: 0 });
    expect(api.seen.gets).toEqual(['t2']);
    expect(api.seen.puts).toEqual(['t2']);
  });

  it('does not fail for a client error more than once', async () => {
    const api = fakeApi(1);
    api.faults.push((method) => (method === 'PUT' ? error(400, 'OwnerId names no user.') : null));
    const run = createBulkRun(job(ids(1)), api.deps);
    await finish(run.run());
    expect(api.seen.puts).toHaveLength(1);
    expect(run.getState().items[0]).toMatchObject({ status: 'failed', reason: 'OwnerId names no user.' });
  });

  it('never shifts a due date twice when a PUT was applied but its answer lost', async () => {
    const api = fakeApi(2);
    let lost = 0;
    api.faults.push((method, id) => (method === 'PUT' && id === 't0' && lost++ === 0 ? { after: error(502) } : null));
    const run = createBulkRun(job(ids(2), { kind: 'shift', days: 2, workingDays: false }), api.deps);
    await finish(run.run());
    expect(summarize(run.getState())).toMatchObject({ done: 2 });
    expect(api.tasks.get('t0')!.DueDate).toBe('2028-02-29');
    expect(api.tasks.get('t1')!.DueDate).toBe('2028-02-29');
    expect(run.getState().items[0]!.done).toEqual({ field: 'DueDate', before: '2028-02-27', after: '2028-02-29' });
  });

  it('Undo puts back what it changed, and reports a task changed by someone since', async () => {
    const api = fakeApi(3);
    const run = createBulkRun(job(ids(3), { kind: 'priority', priority: 'Low' }), api.deps);
    await finish(run.run());
    // Another client changes t1 meanwhile.
    api.tasks.set('t1', { ...api.tasks.get('t1')!, Priority: 'Medium' });
    const undo = createBulkRun(
      {
        kind: 'undo',
        title: 'Undo',
        change: { kind: 'priority', priority: 'Low' },
        tasks: run.getState().items.flatMap((i) => (i.done ? [{ id: i.id, name: i.name, done: i.done }] : [])),
      },
      api.deps,
    );
    api.seen.puts.length = 0;
    await finish(undo.run());
    expect(api.tasks.get('t0')!.Priority).toBe('High');
    expect(api.tasks.get('t2')!.Priority).toBe('High');
    expect(api.tasks.get('t1')!.Priority).toBe('Medium');
    expect(api.seen.puts.sort()).toEqual(['t0', 't2']);
    expect(undo.getState().items.find((i) => i.id === 't1')).toMatchObject({
      status: 'skipped',
      reason: 'Not undone: changed by someone else since (now Medium).',
    });
  });
});
