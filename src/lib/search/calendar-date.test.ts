import { describe, expect, it } from 'vitest';
import { calendarDateMs, daysInMonth, isCalendarDate, parseCalendarDate } from './calendar-date.ts';

describe('the calendar-date rule', () => {
  it('takes real days only, in the YYYY-MM-DD shape', () => {
    expect(parseCalendarDate('2026-03-01')).toEqual({ y: 2026, m: 3, d: 1 });
    for (const bad of [
      '2026-02-29',
      '2026-02-30',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-01',
      '2026-01-1',
      '26-01-01',
      '2026-01-01T00:00:00Z',
      ' 2026-01-01',
      '2026/01/01',
      '',
    ]) {
      expect(isCalendarDate(bad), bad).toBe(false);
    }
  });

  it('knows leap years: every 4th, not every 100th, but every 400th', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(daysInMonth(2026, 2)).toBe(28);
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('takes every year from 0000 to 9999 literally, as the API format (full-date) does', () => {
    expect(isCalendarDate('0000-02-29')).toBe(true);
    expect(isCalendarDate('0050-01-01')).toBe(true);
    expect(isCalendarDate('9999-12-31')).toBe(true);
    expect(new Date(calendarDateMs({ y: 50, m: 1, d: 1 })).toISOString()).toBe('0050-01-01T00:00:00.000Z');
    expect(new Date(calendarDateMs({ y: 2026, m: 11, d: 27 })).toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });
});
