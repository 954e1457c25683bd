/**
 * Moving a task to another status, optimistically: the card shows in its new column at once
 * (in its sorted place, counts updated) while the request runs; the request reads the task fresh
 * from the server and PUTs it back with only the status changed; a failure puts the card back and
 * says why (with Retry); a success offers Undo. Moves of one task run in order.
 *
 * While a move runs, nothing about it is written to the columns' cache: each column lays the
 * running moves over whatever its cache holds (`usePendingMoves` + `columnView`), so a refetch
 * meanwhile (window focus, reconnect, another page's invalidation) can never make the card vanish
 * or show twice, and a failure has nothing to take back: the card shows where the cache has it,
 * which is where it was, or where an earlier successful move of the same task put it. Other
 * tasks' moves are never touched. A success writes its move into the cache, so the card stays in
 * its new column; once no move runs, the board's searches are refetched for the server's truth.
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
import { insertTask, removeTask, withStatus, type ColumnPages, type PendingMove } from './move-logic.ts';
import { moveInput } from './move-input.ts';
import type { OrderBy } from './sort-order.ts';
import { createKeyedChain } from './task-chain.ts';

export interface MoveVariables {
  /** The card as the board shows it before the move. */
  task: Task;
  from: TaskStatus;
  to: TaskStatus;
  /** The board (its filters) the move is made on; set by `useMoveTask`. */
  scope?: string;
}

export interface BoardColumns {
  /** The cache key of a column's search (null for a column the board cannot search). */
  columnKey: (status: TaskStatus) => QueryKey | null;
  orderBy: OrderBy;
  /** The board's filters, as one string: a card is put in a column only on the board it was moved on. */
  scope: string;
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
    onError: (error, variables) => {
      toast.show({
        tone: 'error',
        message: `Could not move "${variables.task.Name}" to ${variables.to}: ${reason(error)}`,
        actions: [{ label: 'Retry', onAction: () => run(variables) }],
      });
    },
    onSuccess: async (task, variables) => {
      const gsid = task.Gsid ?? variables.task.Gsid ?? '';
      if (gsid) queryClient.setQueryData(taskQueryOptions(gsid).queryKey, task);
      // The task's activity has a new entry: read again when it is next shown.
      if (gsid) void queryClient.invalidateQueries({ queryKey: taskKeys.activity(gsid) });
      const { columnKey, orderBy, scope } = columnsRef.current;
      const keys = TASK_STATUSES.flatMap((s) => {
        const queryKey = columnKey(s);
        return queryKey ? [[s, queryKey] as const] : [];
      });
      // A refetch that started before the PUT landed would bring the card back to where it was
      // once this move no longer runs: stop it (the refetch once all moves are done gets the truth).
      await Promise.all(
        keys.map(([, queryKey]) => queryClient.cancelQueries({ queryKey, exact: true, predicate: (q) => q.state.data !== undefined })),
      );
      // The server's answer (the whole task, as it is now), in its sorted place; put in only on
      // the board it was moved on (with other filters since, the refetch will tell).
      const moved: Task = { ...task, Status: variables.to };
      for (const [status, queryKey] of keys) {
        if (status !== variables.to) queryClient.setQueryData<ColumnPages>(queryKey, (data) => removeTask(data, gsid));
        else if (variables.scope === scope) queryClient.setQueryData<ColumnPages>(queryKey, (data) => insertTask(data, moved, orderBy));
      }
      toast.show({
        tone: 'success',
        message: `Moved "${variables.task.Name}" to ${variables.to}.`,
        actions: [{ label: 'Undo', onAction: () => run({ task, from: variables.to, to: variables.from }) }],
        link: gsid ? { label: 'Open task', to: `/tasks/${encodeURIComponent(gsid)}` } : undefined,
      });
    },
    onSettled: () => {
      if (!onlyMove()) return;
      // Not awaited: the move is over now, and its card shows where it belongs (from the cache)
      // while the searches refetch. A move changes no owner or CTA, so the pickers' suggestions
      // stay as they are.
      const suggestions = hashKey(suggestionsQueryOptions().queryKey);
      void queryClient.invalidateQueries({
        queryKey: taskKeys.searches(),
        predicate: (query) => query.queryHash !== suggestions,
      });
    },
  });

  const { mutate } = mutation;
  // Retry and Undo run later, maybe on other filters: each run is on the board as it is then.
  const run = useCallback((variables: MoveVariables) => mutate({ ...variables, scope: columnsRef.current.scope }), [mutate]);
  return run;
}

/**
 * The moves still running, by task: the task as it will be after its move and where it is going
 * (the last move of a task wins). The columns lay these over their cached rows.
 */
export function usePendingMoves(): ReadonlyMap<string, PendingMove> {
  const pending = useMutationState({
    filters: { mutationKey: MOVE_MUTATION_KEY, status: 'pending' },
    select: (m) => ({ variables: m.state.variables as MoveVariables | undefined, submittedAt: m.state.submittedAt }),
  });
  // useMutationState shares structure, so `pending` keeps its identity while nothing changes.
  return useMemo(() => {
    const map = new Map<string, PendingMove>();
    for (const { variables, submittedAt } of pending) {
      if (variables?.task.Gsid) {
        map.set(variables.task.Gsid, { task: withStatus(variables.task, variables.to, new Date(submittedAt)), to: variables.to, scope: variables.scope });
      }
    }
    return map;
  }, [pending]);
}
