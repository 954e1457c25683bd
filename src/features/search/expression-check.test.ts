import { describe, expect, it } from 'vitest';
import { checkExpression, remapExpression } from './expression-check.ts';

const ABC = ['A', 'B', 'C'];

describe('checkExpression', () => {
  it('accepts a good expression and points out the rows it leaves out', () => {
    expect(checkExpression('A AND (B OR C)', ABC)).toEqual({ error: null, unused: [] });
    expect(checkExpression('a and B', ['A', 'B'])).toMatchObject({ error: { position: 0, length: 1 } });
    expect(checkExpression('A OR C', ABC)).toEqual({ error: null, unused: ['B'] });
  });

  it('places a syntax error where it is', () => {
    expect(checkExpression('A AND (B OR C', ABC).error).toEqual({ message: 'Missing ")" for "(" at column 7', position: 6, length: 1 });
    expect(checkExpression('A AND', ABC).error).toMatchObject({ position: 5, length: 0 });
    expect(checkExpression('A AND B)', ABC).error).toMatchObject({ position: 7, length: 1, message: 'Unmatched ")" at column 8' });
    expect(checkExpression('A B', ABC).error).toMatchObject({ position: 2, length: 1 });
    expect(checkExpression('A & B', ABC).error).toMatchObject({ position: 2, length: 1 });
    expect(checkExpression('', ABC).error).toMatchObject({ message: 'Expression is empty' });
  });

  it('places an unknown letter and suggests the right case', () => {
    expect(checkExpression('A AND D', ABC).error).toEqual({
      message: 'No condition "D" at column 7 (the conditions are A, B, C)',
      position: 6,
      length: 1,
    });
    expect(checkExpression('A OR b', ABC).error?.message).toContain('did you mean "B"?');
    expect(checkExpression('A', []).error?.message).toContain('there are no conditions yet');
  });
});

describe('remapExpression', () => {
  it('renames letters and drops removed ones with their operator', () => {
    const removeB = (a: string) => (a === 'B' ? null : a === 'C' ? 'B' : a);
    expect(remapExpression('A AND (B OR C)', removeB)).toBe('A AND B');
    expect(remapExpression('(B OR C) AND A', removeB)).toBe('B AND A');
    expect(remapExpression('B', removeB)).toBe('');
    expect(remapExpression('A OR B AND C', (a) => (a === 'C' ? 'D' : a))).toBe('A OR B AND D');
  });

  it('keeps text that does not parse', () => {
    expect(remapExpression('A AND (', () => null)).toBe('A AND (');
  });
});
