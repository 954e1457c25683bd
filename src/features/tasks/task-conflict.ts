/**
 * Did someone else change the task while it was being edited, and what exactly? Compares the
 * version the form was opened from with the one on the server now, field by field. Pure.
 */
import type { Task, TaskInput } from '../../api/types.ts';

/** The fields a save replaces (TaskInput), in form order. */
export const COMPARED_FIELDS = ['Name', 'CTAId', 'OwnerId', 'Status', 'Priority', 'DueDate', 'Description'] as const satisfies readonly (keyof TaskInput)[];
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
  /** Saving would replace their value (mine differs from theirs); only these need asking. */
  overwrites: boolean;
}

export interface ConflictCheck {
  /** The server's version is not the one the form was opened from (ModifiedDate or a field moved). */
  changedOnServer: boolean;
  /** The fields someone else changed; a save without asking would overwrite these. */
  changes: FieldChange[];
}

/** A field's value as text; a missing optional field is ''. */
export function fieldText(source: Partial<TaskInput>, field: ComparedField): string {
  return source[field] ?? '';
}

/**
 * Fields the edit form does not edit (the CTA is fixed once created): a save sends the server's
 * current value, so a change there is always theirs and is kept.
 */
export const KEPT_FROM_SERVER: readonly ComparedField[] = ['CTAId'];

/**
 * Compares the task the form was opened from (`opened`) with the server's current version
 * (`current`), and says for each field someone else changed what the user's save (`mine`) would
 * put there instead. Only a field the save would overwrite is a conflict: a newer ModifiedDate
 * with every field the same (someone saved without changing anything), a field both set to the
 * same value, or the CTA (which the save takes from the server) overwrite nothing.
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

/** True when a save of `mine` must first ask the user: it would overwrite someone else's change. */
export function needsConfirmation(check: ConflictCheck): boolean {
  return check.changes.some((change) => change.overwrites);
}

/** What the conflict dialog says under the user's value of a changed field, if anything. */
export function yoursNote(change: FieldChange): string | null {
  if (KEPT_FROM_SERVER.includes(change.field)) return `(theirs is kept: the ${change.label} is not edited here)`;
  if (!change.overwrites) return '(the same as theirs)';
  if (!change.changedByYou) return '(as it was when you started)';
  return null;
}
