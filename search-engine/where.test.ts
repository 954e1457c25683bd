import { describe, expect, it } from 'vitest';
import { MAX_CONDITIONS, MAX_IN_VALUES, MAX_SQL_PARAMS, compileSearch } from './compile.ts';
import type { SearchBody } from './compile.ts';
import { ALL, run, match, cond, expectError, oneCondition } from './test-fixture.ts';

describe('expression', () => {
  // A: T1, T5 - B: T1 - C: T3
  const conditions = [cond('Status', 'EQ', ['Not Started']), cond('Priority', 'EQ', ['High']), cond('DueDate', 'IS_NULL', [])];
  const withExpr = (expression: string): string[] => [...run({ where: { conditions, expression } }).ids].sort();

  it('ANDs all conditions when absent or blank', () => {
    expect(match(...conditions)).toEqual([]);
    expect(match(conditions[0]!, conditions[1]!)).toEqual(['T1']);
    expect(withExpr('')).toEqual([]);
    expect(withExpr(' \t')).toEqual([]);
  });

  it('gives AND precedence over OR, and honours parentheses', () => {
    expect(withExpr('A AND B OR C')).toEqual(['T1', 'T3']);
    expect(withExpr('A AND (B OR C)')).toEqual(['T1']);
    expect(withExpr('A OR B AND C')).toEqual(['T1', 'T5']);
    expect(withExpr('(A OR B) AND C')).toEqual([]);
    expect(withExpr('C OR A')).toEqual(['T1', 'T3', 'T5']);
  });

  it('reads keywords in any case', () => {
    expect(withExpr('A and B Or C')).toEqual(['T1', 'T3']);
  });

  it('uses explicit aliases, and ignores conditions the expression leaves out', () => {
    const where = {
      conditions: [
        cond('Status', 'EQ', ['Not Started'], 'open'),
        cond('Priority', 'EQ', ['High'], 'hot'),
        cond('OwnerName', 'EQ', ['Bob'], 'bob'),
      ],
      expression: 'open AND NOT_hot OR bob',
    };
    expectError({ where }, 'COCKPIT_5102', /no condition has alias "NOT_hot"/);
    expect([...run({ where: { ...where, expression: 'open AND (hot OR bob)' } }).ids].sort()).toEqual(['T1', 'T5']);
    expect([...run({ where: { ...where, expression: 'bob' } }).ids].sort()).toEqual(['T3', 'T5']);
  });

  it('gives default aliases by position, next to explicit ones', () => {
    const c = compileSearch({
      where: { conditions: [cond('Status', 'EQ', 'Completed', 'X'), cond('Status', 'EQ', 'Skipped')], expression: 'X OR B' },
    });
    expect(c.params).toEqual(['Completed', 'Skipped']);
  });

  it('keeps parameters in placeholder order through nesting', () => {
    const body: SearchBody = {
      where: {
        conditions: [cond('Order', 'EQ', [1]), cond('Order', 'EQ', [2]), cond('Order', 'EQ', [3]), cond('Name', 'EQ', ['Renewal'])],
        expression: 'D OR (C OR B AND (A OR D))',
      },
    };
    const c = compileSearch(body);
    expect(c.params).toEqual(['Renewal', 3, 2, 1, 'Renewal']);
    expect([...run(body).ids].sort()).toEqual(['T4', 'T5']);
  });

  it('stays within SQLite limits at the caps', () => {
    const many = Array.from({ length: MAX_CONDITIONS }, (_, i) =>
      cond('CreatedDate', 'NE', [`2020-01-${String((i % 28) + 1).padStart(2, '0')}`]),
    );
    expect([...run({ where: { conditions: many } }).ids].sort()).toEqual(ALL);
    const chain = Array.from({ length: 256 }, () => 'A').join(' OR ');
    expect(run({ where: { conditions: [cond('Status', 'EQ', ['Completed'])], expression: chain } }).ids).toEqual(['T3']);
    const days = Array.from({ length: MAX_IN_VALUES }, (_, i) =>
      new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
    );
    expect([...run(oneCondition(cond('CreatedDate', 'IN', days))).ids].sort()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    const bigIns = Array.from({ length: MAX_SQL_PARAMS / MAX_IN_VALUES }, () =>
      cond(
        'Order',
        'NOT_IN',
        Array.from({ length: MAX_IN_VALUES }, (_, i) => i + 100),
      ),
    );
    expect(run({ where: { conditions: bigIns } }).ids).toHaveLength(6);
    expectError(
      { where: { conditions: [...bigIns, cond('Order', 'NE', [5])] } },
      'COCKPIT_5100',
      `The search has too many values (${MAX_SQL_PARAMS + 1} in all); at most ${MAX_SQL_PARAMS} are allowed`,
    );
  });
});

describe('errors', () => {
  it('COCKPIT_5102 for a bad expression', () => {
    const where = (expression: unknown) => ({ where: { conditions: [cond('Name', 'EQ', 'x'), cond('Name', 'EQ', 'y')], expression } });
    expectError(where('A AND OR B'), 'COCKPIT_5102', 'Invalid expression "A AND OR B": Unexpected "OR" at column 7');
    expectError(where('(A OR B'), 'COCKPIT_5102', 'Invalid expression "(A OR B": Missing ")" for "(" at column 1');
    expectError(where('A AND C'), 'COCKPIT_5102', 'Invalid expression "A AND C": no condition has alias "C" (conditions are A, B)');
    expectError(
      where('a'),
      'COCKPIT_5102',
      'Invalid expression "a": no condition has alias "a" (conditions are A, B); aliases are case-sensitive: did you mean "A"?',
    );
    expectError(
      { where: { expression: 'A' } },
      'COCKPIT_5102',
      'Invalid expression "A": no condition has alias "A" (there are no conditions)',
    );
    expectError(where(3), 'COCKPIT_5102', 'where.expression must be a string, got 3');
  });
});
