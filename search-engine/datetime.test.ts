import { describe, expect, it } from 'vitest';
import { parseDateTime } from './datetime.ts';

describe('parseDateTime', () => {
  it('reads a calendar date as its whole UTC day', () => {
    expect(parseDateTime('2026-02-28')).toEqual({
      kind: 'day',
      day: '2026-02-28',
      start: '2026-02-28T00:00:00.000Z',
      end: '2026-03-01T00:00:00.000Z',
    });
    expect(parseDateTime('2024-12-31')).toMatchObject({ end: '2025-01-01T00:00:00.000Z' });
    expect(parseDateTime('9999-12-31')).toMatchObject({ start: '9999-12-31T00:00:00.000Z', end: null });
  });

  it('normalises a date-time to UTC milliseconds', () => {
    expect(parseDateTime('2026-03-01T09:30+02:00')).toEqual({ kind: 'instant', iso: '2026-03-01T07:30:00.000Z' });
    expect(parseDateTime('2026-02-28t23:59:59.999999z')).toEqual({ kind: 'instant', iso: '2026-02-28T23:59:59.999Z' });
    expect(parseDateTime('0050-06-01T00:00:00-01:00')).toEqual({ kind: 'instant', iso: '0050-06-01T01:00:00.000Z' });
  });

  it('refuses what is not a date or a date-time with a zone', () => {
    for (const bad of [
      '2026-02-30',
      '2026-03-01T10:00:00',
      '2026-03-01T24:00Z',
      '2026-03-01T10:60Z',
      '2026-03-01T10:00+24:00',
      '0000-01-01T00:30:00+01:00',
      'today',
      '',
    ]) {
      expect(parseDateTime(bad), bad).toBeNull();
    }
  });
});
