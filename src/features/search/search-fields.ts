/**
 * What the search builder offers: every Task field with its label (its type comes from the shared
 * search rules in src/lib/search/), and the operators the builder offers for each type, a subset
 * of what the servers accept (ACCEPTED_OPERATORS), narrowed where the issue asks.
 */
import type { SearchOperator, Task } from '../../api/types.ts';
import { operatorInWords } from '../../lib/search-operators.ts';
import { TASK_FIELD_TYPE, type FieldType } from '../../lib/search/fields.ts';

export type { FieldType } from '../../lib/search/fields.ts';
export type FieldName = keyof Required<Task>;

export interface FieldDef {
  name: FieldName;
  /** What people read in the Field menu and column headers. */
  label: string;
  type: FieldType;
}

/** Keyed by field name, so a field added to the spec's Task fails to compile until it is listed. */
const LABELS: { [K in FieldName]: string } = {
  Name: 'Name',
  Status: 'Status',
  Priority: 'Priority',
  DueDate: 'Due date',
  CompanyName: 'Company',
  OwnerName: 'Owner',
  Description: 'Description',
  CompletedDate: 'Completed date',
  CreatedDate: 'Created',
  ModifiedDate: 'Modified',
  Order: 'Order',
  Gsid: 'Task id (Gsid)',
  CTAId: 'CTA id',
  CompanyId: 'Company id',
  OwnerId: 'Owner id',
  PlaybookId: 'Playbook id',
};

/** Every Task field, in the order the Field menu and the column picker list them. */
export const SEARCH_FIELDS: readonly FieldDef[] = (Object.keys(LABELS) as FieldName[]).map((name) => ({
  name,
  label: LABELS[name],
  type: TASK_FIELD_TYPE[name],
}));

const BY_NAME = new Map<string, FieldDef>(SEARCH_FIELDS.map((f) => [f.name, f]));

export function isFieldName(name: unknown): name is FieldName {
  return typeof name === 'string' && BY_NAME.has(name);
}

export function fieldDef(name: FieldName): FieldDef {
  return BY_NAME.get(name)!;
}

const TEXT_OPERATORS: readonly SearchOperator[] = ['CONTAINS', 'EQ', 'NE', 'STARTS_WITH', 'IN', 'NOT_IN', 'IS_NULL', 'IS_NOT_NULL'];
const DATE_OPERATORS: readonly SearchOperator[] = ['EQ', 'LT', 'LTE', 'GT', 'GTE', 'BTW', 'IS_NULL', 'IS_NOT_NULL'];

/**
 * Operators the builder offers for each field type, each one the servers accept for it; the
 * first is the one a new condition starts with.
 */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly SearchOperator[]>> = {
  text: TEXT_OPERATORS,
  picklist: ['EQ', 'NE', 'IN', 'NOT_IN', 'CONTAINS', 'STARTS_WITH', 'IS_NULL', 'IS_NOT_NULL'],
  id: ['EQ', 'NE', 'IN', 'NOT_IN', 'CONTAINS', 'STARTS_WITH', 'IS_NULL', 'IS_NOT_NULL'],
  status: ['EQ', 'NE', 'IN'],
  date: DATE_OPERATORS,
  datetime: DATE_OPERATORS,
  number: ['EQ', 'NE', 'LT', 'LTE', 'GT', 'GTE', 'BTW', 'IS_NULL', 'IS_NOT_NULL'],
};

export function operatorsFor(field: FieldName): readonly SearchOperator[] {
  return OPERATORS_BY_TYPE[fieldDef(field).type];
}

/**
 * "is before": the operator in words for the field's type. The API's code (LT) is shown only in
 * the request preview.
 */
export function operatorLabel(operator: SearchOperator, type: FieldType): string {
  return operatorInWords(operator, { date: type === 'date' || type === 'datetime' });
}

/**
 * A CSV export's header for the columns: in words ("Due date", "Task id (Gsid)"), or, for
 * spreadsheets that feed scripts, the API's field names (DueDate, Gsid).
 */
export function csvHeaders(columns: readonly string[], apiNames: boolean): string[] {
  return columns.map((c) => (apiNames || !isFieldName(c) ? c : fieldDef(c).label));
}

/** The columns the results table shows when a link names none. */
export const DEFAULT_COLUMNS: readonly FieldName[] = ['Name', 'Status', 'Priority', 'DueDate', 'CompanyName', 'OwnerName'];

/** The search page's "Rows per page" choices (the API's own page limit is MAX_PAGE_SIZE). */
export const PAGE_SIZES = [25, 50, 100, 500] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_ROWS_PER_PAGE: PageSize = 25;
