/**
 * The calendar's days: a month as whole weeks (Monday first, as `weekOf`), a week, the range of
 * dates a view shows (what its search asks for), stepping a view back and forth, and its title.
 * Dates are `YYYY-MM-DD` calendar days (src/lib/dates.ts), so no time zone shifts a day.
 */
import { addDays, weekOf } from '../../lib/dates.ts';

export const CALENDAR_VIEWS = ['month', 'week'] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

export const isCalendarView = (value: string): value is CalendarView => (CALENDAR_VIEWS as readonly string[]).includes(value);

const pad = (n: number) => String(n).padStart(2, '0');

/** Days in a month (`month` 1..12); February has 29 in leap years. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The first day of the month that holds `iso`. */
function monthStart(iso: string): string {
  return `${iso.slice(0, 7)}-01`;
}

/** The weeks (Monday to Sunday) that hold the month of `iso`: 4 to 6 rows of 7 dates. */
export function monthWeeks(iso: string): string[][] {
  const first = monthStart(iso);
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const last = `${iso.slice(0, 7)}-${pad(daysInMonth(year, month))}`;
  const weeks: string[][] = [];
  for (let start = weekOf(first).start; start <= last; start = addDays(start, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(start, i)));
  }
  return weeks;
}

/** Monday to Sunday of the week that holds `iso`. */
export function weekDays(iso: string): string[] {
  const { start } = weekOf(iso);
  return Array.from({ length: 7 }, (_, i) => addDays(start, i));
}

/** The rows of dates a view draws: the month's weeks, or one week. */
export function viewWeeks(view: CalendarView, iso: string): string[][] {
  return view === 'month' ? monthWeeks(iso) : [weekDays(iso)];
}

/** The first and last date a view shows (inclusive): what its search asks for. */
export function visibleRange(view: CalendarView, iso: string): { start: string; end: string } {
  const weeks = viewWeeks(view, iso);
  return { start: weeks[0]![0]!, end: weeks[weeks.length - 1]![6]! };
}

/**
 * The date shown after one step back (-1) or forward (1): a week, or a month with the day of the
 * month kept where the new month has it (Jan 31 + 1 month is Feb 28, or Feb 29 in a leap year).
 */
export function stepDate(view: CalendarView, iso: string, direction: -1 | 1): string {
  if (view === 'week') return addDays(iso, 7 * direction);
  let year = Number(iso.slice(0, 4));
  let month = Number(iso.slice(5, 7)) + direction;
  if (month === 0) [year, month] = [year - 1, 12];
  if (month === 13) [year, month] = [year + 1, 1];
  const day = Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}

const MONTH_TITLE = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const DAY_MONTH = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
const FULL_DAY = new Intl.DateTimeFormat('en-US', { weekday: 'long', month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** "December 2026", or a week as "Nov 30 – Dec 6, 2026" ("Dec 28, 2026 – Jan 3, 2027" across years). */
export function viewTitle(view: CalendarView, iso: string): string {
  if (view === 'month') return MONTH_TITLE.format(utc(iso));
  const days = weekDays(iso);
  const [first, last] = [days[0]!, days[6]!];
  const sameYear = first.slice(0, 4) === last.slice(0, 4);
  const start = sameYear ? DAY_MONTH.format(utc(first)) : `${DAY_MONTH.format(utc(first))}, ${first.slice(0, 4)}`;
  return `${start} – ${DAY_MONTH.format(utc(last))}, ${last.slice(0, 4)}`;
}

/** "Wednesday, December 2, 2026": a day's name for screen readers and the day's list. */
export function dayName(iso: string): string {
  return FULL_DAY.format(utc(iso));
}

/** Mon..Sun, for the grid's column headers. */
export const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
