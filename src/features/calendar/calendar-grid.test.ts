import { describe, expect, it } from 'vitest';
import { daysInMonth, monthWeeks, stepDate, viewTitle, visibleRange, weekDays, dayName } from './calendar-grid.ts';

describe('the month grid', () => {
  it('is whole weeks, Monday first, covering every day of the month', () => {
    // December 2026 starts on a Tuesday and ends on a Thursday.
    const weeks = monthWeeks('2026-12-15');
    expect(weeks).toHaveLength(5);
    expect(weeks[0]).toEqual(['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(weeks[4]![6]).toBe('2027-01-03');
    for (const week of weeks) expect(week).toHaveLength(7);
  });

  it('starts on the 1st when the month starts on a Monday, and may need six rows', () => {
    expect(monthWeeks('2027-02-10')[0]![0]).toBe('2027-02-01'); // Feb 2027: Monday the 1st, 4 rows
    expect(monthWeeks('2027-02-10')).toHaveLength(4);
    const may = monthWeeks('2026-05-01'); // May 2026: Friday the 1st, 31 days
    expect(may).toHaveLength(5);
    const august = monthWeeks('2026-08-31'); // Aug 2026: Saturday the 1st, 31 days: six rows
    expect(august).toHaveLength(6);
    expect(august[0]![0]).toBe('2026-07-27');
    expect(august[5]![6]).toBe('2026-09-06');
  });

  it('knows leap years', () => {
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2027, 2)).toBe(28);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(monthWeeks('2028-02-01').flat()).toContain('2028-02-29');
    expect(monthWeeks('2027-02-01').flat()).not.toContain('2027-02-29');
  });
});

describe('the week and the visible range', () => {
  it('a week runs Monday to Sunday, across a month and a year end', () => {
    expect(weekDays('2026-12-31')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(weekDays('2026-11-30')[0]).toBe('2026-11-30'); // a Monday is its own week's start
    expect(weekDays('2026-12-06')[0]).toBe('2026-11-30'); // a Sunday is its week's last day
  });

  it('is what the view draws', () => {
    expect(visibleRange('month', '2026-12-02')).toEqual({ start: '2026-11-30', end: '2027-01-03' });
    expect(visibleRange('week', '2026-12-02')).toEqual({ start: '2026-11-30', end: '2026-12-06' });
  });
});

describe('stepping', () => {
  it('a week at a time', () => {
    expect(stepDate('week', '2026-12-29', 1)).toBe('2027-01-05');
    expect(stepDate('week', '2026-03-02', -1)).toBe('2026-02-23');
  });

  it('a month at a time, keeping the day where the month has it', () => {
    expect(stepDate('month', '2026-01-31', 1)).toBe('2026-02-28');
    expect(stepDate('month', '2028-01-31', 1)).toBe('2028-02-29');
    expect(stepDate('month', '2026-12-15', 1)).toBe('2027-01-15');
    expect(stepDate('month', '2027-01-15', -1)).toBe('2026-12-15');
    expect(stepDate('month', '2026-03-31', -1)).toBe('2026-02-28');
  });
});

describe('titles', () => {
  it('name the month, or the week by its ends', () => {
    expect(viewTitle('month', '2026-12-02')).toBe('December 2026');
    expect(viewTitle('week', '2026-12-02')).toBe('Nov 30 – Dec 6, 2026');
    expect(viewTitle('week', '2026-12-31')).toBe('Dec 28, 2026 – Jan 3, 2027');
    expect(dayName('2026-12-02')).toBe('Wednesday, December 2, 2026');
  });
});
