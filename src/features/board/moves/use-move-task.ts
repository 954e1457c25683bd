/**
 * Moving a task to another status, optimistically: the card shows in its new column at once
 * (in its sorted place, counts updated) while the request runs; the request reads the task fresh
 * from the server and PUTs it back with only the status changed; a failure puts the card back and
 * says why (with Retry); a success offers Undo. Moves of one task run in order. A move on a stale
 * board (the fresh task is no longer in the column the card showed: a teammate moved it) is not
 * sent: the card jumps to where the task is, and the user is asked whether to move it anyway.
 *
 * While a move runs, nothing about it is written to the columns' cache: each column lays the
 * running moves over whatever its cache holds (`usePendingMoves` + `columnView`), so a refetch
 * meanwhile (window focus, reconnect, another page's invalidation) can never make the card vanish
 * or show twice, and a failure has nothing to take back: the card shows where the cache has it,
 * which is where it was, or where an earlier successful move of the same task put it. Other
 * tasks' moves are never touched. A success writes its move into the cache, so the card stays in
 * its new column; once no move runs, the board's searches are refetched for the server's truth.
 */
import { useMutation, useMutationState, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { getTask, updateTask } from '../../../api/client.ts';
import { isApiError } from '../../../api/errors.ts';
import { taskKeys } from '../../../api/query-keys.ts';
import { taskQueryOptions } from '../../../api/tasks.ts';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../../api/types.ts';
import { useToast } from '../../../components/toast/toasts.tsx';
import { insertTask, removeTask, withStatus, type ColumnPages, type PendingMove } from './move-logic.ts';
import { moveInput, type FieldChange } from '../../../lib/task-change/put-input.ts';
import type { OrderBy } from '../columns/sort-order.ts';
import { checkNotStale, createKnownVersions, isStaleChange } from '../../../lib/task-change/stale-change.ts';
import { createKeyedChain } from '../../../lib/task-change/task-chain.ts';

export interface MoveVariables {
  /** The card as the board shows it before the move. */
  task: Task;
  from: TaskStatus;
  to: TaskStatus;
  /** The board (its filters) the move is made on; set by `useMoveTask`. */
  scope?: string;
  /** Move even if the task is no longer in `from` (the user said so after being told). */
  force?: boolean;
  /** A field set too (a drop in another owner's or priority's swimlane), and what undoes it. */
  change?: FieldChange;
  undo?: FieldChange;
}

export interface BoardColumns {
  /** The cache key of a column's search (null for a column the board cannot search). */
  columnKey: (status: TaskStatus) => QueryKey | null;
  orderBy: OrderBy;
  /** The board's filters, as one string: a card is put in a column only on the board it was moved on. */
  scope: string;
  /** Why the board's filters hide every card of a column (said after a move there), or null. */
  hiddenIn?: (status: TaskStatus) => string | null;
  /** Swimlanes: every cell's cache key and whether a task belongs there (instead of the columns). */
  cells?: () => readonly { queryKey: QueryKey; holds: (task: Task) => boolean }[];
}

const MOVE_MUTATION_KEY = ['board', 'move'] as const;

const chain = createKeyedChain();
/** Per task, the versions (ModifiedDate) this page has seen from the server or written itself. */
const knownVersions = createKnownVersions();
const knowVersion = knownVersions.know;

/**
 * The request itself: fresh task, still where the card showed it, full input, only the status
 * changed. The read is marked fresh: the team server asks the tenant rather than its mirror, so
 * the PUT carries nobody's stale values and the stale check sees the tenant's status.
 */
function sendMove({ task, from, to, force, change }: MoveVariables): Promise<Task> {
  const id = task.Gsid ?? '';
  knowVersion(id, task.ModifiedDate);
  return chain(id, async () => {
    const fresh = await getTask(id, { fresh: true });
    const also = change && { name: change.field, shown: task[change.field] ?? null, wanted: change.value };
    checkNotStale(fresh, 'Status', from, to, { force: force === true, known: knownVersions.of(id), also });
    knowVersion(id, fresh.ModifiedDate);
    const saved = await updateTask(id, moveInput(fresh, to, change));
    knowVersion(id, saved.ModifiedDate);
    return saved;
  });
}

const withNote = (message: string, note: string | null | undefined) => (note ? `${message} ${note}` : message);

/** Where a move takes a task, in words: "In Progress", "In Progress and to owner Jane", "owner Jane". */
const target = ({ from, to, change }: MoveVariables) => (!change ? to : from === to ? change.words : `${to} and to ${change.words}`);

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

  /**
   * Writes the task as the server has it into the cache: its page, and its card in its status's
   * column (in its sorted place, only on the board the move was made on; with other filters
   * since, the refetch will tell) and in no other column.
   */
  const putInColumn = async (task: Task, moveScope: string | undefined) => {
    const gsid = task.Gsid ?? '';
    if (!gsid || !task.Status) return;
    queryClient.setQueryData(taskQueryOptions(gsid).queryKey, task);
    const { columnKey, orderBy, scope, cells } = columnsRef.current;
    const keys = cells
      ? cells().map(({ queryKey, holds }) => [holds(task) ? task.Status : null, queryKey] as const)
      : TASK_STATUSES.flatMap((s) => {
          const queryKey = columnKey(s);
          return queryKey ? [[s, queryKey] as const] : [];
        });
    // A refetch that started before the PUT landed would bring the card back to where it was
    // once this move no longer runs: stop it (the refetch once all moves are done gets the truth).
    await Promise.all(
      keys.map(([, queryKey]) => queryClient.cancelQueries({ queryKey, exact: true, predicate: (q) => q.state.data !== undefined })),
    );
    for (const [status, queryKey] of keys) {
      if (status !== task.Status) queryClient.setQueryData<ColumnPages>(queryKey, (data) => removeTask(data, gsid));
      else if (moveScope === scope) queryClient.setQueryData<ColumnPages>(queryKey, (data) => insertTask(data, task, orderBy));
    }
  };

  const mutation = useMutation({
    mutationKey: MOVE_MUTATION_KEY,
    mutationFn: sendMove,
    onError: async (error, variables) => {
      if (isStaleChange(error, 'Status')) {
        // The card jumps to where the task really is, with what the server has now.
        await putInColumn(error.fresh, variables.scope);
        // The words load only now: a stale move is rare.
        const { staleMoveMessage } = await import('./stale-move-message.ts');
        const { message, ask } = staleMoveMessage(error);
        toast.show({
          tone: ask ? 'warning' : 'info',
          message,
          durationMs: ask ? null : undefined,
          actions: ask
            ? [
                {
                  label: `Move to ${target(variables)}`,
                  onAction: () => run({ ...variables, task: error.fresh, from: error.fresh.Status ?? variables.from, force: true }),
                },
              ]
            : undefined,
        });
        return;
      }
      toast.show({
        tone: 'error',
        message: `Could not move "${variables.task.Name}" to ${target(variables)}: ${reason(error)}`,
        actions: [{ label: 'Retry', onAction: () => run(variables) }],
      });
    },
    onSuccess: async (task, variables) => {
      const gsid = task.Gsid ?? variables.task.Gsid ?? '';
      await putInColumn({ ...task, Status: variables.to }, variables.scope);
      // The task's activity has a new entry: read again when it is next shown.
      if (gsid) void queryClient.invalidateQueries({ queryKey: taskKeys.activity(gsid) });
      toast.show({
        tone: 'success',
        message: withNote(`Moved "${variables.task.Name}" to ${target(variables)}.`, columnsRef.current.hiddenIn?.(variables.to)),
        actions: [
          {
            label: 'Undo',
            onAction: () => run({ task, from: variables.to, to: variables.from, change: variables.undo, undo: variables.change }),
          },
        ],
        link: gsid ? { label: 'Open task', to: `/tasks/${encodeURIComponent(gsid)}` } : undefined,
      });
    },
    onSettled: () => {
      if (!onlyMove()) return;
      // Not awaited: the move is over now, and its card shows where it belongs (from the cache)
      // while the searches refetch. (The pickers' suggestions are not under the searches' key:
      // a move changes no owner or CTA, so they stay as they are.)
      void queryClient.invalidateQueries({ queryKey: taskKeys.searches() });
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
        const task = withStatus(variables.task, variables.to, new Date(submittedAt));
        const change = variables.change;
        if (change) {
          task[change.field] = change.value ?? undefined;
          if (change.field === 'OwnerId') task.OwnerName = change.name;
        }
        map.set(variables.task.Gsid, {
          task,
          to: variables.to,
          scope: variables.scope,
        });
      }
    }
    return map;
  }, [pending]);
}
