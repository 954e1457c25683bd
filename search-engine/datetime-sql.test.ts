import { describe, expect, it } from 'vitest';
import { compileSearch } from './compile.ts';
import { ALL, match, cond, oneCondition } from './test-fixture.ts';

describe('datetime fields', () => {
  // CreatedDate: T6 2025-12-31T23:59:59.999Z, T5 2026-01-15T12:00Z, T1 2026-02-27T23:30Z,
  // T2 2026-02-28T00:00:00.000Z, T3 2026-02-28T23:59:59.999Z, T4 2026-03-01T00:00:00.000Z.
  it('a date-only value means the whole UTC day', () => {
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-28']))).toEqual(['T2', 'T3']);
    expect(match(cond('CreatedDate', 'NE', ['2026-02-28']))).toEqual(['T1', 'T4', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'LT', ['2026-02-28']))).toEqual(['T1', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'LTE', ['2026-02-28']))).toEqual(['T1', 'T2', 'T3', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'GT', ['2026-02-28']))).toEqual(['T4']);
    expect(match(cond('CreatedDate', 'GTE', ['2026-02-28']))).toEqual(['T2', 'T3', 'T4']);
    expect(match(cond('CreatedDate', 'BTW', ['2026-02-27', '2026-02-28']))).toEqual(['T1', 'T2', 'T3']);
    expect(match(cond('CreatedDate', 'BTW', ['2026-02-28', '2026-02-28']))).toEqual(['T2', 'T3']);
    expect(match(cond('CreatedDate', 'IN', ['2026-02-28', '2026-01-15']))).toEqual(['T2', 'T3', 'T5']);
    expect(match(cond('CreatedDate', 'NOT_IN', ['2026-02-28', '2026-01-15']))).toEqual(['T1', 'T4', 'T6']);
    expect(match(cond('ModifiedDate', 'EQ', ['2026-03-02']))).toEqual(ALL);
  });

  it('crosses month and year ends', () => {
    expect(match(cond('CreatedDate', 'EQ', ['2025-12-31']))).toEqual(['T6']);
    expect(match(cond('CreatedDate', 'LTE', ['2025-12-31']))).toEqual(['T6']);
    expect(match(cond('CreatedDate', 'GT', ['2026-02-28']))).toEqual(['T4']);
  });

  it('handles 9999-12-31, the last day', () => {
    expect(match(cond('CreatedDate', 'EQ', ['9999-12-31']))).toEqual([]);
    expect(match(cond('CreatedDate', 'NE', ['9999-12-31']))).toEqual(ALL);
    expect(match(cond('CreatedDate', 'LTE', ['9999-12-31']))).toEqual(ALL);
    expect(match(cond('CreatedDate', 'GT', ['9999-12-31']))).toEqual([]);
    expect(match(cond('CreatedDate', 'BTW', ['2026-01-01', '9999-12-31']))).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
  });

  it('full date-times compare exactly, normalised to UTC', () => {
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-28T00:00:00.000Z']))).toEqual(['T2']);
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-28T01:00:00+01:00']))).toEqual(['T2']);
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-27T19:00-05:00']))).toEqual(['T2']);
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-28t00:00:00z']))).toEqual(['T2']);
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-28T23:59:59.999123Z']))).toEqual(['T3']);
    expect(match(cond('CreatedDate', 'NE', ['2026-02-28T00:00:00Z']))).toEqual(['T1', 'T3', 'T4', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'LT', ['2026-02-28T00:00:00Z']))).toEqual(['T1', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'LTE', ['2026-02-28T00:00:00Z']))).toEqual(['T1', 'T2', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'GT', ['2026-02-28T00:00:00Z']))).toEqual(['T3', 'T4']);
    expect(match(cond('CreatedDate', 'GTE', ['2026-02-28T00:00:00Z']))).toEqual(['T2', 'T3', 'T4']);
    expect(match(cond('CreatedDate', 'BTW', ['2026-02-28T00:00:00.001Z', '2026-02-28']))).toEqual(['T3']);
    expect(match(cond('CreatedDate', 'BTW', ['2026-02-27', '2026-02-28T00:00:00Z']))).toEqual(['T1', 'T2']);
    expect(match(cond('CreatedDate', 'IN', ['2026-03-01', '2026-02-27T23:30:00Z']))).toEqual(['T1', 'T4']);
    expect(match(cond('CreatedDate', 'NOT_IN', ['2026-03-01', '2026-02-27T23:30:00Z']))).toEqual(['T2', 'T3', 'T5', 'T6']);
  });

  it('sends normalised values as parameters', () => {
    const c = compileSearch(oneCondition(cond('CreatedDate', 'BTW', ['2026-03-01T09:30+02:00', '2026-03-02'])));
    expect(c.params).toEqual(['2026-03-01T07:30:00.000Z', '2026-03-03T00:00:00.000Z']);
  });
});
