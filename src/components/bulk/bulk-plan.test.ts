import { describe, expect, it } from 'vitest';
import type { Task } from '../../api/types.ts';
import { bulkInput, describeChange, planStep, planUndo, type BulkChange } from './bulk-plan.ts';

const task = (fields: Partial<Task> = {}): Task => ({
  Gsid: '1T1',
  Name: 'Call Kestrel',
  CTAId: '1C1',
  OwnerId: '1U1',
  OwnerName: 'Ana Ruiz',
  Status: 'Not Started',
  Priority: 'High',
  DueDate: '2026-02-27',
  Description: 'Notes',
  CompanyName: 'Kestrel',
  ...fields,
});

describe('describeChange', () => {
  it('says exactly what will change', () => {
    expect(describeChange({ kind: 'status', status: 'Completed' }, 12)).toBe('Move 12 tasks to Completed');
    expect(describeChange({ kind: 'owner', ownerId: '1U2', ownerName: 'Ben Ode' }, 1)).toBe('Give 1 task to Ben Ode');
    expect(describeChange({ kind: 'priority', priority: 'Low' }, 3)).toBe('Set the priority of 3 tasks to Low');
    expect(describeChange({ kind: 'priority', priority: null }, 3)).toBe('Clear the priority of 3 tasks');
    expect(describeChange({ kind: 'due', dueDate: '2026-12-04' }, 2)).toBe('Set the due date of 2 tasks to Dec 4, 2026');
    expect(describeChange({ kind: 'shift', days: 7, workingDays: false }, 1200)).toBe('Move the due dates of 1,200 tasks 7 days later');
    expect(describeChange({ kind: 'shift', days: -1, workingDays: true }, 2)).toBe('Move the due dates of 2 tasks 1 working day earlier');
  });
});

describe('bulkInput', () => {
  it('is the fresh task with only the field changed', () => {
    expect(bulkInput(task(), 'Status', 'Completed')).toEqual({
      Name: 'Call Kestrel',
      CTAId: '1C1',
      OwnerId: '1U1',
      Status: 'Completed',
      Priority: 'High',
      DueDate: '2026-02-27',
      Description: 'Notes',
    });
  });
  it('clears a field by leaving it out', () => {
    expect(bulkInput(task(), 'Priority', null)).not.toHaveProperty('Priority');
  });
  it('refuses a task without its name or CTA', () => {
    expect(() => bulkInput(task({ CTAId: undefined }), 'Status', 'Completed')).toThrow(/cannot be changed safely/);
  });
});

describe('planStep (the bulk plan)', () => {
  const shift: BulkChange = { kind: 'shift', days: 2, workingDays: false };

  it('builds the PUT from the fresh read, so other fields edited meanwhile are kept', () => {
    const fresh = task({ Description: 'Edited by a teammate', Priority: 'Low' });
    const step = planStep(fresh, { kind: 'status', status: 'Completed' }, null);
    expect(step).toMatchObject({ action: 'put', before: 'Not Started', after: 'Completed' });
    expect(step.action === 'put' && step.input).toMatchObject({
      Description: 'Edited by a teammate',
      Priority: 'Low',
      Status: 'Completed',
    });
  });

  it('shifts across a month end and onto a leap day', () => {
    expect(planStep(task({ DueDate: '2026-02-27' }), shift, null)).toMatchObject({ before: '2026-02-27', after: '2026-03-01' });
    expect(planStep(task({ DueDate: '2028-02-27' }), shift, null)).toMatchObject({ before: '2028-02-27', after: '2028-02-29' });
  });

  it('skips what has nothing to change, and says why', () => {
    expect(planStep(task({ DueDate: undefined }), shift, null)).toEqual({ action: 'skip', reason: 'It has no due date to shift.' });
    expect(planStep(task(), { kind: 'status', status: 'Not Started' }, null)).toEqual({ action: 'skip', reason: 'Already Not Started.' });
    expect(planStep(task({ OwnerId: '1U2' }), { kind: 'owner', ownerId: '1U2', ownerName: 'Ben Ode' }, null)).toEqual({
      action: 'skip',
      reason: 'Already Ben Ode.',
    });
  });

  it('never shifts twice: a retry after a lost answer finds the date already moved', () => {
    const memory = { before: '2026-02-27', after: '2026-03-01', sent: true };
    expect(planStep(task({ DueDate: '2026-03-01' }), shift, memory)).toEqual({
      action: 'already',
      before: '2026-02-27',
      after: '2026-03-01',
    });
    expect(planStep(task({ DueDate: '2026-02-27' }), shift, memory)).toMatchObject({ action: 'put', after: '2026-03-01' });
    expect(planStep(task({ DueDate: '2026-04-01' }), shift, memory)).toMatchObject({ action: 'skip' });
  });

  it('a retried set writes the same value over whatever is there now', () => {
    const memory = { before: 'Not Started', after: 'Completed', sent: true };
    expect(planStep(task({ Status: 'In Progress' }), { kind: 'status', status: 'Completed' }, memory)).toMatchObject({
      action: 'put',
      before: 'In Progress',
      after: 'Completed',
    });
  });
});

describe('planUndo (the undo plan)', () => {
  const done = { field: 'DueDate' as const, before: '2026-02-27', after: '2026-03-01' };

  it('puts the old value back, built from the fresh read', () => {
    const step = planUndo(task({ DueDate: '2026-03-01', Description: 'New notes' }), done);
    expect(step).toMatchObject({ action: 'put', after: '2026-02-27' });
    expect(step.action === 'put' && step.input).toMatchObject({ DueDate: '2026-02-27', Description: 'New notes' });
  });

  it('leaves a task someone changed since, and says so', () => {
    expect(planUndo(task({ DueDate: '2026-03-09' }), done)).toEqual({
      action: 'skip',
      reason: 'Not undone: changed by someone else since (now Mar 9, 2026).',
    });
  });

  it('has nothing to do when the old value is already back', () => {
    expect(planUndo(task({ DueDate: '2026-02-27' }), done).action).toBe('already');
  });

  it('puts back a value that was empty by clearing it', () => {
    const step = planUndo(task({ Priority: 'Low' }), { field: 'Priority', before: null, after: 'Low' });
    expect(step.action === 'put' && step.input).not.toHaveProperty('Priority');
  });
});
