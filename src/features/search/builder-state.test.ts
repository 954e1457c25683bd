import { describe, expect, it } from 'vitest';
import {
  addCondition,
  changeField,
  changeLogic,
  changeOperator,
  duplicateCondition,
  EMPTY_WHERE,
  newCondition,
  removeCondition,
  type WhereState,
} from './builder-state.ts';

function three(expression: string): WhereState {
  return {
    conditions: [newCondition('Status'), newCondition('DueDate'), newCondition('Priority')],
    logic: 'custom',
    expression,
  };
}

describe('builder state', () => {
  it('starts a condition with the first operator of its field and a sensible value', () => {
    expect(newCondition('Name')).toMatchObject({ field: 'Name', operator: 'CONTAINS', values: [''] });
    expect(newCondition('Status')).toMatchObject({ operator: 'EQ', values: ['Not Started'] });
    expect(newCondition('DueDate')).toMatchObject({ operator: 'EQ', values: ['today'] });
    expect(newCondition('Order')).toMatchObject({ operator: 'EQ', values: [''] });
    expect(addCondition(EMPTY_WHERE).conditions).toHaveLength(1);
  });

  it('keeps what still fits when the field changes', () => {
    const name = { ...newCondition('Name'), operator: 'EQ' as const, values: ['Kickoff'] };
    expect(changeField(name, 'CompanyName')).toMatchObject({ operator: 'EQ', values: ['Kickoff'] });
    expect(changeField(name, 'Status')).toMatchObject({ operator: 'EQ', values: ['Not Started'] });
    const contains = newCondition('Name');
    expect(changeField(contains, 'Status')).toMatchObject({ operator: 'EQ' });
    expect(changeField(contains, 'DueDate')).toMatchObject({ operator: 'EQ', values: ['today'] });
    // The default "contains" of a text field gives way to the list's "is"; a chosen operator stays.
    expect(changeField(contains, 'Priority')).toMatchObject({ operator: 'EQ', values: [''] });
    expect(changeField({ ...contains, operator: 'STARTS_WITH' }, 'Priority')).toMatchObject({ operator: 'STARTS_WITH' });
    expect(changeField(changeField(contains, 'Priority'), 'Description')).toMatchObject({ operator: 'CONTAINS' });
  });

  it('gives each operator as many values as it takes', () => {
    const due = newCondition('DueDate');
    expect(changeOperator(due, 'BTW').values).toEqual(['today', 'today']);
    expect(changeOperator(due, 'IS_NULL').values).toEqual([]);
    const status = { ...newCondition('Status'), values: ['Completed'] };
    expect(changeOperator(status, 'IN').values).toEqual(['Completed']);
    expect(changeOperator({ ...status, operator: 'IN', values: ['Skipped', 'Completed'] }, 'EQ').values).toEqual(['Skipped']);
  });

  it('moves letters up after a removal, in the expression too', () => {
    const where = removeCondition(three('A AND (B OR C)'), 1);
    expect(where.conditions.map((c) => c.field)).toEqual(['Status', 'Priority']);
    expect(where.expression).toBe('A AND B');
    expect(removeCondition(three('C OR B'), 0).expression).toBe('B OR A');
  });

  it('inserts a duplicate below and moves the letters after it down', () => {
    const before = three('A AND (B OR C)');
    const where = duplicateCondition(before, 1);
    expect(where.conditions.map((c) => c.field)).toEqual(['Status', 'DueDate', 'DueDate', 'Priority']);
    expect(where.conditions[2]!.id).not.toBe(where.conditions[1]!.id);
    expect(where.expression).toBe('A AND (B OR D)');
  });

  it('starts custom logic from the previous choice', () => {
    const and = { ...three(''), logic: 'and' as const };
    expect(changeLogic(and, 'custom').expression).toBe('A AND B AND C');
    expect(changeLogic({ ...and, logic: 'or' }, 'custom').expression).toBe('A OR B OR C');
    expect(changeLogic({ ...and, expression: 'A OR B' }, 'custom').expression).toBe('A OR B');
  });
});
