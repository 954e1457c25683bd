/**
 * The body of the PUT that moves a task. PUT replaces every input field (a field left out is
 * cleared), so it is built from the task as the server has it now, changing only the status.
 */
import { ApiError } from '../../../api/errors.ts';
import type { Task, TaskInput, TaskStatus } from '../../../api/types.ts';

const OPTIONAL_FIELDS = ['Description', 'OwnerId', 'Priority', 'DueDate'] as const satisfies readonly (keyof TaskInput & keyof Task)[];

/** A field a move sets besides the status (a drop in another owner's or priority's swimlane). */
export interface FieldChange {
  field: 'OwnerId' | 'Priority';
  /** The new value; null clears it ("No owner"). */
  value: string | null;
  /** In words: "owner Jane Doe", "no owner", "priority High". */
  words: string;
  /** The name the card shows for it (OwnerName), when it has one. */
  name?: string;
}

export function moveInput(task: Task, status: TaskStatus, change?: FieldChange): TaskInput {
  if (!task.Name || !task.CTAId) {
    throw new ApiError({
      kind: 'api',
      status: 0,
      errorDesc: 'The server sent the task without its name or CTA, so it cannot be moved safely.',
    });
  }
  const input: TaskInput = { Name: task.Name, CTAId: task.CTAId, Status: status };
  for (const field of OPTIONAL_FIELDS) {
    const value = task[field];
    if (value !== undefined && value !== null) input[field] = value;
  }
  if (change) {
    if (change.value === null) delete input[change.field];
    else input[change.field] = change.value;
  }
  return input;
}
