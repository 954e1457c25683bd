/**
 * Changing a task's due date from the calendar (a drop on another day, or "Change due date"),
 * optimistically: the task shows on its new day at once while the request runs; the request
 * reads the task fresh from the server and PUTs it back with only the due date changed
 * (src/lib/task-change/put-input.ts); a failure puts the task back and says why (with Retry); a
 * success offers Undo. Changes of one task run in order. A change on a stale calendar (the fresh
 * task's due date is no longer the one the calendar showed: someone changed it) is not sent: the
 * task jumps to where it is now, and the user is asked whether to change it anyway.
 *
 * As on the board, nothing about a running change is written to the cache: the calendar lays the
 * running changes over what its searches hold (`usePendingDueChanges` + `withPending`), so a
 * refetch meanwhile cannot make the task vanish or show twice, and a failure has nothing to take
 * back. A success writes the saved task into the calendar's searches; once no change runs, the
 * task searches are refetched for the server's truth.
 */
import { useMutation, useMutationState, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { getTask, updateTask } from '../../api/client.ts';
import { isApiError } from '../../api/errors.ts';
import { taskKeys } from '../../api/query-keys.ts';
import { taskQueryOptions } from '../../api/tasks.ts';
import type { SearchResult, Task } from '../../api/types.ts';
import { useToast } from '../../components/toast/toasts.tsx';
import { formatDate } from '../../lib/dates.ts';
import { timeAgo } from '../../lib/time-ago.ts';
import { putInput } from '../../lib/task-change/put-input.ts';
import { checkNotStale, createKnownVersions, isStaleChange } from '../../lib/task-change/stale-change.ts';
import { createKeyedChain } from '../../lib/task-change/task-chain.ts';
import { withSaved, type PendingDueChange } from './day-groups.ts';

export interface DueChange {
  /** The task as the calendar shows it before the change. */
  task: Task;
  /** The due date the calendar showed (null: none). */
  from: string | null;
  to: string | null;
  /** Change it even if its due date is no longer `from` (the user said so after being told). */
  force?: boolean;
}

/** The calendar's searches now: where a saved task is written until they are read again. */
export interface CalendarQueries {
  range: { key: QueryKey; start: string; end: string } | null;
  undated: QueryKey | null;
}

const CHANGE_MUTATION_KEY = ['calendar', 'due-date'] as const;

const chain = createKeyedChain();
const knownVersions = createKnownVersions();

/** The fresh task, still due when the calendar showed it, with only its due date changed. */
function sendChange({ task, from, to, force }: DueChange): Promise<Task> {
  const id = task.Gsid ?? '';
  knownVersions.know(id, task.ModifiedDate);
  return chain(id, async () => {
    const fresh = await getTask(id, { fresh: true });
    checkNotStale(fresh, 'DueDate', from, to, { force: force === true, known: knownVersions.of(id) });
    knownVersions.know(id, fresh.ModifiedDate);
    const saved = await updateTask(id, putInput(fresh, { DueDate: to }));
    knownVersions.know(id, saved.ModifiedDate);
    return saved;
  });
}

const toWords = (date: string | null) => (date ? `to ${formatDate(date)}` : 'to no due date');

function reason(error: unknown): string {
  if (isApiError(error)) return error.errorDesc;
  return error instanceof Error ? error.message : String(error);
}

export function useChangeDueDate(queries: CalendarQueries) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const queriesRef = useRef(queries);
  useLayoutEffect(() => {
    queriesRef.current = queries;
  });

  /** The task as the server has it, in its page's cache and the calendar's searches. */
  const putInPlace = async (saved: Task) => {
    if (!saved.Gsid) return;
    queryClient.setQueryData(taskQueryOptions(saved.Gsid).queryKey, saved);
    const { range, undated } = queriesRef.current;
    // A refetch begun before the PUT landed would show the task where it was: stop it (the
    // refetch once all changes are done gets the truth).
    const keys = [range?.key, undated].filter((k): k is QueryKey => k !== null && k !== undefined);
    await Promise.all(keys.map((queryKey) => queryClient.cancelQueries({ queryKey, exact: true })));
    if (range) queryClient.setQueryData<Task[]>(range.key, (rows) => rows && withSaved(rows, saved, range));
    if (undated) {
      queryClient.setQueryData<SearchResult>(undated, (result) => {
        if (!result) return result;
        const records = withSaved(result.records, saved, null);
        return { ...result, records, totalCount: result.totalCount + records.length - result.records.length };
      });
    }
  };

  const mutation = useMutation({
    mutationKey: CHANGE_MUTATION_KEY,
    mutationFn: sendChange,
    onError: async (error, variables) => {
      const name = variables.task.Name ?? 'the task';
      if (isStaleChange(error, 'DueDate')) {
        // The task jumps to where it really is, with what the server has now.
        await putInPlace(error.fresh);
        const now = error.fresh.DueDate ?? null;
        const when = timeAgo(error.fresh.ModifiedDate);
        const since = when ? ` ${when}` : '';
        if (now === variables.to) {
          toast.show({ tone: 'info', message: `"${name}" was already changed ${toWords(now)}${since} by someone else. Nothing to do.` });
          return;
        }
        toast.show({
          tone: 'warning',
          message: `Someone else changed the due date of "${name}" ${toWords(now)}${since}. Change it ${toWords(variables.to)} anyway?`,
          durationMs: null,
          actions: [
            {
              label: `Change ${toWords(variables.to)}`,
              onAction: () => run({ task: error.fresh, from: now, to: variables.to, force: true }),
            },
          ],
        });
        return;
      }
      toast.show({
        tone: 'error',
        message: `Could not change the due date of "${name}" ${toWords(variables.to)}: ${reason(error)}`,
        actions: [{ label: 'Retry', onAction: () => run(variables) }],
      });
    },
    onSuccess: async (saved, variables) => {
      const gsid = saved.Gsid ?? variables.task.Gsid ?? '';
      await putInPlace({ ...saved, Gsid: gsid });
      if (gsid) void queryClient.invalidateQueries({ queryKey: taskKeys.activity(gsid) });
      toast.show({
        tone: 'success',
        message: `Changed the due date of "${variables.task.Name}" ${toWords(variables.to)}.`,
        actions: [{ label: 'Undo', onAction: () => run({ task: saved, from: variables.to, to: variables.from }) }],
        link: gsid ? { label: 'Open task', to: `/tasks/${encodeURIComponent(gsid)}` } : undefined,
      });
    },
    onSettled: () => {
      if (queryClient.isMutating({ mutationKey: CHANGE_MUTATION_KEY }) > 1) return;
      void queryClient.invalidateQueries({ queryKey: taskKeys.searches() });
    },
  });

  const { mutate } = mutation;
  const run = useCallback((change: DueChange) => mutate(change), [mutate]);
  return run;
}

/** The due-date changes still running, by task (the last change of a task wins). */
export function usePendingDueChanges(): ReadonlyMap<string, PendingDueChange> {
  const pending = useMutationState({
    filters: { mutationKey: CHANGE_MUTATION_KEY, status: 'pending' },
    select: (m) => m.state.variables as DueChange | undefined,
  });
  return useMemo(() => {
    const map = new Map<string, PendingDueChange>();
    for (const change of pending) if (change?.task.Gsid) map.set(change.task.Gsid, { task: change.task, to: change.to });
    return map;
  }, [pending]);
}
