import { describe, expect, it } from 'vitest';
import { describeDateToken, formatDateToken, parseDateToken, resolveDateToken } from './relative-dates.ts';

describe('relative date tokens', () => {
  it('round-trips every kind', () => {
    for (const token of ['2026-03-01', 'today', 'today-3', 'today+7', 'today-', '']) {
      expect(formatDateToken(parseDateToken(token))).toBe(token);
    }
    expect(parseDateToken('today-3')).toEqual({ kind: 'ago', text: '3' });
    expect(parseDateToken('today+7')).toEqual({ kind: 'ahead', text: '7' });
  });

  it('resolves against the given today, across month and year ends', () => {
    expect(resolveDateToken('today', '2026-11-27')).toEqual({ ok: true, date: '2026-11-27' });
    expect(resolveDateToken('today-27', '2026-11-27')).toEqual({ ok: true, date: '2026-10-31' });
    expect(resolveDateToken('today+5', '2026-12-30')).toEqual({ ok: true, date: '2027-01-04' });
    expect(resolveDateToken('today-0', '2028-03-01')).toEqual({ ok: true, date: '2028-03-01' });
    expect(resolveDateToken('today-1', '2028-03-01')).toEqual({ ok: true, date: '2028-02-29' });
    expect(resolveDateToken('2026-02-28', '2030-01-01')).toEqual({ ok: true, date: '2026-02-28' });
  });

  it('says what is wrong', () => {
    expect(resolveDateToken('', '2026-11-27')).toEqual({ ok: false, message: 'enter a date' });
    expect(resolveDateToken('2026-02-30', '2026-11-27')).toEqual({
      ok: false,
      message: '"2026-02-30" is not a calendar date (YYYY-MM-DD)',
    });
    expect(resolveDateToken('today-', '2026-11-27')).toEqual({ ok: false, message: 'enter a whole number of days' });
    expect(resolveDateToken('today+1.5', '2026-11-27')).toMatchObject({ ok: false });
    expect(resolveDateToken('today+99999', '2026-11-27')).toMatchObject({ ok: false, message: 'at most 36500 days' });
  });

  it('describes tokens in words', () => {
    expect(describeDateToken('today-1')).toBe('1 day ago');
    expect(describeDateToken('today+7')).toBe('in 7 days');
    expect(describeDateToken('today')).toBe('today');
    expect(describeDateToken('2026-01-02')).toBe('2026-01-02');
  });
});
