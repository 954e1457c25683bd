/**
 * Calendar-date maths on `YYYY-MM-DD` strings. Dates are calendar days, not instants: they are
 * handled in UTC internally so that no time zone or daylight-saving change shifts a day.
 */
import { calendarDateMs, isCalendarDate, parseCalendarDate } from './search/calendar-date.ts';

const DAY_MS = 86_400_000;

/** Today in the user's own time zone, as `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** True when `text` is a real calendar date `YYYY-MM-DD` (the rule the servers apply too). */
export { isCalendarDate };

function toUtc(iso: string): number {
  const date = parseCalendarDate(iso);
  if (!date) throw new RangeError(`Not a calendar date: "${iso}"`);
  return calendarDateMs(date);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** `iso` plus `days` calendar days (negative to go back); month ends and leap years included. */
export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** Monday..Sunday of the week that holds `iso` (ISO weeks start on Monday). */
export function weekOf(iso: string): { start: string; end: string } {
  const weekday = (new Date(toUtc(iso)).getUTCDay() + 6) % 7; // Monday = 0
  const start = addDays(iso, -weekday);
  return { start, end: addDays(start, 6) };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface DueInfo {
  /** "overdue by 3 days", "due today", "due tomorrow", "due in 2 days", "no due date". */
  words: string;
  overdue: boolean;
  /** Days from today to the due date; null without a due date. */
  days: number | null;
}

/**
 * The due date in words, relative to `today`. A task that is done (Completed or Skipped) is never
 * overdue: its due date is only told, in the past tense only when it has passed ("was due Nov 24,
 * 2026", but "due Dec 3, 2026" for a task skipped ahead of its date).
 */
export function dueInWords(dueDate: string | undefined | null, today: string, done = false): DueInfo {
  if (!dueDate || !isCalendarDate(dueDate)) return { words: 'no due date', overdue: false, days: null };
  const days = daysBetween(today, dueDate);
  if (done) return { words: `${days < 0 ? 'was due' : 'due'} ${formatDate(dueDate)}`, overdue: false, days };
  if (days < 0) return { words: `overdue by ${plural(-days, 'day')}`, overdue: true, days };
  if (days === 0) return { words: 'due today', overdue: false, days };
  if (days === 1) return { words: 'due tomorrow', overdue: false, days };
  return { words: `due in ${plural(days, 'day')}`, overdue: false, days };
}

const DATE_FORMAT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' });
const DATE_TIME_FORMAT = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });

/** "Nov 27, 2026" for a calendar date. */
export function formatDate(iso: string | undefined | null): string {
  if (!iso || !isCalendarDate(iso)) return '';
  return DATE_FORMAT.format(new Date(toUtc(iso)));
}

/** "Nov 27, 2026, 6:25 PM" in the user's time zone for a date-time. */
export function formatDateTime(iso: string | undefined | null): string {
  if (!iso) return '';
  const t = Date.parse(iso);
  return Number.isNaN(t) ? '' : DATE_TIME_FORMAT.format(new Date(t));
}
