import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { interruptibleSleep, sleep } from './sleep.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Whether the promise has settled, and how. */
function track(promise: Promise<void>) {
  const state: { settled: 'no' | 'resolved' | 'rejected'; reason?: unknown } = { settled: 'no' };
  promise.then(
    () => (state.settled = 'resolved'),
    (reason: unknown) => Object.assign(state, { settled: 'rejected', reason }),
  );
  return state;
}

describe('sleep', () => {
  it('resolves after the given time, not before', async () => {
    const done = track(sleep(1000));
    await vi.advanceTimersByTimeAsync(999);
    expect(done.settled).toBe('no');
    await vi.advanceTimersByTimeAsync(1);
    expect(done.settled).toBe('resolved');
  });

  it('rejects with the reason as soon as the signal aborts, and leaves no timer', async () => {
    const controller = new AbortController();
    const done = track(sleep(1000, controller.signal));
    await vi.advanceTimersByTimeAsync(10);
    controller.abort(new Error('stopped'));
    await vi.advanceTimersByTimeAsync(0);
    expect(done).toEqual({ settled: 'rejected', reason: new Error('stopped') });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects at once when the signal has already aborted', async () => {
    const done = track(sleep(1000, AbortSignal.abort()));
    await vi.advanceTimersByTimeAsync(0);
    expect(done.settled).toBe('rejected');
    expect((done.reason as DOMException).name).toBe('AbortError');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stops listening to the signal once the time is up', async () => {
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, 'removeEventListener');
    const done = track(sleep(100, controller.signal));
    await vi.advanceTimersByTimeAsync(100);
    expect(done.settled).toBe('resolved');
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function));
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(done.settled).toBe('resolved');
  });
});

describe('interruptibleSleep', () => {
  it('resolves after the given time', async () => {
    const done = track(interruptibleSleep(500, new AbortController().signal));
    await vi.advanceTimersByTimeAsync(499);
    expect(done.settled).toBe('no');
    await vi.advanceTimersByTimeAsync(1);
    expect(done.settled).toBe('resolved');
  });

  it('resolves early, without an error, when the signal aborts (or has aborted)', async () => {
    const controller = new AbortController();
    const done = track(interruptibleSleep(60_000, controller.signal));
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(done.settled).toBe('resolved');
    expect(vi.getTimerCount()).toBe(0);
    const already = track(interruptibleSleep(60_000, AbortSignal.abort()));
    await vi.advanceTimersByTimeAsync(0);
    expect(already.settled).toBe('resolved');
  });
});
