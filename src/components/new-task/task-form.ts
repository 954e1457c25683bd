/**
 * The task form's values, checks and conversion to the API's TaskInput, shared by the "New task"
 * dialog and the task page's edit form. Pure: no React, no I/O.
 */
import { TASK_STATUSES, type Task, type TaskInput, type TaskStatus } from '../../api/types.ts';
import { isCalendarDate } from '../../lib/dates.ts';

/** What the form holds: every TaskInput field as text ('' for empty). */
export interface TaskFormValues {
  Name: string;
  Description: string;
  CTAId: string;
  OwnerId: string;
  Status: TaskStatus;
  Priority: string;
  /** `YYYY-MM-DD`, '' for none, or INCOMPLETE_DATE while the date field holds a partial date. */
  DueDate: string;
}

export type TaskFormField = keyof TaskFormValues;
export type TaskFormErrors = Partial<Record<TaskFormField, string>>;

/** Stands for a date field the browser reports as partly filled in (it gives '' for those). */
export const INCOMPLETE_DATE = 'incomplete';

/** The order fields appear in the forms; the first invalid one gets the focus. */
const FIELD_ORDER: readonly TaskFormField[] = ['Name', 'CTAId', 'OwnerId', 'Status', 'Priority', 'DueDate', 'Description'];

const DEFAULT_PRIORITY = 'Medium';

export function newTaskValues(preset: { Status?: TaskStatus; OwnerId?: string } = {}): TaskFormValues {
  return {
    Name: '',
    Description: '',
    CTAId: '',
    OwnerId: preset.OwnerId ?? '',
    Status: preset.Status && TASK_STATUSES.includes(preset.Status) ? preset.Status : 'Not Started',
    Priority: DEFAULT_PRIORITY,
    DueDate: '',
  };
}

export function formValuesFromTask(task: Task): TaskFormValues {
  return {
    Name: task.Name ?? '',
    Description: task.Description ?? '',
    CTAId: task.CTAId ?? '',
    OwnerId: task.OwnerId ?? '',
    Status: task.Status ?? 'Not Started',
    Priority: task.Priority ?? '',
    DueDate: task.DueDate ?? '',
  };
}

export interface ValidateOptions {
  /** The CTA is asked for on create only; an edit keeps the task's CTA. */
  requireCta?: boolean;
}

/** The problems that keep the form from being sent, by field, in words a person can act on. */
export function validateTaskForm(values: TaskFormValues, { requireCta = true }: ValidateOptions = {}): TaskFormErrors {
  const errors: TaskFormErrors = {};
  if (values.Name.trim() === '') errors.Name = 'Enter a name for the task.';
  if (requireCta && values.CTAId.trim() === '') errors.CTAId = 'Choose a CTA or type its id.';
  if (!TASK_STATUSES.includes(values.Status)) errors.Status = 'Choose a status.';
  if (values.DueDate !== '' && !isCalendarDate(values.DueDate)) {
    errors.DueDate = 'Enter a real date (year, month and day), or clear the field for no due date.';
  }
  return errors;
}

/** The first field with a problem, in form order. */
export function firstInvalidField(errors: TaskFormErrors): TaskFormField | undefined {
  return FIELD_ORDER.find((field) => errors[field] !== undefined);
}

export function hasErrors(errors: TaskFormErrors): boolean {
  return firstInvalidField(errors) !== undefined;
}

/**
 * The full TaskInput to send. A PUT replaces every field, so every field is here: empty optional
 * fields are left out on purpose (that clears them, as the user did in the form).
 */
export function toTaskInput(values: TaskFormValues): TaskInput {
  const input: TaskInput = { Name: values.Name.trim(), CTAId: values.CTAId.trim(), Status: values.Status };
  if (values.Description.trim() !== '') input.Description = values.Description;
  if (values.OwnerId.trim() !== '') input.OwnerId = values.OwnerId.trim();
  if (values.Priority.trim() !== '') input.Priority = values.Priority.trim();
  if (values.DueDate !== '') input.DueDate = values.DueDate;
  return input;
}

/** True when the two hold the same values (so a form holds no unsaved change). */
export function sameTaskValues(a: TaskFormValues, b: TaskFormValues): boolean {
  return FIELD_ORDER.every((field) => a[field] === b[field]);
}
