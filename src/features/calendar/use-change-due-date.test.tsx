import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { createQueryClient } from '../../api/query-client.ts';
import type { SearchResult, Task, TaskInput } from '../../api/types.ts';
import { ToastContext } from '../../components/toast/toasts.tsx';
import { createToastStore, type ToastStore } from '../../components/toast/toast-store.ts';
import { groupByDay, withPending } from './day-groups.ts';
import { useChangeDueDate, usePendingDueChanges } from './use-change-due-date.ts';

const api = vi.hoisted(() => ({
  getTask: vi.fn<(id: string, options?: { fresh?: boolean }) => Promise<Task>>(),
  updateTask: vi.fn<(id: string, input: TaskInput) => Promise<Task>>(),
}));
vi.mock('../../api/client.ts', async (original) => ({ ...(await original<object>()), ...api }));

const shownTask: Task = { Gsid: '1T1', Name: 'Kickoff call', Status: 'Not Started', DueDate: '2026-12-02', ModifiedDate: 'v1' };
/** The task as the server has it now: someone changed its description after the calendar loaded. */
const fresh: Task = {
  ...shownTask,
  CTAId: '1C1',
  OwnerId: '1U1',
  Priority: 'High',
  Description: 'Changed by a colleague',
  ModifiedDate: 'v2',
};

const rangeKey = ['tasks', 'search', 'all-pages', { range: true }];
const undatedKey = ['tasks', 'search', { undated: true }];
const range = { start: '2026-11-30', end: '2027-01-03' };
const queries = { range: { key: rangeKey, ...range }, undated: undatedKey };

let queryClient: QueryClient;
let toasts: ToastStore;

function wrapper({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastContext value={toasts}>{children}</ToastContext>
    </QueryClientProvider>
  );
}

const renderCalendar = () => renderHook(() => ({ change: useChangeDueDate(queries), pending: usePendingDueChanges() }), { wrapper });

/** The days the calendar shows: its cached rows with the running changes laid over them. */
const days = (pending: ReturnType<typeof usePendingDueChanges>) =>
  Object.fromEntries(
    [...groupByDay(withPending(queryClient.getQueryData<Task[]>(rangeKey) ?? [], pending, range))].map(([d, ts]) => [
      d,
      ts.map((t) => t.Gsid),
    ]),
  );

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  return { promise, resolve, reject };
}

beforeEach(() => {
  queryClient = createQueryClient();
  toasts = createToastStore();
  queryClient.setQueryData(rangeKey, [shownTask]);
  queryClient.setQueryData<SearchResult>(undatedKey, { records: [], totalCount: 0 });
});

afterEach(() => {
  queryClient.clear();
  vi.clearAllMocks();
});

describe('useChangeDueDate', () => {
  it('shows the change at once, then PUTs the fresh task with only the due date changed; Undo goes back', async () => {
    const put = deferred<Task>();
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockReturnValueOnce(put.promise);
    const { result } = renderCalendar();
    act(() => result.current.change({ task: shownTask, from: '2026-12-02', to: '2026-12-09' }));
    await waitFor(() => expect(days(result.current.pending)).toEqual({ '2026-12-09': ['1T1'] }));
    await waitFor(() => expect(api.updateTask).toHaveBeenCalled());
    expect(api.getTask).toHaveBeenCalledWith('1T1', { fresh: true });
    const { Gsid: _g, ModifiedDate: _m, Status, ...input } = fresh;
    expect(api.updateTask).toHaveBeenCalledWith('1T1', { ...input, Status, DueDate: '2026-12-09' });

    put.resolve({ ...fresh, DueDate: '2026-12-09', ModifiedDate: 'v3' });
    await waitFor(() =>
      expect(toasts.get().at(-1)).toMatchObject({ tone: 'success', message: 'Changed the due date of "Kickoff call" to Dec 9, 2026.' }),
    );
    expect(days(result.current.pending)).toEqual({ '2026-12-09': ['1T1'] });

    api.getTask.mockResolvedValue({ ...fresh, DueDate: '2026-12-09', ModifiedDate: 'v3' });
    api.updateTask.mockResolvedValueOnce({ ...fresh, DueDate: '2026-12-02', ModifiedDate: 'v4' });
    act(() =>
      toasts
        .get()
        .at(-1)!
        .actions!.find((a) => a.label === 'Undo')!
        .onAction(),
    );
    await waitFor(() => expect(toasts.get().at(-1)).toMatchObject({ message: 'Changed the due date of "Kickoff call" to Dec 2, 2026.' }));
    expect(api.updateTask).toHaveBeenLastCalledWith('1T1', expect.objectContaining({ DueDate: '2026-12-02' }));
  });

  it('a failure puts the task back and says why, with Retry', async () => {
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockRejectedValueOnce(new ApiError({ kind: 'api', status: 400, errorDesc: 'DueDate is not allowed.' }));
    const { result } = renderCalendar();
    act(() => result.current.change({ task: shownTask, from: '2026-12-02', to: '2026-12-09' }));
    await waitFor(() =>
      expect(toasts.get().at(-1)).toMatchObject({
        tone: 'error',
        message: 'Could not change the due date of "Kickoff call" to Dec 9, 2026: DueDate is not allowed.',
      }),
    );
    expect(days(result.current.pending)).toEqual({ '2026-12-02': ['1T1'] });
    api.updateTask.mockResolvedValueOnce({ ...fresh, DueDate: '2026-12-09', ModifiedDate: 'v3' });
    act(() =>
      toasts
        .get()
        .at(-1)!
        .actions!.find((a) => a.label === 'Retry')!
        .onAction(),
    );
    await waitFor(() => expect(toasts.get().at(-1)).toMatchObject({ tone: 'success' }));
    expect(days(result.current.pending)).toEqual({ '2026-12-09': ['1T1'] });
  });

  it('does not send when someone else changed the due date: the task shows where it is, and the user is asked', async () => {
    api.getTask.mockResolvedValue({ ...fresh, DueDate: '2026-12-20', ModifiedDate: '2026-12-02T11:00:00Z' });
    const { result } = renderCalendar();
    act(() => result.current.change({ task: shownTask, from: '2026-12-02', to: '2026-12-09' }));
    await waitFor(() => expect(toasts.get().at(-1)).toMatchObject({ tone: 'warning' }));
    expect(toasts.get().at(-1)!.message).toMatch(
      /^Someone else changed the due date of "Kickoff call" to Dec 20, 2026 .*\. Change it to Dec 9, 2026 anyway\?$/,
    );
    expect(api.updateTask).not.toHaveBeenCalled();
    expect(days(result.current.pending)).toEqual({ '2026-12-20': ['1T1'] });

    api.updateTask.mockResolvedValueOnce({ ...fresh, DueDate: '2026-12-09', ModifiedDate: 'v9' });
    act(() => toasts.get().at(-1)!.actions![0]!.onAction());
    await waitFor(() => expect(api.updateTask).toHaveBeenCalledWith('1T1', expect.objectContaining({ DueDate: '2026-12-09' })));
  });

  it('a change to no due date moves the task to the undated list', async () => {
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockResolvedValueOnce({ ...fresh, DueDate: undefined, ModifiedDate: 'v3' });
    const { result } = renderCalendar();
    act(() => result.current.change({ task: shownTask, from: '2026-12-02', to: null }));
    await waitFor(() => expect(toasts.get().at(-1)).toMatchObject({ message: 'Changed the due date of "Kickoff call" to no due date.' }));
    // What is sent (JSON) has no DueDate: the PUT clears it.
    expect(JSON.parse(JSON.stringify(api.updateTask.mock.calls[0]![1]))).not.toHaveProperty('DueDate');
    expect(queryClient.getQueryData<SearchResult>(undatedKey)).toMatchObject({ records: [{ Gsid: '1T1' }], totalCount: 1 });
    expect(days(result.current.pending)).toEqual({});
  });
});
