/**
 * The `where` of a board link (`/board?where=<JSON>`), as the search page's "Show on board" sends
 * it: `{"conditions":[SearchCondition...],"expression"?:string}`. A link can be hand-edited or
 * stale, so everything in it is checked here and a problem is told in words, never thrown.
 */
import type { SearchCondition, SearchOperator } from '../../../api/types.ts';
import { ExpressionError, defaultAlias, expressionAliases, isValidAlias, parseExpression } from '../../../lib/search-expression.ts';
import { isTaskFieldName } from '../../../lib/search/fields.ts';
import { MAX_CONDITIONS, MAX_IN_VALUES } from '../../../lib/search/limits.ts';
import { isSearchOperator } from '../../../lib/search/operators.ts';
import { valueCountProblem } from '../../../lib/search/value-counts.ts';

/** A checked `where`: every condition has its alias (given, or A, B, C… by position). */
export interface LinkWhere {
  conditions: (SearchCondition & { name: string; alias: string; operator: SearchOperator; value: (string | number)[] })[];
  expression?: string;
}

export type LinkWhereResult = { ok: true; where: LinkWhere } | { ok: false; error: string };

/**
 * A link may have as many conditions as any search (the search page's "Show on board" must always
 * work); the board makes room for its own conditions itself (see column-search.ts).
 */
const MAX_LINK_CONDITIONS = MAX_CONDITIONS;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function valueCountWords(operator: SearchOperator, count: number): string | null {
  const problem = valueCountProblem(operator, count);
  if (problem === null) return null;
  return {
    'takes-none': 'takes no value',
    'needs-one': 'needs exactly one value',
    'needs-two': 'needs two values (from and to)',
    'needs-some': 'needs at least one value',
    'too-many': `takes at most ${MAX_IN_VALUES} values`,
  }[problem];
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
    if (!isTaskFieldName(name)) {
      return fail(`${nth} names no known task field (${JSON.stringify(name ?? null)}).`);
    }
    if (!isSearchOperator(operator)) {
      return fail(`${nth} (${name}) has an unknown operator ${JSON.stringify(operator ?? null)}.`);
    }
    const op = operator;
    const values = raw.value === undefined || raw.value === null ? [] : Array.isArray(raw.value) ? raw.value : [raw.value];
    if (!values.every((v): v is string | number => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
      return fail(`${nth} (${name}) has a value that is not text or a number.`);
    }
    const countProblem = valueCountWords(op, values.length);
    if (countProblem) return fail(`${nth} (${name} ${op}) ${countProblem}.`);
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
  return JSON.stringify(
    where.expression ? { conditions: where.conditions, expression: where.expression } : { conditions: where.conditions },
  );
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
