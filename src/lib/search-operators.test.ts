import { describe, expect, it } from 'vitest';
import { SEARCH_OPERATORS } from '../api/types.ts';
import { operatorInWords, valuesInWords } from './search-operators.ts';

describe('operatorInWords', () => {
  it('says every operator in words, never as its API code', () => {
    for (const op of SEARCH_OPERATORS) {
      for (const date of [false, true]) {
        const words = operatorInWords(op, { date });
        expect(words).toMatch(/^[a-z ]+$/);
      }
    }
    expect(operatorInWords('EQ')).toBe('is');
    expect(operatorInWords('NOT_IN')).toBe('is none of');
  });

  it('reads date comparisons as time', () => {
    expect(operatorInWords('LT', { date: true })).toBe('is before');
    expect(operatorInWords('LT')).toBe('is less than');
    expect(operatorInWords('GTE', { date: true })).toBe('is on or after');
    expect(operatorInWords('BTW', { date: true })).toBe('is between');
  });
});

describe('valuesInWords', () => {
  it('joins values as a sentence', () => {
    expect(valuesInWords([])).toBe('');
    expect(valuesInWords(['High'])).toBe('High');
    expect(valuesInWords(['High', 'Low'])).toBe('High or Low');
    expect(valuesInWords(['a', 'b', 'c'], { joiner: 'and', quote: true })).toBe('“a”, “b” and “c”');
  });
});
