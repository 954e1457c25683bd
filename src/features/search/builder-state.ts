/**
 * The search builder's state and the pure edits made to it. Rows are lettered by position
 * (A, B, C…); those letters are the request's aliases, so an edit that moves rows also renames
 * them in the custom expression.
 */
import type { SearchOperator, SortDirection } from '../../api/types.ts';
import { defaultAlias } from '../../lib/search-expression.ts';
import { OPERATOR_ARITY } from '../../lib/search/value-counts.ts';
import { remapExpression } from './expression-check.ts';
import { DEFAULT_COLUMNS, DEFAULT_ROWS_PER_PAGE, fieldDef, operatorsFor, type FieldName, type PageSize } from './search-fields.ts';

/**
 * How the builder joins its conditions: all of them, any of them, or a custom expression. (Not
 * the board's `Logic`, which is a parsed expression.)
 */
export type LogicMode = 'and' | 'or' | 'custom';

export interface BuilderCondition {
  /** A React key only; never sent, never in the URL. */
  id: string;
  field: FieldName;
  operator: SearchOperator;
  /**
   * Values as edited: text as typed (one entry per line for IN), statuses, date tokens
   * (see relative-dates.ts) or numbers as text. Cleaned and checked when the request is built.
   */
  values: string[];
}

export interface WhereState {
  conditions: BuilderCondition[];
  logic: LogicMode;
  /** The custom expression; used only when logic is 'custom'. */
  expression: string;
}

export interface SortState {
  field: FieldName;
  dir: SortDirection;
}

export interface SearchState {
  where: WhereState;
  /** Columns shown, in picker order; the request selects these plus Gsid. */
  columns: FieldName[];
  pageSize: PageSize;
  /** 0-based page index. */
  page: number;
  sort: SortState | null;
}

let lastId = 0;
export function newId(): string {
  lastId += 1;
  return `c${lastId}`;
}

export const EMPTY_WHERE: WhereState = { conditions: [], logic: 'and', expression: '' };

export function defaultSearchState(): SearchState {
  return { where: EMPTY_WHERE, columns: [...DEFAULT_COLUMNS], pageSize: DEFAULT_ROWS_PER_PAGE, page: 0, sort: null };
}

function aliasesOf(where: WhereState): string[] {
  return where.conditions.map((_c, i) => defaultAlias(i));
}

function defaultValue(field: FieldName): string {
  const { type } = fieldDef(field);
  if (type === 'status') return 'Not Started';
  if (type === 'date' || type === 'datetime') return 'today';
  return '';
}

/** The values a condition keeps when its operator changes: as many as the new operator takes. */
export function valuesFor(field: FieldName, operator: SearchOperator, previous: readonly string[] = []): string[] {
  const first = previous[0] ?? defaultValue(field);
  switch (OPERATOR_ARITY[operator]) {
    case 'none':
      return [];
    case 'one':
      return [first];
    case 'two':
      return [first, previous[1] ?? defaultValue(field)];
    case 'many':
      return previous.length > 0 ? [...previous] : [first];
  }
}

export function newCondition(field: FieldName = 'Name', operator?: SearchOperator): BuilderCondition {
  const op = operator ?? operatorsFor(field)[0]!;
  return { id: newId(), field, operator: op, values: valuesFor(field, op) };
}

/**
 * A new field keeps the operator (and values, if the type is the same) when it allows it; an
 * operator nobody chose (the old type's default) gives way to the new type's default, so Name
 * "contains" becomes Priority "is".
 */
export function changeField(condition: BuilderCondition, field: FieldName): BuilderCondition {
  const sameType = fieldDef(field).type === fieldDef(condition.field).type;
  const allowed = operatorsFor(field);
  const untouched = !sameType && condition.operator === operatorsFor(condition.field)[0];
  const operator = allowed.includes(condition.operator) && !untouched ? condition.operator : allowed[0]!;
  const values = sameType ? valuesFor(field, operator, condition.values) : valuesFor(field, operator);
  return { ...condition, field, operator, values };
}

export function changeOperator(condition: BuilderCondition, operator: SearchOperator): BuilderCondition {
  return { ...condition, operator, values: valuesFor(condition.field, operator, condition.values) };
}

export function addCondition(where: WhereState, condition: BuilderCondition = newCondition()): WhereState {
  return { ...where, conditions: [...where.conditions, condition] };
}

export function updateCondition(where: WhereState, index: number, condition: BuilderCondition): WhereState {
  return { ...where, conditions: where.conditions.map((c, i) => (i === index ? condition : c)) };
}

/** Removes a row; the rows below move up a letter, in the expression too, which drops the removed one. */
export function removeCondition(where: WhereState, index: number): WhereState {
  const aliases = aliasesOf(where);
  const rename = (alias: string): string | null => {
    const i = aliases.indexOf(alias);
    if (i === -1 || i < index) return alias;
    return i === index ? null : defaultAlias(i - 1);
  };
  const conditions = where.conditions.filter((_c, i) => i !== index);
  return { ...where, conditions, expression: remapExpression(where.expression, rename) };
}

/** Inserts a copy below the row; the rows below move down a letter, in the expression too. */
export function duplicateCondition(where: WhereState, index: number): WhereState {
  const original = where.conditions[index];
  if (!original) return where;
  const aliases = aliasesOf(where);
  const rename = (alias: string): string => {
    const i = aliases.indexOf(alias);
    return i > index ? defaultAlias(i + 1) : alias;
  };
  const conditions = [...where.conditions];
  conditions.splice(index + 1, 0, { ...original, id: newId(), values: [...original.values] });
  return { ...where, conditions, expression: remapExpression(where.expression, rename) };
}

/** Switching to custom logic starts from what was chosen before, e.g. "A AND B AND C". */
export function changeLogic(where: WhereState, logic: LogicMode): WhereState {
  if (logic !== 'custom' || where.expression.trim() !== '') return { ...where, logic };
  const joiner = where.logic === 'or' ? ' OR ' : ' AND ';
  return { ...where, logic, expression: aliasesOf(where).join(joiner) };
}
