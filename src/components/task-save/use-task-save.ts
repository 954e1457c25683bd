import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { getTask } from '../../api/client.ts';
import { taskQueryOptions, useUpdateTask } from '../../api/tasks.ts';
import type { Task, TaskInput } from '../../api/types.ts';
import { checkForConflict, mergeInput, needsConfirmation, theirsMerged, type FieldChange } from './task-conflict.ts';

export type SaveResult =
  /** `merged`: fields someone else changed meanwhile whose values were kept (the user left them alone). */
  | { kind: 'saved'; task: Task; merged: FieldChange[] }
  /** A field both changed: nothing was sent. `mine` is the input with the server's CTA. */
  | { kind: 'conflict'; current: Task; changes: FieldChange[]; mine: TaskInput }
  | { kind: 'failed'; error: unknown }
  /** A save was already running; this one was not sent. */
  | { kind: 'busy' };

export type SavePhase = 'idle' | 'checking' | 'saving';

/**
 * Saves an edit without overwriting anyone silently: just before the PUT it reads the task again
 * and merges per field with what someone else saved since `opened` (the version the form started
 * from): their changes to fields the user left alone are kept, the user's to fields they left
 * alone are sent; if both changed a field, it stops and returns the changes instead. The PUT
 * carries the full input (a PUT clears what it leaves out) with the CTA the server has, since the
 * CTA cannot be edited here.
 *
 * The API has no conditional PUT, so a write landing between the read and the PUT cannot be
 * caught; the window is one round trip.
 */
export function useTaskSave(taskId: string) {
  const queryClient = useQueryClient();
  const update = useUpdateTask();
  const inFlight = useRef(false);
  const [phase, setPhase] = useState<SavePhase>('idle');

  const save = async (opened: Task, input: TaskInput): Promise<SaveResult> => {
    if (inFlight.current) return { kind: 'busy' };
    inFlight.current = true;
    setPhase('checking');
    try {
      // Fresh from the tenant (not the team server's mirror): the check must see the latest save.
      const current = await getTask(taskId, { fresh: true });
      queryClient.setQueryData(taskQueryOptions(taskId).queryKey, current);
      // The form cannot edit the CTA: the PUT keeps the server's, and the check counts a CTA
      // change as theirs (compared with `opened`), never as one of the user's.
      const mine: TaskInput = { ...input, CTAId: current.CTAId ?? opened.CTAId ?? input.CTAId };
      const check = checkForConflict(opened, current, mine);
      if (needsConfirmation(check)) return { kind: 'conflict', current, changes: check.changes, mine };
      setPhase('saving');
      const task = await update.mutateAsync({ id: taskId, input: mergeInput(check.changes, mine) });
      return { kind: 'saved', task, merged: theirsMerged(check.changes) };
    } catch (error) {
      return { kind: 'failed', error };
    } finally {
      inFlight.current = false;
      setPhase('idle');
    }
  };

  return { save, phase };
}
