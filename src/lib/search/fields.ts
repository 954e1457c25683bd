/**
 * The Task fields a search may name, select or sort by, and the type of each: the one list the
 * app's search builder (which adds labels) and both servers' SQL (which adds columns) extend.
 * The type decides which operators a field takes (operators.ts) and how its values compare.
 */
import type { Task } from '../../api/types.ts';

export type TaskFieldName = keyof Task & string;

/**
 * - id, text, picklist: strings (text is matched and sorted case-insensitively, see foldText)
 * - status: one of the task statuses
 * - date: a calendar date, `YYYY-MM-DD`; datetime: an ISO date-time
 * - number: an integer (Order is the only one)
 */
export type FieldType = 'id' | 'text' | 'picklist' | 'status' | 'date' | 'datetime' | 'number';

/**
 * Keyed by the generated Task schema, so a field added to the spec fails to compile until it is
 * typed here; in the spec's order.
 */
export const TASK_FIELD_TYPE: { readonly [K in TaskFieldName]-?: FieldType } = {
  Gsid: 'id',
  Name: 'text',
  Description: 'text',
  CTAId: 'id',
  CompanyId: 'id',
  CompanyName: 'text',
  OwnerId: 'id',
  OwnerName: 'text',
  Status: 'status',
  Priority: 'picklist',
  DueDate: 'date',
  CompletedDate: 'date',
  PlaybookId: 'id',
  Order: 'number',
  CreatedDate: 'datetime',
  ModifiedDate: 'datetime',
};

/** Every Task field, in the spec's order. */
export const TASK_FIELD_NAMES = Object.keys(TASK_FIELD_TYPE) as readonly TaskFieldName[];

/** Field names are case-sensitive, as in Gainsight: `dueDate` is not a field. */
export function isTaskFieldName(name: unknown): name is TaskFieldName {
  return typeof name === 'string' && Object.hasOwn(TASK_FIELD_TYPE, name);
}

/**
 * Folds text for case-insensitive matching and sorting of `text` fields: Unicode lower case, as
 * JavaScript knows it (the servers store it in a shadow column; the app compares with it).
 */
export function foldText(text: string): string {
  return text.toLocaleLowerCase('und');
}
