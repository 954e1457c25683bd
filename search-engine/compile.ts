/**
 * Turns a Gainsight search body (`POST /tasks/search`) into SQL over table `tasks`.
 *
 * The body has passed the spec's loose JSON schema, so it is an object, but nothing inside it is
 * trusted: every field name is looked up in the whitelist (`TASK_FIELDS`) and only the columns
 * found there are written into SQL; every value travels as a `?` parameter.
 *
 * The server runs:
 *     SELECT <select columns> FROM tasks WHERE ${whereSql} ORDER BY ${orderBySql} LIMIT ? OFFSET ?
 * with [...params, limit, offset], and `SELECT count(*) FROM tasks WHERE ${whereSql}` with params.
 */
import { PRIORITIES, TASK_FIELDS, TASK_STATUSES, fold, taskField } from './fields.ts';
import type { FieldDef, FieldType } from './fields.ts';
import { ExpressionError, defaultAlias, expressionAliases, isValidAlias, parseExpression } from '../src/lib/search-expression.ts';
import type { Expr } from '../src/lib/search-expression.ts';

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

/**
 * - COCKPIT_5100: the request as a whole (limit, offset, orderBy direction, shape, size)
 * - COCKPIT_5101: an unknown field (in select, a condition or orderBy)
 * - COCKPIT_5102: the expression (syntax, or an alias no condition has)
 * - COCKPIT_5103: a condition (alias, operator, value)
 */
export type SearchErrorCode = 'COCKPIT_5100' | 'COCKPIT_5101' | 'COCKPIT_5102' | 'COCKPIT_5103';

export class SearchError extends Error {
  readonly code: SearchErrorCode;
  readonly status = 400 as const;

  constructor(code: SearchErrorCode, message: string) {
    super(message);
    this.name = 'SearchError';
    this.code = code;
  }
}

export const OPERATORS = [
  'EQ',
  'NE',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'CONTAINS',
  'STARTS_WITH',
  'BTW',
  'IN',
  'NOT_IN',
  'IS_NULL',
  'IS_NOT_NULL',
] as const;
export type Operator = (typeof OPERATORS)[number];

const TEXT_OPERATORS: readonly Operator[] = ['EQ', 'NE', 'CONTAINS', 'STARTS_WITH', 'IN', 'NOT_IN', 'IS_NULL', 'IS_NOT_NULL'];
const ORDERED_OPERATORS: readonly Operator[] = ['EQ', 'NE', 'LT', 'LTE', 'GT', 'GTE', 'BTW', 'IN', 'NOT_IN', 'IS_NULL', 'IS_NOT_NULL'];

/** Which operators each field type allows. */
export const OPERATORS_BY_TYPE: Readonly<Record<FieldType, readonly Operator[]>> = {
  id: TEXT_OPERATORS,
  text: TEXT_OPERATORS,
  picklist: TEXT_OPERATORS,
  status: ['EQ', 'NE', 'IN', 'NOT_IN'],
  date: ORDERED_OPERATORS,
  datetime: ORDERED_OPERATORS,
  integer: ORDERED_OPERATORS,
};

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 5000;
/** Most values an IN / NOT_IN condition may list. */
export const MAX_IN_VALUES = 1000;
/** Most conditions a search may have. */
export const MAX_CONDITIONS = 100;
/** Most `?` values the WHERE clause may need (SQLite allows 32766 per statement, LIMIT and OFFSET included). */
export const MAX_SQL_PARAMS = 32000;

/**
 * Order when the request has no orderBy: oldest task first, and Gsid to break ties, so that
 * paging through with offset never repeats or skips a task (uses index tasks_created).
 */
export const DEFAULT_ORDER_BY_SQL = 'created_date ASC, gsid ASC';

// ---------------------------------------------------------------------------------------------
// Values

function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function showList(items: readonly string[]): string {
  return items.join(', ');
}

interface CalendarDate {
  y: number;
  m: number;
  d: number;
}

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function parseCalendarDate(text: string): CalendarDate | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const formatDate = ({ y, m, d }: CalendarDate): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** The day after, or null after 9999-12-31 (no stored date-time can be that late). */
function nextDay({ y, m, d }: CalendarDate): CalendarDate | null {
  if (d < daysInMonth(y, m)) return { y, m, d: d + 1 };
  if (m < 12) return { y, m: m + 1, d: 1 };
  if (y < 9999) return { y: y + 1, m: 1, d: 1 };
  return null;
}

/** A datetime value: a whole UTC day (`start` inclusive, `end` exclusive or null), or an instant. */
type DateTimeValue =
  | { kind: 'day'; day: string; start: string; end: string | null }
  | { kind: 'instant'; iso: string };

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses `YYYY-MM-DD` (a whole UTC day) or an ISO date-time with `Z` or an offset, seconds and
 * fraction optional; an instant is normalised to UTC `YYYY-MM-DDTHH:MM:SS.sssZ` (as stored),
 * digits beyond milliseconds are dropped.
 */
function parseDateTime(text: string): DateTimeValue | null {
  const date = parseCalendarDate(text);
  if (date) {
    const next = nextDay(date);
    return {
      kind: 'day',
      day: text,
      start: `${text}T00:00:00.000Z`,
      end: next ? `${formatDate(next)}T00:00:00.000Z` : null,
    };
  }
  const match = DATE_TIME.exec(text);
  if (!match) return null;
  const [, dayText, hh, mi, ss, frac, zulu, sign, oh, om] = match;
  const day = parseCalendarDate(dayText!);
  if (!day) return null;
  const hours = Number(hh);
  const minutes = Number(mi);
  const seconds = ss === undefined ? 0 : Number(ss);
  const millis = frac === undefined ? 0 : Number(frac.slice(0, 3).padEnd(3, '0'));
  if (hours > 23 || minutes > 59 || seconds > 59) return null;
  let offsetMinutes = 0;
  if (!zulu) {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 23 || offM > 59) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  // setUTCFullYear, unlike Date.UTC, takes years 0..99 literally.
  const at = new Date(0);
  at.setUTCFullYear(day.y, day.m - 1, day.d);
  at.setUTCHours(hours, minutes, seconds, millis);
  const utc = new Date(at.getTime() - offsetMinutes * 60_000);
  const year = utc.getUTCFullYear();
  if (year < 0 || year > 9999) return null;
  const iso =
    `${pad(year, 4)}-${pad(utc.getUTCMonth() + 1, 2)}-${pad(utc.getUTCDate(), 2)}` +
    `T${pad(utc.getUTCHours(), 2)}:${pad(utc.getUTCMinutes(), 2)}:${pad(utc.getUTCSeconds(), 2)}` +
    `.${pad(utc.getUTCMilliseconds(), 3)}Z`;
  return { kind: 'instant', iso };
}

function parseInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^[+-]?\d{1,16}$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

/** Lower-cases ASCII letters only, as SQLite's lower() does (without ICU). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Length in Unicode code points, which is how SQLite's substr() counts TEXT. */
function codePointLength(text: string): number {
  return Array.from(text).length;
}

// ---------------------------------------------------------------------------------------------
// Conditions

interface Condition {
  index: number;
  alias: string;
  field: FieldDef;
  operator: Operator;
  values: unknown[];
  /** "Condition B (DueDate LT)" */
  label: string;
}

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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates all conditions (referenced by the expression or not), in order. */
function readConditions(where: unknown): Condition[] {
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
    throw new SearchError(
      'COCKPIT_5100',
      `where.conditions has ${raw.length} conditions; at most ${MAX_CONDITIONS} are allowed`,
    );
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
    const allowed = OPERATORS_BY_TYPE[field.type];
    const opRaw = item['operator'];
    if (opRaw === undefined || opRaw === null || opRaw === '') {
      throw new SearchError(
        'COCKPIT_5103',
        `Condition ${alias} (${field.name}): operator is missing; ${field.name} allows ${showList(allowed)}`,
      );
    }
    // ASCII upper-casing only ('ın'.toUpperCase() is 'IN').
    const opText = typeof opRaw === 'string' && /^[A-Za-z_]+$/.test(opRaw) ? opRaw.toUpperCase() : null;
    const operator = OPERATORS.find((op) => op === opText);
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
    checkArity(label, operator, values.length);
    const condition: Condition = { index, alias, field, operator, values, label };
    // Check the values now, so that conditions the expression leaves out are validated too.
    compileCondition(condition, []);
    out.push(condition);
  });
  return out;
}

function checkArity(label: string, operator: Operator, count: number): void {
  const fail = (what: string): never => {
    throw new SearchError('COCKPIT_5103', `${label}: ${what}`);
  };
  const got = count === 0 ? 'none' : String(count);
  switch (operator) {
    case 'IS_NULL':
    case 'IS_NOT_NULL':
      if (count !== 0) fail(`takes no value (use [] or leave value out), got ${count}`);
      return;
    case 'BTW':
      if (count !== 2) fail(`needs exactly two values [from, to], got ${got}`);
      return;
    case 'IN':
    case 'NOT_IN':
      if (count === 0) fail('needs at least one value');
      if (count > MAX_IN_VALUES) fail(`takes at most ${MAX_IN_VALUES} values, got ${count}`);
      return;
    default:
      if (count !== 1) fail(`needs exactly one value, got ${got}`);
  }
}

/** A value made ready for SQL: a string or number parameter, or a datetime day/instant. */
type Prepared = { kind: 'scalar'; value: string | number } | DateTimeValue;

function prepareValue(c: Condition, value: unknown): Prepared {
  const fail = (what: string): never => {
    throw new SearchError('COCKPIT_5103', `${c.label}: ${what}`);
  };
  if (value === null) fail('null is not a value; use IS_NULL or IS_NOT_NULL to test for a missing value');
  switch (c.field.type) {
    case 'id':
    case 'text':
    case 'picklist': {
      if (typeof value !== 'string') return fail(`expected a string, got ${show(value)}`);
      if (value === '' && (c.operator === 'CONTAINS' || c.operator === 'STARTS_WITH')) {
        fail('an empty string would match every task; leave the condition out, or use IS_NOT_NULL');
      }
      return { kind: 'scalar', value };
    }
    case 'status': {
      if (typeof value !== 'string' || !(TASK_STATUSES as readonly string[]).includes(value)) {
        return fail(`${show(value)} is not a task status (expected one of ${TASK_STATUSES.map((s) => `"${s}"`).join(', ')})`);
      }
      return { kind: 'scalar', value };
    }
    case 'date': {
      if (typeof value !== 'string' || !parseCalendarDate(value)) {
        return fail(`${show(value)} is not a calendar date (YYYY-MM-DD)`);
      }
      return { kind: 'scalar', value };
    }
    case 'datetime': {
      const parsed = typeof value === 'string' ? parseDateTime(value) : null;
      if (!parsed) {
        return fail(
          `${show(value)} is neither a calendar date (YYYY-MM-DD) nor an ISO date-time with Z or an offset (e.g. 2026-03-01T09:30:00Z)`,
        );
      }
      return parsed;
    }
    case 'integer': {
      const n = parseInteger(value);
      if (n === null) return fail(`${show(value)} is not an integer`);
      return { kind: 'scalar', value: n };
    }
  }
}

const scalar = (p: Prepared): string | number => {
  if (p.kind !== 'scalar') throw new Error('internal: expected a scalar value');
  return p.value;
};

/**
 * The SQL for one condition (not parenthesised), pushing its values onto `params`.
 * Throws SearchError for a bad value.
 */
function compileCondition(c: Condition, params: (string | number)[]): string {
  const { field, operator } = c;
  const col = field.column;
  const prepared = c.values.map((v) => prepareValue(c, v));
  const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

  if (operator === 'IS_NULL') return `${col} IS NULL`;
  if (operator === 'IS_NOT_NULL') return `${col} IS NOT NULL`;

  if (field.type === 'datetime') return compileDateTime(c, prepared as DateTimeValue[], params);

  const first = prepared[0]!;
  switch (operator) {
    case 'EQ':
      params.push(scalar(first));
      return `${col} = ?`;
    case 'NE':
      params.push(scalar(first));
      return `${col} IS NULL OR ${col} <> ?`;
    case 'LT':
    case 'LTE':
    case 'GT':
    case 'GTE': {
      const sqlOp = { LT: '<', LTE: '<=', GT: '>', GTE: '>=' }[operator];
      params.push(scalar(first));
      return `${col} ${sqlOp} ?`;
    }
    case 'BTW': {
      const from = scalar(first);
      const to = scalar(prepared[1]!);
      if (from > to) {
        throw new SearchError('COCKPIT_5103', `${c.label}: from value ${show(from)} is after to value ${show(to)}`);
      }
      params.push(from, to);
      return `${col} >= ? AND ${col} <= ?`;
    }
    case 'IN':
      params.push(...prepared.map(scalar));
      return `${col} IN (${placeholders(prepared.length)})`;
    case 'NOT_IN':
      params.push(...prepared.map(scalar));
      return `${col} IS NULL OR ${col} NOT IN (${placeholders(prepared.length)})`;
    case 'CONTAINS':
    case 'STARTS_WITH': {
      // Case-insensitive: Unicode folding via the fold column where there is one, else ASCII
      // folding on both sides with SQLite's lower(). instr/substr take no wildcards, so % and _
      // in the value are literal.
      const text = String(scalar(first));
      const target = field.foldColumn ?? `lower(${col})`;
      const needle = field.foldColumn ? fold(text) : asciiLower(text);
      if (operator === 'CONTAINS') {
        params.push(needle);
        return `instr(${target}, ?) > 0`;
      }
      params.push(codePointLength(needle), needle);
      return `substr(${target}, 1, ?) = ?`;
    }
  }
}

/**
 * Datetime columns hold UTC `YYYY-MM-DDTHH:MM:SS.sssZ` and compare as text. A date-only value
 * means the whole UTC day [start, end); a date-time value compares exactly.
 */
function compileDateTime(c: Condition, values: DateTimeValue[], params: (string | number)[]): string {
  const col = c.field.column;
  const first = values[0]!;
  // There is no stored date-time after 9999-12-31, so a missing day end is "after everything".
  const before = (end: string | null): string => {
    if (end === null) return `${col} IS NOT NULL`;
    params.push(end);
    return `${col} < ?`;
  };
  const atOrAfter = (start: string | null): string => {
    if (start === null) return '0';
    params.push(start);
    return `${col} >= ?`;
  };
  switch (c.operator) {
    case 'EQ':
      if (first.kind === 'instant') {
        params.push(first.iso);
        return `${col} = ?`;
      }
      return `${atOrAfter(first.start)} AND ${before(first.end)}`;
    case 'NE':
      if (first.kind === 'instant') {
        params.push(first.iso);
        return `${col} IS NULL OR ${col} <> ?`;
      }
      params.push(first.start);
      if (first.end === null) return `${col} IS NULL OR ${col} < ?`;
      params.push(first.end);
      return `${col} IS NULL OR ${col} < ? OR ${col} >= ?`;
    case 'LT':
      params.push(first.kind === 'instant' ? first.iso : first.start);
      return `${col} < ?`;
    case 'LTE':
      if (first.kind === 'instant') {
        params.push(first.iso);
        return `${col} <= ?`;
      }
      return before(first.end);
    case 'GT':
      if (first.kind === 'instant') {
        params.push(first.iso);
        return `${col} > ?`;
      }
      return atOrAfter(first.end);
    case 'GTE':
      params.push(first.kind === 'instant' ? first.iso : first.start);
      return `${col} >= ?`;
    case 'BTW': {
      const to = values[1]!;
      const from = first.kind === 'instant' ? first.iso : first.start;
      const empty = to.kind === 'instant' ? from > to.iso : to.end !== null && from >= to.end;
      if (empty) {
        const shownFrom = first.kind === 'instant' ? first.iso : first.day;
        const shownTo = to.kind === 'instant' ? to.iso : to.day;
        throw new SearchError('COCKPIT_5103', `${c.label}: from value "${shownFrom}" is after to value "${shownTo}"`);
      }
      params.push(from);
      if (to.kind === 'instant') {
        params.push(to.iso);
        return `${col} >= ? AND ${col} <= ?`;
      }
      return `${col} >= ? AND ${before(to.end)}`;
    }
    case 'IN':
    case 'NOT_IN': {
      // Whole days as one IN over the UTC date part (the first 10 characters), instants as
      // another: a list stays one or two terms, however long (SQLite caps expression depth).
      const days = values.flatMap((v) => (v.kind === 'day' ? [v.day] : []));
      const instants = values.flatMap((v) => (v.kind === 'instant' ? [v.iso] : []));
      const parts: string[] = [];
      if (days.length > 0) {
        params.push(...days);
        parts.push(`substr(${col}, 1, 10) IN (${days.map(() => '?').join(', ')})`);
      }
      if (instants.length > 0) {
        params.push(...instants);
        parts.push(`${col} IN (${instants.map(() => '?').join(', ')})`);
      }
      const anyOf = parts.join(' OR ');
      return c.operator === 'IN' ? anyOf : `${col} IS NULL OR NOT (${anyOf})`;
    }
    default:
      throw new Error(`internal: ${c.operator} on a datetime field`);
  }
}

// ---------------------------------------------------------------------------------------------
// Expression

function compileWhere(conditions: Condition[], expressionRaw: unknown, params: (string | number)[]): string {
  let expr: Expr | null = null;
  if (expressionRaw !== undefined && expressionRaw !== null) {
    if (typeof expressionRaw !== 'string') {
      throw new SearchError('COCKPIT_5102', `where.expression must be a string, got ${show(expressionRaw)}`);
    }
    if (expressionRaw.trim() !== '') {
      try {
        expr = parseExpression(expressionRaw);
      } catch (err) {
        if (err instanceof ExpressionError) {
          throw new SearchError('COCKPIT_5102', `Invalid expression ${show(expressionRaw)}: ${err.message}`);
        }
        throw err;
      }
    }
  }

  const byAlias = new Map(conditions.map((c) => [c.alias, c]));
  if (expr) {
    for (const alias of expressionAliases(expr)) {
      if (byAlias.has(alias)) continue;
      const near = conditions.find((c) => c.alias.toLowerCase() === alias.toLowerCase());
      const known = conditions.length === 0 ? 'there are no conditions' : `conditions are ${showList(conditions.map((c) => c.alias))}`;
      throw new SearchError(
        'COCKPIT_5102',
        `Invalid expression ${show(expressionRaw)}: no condition has alias "${alias}" (${known})` +
          (near ? `; aliases are case-sensitive: did you mean "${near.alias}"?` : ''),
      );
    }
  }

  if (!expr) {
    if (conditions.length === 0) return '1=1';
    return conditions.map((c) => `(${compileCondition(c, params)})`).join(' AND ');
  }

  const emit = (e: Expr): string => {
    if (e.kind === 'ref') return `(${compileCondition(byAlias.get(e.alias)!, params)})`;
    // Parameters are pushed left to right, in the order the placeholders appear.
    const left = emit(e.left);
    const right = emit(e.right);
    return `(${left} ${e.kind === 'and' ? 'AND' : 'OR'} ${right})`;
  };
  return emit(expr);
}

// ---------------------------------------------------------------------------------------------
// Select, order, paging

function compileSelect(select: unknown): FieldDef[] {
  if (select === undefined || select === null) return [...TASK_FIELDS];
  if (!Array.isArray(select)) {
    throw new SearchError('COCKPIT_5100', `select must be an array of field names, got ${show(select)}`);
  }
  if (select.length === 0) return [...TASK_FIELDS];
  const bad: string[] = [];
  const out: FieldDef[] = [];
  for (const name of select as unknown[]) {
    const field = typeof name === 'string' ? taskField(name) : undefined;
    if (!field) bad.push(typeof name === 'string' ? name : show(name));
    else if (!out.includes(field)) out.push(field);
  }
  if (bad.length > 0) {
    throw new SearchError('COCKPIT_5101', `Invalid fields in select clause - ${showList(bad)}`);
  }
  return out;
}

/** Builds a SQL string literal from a constant (never from request data). */
function sqlLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * Priority in picklist order (High, Medium, Low), then other values alphabetically; descending
 * reverses that. Empty priorities come last either way.
 */
function priorityOrder(col: string, dir: 'ASC' | 'DESC'): string {
  const whens = PRIORITIES.map((p, i) => `WHEN ${sqlLiteral(p)} THEN ${i}`).join(' ');
  return [
    `CASE WHEN ${col} IS NULL THEN 1 ELSE 0 END ASC`,
    `CASE ${col} ${whens} ELSE ${PRIORITIES.length} END ${dir}`,
    `${col} ${dir}`,
  ].join(', ');
}

function compileOrderBy(orderBy: unknown): string {
  if (orderBy === undefined || orderBy === null) return DEFAULT_ORDER_BY_SQL;
  if (!isPlainObject(orderBy)) {
    throw new SearchError(
      'COCKPIT_5100',
      `orderBy must be an object mapping field names to "asc" or "desc", e.g. {"DueDate": "asc"}; got ${show(orderBy)}`,
    );
  }
  const entries = Object.entries(orderBy);
  if (entries.length === 0) return DEFAULT_ORDER_BY_SQL;

  const bad = entries.filter(([name]) => !taskField(name)).map(([name]) => name);
  if (bad.length > 0) throw new SearchError('COCKPIT_5101', `Invalid fields in orderBy - ${showList(bad)}`);

  const parts: string[] = [];
  let hasGsid = false;
  for (const [name, direction] of entries) {
    const field = taskField(name)!;
    const lower = typeof direction === 'string' ? direction.toLowerCase() : null;
    if (lower !== 'asc' && lower !== 'desc') {
      throw new SearchError(
        'COCKPIT_5100',
        `orderBy direction for ${name} must be "asc" or "desc", got ${show(direction)}`,
      );
    }
    const dir = lower === 'asc' ? 'ASC' : 'DESC';
    if (field.name === 'Gsid') hasGsid = true;
    if (field.name === 'Priority') {
      parts.push(priorityOrder(field.column, dir));
    } else if (field.foldColumn) {
      // Text sorts case-insensitively (by its folded shadow), ties by the text as written.
      parts.push(`${field.foldColumn} ${dir} NULLS LAST`, `${field.column} ${dir}`);
    } else {
      // Empty values last in both directions: a task without a due date belongs at the end.
      parts.push(`${field.column} ${dir} NULLS LAST`);
    }
  }
  // Gsid last breaks every tie, so that paging never repeats or skips a task.
  if (!hasGsid) parts.push('gsid ASC');
  return parts.join(', ');
}

function compilePaging(limit: unknown, offset: unknown): { limit: number; offset: number } {
  let lim = DEFAULT_LIMIT;
  if (limit !== undefined && limit !== null) {
    if (typeof limit !== 'number' || !Number.isInteger(limit)) {
      throw new SearchError('COCKPIT_5100', `limit must be an integer between 0 and ${MAX_LIMIT}, got ${show(limit)}`);
    }
    if (limit < 0 || limit > MAX_LIMIT) {
      throw new SearchError('COCKPIT_5100', `limit must be between 0 and ${MAX_LIMIT}, got ${limit}`);
    }
    lim = limit;
  }
  let off = 0;
  if (offset !== undefined && offset !== null) {
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
      throw new SearchError('COCKPIT_5100', `offset must be an integer >= 0, got ${show(offset)}`);
    }
    off = offset;
  }
  return { limit: lim, offset: off };
}

// ---------------------------------------------------------------------------------------------

/**
 * Compiles a search body; throws `SearchError` (HTTP 400) for anything wrong in it.
 * Checks run in this order: select, conditions (each in turn), expression, orderBy, limit/offset.
 * `_now` is reserved for relative date values (not supported yet).
 */
export function compileSearch(body: SearchBody, _now?: Date): CompiledSearch {
  const input = body as Record<string, unknown>;
  const select = compileSelect(input['select']);
  const where = input['where'];
  const conditions = readConditions(where);
  const params: (string | number)[] = [];
  const whereSql = compileWhere(conditions, isPlainObject(where) ? where['expression'] : undefined, params);
  if (params.length > MAX_SQL_PARAMS) {
    throw new SearchError(
      'COCKPIT_5100',
      `The search has too many values (${params.length} in all); at most ${MAX_SQL_PARAMS} are allowed`,
    );
  }
  const orderBySql = compileOrderBy(input['orderBy']);
  const { limit, offset } = compilePaging(input['limit'], input['offset']);
  return { whereSql, params, orderBySql, select, limit, offset };
}
