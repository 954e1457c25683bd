/**
 * Builder state -> the exact SearchRequest the API gets. Relative dates are resolved here, against
 * the `today` passed in, and nowhere else. Anything that would make the server answer 400 (or
 * search for something the user did not mean) is reported as an issue instead, and no request is
 * built.
 */
import { TASK_STATUSES, type SearchCondition, type SearchOperator, type SearchRequest } from '../../api/types.ts';
import { defaultAlias } from '../../lib/search-expression.ts';
import type { BuilderCondition, SearchState, WhereState } from './builder-state.ts';
import { checkExpression, type ExpressionCheck } from './expression-check.ts';
import { resolveDateToken } from './relative-dates.ts';
import { spellingsOf } from './picklist.ts';
import { MAX_IN_VALUES } from '../../lib/search/limits.ts';
import { OPERATOR_ARITY } from '../../lib/search/value-counts.ts';
import { fieldDef, type FieldName } from './search-fields.ts';

export interface BuildOptions {
  /**
   * The values seen in tasks for picklist fields (Priority): "is" and "is any of" then match every
   * spelling of a value, whatever its case (the API compares them exactly).
   */
  spellings?: Partial<Record<FieldName, readonly string[]>>;
}

/** The operator that matches any of several spellings where one was asked for. */
const ANY_OF: Partial<Record<SearchOperator, SearchOperator>> = { EQ: 'IN', NE: 'NOT_IN', IN: 'IN', NOT_IN: 'NOT_IN' };

interface Issue {
  /** The row's letter, or null for the logic. */
  alias: string | null;
  message: string;
}

type Values = (string | number)[];
type ValuesResult = { ok: true; values: Values } | { ok: false; message: string };

const fail = (message: string): ValuesResult => ({ ok: false, message });

function label(n: number, arity: string): string {
  return arity === 'two' ? (n === 0 ? 'From: ' : 'To: ') : '';
}

/** The values of one condition, cleaned, converted and checked for its field type and operator. */
export function conditionValues(condition: BuilderCondition, today: string): ValuesResult {
  const { type } = fieldDef(condition.field);
  const arity = OPERATOR_ARITY[condition.operator];
  if (arity === 'none') return { ok: true, values: [] };

  let raw = condition.values.map((v) => (type === 'date' || type === 'datetime' || type === 'status' ? v : v.trim()));
  if (arity === 'many') raw = [...new Set(raw.filter((v) => v !== ''))];
  else raw = raw.slice(0, arity === 'two' ? 2 : 1);

  const picked = type === 'status' || (type === 'picklist' && condition.operator !== 'CONTAINS' && condition.operator !== 'STARTS_WITH');
  if (arity === 'many' && raw.length === 0) {
    return fail(
      type === 'status' ? 'choose at least one status' : picked ? 'choose at least one value' : 'enter at least one value (one per line)',
    );
  }
  if (raw.length > MAX_IN_VALUES) return fail(`at most ${MAX_IN_VALUES} values, got ${raw.length}`);
  if (arity === 'two' && raw.length < 2) return fail('enter both From and To');
  if (arity === 'one' && raw.length < 1) return fail('enter a value');

  const values: Values = [];
  for (const [i, value] of raw.entries()) {
    const prefix = label(i, arity);
    if (type === 'status') {
      if (!(TASK_STATUSES as readonly string[]).includes(value)) return fail(`${prefix}"${value}" is not a task status`);
      values.push(value);
    } else if (type === 'date' || type === 'datetime') {
      const resolved = resolveDateToken(value, today);
      if (!resolved.ok) return fail(`${prefix}${resolved.message}`);
      values.push(resolved.date);
    } else if (type === 'number') {
      if (!/^[+-]?\d{1,15}$/.test(value)) return fail(`${prefix}enter a whole number`);
      values.push(Number(value));
    } else {
      if (value === '') return fail(`${prefix}${picked ? 'choose a value' : 'enter a value'}`);
      values.push(value);
    }
  }
  if (arity === 'two' && values[0]! > values[1]!) return fail('From is after To');
  return { ok: true, values };
}

export interface WhereResult {
  conditions: SearchCondition[];
  /** Always set when there are conditions, so the request says what it means. */
  expression: string | undefined;
  issues: Issue[];
  /** The custom expression's check (null unless logic is 'custom'). */
  expressionCheck: ExpressionCheck | null;
}

export function buildWhere(where: WhereState, today: string, options: BuildOptions = {}): WhereResult {
  const issues: Issue[] = [];
  const conditions: SearchCondition[] = [];
  where.conditions.forEach((condition, index) => {
    const alias = defaultAlias(index);
    const result = conditionValues(condition, today);
    if (!result.ok) {
      issues.push({ alias, message: `Condition ${alias} (${fieldDef(condition.field).label}): ${result.message}` });
      return;
    }
    let operator = condition.operator;
    let value = result.values;
    const seen = options.spellings?.[condition.field];
    const anyOf = ANY_OF[operator];
    if (seen && anyOf && fieldDef(condition.field).type === 'picklist') {
      const spellings = spellingsOf(value.map(String), seen);
      if (spellings.length > 1) operator = anyOf;
      value = spellings;
    }
    conditions.push({ name: condition.field, alias, operator, value });
  });
  const aliases = where.conditions.map((_c, i) => defaultAlias(i));
  let expression: string | undefined;
  let expressionCheck: ExpressionCheck | null = null;
  if (where.logic === 'custom') {
    expressionCheck = checkExpression(where.expression, aliases);
    if (expressionCheck.error) issues.push({ alias: null, message: `Custom logic: ${expressionCheck.error.message}` });
    expression = where.expression.trim();
  } else if (aliases.length > 0) {
    expression = aliases.join(where.logic === 'or' ? ' OR ' : ' AND ');
  }
  return { conditions, expression, issues, expressionCheck };
}

export type BuildResult = { ok: true; request: SearchRequest; where: WhereResult } | { ok: false; issues: Issue[]; where: WhereResult };

/** The request for one page of results (see `state.page`), or the issues that stop it. */
export function buildSearchRequest(state: SearchState, today: string, options: BuildOptions = {}): BuildResult {
  const where = buildWhere(state.where, today, options);
  if (where.issues.length > 0) return { ok: false, issues: where.issues, where };
  const request: SearchRequest = {
    select: ['Gsid', ...state.columns.filter((c) => c !== 'Gsid')],
    limit: state.pageSize,
    offset: state.page * state.pageSize,
  };
  if (where.conditions.length > 0) request.where = { conditions: where.conditions, expression: where.expression };
  if (state.sort) request.orderBy = { [state.sort.field]: state.sort.dir };
  return { ok: true, request, where };
}

/** The board's `where` parameter: the resolved conditions and expression, as the board reads it. */
export function boardHref(request: SearchRequest): string {
  const where = { conditions: request.where?.conditions ?? [], expression: request.where?.expression ?? '' };
  return `/board?where=${encodeURIComponent(JSON.stringify(where))}`;
}
