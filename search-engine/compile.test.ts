import { describe, expect, it } from 'vitest';
import { TASK_FIELDS } from './fields.ts';
import { DEFAULT_ORDER_BY_SQL, compileSearch } from './compile.ts';
import { ALL, fixtureDb, run, match, cond, errorOf, expectError, oneCondition } from './test-fixture.ts';

describe('compileSearch basics', () => {
  it('matches everything with no conditions, in the default order', () => {
    const c = compileSearch({});
    expect(c.whereSql).toBe('1=1');
    expect(c.params).toEqual([]);
    expect(c.orderBySql).toBe(DEFAULT_ORDER_BY_SQL);
    expect(c.limit).toBe(100);
    expect(c.offset).toBe(0);
    expect(c.select).toEqual(TASK_FIELDS);
    expect(run({}).ids).toEqual(['T6', 'T5', 'T1', 'T2', 'T3', 'T4']);
    expect(compileSearch({ where: {} }).whereSql).toBe('1=1');
    expect(compileSearch({ where: { conditions: [], expression: '  ' } }).whereSql).toBe('1=1');
  });

  it('uses only ? placeholders for values', () => {
    const c = compileSearch({
      where: {
        conditions: [cond('Name', 'CONTAINS', ['Zzz-VALUE']), cond('DueDate', 'BTW', ['2026-01-01', '2026-02-01'])],
      },
    });
    expect(c.whereSql).not.toMatch(/zzz|2026/i);
    expect(c.params).toEqual(['zzz-value', '2026-01-01', '2026-02-01']);
  });

  it('takes a bare scalar as a one-element array', () => {
    expect(match(cond('Status', 'EQ', 'Completed'))).toEqual(['T3']);
    expect(match(cond('Order', 'IN', 2))).toEqual(['T2']);
  });

  it('accepts operators in any letter case', () => {
    expect(match(cond('Status', 'eq', ['Completed']))).toEqual(['T3']);
    expect(match(cond('Name', 'Starts_With', ['renew']))).toEqual(['T4']);
  });
});

describe('errors', () => {
  it('gives 400 SearchErrors that are Errors', () => {
    const err = errorOf({ limit: 9999 });
    expect(err).toBeInstanceOf(Error);
    expect(err.status).toBe(400);
  });
});

describe('SQL-looking input is harmless', () => {
  const evil = "'; DROP TABLE tasks; --";

  it('values are only ever parameters', () => {
    for (const operator of ['EQ', 'NE', 'CONTAINS', 'STARTS_WITH', 'IN', 'NOT_IN']) {
      const c = compileSearch(oneCondition(cond('Name', operator, [evil])));
      expect(c.whereSql).not.toContain('DROP');
    }
    expect(match(cond('Name', 'EQ', [evil]))).toEqual([]);
    expect(match(cond('Name', 'CONTAINS', [evil]))).toEqual([]);
    expect(match(cond('Description', 'STARTS_WITH', [evil]))).toEqual([]);
    expect(match(cond('Name', 'NOT_IN', [evil]))).toEqual(ALL);
    expect(match(cond('Gsid', 'CONTAINS', ["') OR 1=1 --"]))).toEqual([]);
    expect(fixtureDb().prepare('SELECT count(*) AS n FROM tasks').get()).toEqual({ n: 6 });
  });

  it('field names, aliases and expressions must be whitelisted', () => {
    expectError(
      oneCondition(cond('name; DROP TABLE tasks', 'EQ', ['x'])),
      'COCKPIT_5101',
      /^Invalid field in condition A: "name; DROP TABLE tasks";/,
    );
    expectError(
      { select: ['Gsid', 'gsid FROM tasks; DROP TABLE tasks; --'] },
      'COCKPIT_5101',
      'Invalid fields in select clause - gsid FROM tasks; DROP TABLE tasks; --',
    );
    expectError(oneCondition(cond('Name', "EQ'; DROP TABLE tasks; --", ['x'])), 'COCKPIT_5103', /unknown operator/);
    expectError(oneCondition(cond('Name', 'EQ', ['x'], "A'; --")), 'COCKPIT_5103', /alias "A'; --" is not valid/);
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x')], expression: 'A; DROP TABLE tasks' } },
      'COCKPIT_5102',
      'Invalid expression "A; DROP TABLE tasks": Unexpected character ";" at column 2',
    );
    expect(fixtureDb().prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'tasks'").get()).toEqual({ n: 1 });
  });
});
