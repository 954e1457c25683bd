/**
 * Moving a task to another status, optimistically: the card shows in its new column at once
 * (in its sorted place, counts updated); the request reads the task fresh from the server and
 * PUTs it back with only the status changed; a failure puts the card back and says why (with
 * Retry); a success offers Undo. Moves of one task run in order; the board's searches are
 * refetched only once no move is running, so a refetch never undoes a move on screen.
 */
import { hashKey, useMutation, useMutationState, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { getTask, updateTask } from '../../api/client.ts';
import { isApiError } from '../../api/errors.ts';
import { taskKeys } from '../../api/query-keys.ts';
import { suggestionsQueryOptions } from '../../api/suggestions.ts';
import { taskQueryOptions } from '../../api/tasks.ts';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../api/types.ts';
import { useToast } from '../../components/toast/toasts.tsx';
import { insertTask, removeTask, withStatus, type ColumnPages } from './move-logic.ts';
import { moveInput } from './move-input.ts';
import type { OrderBy } from './sort-order.ts';
import { createKeyedChain } from './task-chain.ts';

export interface MoveVariables {
  /** The card as the board shows it before the move. */
  task: Task;
  from: TaskStatus;
  to: TaskStatus;
}

export interface BoardColumns {
  columnKey: (status: TaskStatus) => QueryKey;
  orderBy: OrderBy;
}

export const MOVE_MUTATION_KEY = ['board', 'move'] as const;

const chain = createKeyedChain();

/** The request itself: fresh task, full input, only the status changed. */
export function sendMove({ task, to }: MoveVariables): Promise<Task> {
  const id = task.Gsid ?? '';
  return chain(id, async () => updateTask(id, moveInput(await getTask(id), to)));
}

function reason(error: unknown): string {
  if (isApiError(error)) return error.errorDesc;
  return error instanceof Error ? error.message : String(error);
}

export function useMoveTask(columns: BoardColumns) {
  const queryClient = useQueryClient();
  const toast = useToast();
  // The columns of the board as it is now (filters may change between a move and its Undo).
  const columnsRef = useRef(columns);
  useLayoutEffect(() => {
    columnsRef.current = columns;
  });

  const onlyMove = () => queryClient.isMutating({ mutationKey: MOVE_MUTATION_KEY }) <= 1;

  const mutation = useMutation({
    mutationKey: MOVE_MUTATION_KEY,
    mutationFn: sendMove,
    onMutate: async ({ task, to }) => {
      const { columnKey, orderBy } = columnsRef.current;
      const keys = TASK_STATUSES.map((s) => [s, columnKey(s)] as const);
      await Promise.all(keys.map(([, queryKey]) => queryClient.cancelQueries({ queryKey, exact: true })));
      const snapshot = keys.map(([, queryKey]) => [queryKey, queryClient.getQueryData<ColumnPages>(queryKey)] as const);
      const moved = withStatus(task, to, new Date());
      for (const [status, queryKey] of keys) {
        queryClient.setQueryData<ColumnPages>(queryKey, (data) =>
          status === to ? insertTask(data, moved, orderBy) : removeTask(data, task.Gsid ?? ''),
        );
      }
      return { snapshot, keys, orderBy };
    },
    onError: (error, variables, context) => {
      if (context) {
        if (onlyMove()) {
          for (const [queryKey, data] of context.snapshot) queryClient.setQueryData(queryKey, data);
        } else {
          // Other moves are on screen too: take back only this one.
          for (const [status, queryKey] of context.keys) {
            queryClient.setQueryData<ColumnPages>(queryKey, (data) =>
              status === variables.from ? insertTask(data, variables.task, context.orderBy) : removeTask(data, variables.task.Gsid ?? ''),
            );
          }
        }
      }
      toast.show({
        tone: 'error',
        message: `Could not move "${variables.task.Name}" to ${variables.to}: ${reason(error)}`,
        actions: [{ label: 'Retry', onAction: () => mutation.mutate(variables) }],
      });
    },
    onSuccess: (task, variables) => {
      if (task.Gsid) queryClient.setQueryData(taskQueryOptions(task.Gsid).queryKey, task);
      toast.show({
        tone: 'success',
        message: `Moved "${variables.task.Name}" to ${variables.to}.`,
        actions: [{ label: 'Undo', onAction: () => mutation.mutate({ task, from: variables.to, to: variables.from }) }],
        link: task.Gsid ? { label: 'Open task', to: `/tasks/${encodeURIComponent(task.Gsid)}` } : undefined,
      });
    },
    onSettled: () => {
      if (!onlyMove()) return;
      // Not awaited: the move is over now, and its card must show where it belongs while the
      // searches refetch (a move started meanwhile cancels the refetch of its columns).
      // A move changes no owner or CTA, so the pickers' suggestions stay as they are.
      const suggestions = hashKey(suggestionsQueryOptions().queryKey);
      void queryClient.invalidateQueries({
        queryKey: taskKeys.searches(),
        predicate: (query) => query.queryHash !== suggestions,
      });
    },
  });

  const { mutate } = mutation;
  return useCallback((variables: MoveVariables) => mutate(variables), [mutate]);
}

/** Where each task with a running move is going (the last move of a task wins). */
export function usePendingMoves(): ReadonlyMap<string, TaskStatus> {
  const pending = useMutationState({
    filters: { mutationKey: MOVE_MUTATION_KEY, status: 'pending' },
    select: (m) => m.state.variables as MoveVariables | undefined,
  });
  // useMutationState shares structure, so `pending` keeps its identity while nothing changes.
  return useMemo(() => {
    const map = new Map<string, TaskStatus>();
    for (const v of pending) if (v?.task.Gsid) map.set(v.task.Gsid, v.to);
    return map;
  }, [pending]);
}
