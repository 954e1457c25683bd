import { describe, expect, it } from 'vitest';
import { TASK_FIELD_NAMES, TASK_FIELD_TYPE, foldText, isTaskFieldName } from './fields.ts';

describe('task fields', () => {
  it('lists every field once, in the spec order', () => {
    expect(TASK_FIELD_NAMES).toEqual([
      'Gsid',
      'Name',
      'Description',
      'CTAId',
      'CompanyId',
      'CompanyName',
      'OwnerId',
      'OwnerName',
      'Status',
      'Priority',
      'DueDate',
      'CompletedDate',
      'PlaybookId',
      'Order',
      'CreatedDate',
      'ModifiedDate',
    ]);
  });

  it('types them', () => {
    expect(TASK_FIELD_NAMES.filter((f) => TASK_FIELD_TYPE[f] === 'text')).toEqual(['Name', 'Description', 'CompanyName', 'OwnerName']);
    expect(TASK_FIELD_TYPE.DueDate).toBe('date');
    expect(TASK_FIELD_TYPE.ModifiedDate).toBe('datetime');
    expect(TASK_FIELD_TYPE.Order).toBe('number');
  });

  it('knows field names case-sensitively, and nothing inherited', () => {
    expect(isTaskFieldName('DueDate')).toBe(true);
    for (const other of ['dueDate', 'Due Date', '', 'toString', '__proto__', 7, undefined]) expect(isTaskFieldName(other)).toBe(false);
  });

  it('folds text to Unicode lower case', () => {
    expect(foldText('École ÉTÉ Straße')).toBe('école été straße');
    expect(foldText('İ')).toBe('i̇');
  });
});
