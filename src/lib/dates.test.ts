import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, dueInWords, formatDate, isCalendarDate, todayIso, weekOf } from './dates.ts';

describe('calendar dates', () => {
  it('knows real dates', () => {
    expect(isCalendarDate('2028-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('adds days across month ends and leap years', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-03-29', 90)).toBe('2026-06-27');
    expect(() => addDays('2026-02-30', 1)).toThrow('Not a calendar date');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-11-27', '2026-11-30')).toBe(3);
    expect(daysBetween('2026-11-30', '2026-11-27')).toBe(-3);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across a DST change elsewhere
  });

  it('finds the Monday-to-Sunday week', () => {
    expect(weekOf('2026-11-27')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(weekOf('2026-11-23')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(weekOf('2026-11-29')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
  });

  it('says the due date in words', () => {
    const today = '2026-11-27';
    expect(dueInWords('2026-11-24', today)).toEqual({ words: 'overdue by 3 days', overdue: true, days: -3 });
    expect(dueInWords('2026-11-26', today).words).toBe('overdue by 1 day');
    expect(dueInWords('2026-11-27', today)).toEqual({ words: 'due today', overdue: false, days: 0 });
    expect(dueInWords('2026-11-28', today).words).toBe('due tomorrow');
    expect(dueInWords('2026-11-29', today).words).toBe('due in 2 days');
    expect(dueInWords(undefined, today).words).toBe('no due date');
    expect(dueInWords('2026-11-24', today, true)).toMatchObject({ overdue: false, words: 'was due Nov 24, 2026' });
  });

  it('never says "was due" of a done task whose date has not passed', () => {
    const today = '2026-11-27';
    expect(dueInWords('2026-12-03', today, true)).toEqual({ words: 'due Dec 3, 2026', overdue: false, days: 6 });
    expect(dueInWords(today, today, true).words).toBe('due Nov 27, 2026');
    expect(dueInWords('2026-11-26', today, true).words).toBe('was due Nov 26, 2026');
  });

  it('formats dates and today in the local zone', () => {
    expect(formatDate('2026-11-27')).toBe('Nov 27, 2026');
    expect(todayIso(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });
});
