import { describe, expect, it } from 'vitest';
import type { Task, TaskStatus } from '../../api/types.ts';
import {
  INCOMPLETE_DATE,
  firstInvalidField,
  formValuesFromTask,
  hasErrors,
  newTaskValues,
  sameTaskValues,
  toTaskInput,
  validateTaskForm,
  type TaskFormValues,
} from './task-form.ts';

const VALID: TaskFormValues = {
  Name: 'Kickoff call',
  Description: 'Agenda:\n- goals',
  CTAId: '1C-1',
  OwnerId: 'U1',
  Status: 'In Progress',
  Priority: 'High',
  DueDate: '2026-03-31',
};

describe('validateTaskForm', () => {
  it('accepts a complete form', () => {
    expect(validateTaskForm(VALID)).toEqual({});
  });

  it('requires a name that is not blank', () => {
    expect(validateTaskForm({ ...VALID, Name: '' }).Name).toBe('Enter a name for the task.');
    expect(validateTaskForm({ ...VALID, Name: ' \t\n ' }).Name).toBe('Enter a name for the task.');
  });

  it('requires a CTA on create but not on edit', () => {
    expect(validateTaskForm({ ...VALID, CTAId: '  ' }).CTAId).toBeDefined();
    expect(validateTaskForm({ ...VALID, CTAId: '' }, { requireCta: false })).toEqual({});
  });

  it('accepts no due date but refuses a date that is not on the calendar or only partly typed', () => {
    expect(validateTaskForm({ ...VALID, DueDate: '' })).toEqual({});
    expect(validateTaskForm({ ...VALID, DueDate: '2026-02-29' }).DueDate).toMatch(/real date/);
    expect(validateTaskForm({ ...VALID, DueDate: '2028-02-29' })).toEqual({});
    expect(validateTaskForm({ ...VALID, DueDate: '31/03/2026' }).DueDate).toBeDefined();
    expect(validateTaskForm({ ...VALID, DueDate: INCOMPLETE_DATE }).DueDate).toBeDefined();
  });

  it('refuses a status the API does not know', () => {
    expect(validateTaskForm({ ...VALID, Status: 'Done' as TaskStatus }).Status).toBe('Choose a status.');
  });

  it('reports the first invalid field in form order', () => {
    const errors = validateTaskForm({ ...VALID, DueDate: 'x', Name: '', CTAId: '' });
    expect(Object.keys(errors).sort()).toEqual(['CTAId', 'DueDate', 'Name']);
    expect(firstInvalidField(errors)).toBe('Name');
    expect(hasErrors(errors)).toBe(true);
    expect(hasErrors({})).toBe(false);
  });
});

describe('toTaskInput', () => {
  it('sends every field, with the name and ids trimmed', () => {
    expect(toTaskInput({ ...VALID, Name: '  Kickoff call ', CTAId: ' 1C-1 ' })).toEqual({
      Name: 'Kickoff call',
      Description: 'Agenda:\n- goals',
      CTAId: '1C-1',
      OwnerId: 'U1',
      Status: 'In Progress',
      Priority: 'High',
      DueDate: '2026-03-31',
    });
  });

  it('leaves out the optional fields the user emptied, so the API clears them', () => {
    expect(toTaskInput({ ...VALID, Description: '  ', OwnerId: '', Priority: '', DueDate: '' })).toEqual({
      Name: 'Kickoff call',
      CTAId: '1C-1',
      Status: 'In Progress',
    });
  });
});

describe('form values', () => {
  it('start from the preset status, or Not Started', () => {
    expect(newTaskValues().Status).toBe('Not Started');
    expect(newTaskValues({ Status: 'Skipped' }).Status).toBe('Skipped');
    expect(newTaskValues({ Status: 'Nope' as TaskStatus }).Status).toBe('Not Started');
    expect(newTaskValues().OwnerId).toBe('');
    expect(newTaskValues({ Status: 'Skipped', OwnerId: '1P01ABC' }).OwnerId).toBe('1P01ABC');
  });

  it('come from a task with missing fields as empty text, and round-trip to the same input', () => {
    const task: Task = { Gsid: '1T1', Name: 'Call', CTAId: '1C-1', Status: 'Completed', CompanyName: 'Acme' };
    const values = formValuesFromTask(task);
    expect(values).toEqual({ Name: 'Call', Description: '', CTAId: '1C-1', OwnerId: '', Status: 'Completed', Priority: '', DueDate: '' });
    expect(toTaskInput(values)).toEqual({ Name: 'Call', CTAId: '1C-1', Status: 'Completed' });
  });

  it('compare field by field', () => {
    expect(sameTaskValues(VALID, { ...VALID })).toBe(true);
    expect(sameTaskValues(VALID, { ...VALID, Description: 'Agenda' })).toBe(false);
  });
});
