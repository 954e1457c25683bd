/**
 * Values of datetime fields: a calendar date (a whole UTC day) or an ISO date-time with `Z` or an
 * offset. Datetime columns hold UTC `YYYY-MM-DDTHH:MM:SS.sssZ`, so values are normalised to that.
 */
import { daysInMonth, parseCalendarDate, type CalendarDate } from '../src/lib/search/calendar-date.ts';

/** A datetime value: a whole UTC day (`start` inclusive, `end` exclusive or null), or an instant. */
export type DateTimeValue = { kind: 'day'; day: string; start: string; end: string | null } | { kind: 'instant'; iso: string };

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const formatDate = ({ y, m, d }: CalendarDate): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

/** The day after, or null after 9999-12-31 (no stored date-time can be that late). */
function nextDay({ y, m, d }: CalendarDate): CalendarDate | null {
  if (d < daysInMonth(y, m)) return { y, m, d: d + 1 };
  if (m < 12) return { y, m: m + 1, d: 1 };
  if (y < 9999) return { y: y + 1, m: 1, d: 1 };
  return null;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):(\d{2}))$/;

/**
 * Parses `YYYY-MM-DD` (a whole UTC day) or an ISO date-time with `Z` or an offset, seconds and
 * fraction optional; an instant is normalised to UTC `YYYY-MM-DDTHH:MM:SS.sssZ` (as stored),
 * digits beyond milliseconds are dropped. Null for anything else.
 */
export function parseDateTime(text: string): DateTimeValue | null {
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
