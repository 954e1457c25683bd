/**
 * Shifting a due date by N days, calendar or working days. Due dates are calendar dates
 * (`YYYY-MM-DD`, no time zone): the maths is dates.ts's, so month ends and leap days are right.
 */
import { addDays } from '../../lib/dates.ts';
import { parseCalendarDate } from '../../lib/search/calendar-date.ts';

/** Monday 1 … Sunday 7 (ISO). */
function isoWeekday(iso: string): number {
  const date = parseCalendarDate(iso);
  if (!date) throw new RangeError(`Not a calendar date: "${iso}"`);
  const day = new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
  return day === 0 ? 7 : day;
}

const isWeekend = (iso: string) => isoWeekday(iso) >= 6;

/**
 * `iso` moved by `days` (negative to go back). With `workingDays`, only Monday to Friday count:
 * +1 from a Friday is the Monday after, -1 from a Monday the Friday before, and +1 from a Saturday
 * the Monday. 0 leaves the date as it is.
 */
export function shiftDate(iso: string, days: number, workingDays = false): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  if (!workingDays) return addDays(iso, days);
  const step = days < 0 ? -1 : 1;
  let date = iso;
  for (let left = Math.abs(days); left > 0;) {
    date = addDays(date, step);
    if (!isWeekend(date)) left--;
  }
  return date;
}

/** The most a shift may move a date: ten years either way. */
const MAX_SHIFT_DAYS = 3650;

/** Why `text` is not a shift in days ("+7", "-3", "14"), or null with the number. */
export function parseShift(text: string): { days: number; error: null } | { days: null; error: string } {
  const trimmed = text.trim();
  if (trimmed === '') return { days: null, error: 'Enter a number of days, such as 7 or -3.' };
  if (!/^[+-]?\d+$/.test(trimmed)) return { days: null, error: 'Enter a whole number of days, such as 7 or -3.' };
  const days = Number(trimmed);
  if (days === 0) return { days: null, error: 'A shift of 0 days changes nothing.' };
  if (Math.abs(days) > MAX_SHIFT_DAYS) return { days: null, error: `Shift by at most ${MAX_SHIFT_DAYS} days either way.` };
  return { days, error: null };
}
