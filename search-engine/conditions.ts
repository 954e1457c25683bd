/**
 * Reads `where.conditions`: each condition's alias, field, operator and number of values are
 * checked against the shared search rules (src/lib/search/), then its values, in order, so the
 * first problem is the one reported.
 */
import { MAX_CONDITIONS, MAX_IN_VALUES } from '../src/lib/search/limits.ts';
import { ACCEPTED_OPERATORS, SEARCH_OPERATORS, type SearchOperator } from '../src/lib/search/operators.ts';
import { valueCountProblem } from '../src/lib/search/value-counts.ts';
import { defaultAlias, isValidAlias } from '../src/lib/search-expression.ts';
import { compileCondition } from './condition-sql.ts';
import { SearchError, show, showList } from './errors.ts';
import { TASK_FIELDS, taskField } from './fields.ts';
import { isPlainObject, type Condition } from './request.ts';

function fieldNotFound(where: string, name: unknown): SearchError {
  let hint = '';
  if (typeof name === 'string') {
    const near = TASK_FIELDS.find((f) => f.name.toLowerCase() === name.toLowerCase());
    if (near) hint = ` (field names are case-sensitive: did you mean "${near.name}"?)`;
  }
  const shown = name === undefined ? 'no field name' : show(name);
  return new SearchError(
    'COCKPIT_5101',
    `Invalid field in ${where}: ${shown}${hint}; valid fields: ${showList(TASK_FIELDS.map((f) => f.name))}`,
  );
}

function checkValueCount(label: string, operator: SearchOperator, count: number): void {
  const got = count === 0 ? 'none' : String(count);
  const problem = valueCountProblem(operator, count);
  if (problem === null) return;
  const what = {
    'takes-none': `takes no value (use [] or leave value out), got ${count}`,
    'needs-one': `needs exactly one value, got ${got}`,
    'needs-two': `needs exactly two values [from, to], got ${got}`,
    'needs-some': 'needs at least one value',
    'too-many': `takes at most ${MAX_IN_VALUES} values, got ${count}`,
  }[problem];
  throw new SearchError('COCKPIT_5103', `${label}: ${what}`);
}

/** Validates all conditions (referenced by the expression or not), in order. */
export function readConditions(where: unknown): Condition[] {
  if (where === undefined || where === null) return [];
  if (!isPlainObject(where)) {
    throw new SearchError('COCKPIT_5100', `where must be an object with conditions and expression, got ${show(where)}`);
  }
  const raw = where['conditions'];
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) {
    throw new SearchError('COCKPIT_5100', `where.conditions must be an array, got ${show(raw)}`);
  }
  if (raw.length > MAX_CONDITIONS) {
    throw new SearchError('COCKPIT_5100', `where.conditions has ${raw.length} conditions; at most ${MAX_CONDITIONS} are allowed`);
  }

  const byAlias = new Map<string, number>();
  const out: Condition[] = [];
  raw.forEach((item: unknown, index) => {
    const nth = index + 1;
    if (!isPlainObject(item)) {
      throw new SearchError(
        'COCKPIT_5103',
        `Condition ${nth} must be an object like {"name": "Status", "operator": "EQ", "value": ["Completed"]}, got ${show(item)}`,
      );
    }

    // Alias: given, or A, B, C... by position.
    const given = item['alias'];
    let alias: string;
    let byDefault = false;
    if (given === undefined || given === null || given === '') {
      alias = defaultAlias(index);
      byDefault = true;
    } else if (typeof given !== 'string') {
      throw new SearchError('COCKPIT_5103', `Condition ${nth}: alias must be a string, got ${show(given)}`);
    } else if (!isValidAlias(given)) {
      throw new SearchError(
        'COCKPIT_5103',
        `Condition ${nth}: alias ${show(given)} is not valid (a letter, then letters, digits or _; AND and OR are reserved)`,
      );
    } else {
      alias = given;
    }
    const earlier = byAlias.get(alias);
    if (earlier !== undefined) {
      throw new SearchError(
        'COCKPIT_5103',
        `Conditions ${earlier + 1} and ${nth} both have alias "${alias}"` +
          (byDefault ? ` (condition ${nth} has no alias, so it gets "${alias}" from its position)` : ''),
      );
    }
    byAlias.set(alias, index);

    // Field.
    const name = item['name'];
    const field = typeof name === 'string' ? taskField(name) : undefined;
    if (!field) throw fieldNotFound(`condition ${alias}`, name);

    // Operator.
    const allowed = ACCEPTED_OPERATORS[field.type];
    const opRaw = item['operator'];
    if (opRaw === undefined || opRaw === null || opRaw === '') {
      throw new SearchError(
        'COCKPIT_5103',
        `Condition ${alias} (${field.name}): operator is missing; ${field.name} allows ${showList(allowed)}`,
      );
    }
    // Any letter case (a kindness: the API spells them in capitals). ASCII upper-casing only
    // ('ın'.toUpperCase() is 'IN').
    const opText = typeof opRaw === 'string' && /^[A-Za-z_]+$/.test(opRaw) ? opRaw.toUpperCase() : null;
    const operator = SEARCH_OPERATORS.find((op) => op === opText);
    if (!operator) {
      throw new SearchError(
        'COCKPIT_5103',
        `Condition ${alias} (${field.name}): unknown operator ${show(opRaw)}; ${field.name} allows ${showList(allowed)}`,
      );
    }
    if (!allowed.includes(operator)) {
      throw new SearchError(
        'COCKPIT_5103',
        `Condition ${alias} (${field.name}): operator ${operator} is not allowed on ${field.name} (a ${field.type} field); allowed: ${showList(allowed)}`,
      );
    }

    const label = `Condition ${alias} (${field.name} ${operator})`;
    const valueRaw = item['value'];
    const values = valueRaw === undefined || valueRaw === null ? [] : Array.isArray(valueRaw) ? valueRaw : [valueRaw];
    checkValueCount(label, operator, values.length);
    const condition: Condition = { index, alias, field, operator, values, label };
    // Check the values now, so that conditions the expression leaves out are validated too.
    compileCondition(condition, []);
    out.push(condition);
  });
  return out;
}
