/**
 * The body of a PUT that changes one thing of a task (its status on the board, its due date on
 * the calendar). PUT replaces every input field (a field left out is cleared), so it is built
 * from the task as the server has it now, changing only what was asked.
 */
import { ApiError } from '../../api/errors.ts';
import type { Task, TaskInput, TaskStatus } from '../../api/types.ts';

const OPTIONAL_FIELDS = ['Description', 'OwnerId', 'Priority', 'DueDate'] as const satisfies readonly (keyof TaskInput & keyof Task)[];

/** The fresh task as input, with `changes` over it (a `DueDate` of null clears the due date). */
export function putInput(task: Task, changes: { Status?: TaskStatus; DueDate?: string | null }): TaskInput {
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
  // Left undefined, a field is not sent (JSON has no undefined): no due date.
  if (changes.DueDate !== undefined) input.DueDate = changes.DueDate ?? undefined;
  return input;
}

/** The PUT body that moves a task to another status. */
export function moveInput(task: Task, status: TaskStatus): TaskInput {
  return putInput(task, { Status: status });
}
