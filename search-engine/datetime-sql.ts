/**
 * A condition on a datetime field as SQL. Datetime columns hold UTC `YYYY-MM-DDTHH:MM:SS.sssZ` and
 * compare as text. A date-only value means the whole UTC day [start, end); a date-time value
 * compares exactly.
 */
import { SearchError } from './errors.ts';
import type { DateTimeValue } from './datetime.ts';
import type { Condition } from './request.ts';

export function compileDateTime(c: Condition, values: DateTimeValue[], params: (string | number)[]): string {
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
