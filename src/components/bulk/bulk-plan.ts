/**
 * What a bulk change does to one task, pure: the change in words for its confirmation, the value
 * the task's field gets (from a fresh read of the task), the PUT body (the fresh task with only
 * that field changed: PUT replaces every input field, so nobody's other edit is lost), and the
 * same for Undo (which puts the old value back only where the field still has the value the
 * bulk change wrote).
 */
import { ApiError } from '../../api/errors.ts';
import type { Task, TaskInput, TaskStatus } from '../../api/types.ts';
import { formatDate, isCalendarDate } from '../../lib/dates.ts';
import { shiftDate } from './date-shift.ts';

export type BulkField = 'Status' | 'OwnerId' | 'Priority' | 'DueDate';

export type BulkChange =
  | { kind: 'status'; status: TaskStatus }
  | { kind: 'owner'; ownerId: string; ownerName: string }
  | { kind: 'priority'; priority: string | null }
  | { kind: 'due'; dueDate: string | null }
  | { kind: 'shift'; days: number; workingDays: boolean };

/** A field's value as the API has it; a missing or empty one is null. */
export type FieldValue = string | null;

const FIELDS = { status: 'Status', owner: 'OwnerId', priority: 'Priority', due: 'DueDate', shift: 'DueDate' } as const satisfies Record<
  BulkChange['kind'],
  BulkField
>;

export const fieldOf = (change: BulkChange): BulkField => FIELDS[change.kind];

export function valueOf(task: Task, field: BulkField): FieldValue {
  const value = task[field];
  return typeof value === 'string' && value !== '' ? value : null;
}

const NUMBER = new Intl.NumberFormat('en-US');
export const tasksWord = (n: number) => `${NUMBER.format(n)} ${n === 1 ? 'task' : 'tasks'}`;
const daysWord = (n: number, working: boolean) => `${NUMBER.format(n)} ${working ? 'working ' : ''}${n === 1 ? 'day' : 'days'}`;

/** The change in one sentence, as the confirmation and its button say it: "Move 12 tasks to Completed". */
export function describeChange(change: BulkChange, count: number): string {
  const tasks = tasksWord(count);
  switch (change.kind) {
    case 'status':
      return `Move ${tasks} to ${change.status}`;
    case 'owner':
      return `Give ${tasks} to ${change.ownerName}`;
    case 'priority':
      return change.priority ? `Set the priority of ${tasks} to ${change.priority}` : `Clear the priority of ${tasks}`;
    case 'due':
      return change.dueDate ? `Set the due date of ${tasks} to ${formatDate(change.dueDate)}` : `Clear the due date of ${tasks}`;
    case 'shift':
      return change.days > 0
        ? `Move the due dates of ${tasks} ${daysWord(change.days, change.workingDays)} later`
        : `Move the due dates of ${tasks} ${daysWord(-change.days, change.workingDays)} earlier`;
  }
}

/** A field's value in words, for results ("Completed", "Dec 4, 2026", "no due date"). */
function valueInWords(field: BulkField, value: FieldValue, ownerNames?: ReadonlyMap<string, string>): string {
  if (value === null) return { Status: 'no status', OwnerId: 'no owner', Priority: 'no priority', DueDate: 'no due date' }[field];
  if (field === 'DueDate') return formatDate(value);
  if (field === 'OwnerId') return ownerNames?.get(value) ?? value;
  return value;
}

/** What a step does to a task, decided on a fresh read. */
export type StepDecision =
  /** PUT this body. */
  | { action: 'put'; input: TaskInput; before: FieldValue; after: FieldValue }
  /** Nothing to send: the field already has the value (the bulk change's own earlier PUT, or it was so before). */
  | { action: 'already'; before: FieldValue; after: FieldValue }
  /** Not sent, and why (a shift of a task without a due date; a value changed by someone since). */
  | { action: 'skip'; reason: string };

/**
 * The PUT body: the fresh task's input fields with `field` set to `value` (left out when null,
 * which clears it). A task without its name or CTA cannot be written back safely.
 */
export function bulkInput(fresh: Task, field: BulkField, value: FieldValue): TaskInput {
  if (!fresh.Name || !fresh.CTAId) {
    throw new ApiError({
      kind: 'api',
      status: 0,
      errorDesc: 'The server sent the task without its name or CTA, so it cannot be changed safely.',
    });
  }
  const input: TaskInput = { Name: fresh.Name, CTAId: fresh.CTAId };
  for (const f of ['Description', 'OwnerId', 'Priority', 'DueDate', 'Status'] as const) {
    const v = fresh[f];
    if (v !== undefined && v !== null && v !== '') (input as Record<string, unknown>)[f] = v;
  }
  if (value === null) delete (input as Record<string, unknown>)[field];
  else (input as Record<string, unknown>)[field] = value;
  return input;
}

/** What an earlier attempt of this step learnt: the value before and the value it writes. */
export interface StepMemory {
  before: FieldValue;
  after: FieldValue;
  /** A PUT was sent (its answer may have been lost): the field holding `after` then means done. */
  sent: boolean;
}

/**
 * The step for one task, from its fresh read. The target is fixed by the first read: a shift
 * retried after a lost answer finds the date already shifted and does not shift it again.
 */
export function planStep(fresh: Task, change: BulkChange, memory: StepMemory | null): StepDecision {
  const field = fieldOf(change);
  const current = valueOf(fresh, field);
  const names = change.kind === 'owner' ? new Map([[change.ownerId, change.ownerName]]) : undefined;
  const already = { action: 'skip', reason: `Already ${valueInWords(field, current, names)}.` } as const;
  if (memory) {
    if (current === memory.after) return memory.sent ? { action: 'already', before: memory.before, after: memory.after } : already;
    if (change.kind === 'shift' && current !== memory.before) {
      return {
        action: 'skip',
        reason: `Its due date was changed by someone else meanwhile (now ${valueInWords(field, current)}); not shifted.`,
      };
    }
    // A set: whatever it is now is what the PUT replaces (and what Undo puts back).
    return { action: 'put', input: bulkInput(fresh, field, memory.after), before: current, after: memory.after };
  }
  let after: FieldValue;
  switch (change.kind) {
    case 'status':
      after = change.status;
      break;
    case 'owner':
      after = change.ownerId;
      break;
    case 'priority':
      after = change.priority;
      break;
    case 'due':
      after = change.dueDate;
      break;
    case 'shift':
      if (current === null || !isCalendarDate(current)) return { action: 'skip', reason: 'It has no due date to shift.' };
      after = shiftDate(current, change.days, change.workingDays);
      break;
  }
  if (current === after) return already;
  return { action: 'put', input: bulkInput(fresh, field, after), before: current, after };
}

/** What the bulk change did to a task, which Undo takes back. */
export interface DoneChange {
  field: BulkField;
  before: FieldValue;
  after: FieldValue;
}

/**
 * Undo for one task, from its fresh read: put `before` back if the field still holds `after`;
 * nothing to do if it already holds `before` (an earlier Undo's lost answer); otherwise someone
 * changed it since, and it is left as it is.
 */
export function planUndo(fresh: Task, done: DoneChange): StepDecision {
  const current = valueOf(fresh, done.field);
  if (current === done.before) return { action: 'already', before: done.after, after: done.before };
  if (current !== done.after) {
    return {
      action: 'skip',
      reason: `Not undone: changed by someone else since (now ${valueInWords(done.field, current)}).`,
    };
  }
  return { action: 'put', input: bulkInput(fresh, done.field, done.before), before: done.after, after: done.before };
}
