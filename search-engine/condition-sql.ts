/**
 * One condition as SQL over table `tasks`: the column comes from the field whitelist, every value
 * is a `?` parameter. Datetime fields have their own rules (datetime-sql.ts).
 */
import { SearchError, show } from './errors.ts';
import { compileDateTime } from './datetime-sql.ts';
import type { DateTimeValue } from './datetime.ts';
import { fold } from './fields.ts';
import type { Condition } from './request.ts';
import { prepareValue, scalar } from './values.ts';

/** Lower-cases ASCII letters only, as SQLite's lower() does (without ICU). */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Length in Unicode code points, which is how SQLite's substr() counts TEXT. */
function codePointLength(text: string): number {
  return Array.from(text).length;
}

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(', ');

/**
 * The SQL for one condition (not parenthesised), pushing its values onto `params`.
 * Throws SearchError for a bad value.
 */
export function compileCondition(c: Condition, params: (string | number)[]): string {
  const { field, operator } = c;
  const col = field.column;
  const prepared = c.values.map((v) => prepareValue(c, v));

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
