/**
 * The `where` of a board link (`/board?where=<JSON>`), as the search page's "Show on board" sends
 * it: `{"conditions":[SearchCondition...],"expression"?:string}`. A link can be hand-edited or
 * stale, so everything in it is checked here and a problem is told in words, never thrown.
 */
import { TASK_FIELD_NAMES, SEARCH_OPERATORS, type SearchCondition, type SearchOperator } from '../../api/types.ts';
import {
  ExpressionError,
  defaultAlias,
  expressionAliases,
  isValidAlias,
  parseExpression,
} from '../../lib/search-expression.ts';

/** A checked `where`: every condition has its alias (given, or A, B, C… by position). */
export interface LinkWhere {
  conditions: (SearchCondition & { name: string; alias: string; operator: SearchOperator; value: (string | number)[] })[];
  expression?: string;
}

export type LinkWhereResult = { ok: true; where: LinkWhere } | { ok: false; error: string };


/** Most conditions a search may have (the server's limit, and the search page's). */
export const MAX_SEARCH_CONDITIONS = 100;

/**
 * A link may have as many conditions as any search (the search page's "Show on board" must always
 * work); the board makes room for its own conditions itself (see column-request.ts).
 */
export const MAX_LINK_CONDITIONS = MAX_SEARCH_CONDITIONS;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function arityProblem(operator: SearchOperator, count: number): string | null {
  switch (operator) {
    case 'IS_NULL':
    case 'IS_NOT_NULL':
      return count === 0 ? null : 'takes no value';
    case 'BTW':
      return count === 2 ? null : 'needs two values (from and to)';
    case 'IN':
    case 'NOT_IN':
      return count >= 1 ? null : 'needs at least one value';
    default:
      return count === 1 ? null : 'needs exactly one value';
  }
}

function fail(error: string): LinkWhereResult {
  return { ok: false, error };
}

/** Reads the JSON text of a link's `where`. */
export function parseLinkWhere(text: string): LinkWhereResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail('it is not valid JSON.');
  }
  if (!isObject(json) || !Array.isArray(json.conditions)) return fail('it has no list of conditions.');
  if (json.conditions.length > MAX_LINK_CONDITIONS) {
    return fail(`it has ${json.conditions.length} conditions; the board takes at most ${MAX_LINK_CONDITIONS}.`);
  }
  const conditions: LinkWhere['conditions'] = [];
  const aliases = new Set<string>();
  for (const [index, raw] of json.conditions.entries()) {
    const nth = `condition ${index + 1}`;
    if (!isObject(raw)) return fail(`${nth} is not an object.`);
    const { name, operator, alias } = raw;
    if (typeof name !== 'string' || !(TASK_FIELD_NAMES as readonly string[]).includes(name)) {
      return fail(`${nth} names no known task field (${JSON.stringify(name ?? null)}).`);
    }
    if (typeof operator !== 'string' || !(SEARCH_OPERATORS as readonly string[]).includes(operator)) {
      return fail(`${nth} (${name}) has an unknown operator ${JSON.stringify(operator ?? null)}.`);
    }
    const op = operator as SearchOperator;
    const values = raw.value === undefined || raw.value === null ? [] : Array.isArray(raw.value) ? raw.value : [raw.value];
    if (!values.every((v): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
      return fail(`${nth} (${name}) has a value that is not text or a number.`);
    }
    const arity = arityProblem(op, values.length);
    if (arity) return fail(`${nth} (${name} ${op}) ${arity}.`);
    let given: string;
    if (alias === undefined || alias === null || alias === '') given = defaultAlias(index);
    else if (typeof alias === 'string' && isValidAlias(alias)) given = alias;
    else return fail(`${nth} has an invalid alias ${JSON.stringify(alias)}.`);
    if (aliases.has(given)) return fail(`two conditions have the alias "${given}".`);
    aliases.add(given);
    conditions.push({ name, alias: given, operator: op, value: values });
  }
  const { expression } = json;
  if (expression === undefined || expression === null || (typeof expression === 'string' && expression.trim() === '')) {
    return { ok: true, where: { conditions } };
  }
  if (typeof expression !== 'string') return fail('its expression is not text.');
  if (conditions.length === 0) return fail('it has an expression but no conditions.');
  try {
    const unknown = expressionAliases(parseExpression(expression)).filter((a) => !aliases.has(a));
    if (unknown.length > 0) return fail(`its expression names ${unknown.map((a) => `"${a}"`).join(', ')}, which no condition has.`);
  } catch (e) {
    if (e instanceof ExpressionError) return fail(`its expression cannot be read: ${e.message}.`);
    throw e;
  }
  return { ok: true, where: { conditions, expression: expression.trim() } };
}

/** The JSON text a link carries for `where` (the form `parseLinkWhere` reads back). */
export function formatLinkWhere(where: LinkWhere): string {
  return JSON.stringify(where.expression ? { conditions: where.conditions, expression: where.expression } : { conditions: where.conditions });
}

const OPERATOR_WORDS: Record<SearchOperator, string> = {
  EQ: 'is',
  NE: 'is not',
  LT: 'before/below',
  LTE: 'at most',
  GT: 'after/above',
  GTE: 'at least',
  CONTAINS: 'contains',
  STARTS_WITH: 'starts with',
  BTW: 'between',
  IN: 'is one of',
  NOT_IN: 'is none of',
  IS_NULL: 'is empty',
  IS_NOT_NULL: 'is not empty',
};

/** A short reading of the filter for its chip, e.g. `A: Name contains "renewal"; expression A OR B`. */
export function describeLinkWhere(where: LinkWhere): string {
  const parts = where.conditions.map((c) => {
    const values = c.value.map((v) => JSON.stringify(v)).join(c.operator === 'BTW' ? ' and ' : ', ');
    return `${c.alias}: ${c.name} ${OPERATOR_WORDS[c.operator]}${values ? ` ${values}` : ''}`;
  });
  return where.expression ? `${parts.join('; ')}; ${where.expression}` : parts.join('; ');
}
