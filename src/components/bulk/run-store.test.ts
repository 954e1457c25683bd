import { QueryClient } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task, UpdateTaskInput } from '../../api/types.ts';
import { taskKeys } from '../../api/query-keys.ts';

const tasks = new Map<string, Task>();
let release: (() => void) | null = null;

vi.mock('../../api/client.ts', () => ({
  getTask: async (id: string) => ({ ...tasks.get(id)! }),
  updateTask: async (id: string, input: UpdateTaskInput) => {
    // Held until the test lets it go, so the run is seen while it runs.
    await new Promise<void>((resolve) => (release = resolve));
    const saved = { Gsid: id, ...input };
    tasks.set(id, saved);
    return saved;
  },
}));

const { startBulkChange, undoBulkChange, dismissBulkRun } = await import('./run-store.ts');
const { useBulkRunPresent } = await import('./bulk-presence.ts');

/** Whether closing the tab now would ask first. */
function closingAsks(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

const waitFor = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(check()).toBe(true);
};

afterEach(() => dismissBulkRun());

describe('the bulk run store', () => {
  it('lives outside any page: asks before the tab closes while running, updates the queries, and Undo replaces it', async () => {
    tasks.set('t1', { Gsid: 't1', Name: 'One', CTAId: 'c', Status: 'Not Started' });
    const queryClient = new QueryClient();
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    expect(closingAsks()).toBe(false);

    expect(startBulkChange([{ id: 't1', name: 'One' }], { kind: 'status', status: 'Completed' }, queryClient)).toBe(true);
    await waitFor(() => release !== null);
    expect(closingAsks()).toBe(true);
    // A second change waits for this one.
    expect(startBulkChange([{ id: 't1', name: 'One' }], { kind: 'status', status: 'Skipped' }, queryClient)).toBe(false);

    release!();
    release = null;
    await waitFor(() =>
      invalidate.mock.calls.some(([filters]) => JSON.stringify(filters?.queryKey) === JSON.stringify(taskKeys.searches())),
    );
    expect(closingAsks()).toBe(false);
    expect(queryClient.getQueryData(taskKeys.detail('t1'))).toMatchObject({ Status: 'Completed' });

    undoBulkChange();
    await waitFor(() => release !== null);
    release!();
    release = null;
    await waitFor(() => tasks.get('t1')?.Status === 'Not Started');
  });

  it('tells the layout a run is there until it is dismissed', async () => {
    tasks.set('t2', { Gsid: 't2', Name: 'Two', CTAId: 'c', Priority: 'High' });
    const present = renderHook(() => useBulkRunPresent());
    expect(present.result.current).toBe(false);
    act(() => void startBulkChange([{ id: 't2', name: 'Two' }], { kind: 'priority', priority: 'Low' }, new QueryClient()));
    expect(present.result.current).toBe(true);
    await waitFor(() => release !== null);
    release!();
    release = null;
    await waitFor(() => tasks.get('t2')?.Priority === 'Low');
    expect(present.result.current).toBe(true);
    act(() => dismissBulkRun());
    expect(present.result.current).toBe(false);
  });
});
