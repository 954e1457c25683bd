import { describe, expect, it } from 'vitest';
import { TASK_FIELDS } from '../../../search-engine/fields.ts';
import { SEARCH_OPERATORS, TASK_STATUSES } from '../../api/types.ts';
import { ACCEPTED_OPERATORS as SERVER_OPERATORS } from '../../lib/search/operators.ts';
import { OPERATOR_ARITY } from '../../lib/search/value-counts.ts';
import { OPERATORS_BY_TYPE, SEARCH_FIELDS, csvHeaders, fieldDef, operatorLabel, operatorsFor } from './search-fields.ts';

describe('search field config', () => {
  it('offers every Task field, once', () => {
    const names = SEARCH_FIELDS.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(TASK_FIELDS.map((f) => f.name).sort());
  });

  it('types every field as the servers do', () => {
    for (const field of SEARCH_FIELDS) expect(field.type, field.name).toBe(TASK_FIELDS.find((f) => f.name === field.name)!.type);
  });

  it('gives every field operators the server accepts for it', () => {
    for (const field of SEARCH_FIELDS) {
      const server = TASK_FIELDS.find((f) => f.name === field.name)!;
      const ours = operatorsFor(field.name);
      expect(ours.length, field.name).toBeGreaterThan(0);
      for (const op of ours) expect(SERVER_OPERATORS[server.type], `${field.name} ${op}`).toContain(op);
    }
  });

  it('offers what the issue asks for per type', () => {
    for (const type of ['text', 'id', 'picklist'] as const) {
      expect(OPERATORS_BY_TYPE[type]).toEqual(expect.arrayContaining(['EQ', 'NE', 'CONTAINS', 'IN', 'IS_NULL', 'IS_NOT_NULL']));
    }
    expect(OPERATORS_BY_TYPE.status).toEqual(['EQ', 'NE', 'IN']);
    for (const type of ['date', 'datetime'] as const) {
      expect([...OPERATORS_BY_TYPE[type]].sort()).toEqual(['BTW', 'EQ', 'GT', 'GTE', 'IS_NOT_NULL', 'IS_NULL', 'LT', 'LTE']);
    }
    expect(fieldDef('Order').type).toBe('number');
    expect(fieldDef('Status').type).toBe('status');
    expect(fieldDef('DueDate').type).toBe('date');
    expect(TASK_STATUSES).toHaveLength(4);
  });

  it('says how many values each operator takes', () => {
    expect(Object.keys(OPERATOR_ARITY).sort()).toEqual([...SEARCH_OPERATORS].sort());
    expect(OPERATOR_ARITY.IS_NULL).toBe('none');
    expect(OPERATOR_ARITY.IS_NOT_NULL).toBe('none');
    expect(OPERATOR_ARITY.BTW).toBe('two');
    expect(OPERATOR_ARITY.IN).toBe('many');
    expect(OPERATOR_ARITY.NOT_IN).toBe('many');
    for (const op of ['EQ', 'NE', 'LT', 'LTE', 'GT', 'GTE', 'CONTAINS', 'STARTS_WITH'] as const) expect(OPERATOR_ARITY[op]).toBe('one');
  });

  it('labels operators in words only: the API code is for the request preview (issue 15)', () => {
    expect(operatorLabel('LT', 'date')).toBe('is before');
    expect(operatorLabel('LT', 'number')).toBe('is less than');
    expect(operatorLabel('IN', 'status')).toBe('is any of');
  });

  it('heads CSV columns in words, or with the API names when asked', () => {
    expect(csvHeaders(['Gsid', 'Name', 'DueDate', 'CompanyName'], false)).toEqual(['Task id (Gsid)', 'Name', 'Due date', 'Company']);
    expect(csvHeaders(['Gsid', 'Name', 'DueDate', 'CompanyName'], true)).toEqual(['Gsid', 'Name', 'DueDate', 'CompanyName']);
  });
});
