/**
 * The Task fields the SQL stores know, and how each maps to a column of table `tasks`: the shared
 * field list (src/lib/search/fields.ts: name and type, which the app's search builder uses too)
 * extended with columns. This table is the whitelist: search, select and orderBy only ever name
 * columns found here, so no field name from a request is ever spliced into SQL.
 */
import { TASK_FIELD_NAMES, TASK_FIELD_TYPE, foldText, type FieldType, type TaskFieldName } from '../src/lib/search/fields.ts';

export { TASK_STATUSES } from '../src/api/types.ts';
/** Picklist order of priorities, used when sorting by Priority (as Gainsight sorts picklists). */
export { PRIORITIES } from '../src/lib/priorities.ts';

export interface FieldDef {
  /** The API name, as in the spec's Task schema. */
  name: TaskFieldName;
  type: FieldType;
  /** The column in table `tasks`. */
  column: string;
  /** A lower-cased shadow column used by CONTAINS / STARTS_WITH (Unicode-aware folding done in JS). */
  foldColumn?: string;
}

/** Every text field has a fold column (fields.test.ts checks it against the table). */
const COLUMNS: { readonly [K in TaskFieldName]-?: Pick<FieldDef, 'column' | 'foldColumn'> } = {
  Gsid: { column: 'gsid' },
  Name: { column: 'name', foldColumn: 'name_fold' },
  Description: { column: 'description', foldColumn: 'description_fold' },
  CTAId: { column: 'cta_id' },
  CompanyId: { column: 'company_id' },
  CompanyName: { column: 'company_name', foldColumn: 'company_name_fold' },
  OwnerId: { column: 'owner_id' },
  OwnerName: { column: 'owner_name', foldColumn: 'owner_name_fold' },
  Status: { column: 'status' },
  Priority: { column: 'priority' },
  DueDate: { column: 'due_date' },
  CompletedDate: { column: 'completed_date' },
  PlaybookId: { column: 'playbook_id' },
  Order: { column: 'ord' },
  CreatedDate: { column: 'created_date' },
  ModifiedDate: { column: 'modified_date' },
};

export const TASK_FIELDS: readonly FieldDef[] = TASK_FIELD_NAMES.map((name) => ({
  name,
  type: TASK_FIELD_TYPE[name],
  ...COLUMNS[name],
}));

const BY_NAME = new Map<string, FieldDef>(TASK_FIELDS.map((f) => [f.name, f]));

/** Looks a field up by its exact API name (field names are case-sensitive, as in Gainsight). */
export function taskField(name: string): FieldDef | undefined {
  return BY_NAME.get(name);
}

/** Folds text for case-insensitive matching (the fold columns): the app's rule, foldText. */
export const fold = foldText;
