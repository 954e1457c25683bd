/** How many values each search operator takes. */
import { MAX_IN_VALUES } from './limits.ts';
import type { SearchOperator } from './operators.ts';

/** None (IS_NULL), exactly one (EQ, LT…), a from-to pair (BTW), or 1 to MAX_IN_VALUES (IN, NOT_IN). */
export type Arity = 'none' | 'one' | 'two' | 'many';

export const OPERATOR_ARITY: Readonly<Record<SearchOperator, Arity>> = {
  EQ: 'one',
  NE: 'one',
  LT: 'one',
  LTE: 'one',
  GT: 'one',
  GTE: 'one',
  CONTAINS: 'one',
  STARTS_WITH: 'one',
  BTW: 'two',
  IN: 'many',
  NOT_IN: 'many',
  IS_NULL: 'none',
  IS_NOT_NULL: 'none',
};

/**
 * What is wrong with giving `count` values to `operator`, or null when nothing is; each caller
 * says it in its own words.
 * - takes-none: IS_NULL / IS_NOT_NULL got values
 * - needs-one, needs-two: not exactly one / two values
 * - needs-some: IN / NOT_IN got none
 * - too-many: IN / NOT_IN got more than MAX_IN_VALUES
 */
export type ValueCountProblem = 'takes-none' | 'needs-one' | 'needs-two' | 'needs-some' | 'too-many';

export function valueCountProblem(operator: SearchOperator, count: number): ValueCountProblem | null {
  switch (OPERATOR_ARITY[operator]) {
    case 'none':
      return count === 0 ? null : 'takes-none';
    case 'one':
      return count === 1 ? null : 'needs-one';
    case 'two':
      return count === 2 ? null : 'needs-two';
    case 'many':
      return count === 0 ? 'needs-some' : count > MAX_IN_VALUES ? 'too-many' : null;
  }
}
