import { QueryClientProvider, useInfiniteQuery, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/errors.ts';
import { createQueryClient } from '../../../api/query-client.ts';
import { taskKeys } from '../../../api/query-keys.ts';
import { TASK_STATUSES, type Task, type TaskInput, type TaskStatus } from '../../../api/types.ts';
import { ToastContext } from '../../../components/toast/toasts.tsx';
import { createToastStore, type ToastStore } from '../../../components/toast/toast-store.ts';
import { columnView, type ColumnPages, type PendingMove } from './move-logic.ts';
import { ORDER_BY } from '../columns/sort-order.ts';
import { useMoveTask, usePendingMoves } from './use-move-task.ts';

const api = vi.hoisted(() => ({
  getTask: vi.fn<(id: string, options?: { fresh?: boolean }) => Promise<Task>>(),
  updateTask: vi.fn<(id: string, input: TaskInput) => Promise<Task>>(),
}));
vi.mock('../../../api/client.ts', async (original) => ({ ...(await original<object>()), ...api }));

const card: Task = { Gsid: '1T1', Name: 'Kickoff call', Status: 'Not Started', DueDate: '2026-12-01' };
/** The task as the server has it now: someone changed its description after the board loaded. */
const fresh: Task = { ...card, CTAId: '1C1', OwnerId: '1U1', Priority: 'High', Description: 'Changed by a colleague' };

const key = (status: TaskStatus): QueryKey => ['tasks', 'search', 'infinite', { status }];
const columns = { columnKey: key, orderBy: ORDER_BY.due, scope: 'board' };
const page = (records: Task[]): ColumnPages => ({ pages: [{ records, totalCount: records.length }], pageParams: [0] });

let queryClient: QueryClient;
let toasts: ToastStore;

function wrapper({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <ToastContext value={toasts}>{children}</ToastContext>
    </QueryClientProvider>
  );
}

function renderBoard() {
  return renderHook(() => ({ move: useMoveTask(columns), pending: usePendingMoves() }), { wrapper });
}

/** What a column shows: its cached cards with the running moves laid over them. */
const view = (status: TaskStatus, pending: ReadonlyMap<string, PendingMove>) =>
  columnView(queryClient.getQueryData<ColumnPages>(key(status)), status, pending, ORDER_BY.due, 'board');
const shown = (status: TaskStatus, pending: ReadonlyMap<string, PendingMove>) => view(status, pending).cards.map((t) => t.Gsid);
/** Every column's cards and count, e.g. `{ 'Not Started': '1T1 (1)', ... }`. */
const board = (pending: ReadonlyMap<string, PendingMove>) =>
  Object.fromEntries(TASK_STATUSES.map((s) => [s, `${shown(s, pending).join(' ')} (${view(s, pending).count})`]));

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  return { promise, resolve, reject };
}

const refused = (errorDesc: string) => new ApiError({ kind: 'api', status: 400, errorDesc });

beforeEach(() => {
  queryClient = createQueryClient();
  toasts = createToastStore();
  queryClient.setQueryData(key('Not Started'), page([card]));
  queryClient.setQueryData(key('In Progress'), page([{ Gsid: '1T2', Name: 'Later', DueDate: '2026-12-05', Status: 'In Progress' }]));
  queryClient.setQueryData(key('Completed'), page([]));
  queryClient.setQueryData(key('Skipped'), page([]));
});

afterEach(() => {
  queryClient.clear();
  vi.clearAllMocks();
});

describe('useMoveTask', () => {
  it('shows the move at once, then PUTs the fresh task with only the status changed', async () => {
    let answer!: (task: Task) => void;
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockImplementation(() => new Promise((resolve) => (answer = resolve)));
    const { result } = renderBoard();

    act(() => result.current.move({ task: card, from: 'Not Started', to: 'In Progress' }));
    await waitFor(() => expect(shown('In Progress', result.current.pending)).toEqual(['1T1', '1T2']));
    expect(shown('Not Started', result.current.pending)).toEqual([]);
    await waitFor(() => expect(api.updateTask).toHaveBeenCalled());
    // The read the PUT is built on is marked fresh: the team server asks the tenant, not its mirror.
    expect(api.getTask).toHaveBeenCalledWith('1T1', { fresh: true });
    expect(api.updateTask).toHaveBeenCalledWith('1T1', {
      Name: 'Kickoff call',
      CTAId: '1C1',
      OwnerId: '1U1',
      Priority: 'High',
      DueDate: '2026-12-01',
      Description: 'Changed by a colleague',
      Status: 'In Progress',
    });

    const searchKey = taskKeys.searchInfinite({});
    queryClient.setQueryData(searchKey, page([]));
    await act(async () => answer({ ...fresh, Status: 'In Progress' }));
    await waitFor(() => expect(toasts.get().at(-1)).toMatchObject({ tone: 'success', message: 'Moved "Kickoff call" to In Progress.' }));
    expect(
      toasts
        .get()
        .at(-1)!
        .actions!.map((a) => a.label),
    ).toEqual(['Undo']);
    expect(queryClient.getQueryState(searchKey)?.isInvalidated).toBe(true);
    expect(shown('In Progress', result.current.pending)).toEqual(['1T1', '1T2']);
  });

  it("puts the card back where it was when the server says no, and tells the server's reason with Retry", async () => {
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockRejectedValueOnce(new ApiError({ kind: 'api', status: 400, errorDesc: 'Owner is inactive.' }));
    const { result } = renderBoard();

    act(() => result.current.move({ task: card, from: 'Not Started', to: 'Completed' }));
    await waitFor(() =>
      expect(toasts.get().at(-1)).toMatchObject({
        tone: 'error',
        message: 'Could not move "Kickoff call" to Completed: Owner is inactive.',
      }),
    );
    // Back, and visible at once: nothing waits for a refetch.
    await waitFor(() => expect(shown('Not Started', result.current.pending)).toEqual(['1T1']));
    expect(shown('Completed', result.current.pending)).toEqual([]);
    expect(queryClient.getQueryData<ColumnPages>(key('Completed'))!.pages[0]!.totalCount).toBe(0);

    api.updateTask.mockResolvedValueOnce({ ...fresh, Status: 'Completed' });
    act(() =>
      toasts
        .get()
        .at(-1)!
        .actions!.find((a) => a.label === 'Retry')!
        .onAction(),
    );
    await waitFor(() => expect(toasts.get().at(-1)).toMatchObject({ tone: 'success', message: 'Moved "Kickoff call" to Completed.' }));
    expect(api.updateTask).toHaveBeenLastCalledWith('1T1', expect.objectContaining({ Status: 'Completed' }));
  });

  it('a move on a stale board is not sent: the card jumps to where the task is, and the user is asked', async () => {
    const theirs: Task = { ...fresh, Status: 'Completed', ModifiedDate: '2026-12-01T09:00:00Z' };
    api.getTask.mockResolvedValue(theirs);
    api.updateTask.mockImplementation(async (_id, input) => ({ ...theirs, Status: input.Status, ModifiedDate: '2026-12-01T09:05:00Z' }));
    const { result } = renderBoard();

    act(() => result.current.move({ task: { ...card, ModifiedDate: '2026-11-30T08:00:00Z' }, from: 'Not Started', to: 'In Progress' }));
    await waitFor(() =>
      expect(toasts.get().at(-1)).toMatchObject({
        tone: 'warning',
        message: expect.stringMatching(/^Someone else moved "Kickoff call" to Completed .*\. Move it to In Progress anyway\?$/),
      }),
    );
    expect(api.updateTask).not.toHaveBeenCalled();
    await waitFor(() => expect(shown('Completed', result.current.pending)).toEqual(['1T1']));
    expect(shown('Not Started', result.current.pending)).toEqual([]);
    expect(shown('In Progress', result.current.pending)).toEqual(['1T2']);

    act(() =>
      toasts
        .get()
        .at(-1)!
        .actions!.find((a) => a.label === 'Move to In Progress')!
        .onAction(),
    );
    await waitFor(() => expect(toasts.get().at(-1)).toMatchObject({ tone: 'success', message: 'Moved "Kickoff call" to In Progress.' }));
    expect(api.updateTask).toHaveBeenCalledWith(
      '1T1',
      expect.objectContaining({ Status: 'In Progress', Description: 'Changed by a colleague' }),
    );
  });

  it('Undo moves the task back the same way', async () => {
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockImplementation(async (_id, input) => ({ ...fresh, Status: input.Status }));
    const { result } = renderBoard();
    act(() => result.current.move({ task: card, from: 'Not Started', to: 'Skipped' }));
    await waitFor(() => expect(toasts.get().at(-1)?.message).toBe('Moved "Kickoff call" to Skipped.'));
    act(() => toasts.get().at(-1)!.actions![0]!.onAction());
    await waitFor(() => expect(toasts.get().at(-1)?.message).toBe('Moved "Kickoff call" to Not Started.'));
    expect(api.updateTask).toHaveBeenLastCalledWith('1T1', expect.objectContaining({ Status: 'Not Started' }));
  });

  it('sends two quick moves of one task in order, the last one last', async () => {
    const order: string[] = [];
    let first!: () => void;
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockImplementation(async (_id, input) => {
      order.push(`start ${input.Status}`);
      if (input.Status === 'In Progress') await new Promise<void>((resolve) => (first = resolve));
      order.push(`end ${input.Status}`);
      return { ...fresh, Status: input.Status };
    });
    const { result } = renderBoard();
    act(() => result.current.move({ task: card, from: 'Not Started', to: 'In Progress' }));
    act(() => result.current.move({ task: { ...card, Status: 'In Progress' }, from: 'In Progress', to: 'Skipped' }));
    await waitFor(() => expect(order).toEqual(['start In Progress']));
    expect(shown('Skipped', result.current.pending)).toEqual(['1T1']);
    expect(shown('In Progress', result.current.pending)).toEqual(['1T2']);
    await act(async () => first());
    await waitFor(() => expect(order).toEqual(['start In Progress', 'end In Progress', 'start Skipped', 'end Skipped']));
  });

  it('a failed move takes back only itself: a move of another task that succeeded meanwhile stays (B1)', async () => {
    const slowX = deferred<Task>();
    api.getTask.mockImplementation(async (id) =>
      id === '1T1' ? fresh : { Gsid: '1T2', Name: 'Later', CTAId: '1C1', Status: 'In Progress' },
    );
    api.updateTask.mockImplementation((id, input) =>
      id === '1T1' ? slowX.promise : Promise.resolve({ Gsid: id, Name: 'Later', DueDate: '2026-12-05', Status: input.Status }),
    );
    const { result } = renderBoard();

    act(() => result.current.move({ task: card, from: 'Not Started', to: 'Completed' }));
    act(() =>
      result.current.move({
        task: { Gsid: '1T2', Name: 'Later', DueDate: '2026-12-05', Status: 'In Progress' },
        from: 'In Progress',
        to: 'Skipped',
      }),
    );
    await waitFor(() => expect(toasts.get().at(-1)?.message).toBe('Moved "Later" to Skipped.'));
    expect(board(result.current.pending)).toEqual({
      'Not Started': ' (0)',
      'In Progress': ' (0)',
      Completed: '1T1 (1)',
      Skipped: '1T2 (1)',
    });

    await act(async () => slowX.reject(refused('Owner is inactive.')));
    await waitFor(() => expect(toasts.get().at(-1)?.message).toBe('Could not move "Kickoff call" to Completed: Owner is inactive.'));
    // Kickoff call is back; Later stays where its successful move put it.
    expect(board(result.current.pending)).toEqual({
      'Not Started': '1T1 (1)',
      'In Progress': ' (0)',
      Completed: ' (0)',
      Skipped: '1T2 (1)',
    });
  });

  it('when the first of two quick moves of a card fails while the second runs, the card follows the second (B2)', async () => {
    const first = deferred<Task>();
    const second = deferred<Task>();
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockImplementation((_id, input) => (input.Status === 'In Progress' ? first.promise : second.promise));
    const { result } = renderBoard();

    act(() => result.current.move({ task: card, from: 'Not Started', to: 'In Progress' }));
    act(() => result.current.move({ task: { ...card, Status: 'In Progress' }, from: 'In Progress', to: 'Skipped' }));
    await waitFor(() => expect(api.updateTask).toHaveBeenCalledTimes(1));
    await act(async () => first.reject(refused('Not now.')));
    await waitFor(() => expect(api.updateTask).toHaveBeenCalledTimes(2));
    // The second move still runs: the card shows in its target, and only there.
    expect(board(result.current.pending)).toEqual({
      'Not Started': ' (0)',
      'In Progress': '1T2 (1)',
      Completed: ' (0)',
      Skipped: '1T1 (1)',
    });

    await act(async () => second.resolve({ ...fresh, Status: 'Skipped' }));
    await waitFor(() => expect(toasts.get().at(-1)?.message).toBe('Moved "Kickoff call" to Skipped.'));
    // Done: the card is where the last successful move put it, before any refetch.
    expect(result.current.pending.size).toBe(0);
    expect(board(result.current.pending)).toEqual({
      'Not Started': ' (0)',
      'In Progress': '1T2 (1)',
      Completed: ' (0)',
      Skipped: '1T1 (1)',
    });
  });

  it('when the second of two quick moves fails, the card stays where the first one put it', async () => {
    const second = deferred<Task>();
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockImplementation(async (_id, input) =>
      input.Status === 'In Progress' ? { ...fresh, Status: 'In Progress' } : second.promise,
    );
    const { result } = renderBoard();

    act(() => result.current.move({ task: card, from: 'Not Started', to: 'In Progress' }));
    act(() => result.current.move({ task: { ...card, Status: 'In Progress' }, from: 'In Progress', to: 'Skipped' }));
    await waitFor(() => expect(api.updateTask).toHaveBeenCalledTimes(2));
    await act(async () => second.reject(refused('Not now.')));
    await waitFor(() => expect(toasts.get().at(-1)?.tone).toBe('error'));
    expect(board(result.current.pending)).toEqual({
      'Not Started': ' (0)',
      'In Progress': '1T1 1T2 (2)',
      Completed: ' (0)',
      Skipped: ' (0)',
    });
  });
});

describe('useMoveTask when the filters change during a move', () => {
  it("does not put the card in the new board's columns, which may not take it", async () => {
    const put = deferred<Task>();
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockImplementation(() => put.promise);
    const other = (status: TaskStatus): QueryKey => ['tasks', 'search', 'infinite', { status, q: 'other' }];
    for (const status of TASK_STATUSES) queryClient.setQueryData(other(status), page(status === 'Not Started' ? [card] : []));
    const { result, rerender } = renderHook((board: typeof columns) => ({ move: useMoveTask(board), pending: usePendingMoves() }), {
      wrapper,
      initialProps: columns,
    });

    act(() => result.current.move({ task: card, from: 'Not Started', to: 'Completed' }));
    await waitFor(() => expect(result.current.pending.get('1T1')?.scope).toBe('board'));
    rerender({ columnKey: other, orderBy: ORDER_BY.due, scope: 'other' });
    const shownOnOther = (status: TaskStatus) =>
      columnView(queryClient.getQueryData<ColumnPages>(other(status)), status, result.current.pending, ORDER_BY.due, 'other').cards.map(
        (t) => t.Gsid,
      );
    expect(shownOnOther('Completed')).toEqual([]);
    expect(shownOnOther('Not Started')).toEqual([]); // on its way out, on any board

    await act(async () => put.resolve({ ...fresh, Status: 'Completed' }));
    await waitFor(() => expect(toasts.get().at(-1)?.message).toBe('Moved "Kickoff call" to Completed.'));
    expect(shownOnOther('Completed')).toEqual([]);
    expect(shownOnOther('Not Started')).toEqual([]);
  });
});

describe('useMoveTask with columns that refetch', () => {
  /** The server's tasks: searches read them, a move's PUT changes them when it lands. */
  let server: Task[];
  const search = (status: TaskStatus) => {
    const records = server.filter((t) => t.Status === status).sort((a, b) => (a.DueDate ?? '').localeCompare(b.DueDate ?? ''));
    return { records, totalCount: records.length };
  };

  function useColumn(status: TaskStatus) {
    return useInfiniteQuery({
      queryKey: key(status),
      queryFn: async () => search(status),
      initialPageParam: 0,
      getNextPageParam: () => undefined,
    });
  }

  function useColumns() {
    const queries = [useColumn('Not Started'), useColumn('In Progress'), useColumn('Completed'), useColumn('Skipped')];
    return { move: useMoveTask(columns), pending: usePendingMoves(), loaded: queries.every((q) => q.isSuccess) };
  }

  beforeEach(() => {
    queryClient.clear();
    server = [{ ...card }, { Gsid: '1T2', Name: 'Later', DueDate: '2026-12-05', Status: 'In Progress' }];
  });

  it('a refetch while a move runs brings back the old rows, yet the card shows in its target once, counts right; then the truth (B3)', async () => {
    const put = deferred<void>();
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockImplementation(async (id, input) => {
      await put.promise;
      server = server.map((t) => (t.Gsid === id ? { ...t, Status: input.Status } : t));
      return { ...fresh, Status: input.Status };
    });
    const { result } = renderHook(useColumns, { wrapper });
    await waitFor(() => expect(result.current.loaded).toBe(true));

    act(() => result.current.move({ task: card, from: 'Not Started', to: 'In Progress' }));
    await waitFor(() =>
      expect(board(result.current.pending)).toEqual({
        'Not Started': ' (0)',
        'In Progress': '1T1 1T2 (2)',
        Completed: ' (0)',
        Skipped: ' (0)',
      }),
    );
    await waitFor(() => expect(api.updateTask).toHaveBeenCalled());

    // The window gets focus again (or another page invalidates the searches): the server still
    // has the card where it was.
    await act(() => queryClient.refetchQueries({ queryKey: ['tasks', 'search'] }));
    expect(queryClient.getQueryData<ColumnPages>(key('Not Started'))!.pages[0]!.records.map((t) => t.Gsid)).toEqual(['1T1']);
    expect(board(result.current.pending)).toEqual({
      'Not Started': ' (0)',
      'In Progress': '1T1 1T2 (2)',
      Completed: ' (0)',
      Skipped: ' (0)',
    });

    await act(async () => put.resolve());
    await waitFor(() => expect(toasts.get().at(-1)?.message).toBe('Moved "Kickoff call" to In Progress.'));
    expect(board(result.current.pending)).toEqual({
      'Not Started': ' (0)',
      'In Progress': '1T1 1T2 (2)',
      Completed: ' (0)',
      Skipped: ' (0)',
    });
    // The refetch after the move shows the server's truth.
    await waitFor(() =>
      expect(queryClient.getQueryData<ColumnPages>(key('In Progress'))!.pages[0]!.records.map((t) => t.Status)).toEqual([
        'In Progress',
        'In Progress',
      ]),
    );
    expect(board(result.current.pending)).toEqual({
      'Not Started': ' (0)',
      'In Progress': '1T1 1T2 (2)',
      Completed: ' (0)',
      Skipped: ' (0)',
    });
  });
});
