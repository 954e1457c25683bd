import { describe, expect, it } from 'vitest';
import type { Task, TaskInput } from '../../api/types.ts';
import { checkForConflict, needsConfirmation } from './task-conflict.ts';

const OPENED: Task = {
  Gsid: '1T1',
  Name: 'Kickoff call',
  Description: 'Agenda',
  CTAId: '1C1',
  CompanyName: 'Acme',
  OwnerId: 'U1',
  OwnerName: 'Ada',
  Status: 'Not Started',
  Priority: 'High',
  DueDate: '2026-03-01',
  ModifiedDate: '2026-02-01T10:00:00.000Z',
};

const inputOf = (task: Task): TaskInput => ({
  Name: task.Name ?? '',
  CTAId: task.CTAId ?? '',
  Description: task.Description,
  OwnerId: task.OwnerId,
  Status: task.Status,
  Priority: task.Priority,
  DueDate: task.DueDate,
});

describe('checkForConflict', () => {
  it('finds nothing when the server still has the version the form was opened from', () => {
    const check = checkForConflict(OPENED, { ...OPENED }, { ...inputOf(OPENED), Name: 'Renamed' });
    expect(check).toEqual({ changedOnServer: false, changes: [] });
    expect(needsConfirmation(check)).toBe(false);
  });

  it('lists each field someone else changed with theirs and mine, in form order', () => {
    const current: Task = {
      ...OPENED,
      Status: 'In Progress',
      Name: 'Kickoff meeting',
      Description: undefined,
      OwnerName: 'Grace',
      OwnerId: 'U2',
      ModifiedDate: '2026-02-01T10:05:00.000Z',
    };
    const mine: TaskInput = { ...inputOf(OPENED), Name: 'Kickoff call (moved)', Priority: 'Low' };
    const check = checkForConflict(OPENED, current, mine);
    expect(needsConfirmation(check)).toBe(true);
    expect(check.changes).toEqual([
      { field: 'Name', label: 'Name', before: 'Kickoff call', theirs: 'Kickoff meeting', mine: 'Kickoff call (moved)', changedByYou: true },
      { field: 'OwnerId', label: 'Owner', before: 'U1', theirs: 'U2', mine: 'U1', changedByYou: false },
      { field: 'Status', label: 'Status', before: 'Not Started', theirs: 'In Progress', mine: 'Not Started', changedByYou: false },
      { field: 'Description', label: 'Description', before: 'Agenda', theirs: '', mine: 'Agenda', changedByYou: false },
    ]);
  });

  it('does not count a field only I changed, nor fields outside the task input', () => {
    const current: Task = { ...OPENED, CompanyName: 'Acme Inc', CompletedDate: '2026-02-02', ModifiedDate: '2026-02-02T00:00:00.000Z' };
    const check = checkForConflict(OPENED, current, { ...inputOf(OPENED), Priority: 'Low' });
    expect(check.changes).toEqual([]);
    expect(check.changedOnServer).toBe(true);
    expect(needsConfirmation(check)).toBe(false);
  });

  it('sees a field filled in or emptied (missing optional fields count as empty)', () => {
    const opened: Task = { ...OPENED, DueDate: undefined };
    const current: Task = { ...OPENED, DueDate: '2026-04-01', Priority: undefined, ModifiedDate: 'later' };
    const check = checkForConflict(opened, current, inputOf(opened));
    expect(check.changes.map((c) => [c.field, c.before, c.theirs])).toEqual([
      ['Priority', 'High', ''],
      ['DueDate', '', '2026-04-01'],
    ]);
  });
});
