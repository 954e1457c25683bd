import { describe, expect, it } from 'vitest';
import {
  ExpressionError,
  MAX_EXPRESSION_NESTING,
  MAX_EXPRESSION_TERMS,
  defaultAlias,
  evaluateExpression,
  expressionAliases,
  formatExpression,
  isKeyword,
  isValidAlias,
  parseExpression,
} from './search-expression.ts';
import type { Expr } from './search-expression.ts';

/** Every assignment of true/false to the aliases. */
function assignments(aliases: string[]): Map<string, boolean>[] {
  const out: Map<string, boolean>[] = [];
  for (let bits = 0; bits < 1 << aliases.length; bits++) {
    out.push(new Map(aliases.map((a, i) => [a, ((bits >> i) & 1) === 1])));
  }
  return out;
}

function sameTruthTable(a: Expr, b: Expr): boolean {
  const aliases = [...new Set([...expressionAliases(a), ...expressionAliases(b)])];
  return assignments(aliases).every((truth) => {
    const t = (alias: string): boolean => truth.get(alias)!;
    return evaluateExpression(a, t) === evaluateExpression(b, t);
  });
}

function errorOf(text: string): ExpressionError {
  try {
    parseExpression(text);
  } catch (err) {
    if (err instanceof ExpressionError) return err;
    throw err;
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe('parseExpression', () => {
  it('parses a single alias with its position', () => {
    expect(parseExpression('  A1_b ')).toEqual({ kind: 'ref', alias: 'A1_b', start: 2 });
  });

  it('gives AND precedence over OR', () => {
    const e = parseExpression('A OR B AND C');
    expect(e).toEqual({
      kind: 'or',
      left: { kind: 'ref', alias: 'A', start: 0 },
      right: {
        kind: 'and',
        left: { kind: 'ref', alias: 'B', start: 5 },
        right: { kind: 'ref', alias: 'C', start: 11 },
      },
    });
    expect(sameTruthTable(e, parseExpression('A OR (B AND C)'))).toBe(true);
    expect(sameTruthTable(e, parseExpression('(A OR B) AND C'))).toBe(false);
    expect(formatExpression(parseExpression('A AND B OR C'))).toBe('A AND B OR C');
  });

  it('is left-associative', () => {
    const e = parseExpression('A AND B AND C');
    expect(e.kind).toBe('and');
    expect(e.kind !== 'ref' && e.left.kind).toBe('and');
    expect(formatExpression(parseExpression('A OR (B OR C)'))).toBe('A OR (B OR C)');
    expect(formatExpression(parseExpression('(A OR B) OR C'))).toBe('A OR B OR C');
  });

  it('groups with parentheses', () => {
    const e = parseExpression('(A OR B) AND C');
    expect(formatExpression(e)).toBe('(A OR B) AND C');
    expect(evaluateExpression(e, (a) => a === 'A')).toBe(false);
    expect(evaluateExpression(e, (a) => a === 'A' || a === 'C')).toBe(true);
    expect(formatExpression(parseExpression('((A))AND(((B)))'))).toBe('A AND B');
    expect(sameTruthTable(parseExpression('A AND (B OR C AND (D OR E))'), parseExpression('A AND (B OR (C AND (D OR E)))'))).toBe(true);
  });

  it('reads keywords in any case, aliases case-sensitively', () => {
    expect(formatExpression(parseExpression('a and B Or c aNd D'))).toBe('a AND B OR c AND D');
    expect(expressionAliases(parseExpression('a AND A'))).toEqual(['a', 'A']);
    expect(isKeyword('oR')).toBe(true);
    expect(isKeyword('ORDER')).toBe(false);
    // Words that merely start with a keyword are aliases.
    expect(parseExpression('ANDY OR ORB')).toMatchObject({ left: { alias: 'ANDY' }, right: { alias: 'ORB' } });
  });

  it('accepts tabs and newlines as white space, and needs none around parentheses', () => {
    expect(formatExpression(parseExpression('A\tAND\n(B\r\nOR C)'))).toBe('A AND (B OR C)');
    expect(formatExpression(parseExpression('(A)OR(B)'))).toBe('A OR B');
  });
});

describe('parseExpression errors', () => {
  const cases: [text: string, message: string, position: number, length: number][] = [
    ['', 'Expression is empty', 0, 0],
    ['   ', 'Expression is empty', 0, 0],
    ['A AND OR B', 'Unexpected "OR" at column 7', 6, 2],
    ['or A', 'Unexpected "or" at column 1', 0, 2],
    ['(AND B)', 'Unexpected "AND" at column 2', 1, 3],
    ['A AND', 'Expected a condition letter at end of expression (column 6)', 5, 0],
    ['A OR B or ', 'Expected a condition letter at end of expression (column 11)', 10, 0],
    ['A AND (', 'Expected a condition letter at end of expression (column 8)', 7, 0],
    ['(A OR B', 'Missing ")" for "(" at column 1', 0, 1],
    ['A AND ((B OR C)', 'Missing ")" for "(" at column 7', 6, 1],
    ['A OR B)', 'Unmatched ")" at column 7', 6, 1],
    [')', 'Unmatched ")" at column 1', 0, 1],
    ['A AND )', 'Unmatched ")" at column 7', 6, 1],
    ['(A) AND B) OR C', 'Unmatched ")" at column 10', 9, 1],
    ['A AND ( )', 'Empty parentheses at column 7', 6, 3],
    ['(A AND )', 'Unexpected ")" at column 8: expected a condition letter', 7, 1],
    ['A $ B', 'Unexpected character "$" at column 3', 2, 1],
    ['A AND 1', 'Unexpected character "1" at column 7', 6, 1],
    ['A && B', 'Unexpected character "&" at column 3', 2, 1],
    ['A AND É', 'Unexpected character "É" at column 7', 6, 1],
    ['A OR 😀', 'Unexpected character "😀" at column 6', 5, 2],
    ['A B', 'Missing AND/OR between "A" and "B" at column 3', 2, 1],
    ['A (B)', 'Missing AND/OR between "A" and "(" at column 3', 2, 1],
    ['(A) B', 'Missing AND/OR between ")" and "B" at column 5', 4, 1],
    ['(A)(B)', 'Missing AND/OR between ")" and "(" at column 4', 3, 1],
    ['A AND NOT B', 'Missing AND/OR between "NOT" and "B" at column 11', 10, 1],
  ];

  for (const [text, message, position, length] of cases) {
    it(`${JSON.stringify(text)} -> ${message}`, () => {
      const err = errorOf(text);
      expect(err).toBeInstanceOf(Error);
      expect(err.name).toBe('ExpressionError');
      expect(err.message).toBe(message);
      expect(err.position).toBe(position);
      expect(err.length).toBe(length);
    });
  }

  it('reports 1-based columns for the 0-based position everywhere', () => {
    for (const [text] of cases) {
      const err = errorOf(text);
      const col = /column (\d+)/.exec(err.message);
      if (col) expect(Number(col[1])).toBe(err.position + 1);
    }
  });

  it('caps nesting and length', () => {
    const deep = '('.repeat(MAX_EXPRESSION_NESTING) + 'A' + ')'.repeat(MAX_EXPRESSION_NESTING);
    expect(formatExpression(parseExpression(deep))).toBe('A');
    const tooDeep = '('.repeat(MAX_EXPRESSION_NESTING + 1) + 'A' + ')'.repeat(MAX_EXPRESSION_NESTING + 1);
    const err = errorOf(tooDeep);
    expect(err.message).toBe(`Parentheses nest deeper than ${MAX_EXPRESSION_NESTING} levels at column ${MAX_EXPRESSION_NESTING + 1}`);
    expect(err.position).toBe(MAX_EXPRESSION_NESTING);
    // A huge nesting fails cleanly (no stack overflow).
    expect(errorOf('('.repeat(100_000)).message).toMatch(/^Parentheses nest deeper/);

    const many = Array.from({ length: MAX_EXPRESSION_TERMS }, () => 'A').join(' OR ');
    expect(expressionAliases(parseExpression(many))).toEqual(['A']);
    const tooMany = `${many} OR B`;
    const err2 = errorOf(tooMany);
    expect(err2.message).toBe(`Expression names more than ${MAX_EXPRESSION_TERMS} conditions (at column ${tooMany.length})`);
    expect(err2.position).toBe(tooMany.length - 1);
  });
});

describe('helpers', () => {
  it('lists aliases once each, in order of first appearance', () => {
    expect(expressionAliases(parseExpression('C AND (A OR C) OR B AND A'))).toEqual(['C', 'A', 'B']);
  });

  it('evaluates like boolean logic', () => {
    const e = parseExpression('A AND (B OR C)');
    const truth = (set: string) => (alias: string) => set.includes(alias);
    expect(evaluateExpression(e, truth('AB'))).toBe(true);
    expect(evaluateExpression(e, truth('AC'))).toBe(true);
    expect(evaluateExpression(e, truth('BC'))).toBe(false);
    expect(evaluateExpression(e, truth('A'))).toBe(false);
  });

  it('names default aliases like spreadsheet columns', () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(defaultAlias)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
    expect(() => defaultAlias(-1)).toThrow(RangeError);
  });

  it('validates aliases', () => {
    expect(isValidAlias('A')).toBe(true);
    expect(isValidAlias('due_2')).toBe(true);
    expect(isValidAlias('and')).toBe(false);
    expect(isValidAlias('OR')).toBe(false);
    expect(isValidAlias('2A')).toBe(false);
    expect(isValidAlias('_A')).toBe(false);
    expect(isValidAlias('A B')).toBe(false);
    expect(isValidAlias('')).toBe(false);
  });

  it('formats back to text that parses to the same tree', () => {
    for (const text of ['A', 'A OR B AND C', '(A OR B) AND C', 'A AND (B AND C)', 'A OR (B OR C) OR D', '(A OR B) AND (C OR D AND E)']) {
      const e = parseExpression(text);
      const strip = (x: Expr): unknown => (x.kind === 'ref' ? x.alias : { k: x.kind, l: strip(x.left), r: strip(x.right) });
      expect(strip(parseExpression(formatExpression(e)))).toEqual(strip(e));
    }
  });
});
