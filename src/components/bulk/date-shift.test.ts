import { describe, expect, it } from 'vitest';
import { parseShift, shiftDate } from './date-shift.ts';

describe('shiftDate, calendar days', () => {
  it('crosses month and year ends', () => {
    expect(shiftDate('2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftDate('2026-12-28', 7)).toBe('2027-01-04');
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDate('2027-01-03', -7)).toBe('2026-12-27');
  });
  it('knows leap days', () => {
    expect(shiftDate('2028-02-28', 1)).toBe('2028-02-29');
    expect(shiftDate('2028-02-29', 1)).toBe('2028-03-01');
    expect(shiftDate('2028-03-01', -1)).toBe('2028-02-29');
    expect(shiftDate('2028-02-29', 365)).toBe('2029-02-28');
    expect(shiftDate('2100-02-28', 1)).toBe('2100-03-01');
    expect(shiftDate('2000-02-28', 1)).toBe('2000-02-29');
  });
  it('leaves the date for 0 and refuses a fraction', () => {
    expect(shiftDate('2026-05-05', 0)).toBe('2026-05-05');
    expect(() => shiftDate('2026-05-05', 1.5)).toThrow(RangeError);
  });
});

describe('shiftDate, working days', () => {
  // 2026-11-27 is a Friday.
  it('skips weekends forward and back', () => {
    expect(shiftDate('2026-11-27', 1, true)).toBe('2026-11-30');
    expect(shiftDate('2026-11-30', -1, true)).toBe('2026-11-27');
    expect(shiftDate('2026-11-23', 5, true)).toBe('2026-11-30');
    expect(shiftDate('2026-11-28', 1, true)).toBe('2026-11-30'); // from a Saturday
    expect(shiftDate('2026-11-29', -1, true)).toBe('2026-11-27'); // from a Sunday
  });
  it('crosses month ends and leap days', () => {
    // Fri 2028-02-25 + 2 working days: Mon 28, Tue 29 (leap day).
    expect(shiftDate('2028-02-25', 2, true)).toBe('2028-02-29');
    expect(shiftDate('2028-02-29', 1, true)).toBe('2028-03-01');
    // Fri 2026-01-30 + 1 working day: Mon 2026-02-02.
    expect(shiftDate('2026-01-30', 1, true)).toBe('2026-02-02');
  });
});

describe('parseShift', () => {
  it('reads signed whole numbers', () => {
    expect(parseShift('+7')).toEqual({ days: 7, error: null });
    expect(parseShift(' -3 ')).toEqual({ days: -3, error: null });
  });
  it('says what is wrong', () => {
    expect(parseShift('').error).toMatch(/Enter a number/);
    expect(parseShift('1.5').error).toMatch(/whole number/);
    expect(parseShift('abc').error).toMatch(/whole number/);
    expect(parseShift('0').error).toMatch(/changes nothing/);
    expect(parseShift('99999').error).toMatch(/at most 3650/);
  });
});
