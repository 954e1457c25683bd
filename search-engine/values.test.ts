import { describe, it } from 'vitest';
import type { SearchCondition } from './compile.ts';
import { cond, expectError, oneCondition } from './test-fixture.ts';

describe('errors in values', () => {
  it('COCKPIT_5103 for values of the wrong kind', () => {
    const e = (c: SearchCondition, message: string | RegExp): void => expectError(oneCondition(c), 'COCKPIT_5103', message);
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x'), cond('DueDate', 'LT', ['2026-02-30'])] } },
      'COCKPIT_5103',
      'Condition B (DueDate LT): "2026-02-30" is not a calendar date (YYYY-MM-DD)',
    );
    e(cond('DueDate', 'EQ', ['2026-3-1']), 'Condition A (DueDate EQ): "2026-3-1" is not a calendar date (YYYY-MM-DD)');
    e(cond('DueDate', 'EQ', ['2026-03-01T00:00:00Z']), /"2026-03-01T00:00:00Z" is not a calendar date/);
    e(cond('DueDate', 'EQ', [20260301]), 'Condition A (DueDate EQ): 20260301 is not a calendar date (YYYY-MM-DD)');
    e(cond('DueDate', 'EQ', ['2026-13-01']), /"2026-13-01" is not a calendar date/);
    e(
      cond('DueDate', 'BTW', ['2026-03-02', '2026-03-01']),
      'Condition A (DueDate BTW): from value "2026-03-02" is after to value "2026-03-01"',
    );
    e(cond('Order', 'BTW', [10, 2]), 'Condition A (Order BTW): from value 10 is after to value 2');
    e(
      cond('CreatedDate', 'BTW', ['2026-03-02', '2026-03-01']),
      'Condition A (CreatedDate BTW): from value "2026-03-02" is after to value "2026-03-01"',
    );
    e(
      cond('CreatedDate', 'BTW', ['2026-03-01T12:00Z', '2026-03-01T11:00Z']),
      'Condition A (CreatedDate BTW): from value "2026-03-01T12:00:00.000Z" is after to value "2026-03-01T11:00:00.000Z"',
    );
    const dt = 'is neither a calendar date (YYYY-MM-DD) nor an ISO date-time with Z or an offset (e.g. 2026-03-01T09:30:00Z)';
    e(cond('CreatedDate', 'EQ', ['2026-03-01T10:00:00']), `Condition A (CreatedDate EQ): "2026-03-01T10:00:00" ${dt}`);
    e(cond('CreatedDate', 'GT', ['2026-03-01T24:00:00Z']), `Condition A (CreatedDate GT): "2026-03-01T24:00:00Z" ${dt}`);
    e(cond('CreatedDate', 'GT', ['2026-02-30T10:00:00Z']), /"2026-02-30T10:00:00Z" is neither/);
    e(cond('CreatedDate', 'GT', ['0000-01-01T00:30:00+01:00']), /is neither/);
    e(cond('CreatedDate', 'GT', ['yesterday']), /"yesterday" is neither/);
    e(
      cond('Status', 'EQ', ['Done']),
      'Condition A (Status EQ): "Done" is not a task status (expected one of "Not Started", "In Progress", "Completed", "Skipped")',
    );
    e(cond('Status', 'IN', ['Completed', 'completed']), /"completed" is not a task status/);
    e(cond('Name', 'EQ', [42]), 'Condition A (Name EQ): expected a string, got 42');
    e(cond('Gsid', 'IN', ['T1', { id: 'T2' }]), 'Condition A (Gsid IN): expected a string, got {"id":"T2"}');
    e(cond('Name', 'EQ', [null]), 'Condition A (Name EQ): null is not a value; use IS_NULL or IS_NOT_NULL to test for a missing value');
    e(
      cond('Name', 'CONTAINS', ['']),
      'Condition A (Name CONTAINS): an empty string would match every task; leave the condition out, or use IS_NOT_NULL',
    );
    e(cond('Order', 'EQ', ['1.5']), 'Condition A (Order EQ): "1.5" is not an integer');
    e(cond('Order', 'EQ', [1.5]), 'Condition A (Order EQ): 1.5 is not an integer');
    e(cond('Order', 'EQ', [true]), 'Condition A (Order EQ): true is not an integer');
    e(cond('Order', 'EQ', [' 1']), /" 1" is not an integer/);
    e(cond('Order', 'EQ', [2 ** 53]), /9007199254740992 is not an integer/);
  });
});
