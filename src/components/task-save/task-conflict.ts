/**
 * Did someone else change the task while it was being edited, and what exactly? Compares the
 * version the form was opened from with the one on the server now, field by field, and merges
 * per field: a field only I changed keeps mine, a field only they changed keeps theirs, and only
 * a field we both changed (to different values) is a conflict the user must settle. Pure.
 */
import { TASK_STATUSES, type Task, type TaskInput, type TaskStatus } from '../../api/types.ts';

/** The fields a save replaces (TaskInput), in form order. */
const COMPARED_FIELDS = [
  'Name',
  'CTAId',
  'OwnerId',
  'Status',
  'Priority',
  'DueDate',
  'Description',
] as const satisfies readonly (keyof TaskInput)[];
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export const FIELD_LABELS: Record<ComparedField, string> = {
  Name: 'Name',
  CTAId: 'CTA',
  OwnerId: 'Owner',
  Status: 'Status',
  Priority: 'Priority',
  DueDate: 'Due date',
  Description: 'Description',
};

export interface FieldChange {
  field: ComparedField;
  label: string;
  /** The value when the form was opened. */
  before: string;
  /** The value on the server now (someone else's). */
  theirs: string;
  /** The value the form would save. */
  mine: string;
  /** The user changed this field too (else "mine" is still the value they started from). */
  changedByYou: boolean;
  /** Saving mine would replace their value (mine differs from theirs). */
  overwrites: boolean;
}

/** Both changed the field, to different values: only the user can say which to keep. */
export const isConflict = (change: FieldChange) => change.changedByYou && change.overwrites;

export interface ConflictCheck {
  /** The server's version is not the one the form was opened from (ModifiedDate or a field moved). */
  changedOnServer: boolean;
  /** The fields someone else changed; a save without asking would overwrite these. */
  changes: FieldChange[];
}

/** A field's value as text; a missing optional field is ''. */
function fieldText(source: Partial<TaskInput>, field: ComparedField): string {
  return source[field] ?? '';
}

/**
 * Fields the edit form does not edit (the CTA is fixed once created): a save sends the server's
 * current value, so a change there is always theirs and is kept.
 */
const KEPT_FROM_SERVER: readonly ComparedField[] = ['CTAId'];

/**
 * Compares the task the form was opened from (`opened`) with the server's current version
 * (`current`), and says for each field someone else changed what the user's save (`mine`) would
 * put there instead. Only a field both changed to different values is a conflict (isConflict):
 * a newer ModifiedDate with every field the same (someone saved without changing anything), a
 * field both set to the same value, a field only they changed (merged), or the CTA (which the
 * save takes from the server) are not.
 */
export function checkForConflict(opened: Task, current: Task, mine: TaskInput): ConflictCheck {
  const changes: FieldChange[] = [];
  for (const field of COMPARED_FIELDS) {
    const before = fieldText(opened, field);
    const theirs = fieldText(current, field);
    if (before === theirs) continue;
    const kept = KEPT_FROM_SERVER.includes(field);
    // A kept field is compared with the version the form was opened from, not with whatever the
    // input carries: the user never changed it, and the save keeps theirs.
    const mineText = kept ? theirs : fieldText(mine, field);
    changes.push({
      field,
      label: FIELD_LABELS[field],
      before,
      theirs,
      mine: mineText,
      changedByYou: !kept && mineText !== before,
      overwrites: mineText !== theirs,
    });
  }
  return { changedOnServer: changes.length > 0 || opened.ModifiedDate !== current.ModifiedDate, changes };
}

/**
 * True when a save must first ask the user: a field both of us changed, to different values.
 * Their changes to fields the user left alone are merged in without asking (see mergeInput).
 */
export function needsConfirmation(check: ConflictCheck): boolean {
  return check.changes.some(isConflict);
}

export type Side = 'mine' | 'theirs';

/** A TaskInput from field texts ('' leaves an optional field out, which clears it on a PUT). */
function inputFromTexts(texts: Record<ComparedField, string>): TaskInput {
  const input: TaskInput = { Name: texts.Name, CTAId: texts.CTAId };
  if ((TASK_STATUSES as readonly string[]).includes(texts.Status)) input.Status = texts.Status as TaskStatus;
  for (const field of ['OwnerId', 'Priority', 'DueDate', 'Description'] as const) {
    if (texts[field] !== '') input[field] = texts[field];
  }
  return input;
}

/**
 * What to save, field by field: mine where only I changed it (or nobody did), theirs where only
 * they did, and for a field we both changed, the side `choices` names (mine when not named).
 */
export function mergeInput(
  changes: readonly FieldChange[],
  mine: TaskInput,
  choices: Partial<Record<ComparedField, Side>> = {},
): TaskInput {
  const texts = Object.fromEntries(COMPARED_FIELDS.map((f) => [f, fieldText(mine, f)])) as Record<ComparedField, string>;
  for (const change of changes) {
    const keepTheirs = isConflict(change) ? choices[change.field] === 'theirs' : true;
    if (keepTheirs) texts[change.field] = change.theirs;
  }
  return inputFromTexts(texts);
}

/** The fields whose values come from them in a merge without conflicts (for telling the user). */
export function theirsMerged(changes: readonly FieldChange[]): FieldChange[] {
  return changes.filter((c) => !isConflict(c) && c.overwrites && !KEPT_FROM_SERVER.includes(c.field));
}
