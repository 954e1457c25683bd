/**
 * The shape of a search body (`POST /tasks/search`) as it comes in, the checked condition the
 * compiler works with, and what it compiles to.
 */
import type { SearchOperator } from '../src/lib/search/operators.ts';
import type { FieldDef } from './fields.ts';

export interface SearchCondition {
  name?: unknown;
  alias?: unknown;
  operator?: unknown;
  value?: unknown;
}

export interface SearchBody {
  select?: string[];
  where?: { conditions?: SearchCondition[]; expression?: string };
  limit?: number;
  offset?: number;
  /** Extension (not in the spec): `{ "DueDate": "asc", "Name": "desc" }`. */
  orderBy?: unknown;
}

export interface CompiledSearch {
  /** A boolean SQL expression over `tasks`; `1=1` when there are no conditions. */
  whereSql: string;
  /** The values for the `?` placeholders of `whereSql`, in order. */
  params: (string | number)[];
  /** An ORDER BY list (without the keywords), made only of whitelisted columns and constants. */
  orderBySql: string;
  /** The fields to return, in the order asked, without duplicates. */
  select: FieldDef[];
  limit: number;
  offset: number;
}

/** A condition whose alias, field, operator and number of values have been checked. */
export interface Condition {
  index: number;
  alias: string;
  field: FieldDef;
  operator: SearchOperator;
  values: unknown[];
  /** "Condition B (DueDate LT)" */
  label: string;
}

/** Most `?` values the WHERE clause may need (SQLite allows 32766 per statement, LIMIT and OFFSET included). */
export const MAX_SQL_PARAMS = 32000;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
