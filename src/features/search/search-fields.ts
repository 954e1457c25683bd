/**
 * The single source of what the search builder offers: every Task field, its type, and the
 * operators each type allows (matching the server's OPERATORS_BY_TYPE, narrowed where the issue
 * asks) with how many values each operator takes.
 */
import type { SearchOperator, Task } from '../../api/types.ts';
import { operatorInWords } from '../../lib/search-operators.ts';

export type FieldType = 'id' | 'text' | 'picklist' | 'status' | 'date' | 'datetime' | 'number';
export type FieldName = keyof Required<Task>;

export interface FieldDef {
  name: FieldName;
  /** What people read in the Field menu and column headers. */
  label: string;
  type: FieldType;
}

/** Keyed by field name, so a field added to the spec's Task fails to compile until it is listed. */
const FIELD_DEFS: { [K in FieldName]: Omit<FieldDef, 'name'> } = {
  Name: { label: 'Name', type: 'text' },
  Status: { label: 'Status', type: 'status' },
  Priority: { label: 'Priority', type: 'picklist' },
  DueDate: { label: 'Due date', type: 'date' },
  CompanyName: { label: 'Company', type: 'text' },
  OwnerName: { label: 'Owner', type: 'text' },
  Description: { label: 'Description', type: 'text' },
  CompletedDate: { label: 'Completed date', type: 'date' },
  CreatedDate: { label: 'Created', type: 'datetime' },
  ModifiedDate: { label: 'Modified', type: 'datetime' },
  Order: { label: 'Order', type: 'number' },
  Gsid: { label: 'Task id (Gsid)', type: 'id' },
  CTAId: { label: 'CTA id', type: 'id' },
  CompanyId: { label: 'Company id', type: 'id' },
  OwnerId: { label: 'Owner id', type: 'id' },
  PlaybookId: { label: 'Playbook id', type: 'id' },
};

/** Every Task field, in the order the Field menu and the column picker list them. */
export const SEARCH_FIELDS: readonly FieldDef[] = (Object.keys(FIELD_DEFS) as FieldName[]).map((name) => ({
  name,
  ...FIELD_DEFS[name],
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

/** Operators each field type allows; the first is the one a new condition starts with. */
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

/** How many values an operator takes: none, exactly one, a from-to pair, or one or more. */
export type Arity = 'none' | 'one' | 'two' | 'many';

export const OPERATOR_ARITY: Readonly<Record<SearchOperator, Arity>> = {
  EQ: 'one',
  NE: 'one',
  LT: 'one',
  LTE: 'one',
  GT: 'one',
  GTE: 'one',
  CONTAINS: 'one',
  STARTS_WITH: 'one',
  BTW: 'two',
  IN: 'many',
  NOT_IN: 'many',
  IS_NULL: 'none',
  IS_NOT_NULL: 'none',
};

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

export const PAGE_SIZES = [25, 50, 100, 500] as const;
export type PageSize = (typeof PAGE_SIZES)[number];
export const DEFAULT_PAGE_SIZE: PageSize = 25;
/** The server accepts at most 100 conditions. */
export const MAX_CONDITIONS = 100;
/** The server accepts at most 1,000 values in one IN / NOT_IN. */
export const MAX_VALUES = 1000;
