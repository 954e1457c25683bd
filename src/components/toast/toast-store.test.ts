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

describe('toast timing and undo', () => {
  it('keeps a toast with an action at least 12 s, and stops its clock while held', () => {
    vi.useFakeTimers();
    const store = createToastStore();
    store.show({ message: 'Moved A', tone: 'success', actions: [{ label: 'Undo', onAction: () => {} }] });
    store.show({ message: 'Saved', tone: 'success' });
    vi.advanceTimersByTime(8000);
    expect(store.get().map((t) => t.message)).toEqual(['Moved A']);
    vi.advanceTimersByTime(2000);
    store.hold();
    vi.advanceTimersByTime(60_000);
    expect(store.get().map((t) => t.message)).toEqual(['Moved A']);
    store.release();
    // 2 s were left; released toasts get at least 3 s to be read.
    vi.advanceTimersByTime(2900);
    expect(store.get().map((t) => t.message)).toEqual(['Moved A']);
    vi.advanceTimersByTime(200);
    expect(store.get()).toEqual([]);
  });

  it('a toast shown while held waits for the release', () => {
    vi.useFakeTimers();
    const store = createToastStore();
    store.hold();
    store.show({ message: 'Saved' });
    vi.advanceTimersByTime(20_000);
    expect(store.get()).toHaveLength(1);
    store.release();
    vi.advanceTimersByTime(8000);
    expect(store.get()).toEqual([]);
  });

  it('undoLatest takes the newest Undo and closes its toast; nothing to undo says so', () => {
    const store = createToastStore();
    const undone: string[] = [];
    store.show({ message: 'Moved A', actions: [{ label: 'Undo', onAction: () => undone.push('A') }] });
    store.show({ message: 'Moved B', actions: [{ label: 'Undo', onAction: () => undone.push('B') }] });
    store.show({ message: 'Could not move C', tone: 'error', actions: [{ label: 'Retry', onAction: () => undone.push('retry') }] });
    expect(store.undoLatest()).toBe(true);
    expect(undone).toEqual(['B']);
    expect(store.get().map((t) => t.message)).toEqual(['Moved A', 'Could not move C']);
    expect(store.undoLatest()).toBe(true);
    expect(store.undoLatest()).toBe(false);
    expect(undone).toEqual(['B', 'A']);
  });
});
