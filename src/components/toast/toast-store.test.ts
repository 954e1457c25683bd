import { afterEach, describe, expect, it, vi } from 'vitest';
import { createToastStore } from './toast-store.ts';

afterEach(() => vi.useRealTimers());

describe('toast store', () => {
  it('shows, closes by itself after its duration, and keeps errors until dismissed', () => {
    vi.useFakeTimers();
    const store = createToastStore();
    store.show({ message: 'Moved', tone: 'success' });
    const errorId = store.show({ message: 'Failed', tone: 'error' });
    expect(store.get().map((t) => t.message)).toEqual(['Moved', 'Failed']);
    vi.advanceTimersByTime(8000);
    expect(store.get().map((t) => t.message)).toEqual(['Failed']);
    store.dismiss(errorId);
    expect(store.get()).toEqual([]);
  });

  it('never pushes an error out for later successes', () => {
    const store = createToastStore();
    store.show({ message: 'Could not move', tone: 'error' });
    for (let i = 0; i < 6; i++) store.show({ message: `ok${i}`, tone: 'success', durationMs: null });
    expect(store.get().map((t) => t.message)).toEqual(['Could not move', 'ok2', 'ok3', 'ok4', 'ok5']);
  });

  it('keeps at most five', () => {
    const store = createToastStore();
    for (let i = 0; i < 7; i++) store.show({ message: `t${i}`, durationMs: null });
    expect(store.get().map((t) => t.message)).toEqual(['t2', 't3', 't4', 't5', 't6']);
  });
});
