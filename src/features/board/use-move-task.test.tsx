import { QueryClientProvider, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import { createQueryClient } from '../../api/query-client.ts';
import { taskKeys } from '../../api/query-keys.ts';
import type { Task, TaskInput, TaskStatus } from '../../api/types.ts';
import { ToastContext } from '../../components/toast/toasts.tsx';
import { createToastStore, type ToastStore } from '../../components/toast/toast-store.ts';
import { columnCards, type ColumnPages } from './move-logic.ts';
import { ORDER_BY } from './sort-order.ts';
import { useMoveTask, usePendingMoves } from './use-move-task.ts';

const api = vi.hoisted(() => ({
  getTask: vi.fn<(id: string) => Promise<Task>>(),
  updateTask: vi.fn<(id: string, input: TaskInput) => Promise<Task>>(),
}));
vi.mock('../../api/client.ts', async (original) => ({ ...(await original<object>()), ...api }));

const card: Task = { Gsid: '1T1', Name: 'Kickoff call', Status: 'Not Started', DueDate: '2026-12-01' };
/** The task as the server has it now: someone changed its description after the board loaded. */
const fresh: Task = { ...card, CTAId: '1C1', OwnerId: '1U1', Priority: 'High', Description: 'Changed by a colleague' };

const key = (status: TaskStatus): QueryKey => ['tasks', 'search', 'infinite', { status }];
const columns = { columnKey: key, orderBy: ORDER_BY.due };
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

/** What a column shows: its cached cards minus those a running move takes elsewhere. */
const shown = (status: TaskStatus, pending: ReadonlyMap<string, TaskStatus>) =>
  columnCards(queryClient.getQueryData<ColumnPages>(key(status)), status, pending).map((t) => t.Gsid);

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
    expect(toasts.get().at(-1)!.actions!.map((a) => a.label)).toEqual(['Undo']);
    expect(queryClient.getQueryState(searchKey)?.isInvalidated).toBe(true);
    expect(shown('In Progress', result.current.pending)).toEqual(['1T1', '1T2']);
  });

  it("puts the card back where it was when the server says no, and tells the server's reason with Retry", async () => {
    api.getTask.mockResolvedValue(fresh);
    api.updateTask.mockRejectedValueOnce(new ApiError({ kind: 'api', status: 400, errorDesc: 'Owner is inactive.' }));
    const { result } = renderBoard();

    act(() => result.current.move({ task: card, from: 'Not Started', to: 'Completed' }));
    await waitFor(() => expect(toasts.get().at(-1)).toMatchObject({ tone: 'error', message: 'Could not move "Kickoff call" to Completed: Owner is inactive.' }));
    // Back, and visible at once: nothing waits for a refetch.
    await waitFor(() => expect(shown('Not Started', result.current.pending)).toEqual(['1T1']));
    expect(shown('Completed', result.current.pending)).toEqual([]);
    expect(queryClient.getQueryData<ColumnPages>(key('Completed'))!.pages[0]!.totalCount).toBe(0);

    api.updateTask.mockResolvedValueOnce({ ...fresh, Status: 'Completed' });
    act(() => toasts.get().at(-1)!.actions!.find((a) => a.label === 'Retry')!.onAction());
    await waitFor(() => expect(toasts.get().at(-1)).toMatchObject({ tone: 'success', message: 'Moved "Kickoff call" to Completed.' }));
    expect(api.updateTask).toHaveBeenLastCalledWith('1T1', expect.objectContaining({ Status: 'Completed' }));
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
});
