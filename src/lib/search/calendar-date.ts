/**
 * The calendar-date rule every part of the app and both servers share: a date is `YYYY-MM-DD`
 * naming a real day of the proleptic Gregorian calendar, years 0000 to 9999 (the API's `date`
 * format, RFC 3339's full-date). 2026-02-29 and 2026-1-01 are not dates. Pure, no time zones.
 */

export interface CalendarDate {
  y: number;
  /** 1..12 */
  m: number;
  /** 1..31 */
  d: number;
}

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** The year, month and day of a calendar date, or null when `text` is not one. */
export function parseCalendarDate(text: string): CalendarDate | null {
  const match = SHAPE.exec(text);
  if (!match) return null;
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

/** True when `text` is a real calendar date `YYYY-MM-DD` (2026-02-30 is not). */
export function isCalendarDate(text: string): boolean {
  return parseCalendarDate(text) !== null;
}

/** Milliseconds since the epoch at the start (UTC midnight) of a calendar date. */
export function calendarDateMs({ y, m, d }: CalendarDate): number {
  // setUTCFullYear, unlike Date.UTC, takes years 0..99 literally.
  const at = new Date(0);
  at.setUTCFullYear(y, m - 1, d);
  return at.getTime();
}
