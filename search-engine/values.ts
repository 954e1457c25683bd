/**
 * A condition's values, checked for its field's type and made ready for SQL: strings and numbers
 * travel as parameters, datetime values as a whole UTC day or an instant.
 */
import { isCalendarDate } from '../src/lib/search/calendar-date.ts';
import { SearchError, show } from './errors.ts';
import { parseDateTime, type DateTimeValue } from './datetime.ts';
import { TASK_STATUSES } from './fields.ts';
import type { Condition } from './request.ts';

/** A value made ready for SQL: a string or number parameter, or a datetime day/instant. */
export type Prepared = { kind: 'scalar'; value: string | number } | DateTimeValue;

function parseInteger(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : null;
  if (typeof value === 'string' && /^[+-]?\d{1,16}$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

/** Checks one value of `c` for its field's type; throws SearchError (COCKPIT_5103) for a bad one. */
export function prepareValue(c: Condition, value: unknown): Prepared {
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
      if (typeof value !== 'string' || !isCalendarDate(value)) {
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
    case 'number': {
      // Order, the only number field, is an integer.
      const n = parseInteger(value);
      if (n === null) return fail(`${show(value)} is not an integer`);
      return { kind: 'scalar', value: n };
    }
  }
}

export const scalar = (p: Prepared): string | number => {
  if (p.kind !== 'scalar') throw new Error('internal: expected a scalar value');
  return p.value;
};
