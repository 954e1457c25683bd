import { describe, it } from 'vitest';
import { TASK_FIELDS } from './fields.ts';
import { MAX_CONDITIONS, MAX_IN_VALUES } from './compile.ts';
import { cond, expectError, oneCondition } from './test-fixture.ts';

describe('errors in a condition', () => {
  it('COCKPIT_5101 for an unknown field in a condition', () => {
    const fields = TASK_FIELDS.map((f) => f.name).join(', ');
    expectError(oneCondition(cond('Foo', 'EQ', ['x'])), 'COCKPIT_5101', `Invalid field in condition A: "Foo"; valid fields: ${fields}`);
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x'), cond('duedate', 'EQ', ['2026-01-01'])] } },
      'COCKPIT_5101',
      `Invalid field in condition B: "duedate" (field names are case-sensitive: did you mean "DueDate"?); valid fields: ${fields}`,
    );
    expectError(oneCondition({ operator: 'EQ', value: ['x'] }), 'COCKPIT_5101', /^Invalid field in condition A: no field name;/);
    expectError(oneCondition({ name: 7, operator: 'EQ', value: ['x'] }), 'COCKPIT_5101', /^Invalid field in condition A: 7;/);
  });

  it('COCKPIT_5103 for an operator the field does not allow', () => {
    expectError(
      oneCondition(cond('Status', 'CONTAINS', ['Done'])),
      'COCKPIT_5103',
      'Condition A (Status): operator CONTAINS is not allowed on Status (a status field); allowed: EQ, NE, IN, NOT_IN',
    );
    expectError(oneCondition(cond('Status', 'IS_NULL', [])), 'COCKPIT_5103', /operator IS_NULL is not allowed on Status/);
    expectError(
      oneCondition(cond('Name', 'LT', ['M'])),
      'COCKPIT_5103',
      'Condition A (Name): operator LT is not allowed on Name (a text field); allowed: EQ, NE, CONTAINS, STARTS_WITH, IN, NOT_IN, IS_NULL, IS_NOT_NULL',
    );
    expectError(
      oneCondition(cond('Priority', 'BTW', ['High', 'Low'])),
      'COCKPIT_5103',
      /operator BTW is not allowed on Priority \(a picklist field\)/,
    );
    expectError(
      oneCondition(cond('DueDate', 'CONTAINS', ['2026'])),
      'COCKPIT_5103',
      /operator CONTAINS is not allowed on DueDate \(a date field\); allowed: EQ, NE, LT, LTE, GT, GTE, BTW, IN, NOT_IN, IS_NULL, IS_NOT_NULL$/,
    );
    expectError(
      oneCondition(cond('Name', 'LIKE', ['x'])),
      'COCKPIT_5103',
      'Condition A (Name): unknown operator "LIKE"; Name allows EQ, NE, CONTAINS, STARTS_WITH, IN, NOT_IN, IS_NULL, IS_NOT_NULL',
    );
    expectError(oneCondition(cond('Name', 'BETWEEN', ['x'])), 'COCKPIT_5103', /unknown operator "BETWEEN"/);
    expectError(oneCondition(cond('Name', 'ın', ['x'])), 'COCKPIT_5103', /unknown operator "ın"/);
    expectError(
      oneCondition({ name: 'Name', value: ['x'] }),
      'COCKPIT_5103',
      /^Condition A \(Name\): operator is missing; Name allows EQ,/,
    );
  });

  it('COCKPIT_5103 for the wrong number of values', () => {
    expectError(oneCondition(cond('Name', 'EQ', [])), 'COCKPIT_5103', 'Condition A (Name EQ): needs exactly one value, got none');
    expectError(oneCondition(cond('Name', 'EQ')), 'COCKPIT_5103', 'Condition A (Name EQ): needs exactly one value, got none');
    expectError(oneCondition(cond('Name', 'EQ', ['a', 'b'])), 'COCKPIT_5103', 'Condition A (Name EQ): needs exactly one value, got 2');
    expectError(
      oneCondition(cond('DueDate', 'BTW', ['2026-01-01'])),
      'COCKPIT_5103',
      'Condition A (DueDate BTW): needs exactly two values [from, to], got 1',
    );
    expectError(oneCondition(cond('Name', 'IN', [])), 'COCKPIT_5103', 'Condition A (Name IN): needs at least one value');
    expectError(
      oneCondition(
        cond(
          'Order',
          'NOT_IN',
          Array.from({ length: MAX_IN_VALUES + 1 }, (_, i) => i),
        ),
      ),
      'COCKPIT_5103',
      'Condition A (Order NOT_IN): takes at most 1000 values, got 1001',
    );
    expectError(
      oneCondition(cond('Name', 'IS_NULL', ['x'])),
      'COCKPIT_5103',
      'Condition A (Name IS_NULL): takes no value (use [] or leave value out), got 1',
    );
  });

  it('COCKPIT_5103 for bad or duplicate aliases and malformed conditions', () => {
    expectError(
      oneCondition(cond('Name', 'EQ', 'x', 'and')),
      'COCKPIT_5103',
      'Condition 1: alias "and" is not valid (a letter, then letters, digits or _; AND and OR are reserved)',
    );
    expectError(oneCondition(cond('Name', 'EQ', 'x', '1x')), 'COCKPIT_5103', /^Condition 1: alias "1x" is not valid/);
    expectError(
      oneCondition(cond('Name', 'EQ', 'x', 7 as unknown as string)),
      'COCKPIT_5103',
      'Condition 1: alias must be a string, got 7',
    );
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x', 'K'), cond('Name', 'EQ', 'y', 'K')] } },
      'COCKPIT_5103',
      'Conditions 1 and 2 both have alias "K"',
    );
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x', 'B'), cond('Name', 'EQ', 'y')] } },
      'COCKPIT_5103',
      'Conditions 1 and 2 both have alias "B" (condition 2 has no alias, so it gets "B" from its position)',
    );
    expectError({ where: { conditions: ['Name = x'] } }, 'COCKPIT_5103', /^Condition 1 must be an object like/);
    expectError({ where: { conditions: {} } }, 'COCKPIT_5100', 'where.conditions must be an array, got {}');
    expectError({ where: 'Name = x' }, 'COCKPIT_5100', /^where must be an object/);
    expectError(
      { where: { conditions: Array.from({ length: MAX_CONDITIONS + 1 }, () => cond('Name', 'EQ', 'x')) } },
      'COCKPIT_5100',
      `where.conditions has ${MAX_CONDITIONS + 1} conditions; at most ${MAX_CONDITIONS} are allowed`,
    );
  });

  it('validates conditions the expression leaves out', () => {
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x'), cond('DueDate', 'EQ', 'soon')], expression: 'A' } },
      'COCKPIT_5103',
      'Condition B (DueDate EQ): "soon" is not a calendar date (YYYY-MM-DD)',
    );
  });
});
