/**
 * The whole search lives in one URL parameter, `s`, as compact JSON that stays readable:
 *
 *     {"c":[["Status","IN",["Not Started"]],["DueDate","LT",["today"]]],"logic":"custom",
 *      "expr":"A AND B","cols":["Name","DueDate"],"size":50,"page":2,"sort":["DueDate","asc"]}
 *
 * Defaults are left out (no `s` at all for the default search). Dates stay relative ("today-3").
 * `decodeSearch` trusts nothing: a hand-edited or outdated link gives the nearest sane search
 * plus a list of what was wrong, never an exception.
 */
import { SEARCH_OPERATORS, type SearchOperator } from '../../api/types.ts';
import { defaultAlias } from '../../lib/search-expression.ts';
import { MAX_CONDITIONS, MAX_IN_VALUES } from '../../lib/search/limits.ts';
import { OPERATOR_ARITY, valueCountProblem } from '../../lib/search/value-counts.ts';
import { defaultSearchState, newId, type BuilderCondition, type LogicMode, type SearchState, type SortState } from './builder-state.ts';
import { remapExpression } from './expression-check.ts';
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS_PER_PAGE,
  PAGE_SIZES,
  fieldDef,
  isFieldName,
  operatorLabel,
  operatorsFor,
  type FieldName,
  type PageSize,
} from './search-fields.ts';

export const SEARCH_PARAM = 's';
const MAX_EXPRESSION_LENGTH = 2000;
const MAX_VALUE_LENGTH = 1000;
const MAX_PAGE = 1_000_000;

interface Encoded {
  c?: [string, string, string[]?][];
  logic?: LogicMode;
  expr?: string;
  cols?: string[];
  size?: number;
  page?: number;
  sort?: [string, string];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** The `s` parameter for a search, or null when it is the default search. */
export function encodeSearch(state: SearchState): string | null {
  const out: Encoded = {};
  const { where } = state;
  if (where.conditions.length > 0) {
    out.c = where.conditions.map((c) => (c.values.length > 0 ? [c.field, c.operator, c.values] : [c.field, c.operator]));
  }
  if (where.logic !== 'and') out.logic = where.logic;
  if (where.logic === 'custom') out.expr = where.expression;
  if (!sameList(state.columns, DEFAULT_COLUMNS)) out.cols = state.columns;
  if (state.pageSize !== DEFAULT_ROWS_PER_PAGE) out.size = state.pageSize;
  if (state.page > 0) out.page = state.page + 1;
  if (state.sort) out.sort = [state.sort.field, state.sort.dir];
  return Object.keys(out).length === 0 ? null : JSON.stringify(out);
}

export interface Decoded {
  state: SearchState;
  /** What was wrong with the link, in words, each saying what was done instead. */
  problems: string[];
}

const KNOWN_KEYS = new Set(['c', 'logic', 'expr', 'cols', 'size', 'page', 'sort']);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

function readCondition(item: unknown): BuilderCondition | string {
  if (!Array.isArray(item) || item.length < 2 || item.length > 3) {
    return `it should be ["Field", "OPERATOR", [values]], got ${show(item)}`;
  }
  const [field, operator, values = []] = item as unknown[];
  if (!isFieldName(field)) return `unknown field ${show(field)}`;
  const op = SEARCH_OPERATORS.find((o) => o === operator) as SearchOperator | undefined;
  const allowed = operatorsFor(field);
  const { label, type } = fieldDef(field);
  if (!op || !allowed.includes(op)) {
    const offered = allowed.map((o) => `“${operatorLabel(o, type)}”`).join(', ');
    return `operator ${show(operator)} is not offered for ${label} (it offers ${offered})`;
  }
  if (!Array.isArray(values) || !values.every((v) => typeof v === 'string' && v.length <= MAX_VALUE_LENGTH)) {
    return `its values should be a list of texts, got ${show(values)}`;
  }
  const count = values.length;
  if (valueCountProblem(op, count)) {
    const needs = { none: 'no value', one: 'one value', two: 'two values (from, to)', many: `1 to ${MAX_IN_VALUES} values` }[
      OPERATOR_ARITY[op]
    ];
    return `“${operatorLabel(op, type)}” takes ${needs}, got ${count}`;
  }
  return { id: newId(), field, operator: op, values: values as string[] };
}

/** Reads the `s` parameter; null or empty means the default search. */
export function decodeSearch(param: string | null): Decoded {
  const state = defaultSearchState();
  const problems: string[] = [];
  if (param === null || param === '') return { state, problems };

  let json: unknown;
  try {
    json = JSON.parse(param);
  } catch {
    return { state, problems: ['The search in this link could not be read (it is not valid JSON), so the default search is shown.'] };
  }
  if (!isObject(json)) {
    return { state, problems: [`The search in this link should be a JSON object, got ${show(json)}; the default search is shown.`] };
  }
  for (const key of Object.keys(json)) {
    if (!KNOWN_KEYS.has(key)) problems.push(`Ignored "${key}", which this version does not know.`);
  }

  // Conditions: a broken one is dropped, and the rows after it move up a letter.
  const renames = new Map<string, string | null>();
  if (json.c !== undefined) {
    if (!Array.isArray(json.c)) {
      problems.push(`Conditions ("c") should be a list, got ${show(json.c)}; no conditions are used.`);
    } else {
      const items = json.c.slice(0, MAX_CONDITIONS);
      if (json.c.length > MAX_CONDITIONS) problems.push(`Only the first ${MAX_CONDITIONS} of ${json.c.length} conditions are used.`);
      items.forEach((item, i) => {
        const read = readCondition(item);
        const alias = defaultAlias(i);
        if (typeof read === 'string') {
          problems.push(`Condition ${alias} was dropped: ${read}.`);
          renames.set(alias, null);
        } else {
          renames.set(alias, defaultAlias(state.where.conditions.length));
          state.where = { ...state.where, conditions: [...state.where.conditions, read] };
        }
      });
    }
  }

  if (json.logic !== undefined) {
    if (json.logic === 'and' || json.logic === 'or' || json.logic === 'custom') state.where = { ...state.where, logic: json.logic };
    else problems.push(`Unknown logic ${show(json.logic)}; all conditions (AND) are used.`);
  }
  if (state.where.logic === 'custom') {
    if (typeof json.expr === 'string' && json.expr.length <= MAX_EXPRESSION_LENGTH) {
      const dropped = [...renames.values()].includes(null);
      const expression = dropped ? remapExpression(json.expr, (a) => (renames.has(a) ? renames.get(a)! : a)) : json.expr;
      if (dropped && expression !== json.expr)
        problems.push(`The custom logic was rewritten without the dropped conditions: "${expression}".`);
      state.where = { ...state.where, expression };
    } else {
      problems.push(`The custom logic ("expr") should be a text of at most ${MAX_EXPRESSION_LENGTH} characters, got ${show(json.expr)}.`);
    }
  }

  if (json.cols !== undefined) {
    const cols = Array.isArray(json.cols) ? json.cols : [];
    const known = [...new Set(cols.filter(isFieldName))] as FieldName[];
    const unknown = cols.filter((c) => !isFieldName(c));
    if (!Array.isArray(json.cols)) problems.push(`Columns ("cols") should be a list of fields, got ${show(json.cols)}.`);
    else if (unknown.length > 0) problems.push(`Unknown columns were left out: ${unknown.map(show).join(', ')}.`);
    if (known.length > 0) state.columns = known;
    else problems.push('No known columns were named, so the default columns are shown.');
  }

  if (json.size !== undefined) {
    if (PAGE_SIZES.includes(json.size as PageSize)) state.pageSize = json.size as PageSize;
    else
      problems.push(`Rows per page must be one of ${PAGE_SIZES.join(', ')}, got ${show(json.size)}; ${DEFAULT_ROWS_PER_PAGE} are shown.`);
  }

  if (json.page !== undefined) {
    const page = json.page;
    if (typeof page === 'number' && Number.isInteger(page) && page >= 1 && page <= MAX_PAGE) state.page = page - 1;
    else problems.push(`Page must be a whole number from 1, got ${show(page)}; the first page is shown.`);
  }

  if (json.sort !== undefined) {
    const sort = readSort(json.sort);
    if (sort) state.sort = sort;
    else problems.push(`Sort should be ["Field", "asc" or "desc"], got ${show(json.sort)}; the results are not sorted.`);
  }

  return { state, problems };
}

function readSort(value: unknown): SortState | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [field, dir] = value as unknown[];
  if (!isFieldName(field) || (dir !== 'asc' && dir !== 'desc')) return null;
  return { field, dir };
}

/** A link to the search page for a search (`/search` for the default one). */
export function searchHref(state: SearchState): string {
  const s = encodeSearch(state);
  return s === null ? '/search' : `/search?${new URLSearchParams({ [SEARCH_PARAM]: s })}`;
}
