import { describe, expect, it } from 'vitest';
import { ACCEPTED_OPERATORS, SEARCH_OPERATORS, isSearchOperator } from './operators.ts';

describe('search operators', () => {
  it('recognises the API codes exactly', () => {
    for (const op of SEARCH_OPERATORS) expect(isSearchOperator(op)).toBe(true);
    for (const other of ['eq', 'BETWEEN', 'LIKE', '', null, 1]) expect(isSearchOperator(other)).toBe(false);
  });

  it('accepts, per field type, only known operators', () => {
    for (const ops of Object.values(ACCEPTED_OPERATORS)) {
      expect(ops.length).toBeGreaterThan(0);
      for (const op of ops) expect(isSearchOperator(op)).toBe(true);
    }
  });

  it('compares text by content and orders only what has an order', () => {
    for (const type of ['id', 'text', 'picklist'] as const) {
      expect(ACCEPTED_OPERATORS[type]).toEqual(['EQ', 'NE', 'CONTAINS', 'STARTS_WITH', 'IN', 'NOT_IN', 'IS_NULL', 'IS_NOT_NULL']);
    }
    for (const type of ['date', 'datetime', 'number'] as const) {
      expect(ACCEPTED_OPERATORS[type]).toEqual(['EQ', 'NE', 'LT', 'LTE', 'GT', 'GTE', 'BTW', 'IN', 'NOT_IN', 'IS_NULL', 'IS_NOT_NULL']);
    }
    // Every task has a status: nothing to test for emptiness, nothing to order.
    expect(ACCEPTED_OPERATORS.status).toEqual(['EQ', 'NE', 'IN', 'NOT_IN']);
  });
});
