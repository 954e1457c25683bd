/**
 * The Task fields the sandbox knows, and how each maps to a SQLite column.
 * This table is the whitelist: search, select and orderBy only ever name columns found here,
 * so no field name from a request is ever spliced into SQL.
 */
export type FieldType = 'id' | 'text' | 'status' | 'picklist' | 'date' | 'datetime' | 'integer';

export interface FieldDef {
  /** The API name, as in the spec's Task schema. */
  name: string;
  type: FieldType;
  /** The column in table `tasks`. */
  column: string;
  /** A lower-cased shadow column used by CONTAINS / STARTS_WITH (Unicode-aware folding done in JS). */
  foldColumn?: string;
}

export const TASK_FIELDS: readonly FieldDef[] = [
  { name: 'Gsid', type: 'id', column: 'gsid' },
  { name: 'Name', type: 'text', column: 'name', foldColumn: 'name_fold' },
  { name: 'Description', type: 'text', column: 'description', foldColumn: 'description_fold' },
  { name: 'CTAId', type: 'id', column: 'cta_id' },
  { name: 'CompanyId', type: 'id', column: 'company_id' },
  { name: 'CompanyName', type: 'text', column: 'company_name', foldColumn: 'company_name_fold' },
  { name: 'OwnerId', type: 'id', column: 'owner_id' },
  { name: 'OwnerName', type: 'text', column: 'owner_name', foldColumn: 'owner_name_fold' },
  { name: 'Status', type: 'status', column: 'status' },
  { name: 'Priority', type: 'picklist', column: 'priority' },
  { name: 'DueDate', type: 'date', column: 'due_date' },
  { name: 'CompletedDate', type: 'date', column: 'completed_date' },
  { name: 'PlaybookId', type: 'id', column: 'playbook_id' },
  { name: 'Order', type: 'integer', column: 'ord' },
  { name: 'CreatedDate', type: 'datetime', column: 'created_date' },
  { name: 'ModifiedDate', type: 'datetime', column: 'modified_date' },
];

const BY_NAME = new Map(TASK_FIELDS.map((f) => [f.name, f]));

/** Looks a field up by its exact API name (field names are case-sensitive, as in Gainsight). */
export function taskField(name: string): FieldDef | undefined {
  return BY_NAME.get(name);
}

export const TASK_STATUSES = ['Not Started', 'In Progress', 'Completed', 'Skipped'] as const;

/** Picklist order of priorities, used when sorting by Priority (as Gainsight sorts picklists). */
export const PRIORITIES = ['High', 'Medium', 'Low'] as const;

/** Folds text for case-insensitive matching: Unicode lower case, as JS knows it. */
export function fold(text: string): string {
  return text.toLocaleLowerCase('und');
}
