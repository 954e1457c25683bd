/**
 * The body of a PUT that changes one thing of a task (its status on the board, with its owner or
 * priority for a move across swimlanes; its due date on the calendar). PUT replaces every input
 * field (a field left out is cleared), so it is built from the task as the server has it now,
 * changing only what was asked.
 */
import { ApiError } from '../../api/errors.ts';
import type { Task, TaskInput, TaskStatus } from '../../api/types.ts';

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

/** What a PUT changes: a field given as null is cleared, one left out is kept as the task has it. */
export interface TaskChanges {
  Status?: TaskStatus;
  DueDate?: string | null;
  OwnerId?: string | null;
  Priority?: string | null;
}

const CLEARABLE = ['DueDate', 'OwnerId', 'Priority'] as const satisfies readonly (keyof TaskChanges & keyof TaskInput)[];

/** The fresh task as input, with `changes` over it (null clears a field: no due date, no owner). */
export function putInput(task: Task, changes: TaskChanges): TaskInput {
  if (!task.Name || !task.CTAId) {
    throw new ApiError({
      kind: 'api',
      status: 0,
      errorDesc: 'The server sent the task without its name or CTA, so it cannot be changed safely.',
    });
  }
  const input: TaskInput = { Name: task.Name, CTAId: task.CTAId, Status: changes.Status ?? task.Status };
  for (const field of OPTIONAL_FIELDS) {
    const value = task[field];
    if (value !== undefined && value !== null) input[field] = value;
  }
  for (const field of CLEARABLE) {
    const value = changes[field];
    // A field left out of the PUT is cleared.
    if (value === null) delete input[field];
    else if (value !== undefined) input[field] = value;
  }
  return input;
}

/** The PUT body that moves a task to another status (and, across swimlanes, another owner or priority). */
export function moveInput(task: Task, status: TaskStatus, change?: FieldChange): TaskInput {
  const changes: TaskChanges = { Status: status };
  if (change) changes[change.field] = change.value;
  return putInput(task, changes);
}
