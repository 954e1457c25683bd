import { describe, expect, it } from 'vitest';
import { match, cond, expectError, oneCondition } from './test-fixture.ts';

describe('text fields', () => {
  it('EQ and IN are exact and case-sensitive', () => {
    expect(match(cond('Name', 'EQ', ['Kickoff call']))).toEqual(['T1']);
    expect(match(cond('Name', 'EQ', ['kickoff call']))).toEqual([]);
    expect(match(cond('Name', 'IN', ['Renewal', 'Kickoff call', 'nope']))).toEqual(['T1', 'T4']);
  });

  it('CONTAINS is case-insensitive, including non-ASCII letters', () => {
    expect(match(cond('Name', 'CONTAINS', ['KICKOFF']))).toEqual(['T1', 'T3']);
    expect(match(cond('CompanyName', 'CONTAINS', ['école']))).toEqual(['T1', 'T6']);
    expect(match(cond('Description', 'CONTAINS', ['ÉCOLE']))).toEqual(['T1', 'T3']);
    expect(match(cond('Description', 'CONTAINS', ['Ecole']))).toEqual([]);
    expect(match(cond('OwnerName', 'CONTAINS', ['AN']))).toEqual(['T1', 'T4']);
  });

  it('STARTS_WITH is case-insensitive and counts characters, not UTF-16 units', () => {
    expect(match(cond('CompanyName', 'STARTS_WITH', ['acme']))).toEqual(['T2', 'T3', 'T5']);
    expect(match(cond('CompanyName', 'STARTS_WITH', ['ÉC']))).toEqual(['T1', 'T6']);
    expect(match(cond('Name', 'STARTS_WITH', ['🚀 l']))).toEqual(['T6']);
    expect(match(cond('Name', 'STARTS_WITH', ['🚀 x']))).toEqual([]);
    expect(match(cond('Name', 'STARTS_WITH', ['call']))).toEqual([]);
  });

  it('treats % and _ in values literally', () => {
    expect(match(cond('Name', 'CONTAINS', ['%']))).toEqual(['T2']);
    expect(match(cond('Name', 'CONTAINS', ['_']))).toEqual(['T2']);
    expect(match(cond('Name', 'CONTAINS', ['50%']))).toEqual(['T2']);
    expect(match(cond('Name', 'STARTS_WITH', ['%']))).toEqual([]);
    expect(match(cond('Name', 'STARTS_WITH', ['_']))).toEqual([]);
    // As LIKE patterns these would match "discount_offer".
    expect(match(cond('Name', 'CONTAINS', ['discount%offer']))).toEqual([]);
    expect(match(cond('Name', 'CONTAINS', ['d_scount']))).toEqual([]);
  });

  it('NE and NOT_IN include empty values; IS_NULL / IS_NOT_NULL test for them', () => {
    expect(match(cond('Description', 'NE', ['école visit']))).toEqual(['T1', 'T2', 'T4', 'T5', 'T6']);
    expect(match(cond('OwnerName', 'NOT_IN', ['Ana']))).toEqual(['T2', 'T3', 'T5', 'T6']);
    expect(match(cond('OwnerName', 'IS_NULL', []))).toEqual(['T2', 'T6']);
    expect(match(cond('OwnerName', 'IS_NULL'))).toEqual(['T2', 'T6']);
    expect(match(cond('Description', 'IS_NOT_NULL', null))).toEqual(['T1', 'T3', 'T5']);
    // CONTAINS never matches an empty value.
    expect(match(cond('OwnerName', 'CONTAINS', ['a']))).toEqual(['T1', 'T4']);
  });
});

describe('id and picklist fields', () => {
  it('compares exactly, and CONTAINS / STARTS_WITH fold ASCII case', () => {
    expect(match(cond('Gsid', 'EQ', ['T3']))).toEqual(['T3']);
    expect(match(cond('Gsid', 'EQ', ['t3']))).toEqual([]);
    expect(match(cond('CompanyId', 'CONTAINS', ['o2']))).toEqual(['T1', 'T6']);
    expect(match(cond('CompanyId', 'STARTS_WITH', ['co3']))).toEqual(['T4']);
    expect(match(cond('PlaybookId', 'IS_NULL', []))).toEqual(['T3', 'T4', 'T5', 'T6']);
    expect(match(cond('PlaybookId', 'NE', ['PB1']))).toEqual(['T3', 'T4', 'T5', 'T6']);
    expect(match(cond('OwnerId', 'NOT_IN', ['U1', 'U2']))).toEqual(['T2', 'T6']);
  });

  it('Priority is a picklist', () => {
    expect(match(cond('Priority', 'EQ', ['High']))).toEqual(['T1']);
    expect(match(cond('Priority', 'CONTAINS', ['IGH']))).toEqual(['T1']);
    expect(match(cond('Priority', 'NE', ['High']))).toEqual(['T2', 'T3', 'T4', 'T5', 'T6']);
    expect(match(cond('Priority', 'IN', ['Urgent', 'Blocker']))).toEqual(['T5', 'T6']);
    expect(match(cond('Priority', 'IS_NULL', []))).toEqual(['T4']);
  });
});

describe('status', () => {
  it('supports EQ, NE, IN, NOT_IN', () => {
    expect(match(cond('Status', 'EQ', ['Not Started']))).toEqual(['T1', 'T5']);
    expect(match(cond('Status', 'NE', ['Not Started']))).toEqual(['T2', 'T3', 'T4', 'T6']);
    expect(match(cond('Status', 'IN', ['Completed', 'Skipped']))).toEqual(['T3', 'T4']);
    expect(match(cond('Status', 'NOT_IN', ['Completed', 'Skipped', 'In Progress']))).toEqual(['T1', 'T5']);
  });
});

describe('date fields', () => {
  it('compare as ISO dates', () => {
    expect(match(cond('DueDate', 'EQ', ['2026-03-01']))).toEqual(['T1']);
    expect(match(cond('DueDate', 'NE', ['2026-03-01']))).toEqual(['T2', 'T3', 'T4', 'T5', 'T6']);
    expect(match(cond('DueDate', 'LT', ['2026-03-01']))).toEqual(['T4', 'T5']);
    expect(match(cond('DueDate', 'LTE', ['2026-03-01']))).toEqual(['T1', 'T4', 'T5']);
    expect(match(cond('DueDate', 'GT', ['2026-03-01']))).toEqual(['T2', 'T6']);
    expect(match(cond('DueDate', 'GTE', ['2026-03-01']))).toEqual(['T1', 'T2', 'T6']);
    expect(match(cond('DueDate', 'BTW', ['2026-02-28', '2026-03-01']))).toEqual(['T1', 'T4']);
    expect(match(cond('DueDate', 'BTW', ['2026-03-01', '2026-03-01']))).toEqual(['T1']);
    expect(match(cond('DueDate', 'IN', ['2024-02-29', '2026-12-31']))).toEqual(['T5', 'T6']);
    expect(match(cond('DueDate', 'NOT_IN', ['2024-02-29', '2026-12-31']))).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(match(cond('DueDate', 'IS_NULL', []))).toEqual(['T3']);
    expect(match(cond('CompletedDate', 'EQ', ['2026-02-28']))).toEqual(['T3']);
    expect(match(cond('CompletedDate', 'IS_NOT_NULL', []))).toEqual(['T3']);
  });

  it('knows leap years', () => {
    expect(match(cond('DueDate', 'EQ', ['2024-02-29']))).toEqual(['T5']);
    expect(match(cond('DueDate', 'EQ', ['2000-02-29']))).toEqual([]);
    expectError(
      oneCondition(cond('DueDate', 'EQ', ['2100-02-29'])),
      'COCKPIT_5103',
      'Condition A (DueDate EQ): "2100-02-29" is not a calendar date (YYYY-MM-DD)',
    );
    expectError(oneCondition(cond('DueDate', 'EQ', ['2026-02-29'])), 'COCKPIT_5103', /"2026-02-29" is not a calendar date/);
  });
});

describe('integer Order', () => {
  it('compares as a number', () => {
    expect(match(cond('Order', 'EQ', [2]))).toEqual(['T2']);
    expect(match(cond('Order', 'EQ', ['2']))).toEqual(['T2']);
    expect(match(cond('Order', 'NE', [1]))).toEqual(['T2', 'T3', 'T4', 'T5', 'T6']);
    expect(match(cond('Order', 'LT', [3]))).toEqual(['T1', 'T2', 'T6']);
    expect(match(cond('Order', 'LTE', [3]))).toEqual(['T1', 'T2', 'T5', 'T6']);
    expect(match(cond('Order', 'GT', [2]))).toEqual(['T4', 'T5']);
    expect(match(cond('Order', 'GTE', ['-1']))).toEqual(['T1', 'T2', 'T4', 'T5', 'T6']);
    expect(match(cond('Order', 'BTW', [2, 10]))).toEqual(['T2', 'T4', 'T5']);
    expect(match(cond('Order', 'IN', [1, '10']))).toEqual(['T1', 'T4']);
    expect(match(cond('Order', 'NOT_IN', [1, 10]))).toEqual(['T2', 'T3', 'T5', 'T6']);
    expect(match(cond('Order', 'IS_NULL', []))).toEqual(['T3']);
  });
});
