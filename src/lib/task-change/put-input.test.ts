import { describe, expect, it } from 'vitest';
import { moveInput, putInput } from './put-input.ts';

describe('moveInput', () => {
  it('keeps every input field the task has, changing only the status', () => {
    const task = {
      Gsid: '1T1',
      Name: 'Kickoff call',
      Description: 'Changed by someone else',
      CTAId: '1C1',
      CompanyId: '1A1',
      CompanyName: 'Acme',
      OwnerId: '1U1',
      OwnerName: 'Ann',
      Status: 'Not Started' as const,
      Priority: 'High',
      DueDate: '2026-12-01',
      PlaybookId: '1P1',
      Order: 3,
      ModifiedDate: '2026-11-27T10:00:00.000Z',
    };
    expect(moveInput(task, 'In Progress')).toEqual({
      Name: 'Kickoff call',
      Description: 'Changed by someone else',
      CTAId: '1C1',
      OwnerId: '1U1',
      Status: 'In Progress',
      Priority: 'High',
      DueDate: '2026-12-01',
    });
  });

  it('sends no field the task does not have (so nothing is set that was empty)', () => {
    expect(moveInput({ Name: 'N', CTAId: 'C' }, 'Skipped')).toEqual({ Name: 'N', CTAId: 'C', Status: 'Skipped' });
  });

  it('refuses a task without its name or CTA', () => {
    expect(() => moveInput({ CTAId: 'C' }, 'Skipped')).toThrow(/cannot be changed safely/);
  });

  it('changes only the due date when asked, and clears it when asked', () => {
    const task = { Name: 'N', CTAId: 'C', Status: 'In Progress' as const, Priority: 'Low', DueDate: '2026-12-01', OwnerId: 'U' };
    expect(putInput(task, { DueDate: '2027-02-28' })).toEqual({ ...task, DueDate: '2027-02-28' });
    const { DueDate: _d, ...rest } = task;
    expect(putInput(task, { DueDate: null })).toEqual(rest);
  });
});
