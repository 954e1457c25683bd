/**
 * Date values of a condition, kept as text tokens so a saved or shared search stays relative:
 * `2026-03-01` (a calendar date), `today`, `today-3` (3 days ago), `today+7` (in 7 days).
 * A token is resolved to a calendar date only when the request is built.
 */
import { addDays, isCalendarDate } from '../../lib/dates.ts';

export type DateValueKind = 'date' | 'today' | 'ago' | 'ahead';

export interface DateValue {
  kind: DateValueKind;
  /** The date for kind 'date', the number of days for 'ago' / 'ahead' (as typed), '' for 'today'. */
  text: string;
}

/** The most days a relative date may reach back or ahead (100 years). */
const MAX_RELATIVE_DAYS = 36_500;

export function parseDateToken(token: string): DateValue {
  if (token === 'today') return { kind: 'today', text: '' };
  const relative = /^today([+-])(.*)$/s.exec(token);
  if (relative) return { kind: relative[1] === '-' ? 'ago' : 'ahead', text: relative[2] ?? '' };
  return { kind: 'date', text: token };
}

export function formatDateToken(value: DateValue): string {
  switch (value.kind) {
    case 'today':
      return 'today';
    case 'ago':
      return `today-${value.text}`;
    case 'ahead':
      return `today+${value.text}`;
    case 'date':
      return value.text;
  }
}

export type Resolved = { ok: true; date: string } | { ok: false; message: string };

/** The calendar date a token stands for on `today` (YYYY-MM-DD), or why it stands for none. */
export function resolveDateToken(token: string, today: string): Resolved {
  const value = parseDateToken(token);
  if (value.kind === 'today') return { ok: true, date: today };
  if (value.kind === 'date') {
    if (value.text === '') return { ok: false, message: 'enter a date' };
    return isCalendarDate(value.text)
      ? { ok: true, date: value.text }
      : { ok: false, message: `"${value.text}" is not a calendar date (YYYY-MM-DD)` };
  }
  if (!/^\d{1,6}$/.test(value.text)) return { ok: false, message: 'enter a whole number of days' };
  const days = Number(value.text);
  if (days > MAX_RELATIVE_DAYS) return { ok: false, message: `at most ${MAX_RELATIVE_DAYS} days` };
  return { ok: true, date: addDays(today, value.kind === 'ago' ? -days : days) };
}

/** "today", "3 days ago", "in 1 day", or the date itself, for summaries. */
export function describeDateToken(token: string): string {
  const value = parseDateToken(token);
  const days = (n: string) => `${n} day${n === '1' ? '' : 's'}`;
  switch (value.kind) {
    case 'today':
      return 'today';
    case 'ago':
      return `${days(value.text)} ago`;
    case 'ahead':
      return `in ${days(value.text)}`;
    case 'date':
      return value.text;
  }
}
