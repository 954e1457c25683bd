import { describe, expect, it } from 'vitest';
import { MAX_IN_VALUES } from './limits.ts';
import { SEARCH_OPERATORS } from './operators.ts';
import { OPERATOR_ARITY, valueCountProblem } from './value-counts.ts';

describe('values per operator', () => {
  it('knows every operator', () => {
    expect(Object.keys(OPERATOR_ARITY).sort()).toEqual([...SEARCH_OPERATORS].sort());
  });

  it('says what is wrong with a count, or nothing', () => {
    expect([0, 1].map((n) => valueCountProblem('IS_NULL', n))).toEqual([null, 'takes-none']);
    expect([0, 1].map((n) => valueCountProblem('IS_NOT_NULL', n))).toEqual([null, 'takes-none']);
    expect([0, 1, 2].map((n) => valueCountProblem('EQ', n))).toEqual(['needs-one', null, 'needs-one']);
    expect([1, 2, 3].map((n) => valueCountProblem('BTW', n))).toEqual(['needs-two', null, 'needs-two']);
    for (const op of ['IN', 'NOT_IN'] as const) {
      expect([0, 1, MAX_IN_VALUES, MAX_IN_VALUES + 1].map((n) => valueCountProblem(op, n))).toEqual(['needs-some', null, null, 'too-many']);
    }
  });
});
