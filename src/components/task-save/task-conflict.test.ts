import { describe, expect, it } from 'vitest';
import type { Task, TaskInput } from '../../api/types.ts';
import { checkForConflict, mergeInput, needsConfirmation, theirsMerged, type FieldChange } from './task-conflict.ts';

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
      {
        field: 'Name',
        label: 'Name',
        before: 'Kickoff call',
        theirs: 'Kickoff meeting',
        mine: 'Kickoff call (moved)',
        changedByYou: true,
        overwrites: true,
      },
      { field: 'OwnerId', label: 'Owner', before: 'U1', theirs: 'U2', mine: 'U1', changedByYou: false, overwrites: true },
      {
        field: 'Status',
        label: 'Status',
        before: 'Not Started',
        theirs: 'In Progress',
        mine: 'Not Started',
        changedByYou: false,
        overwrites: true,
      },
      { field: 'Description', label: 'Description', before: 'Agenda', theirs: '', mine: 'Agenda', changedByYou: false, overwrites: true },
    ]);
  });

  it('does not count a field only I changed, nor fields outside the task input', () => {
    const current: Task = { ...OPENED, CompanyName: 'Acme Inc', CompletedDate: '2026-02-02', ModifiedDate: '2026-02-02T00:00:00.000Z' };
    const check = checkForConflict(OPENED, current, { ...inputOf(OPENED), Priority: 'Low' });
    expect(check.changes).toEqual([]);
    expect(check.changedOnServer).toBe(true);
    expect(needsConfirmation(check)).toBe(false);
  });

  it('a CTA someone else changed is their change: the save keeps it, so on its own it asks nothing', () => {
    const current: Task = { ...OPENED, CTAId: '1C2', ModifiedDate: '2026-02-01T10:05:00.000Z' };
    const cta: FieldChange = {
      field: 'CTAId',
      label: 'CTA',
      before: '1C1',
      theirs: '1C2',
      mine: '1C2',
      changedByYou: false,
      overwrites: false,
    };
    // The form cannot edit the CTA: whichever CTA the input carries (the opened one, or the
    // server's one the PUT sends), the user did not change it and their CTA is kept.
    for (const mine of [inputOf(OPENED), { ...inputOf(OPENED), CTAId: '1C2' }, { ...inputOf(OPENED), Priority: 'Low' }]) {
      const check = checkForConflict(OPENED, current, mine);
      expect(check.changes).toEqual([cta]);
      expect(check.changedOnServer).toBe(true);
      expect(needsConfirmation(check)).toBe(false);
    }
  });

  it('with another field changed too, lists the CTA as theirs (a field only they changed asks nothing: issue 15 merges it)', () => {
    const current: Task = { ...OPENED, CTAId: '1C2', Name: 'Kickoff meeting', ModifiedDate: 'later' };
    const check = checkForConflict(OPENED, current, { ...inputOf(OPENED), CTAId: '1C2' });
    expect(needsConfirmation(check)).toBe(false);
    expect(check.changes.map((c) => [c.field, c.theirs, c.mine, c.changedByYou, c.overwrites])).toEqual([
      ['Name', 'Kickoff meeting', 'Kickoff call', false, true],
      ['CTAId', '1C2', '1C2', false, false],
    ]);
  });

  it('does not ask when I made the same change they did (nothing of theirs is overwritten)', () => {
    const current: Task = { ...OPENED, Status: 'Completed', ModifiedDate: 'later' };
    const check = checkForConflict(OPENED, current, { ...inputOf(OPENED), Status: 'Completed' });
    expect(check.changes).toEqual([
      {
        field: 'Status',
        label: 'Status',
        before: 'Not Started',
        theirs: 'Completed',
        mine: 'Completed',
        changedByYou: true,
        overwrites: false,
      },
    ]);
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

describe('merging per field (issue 15)', () => {
  // I changed Description and Name; they changed Status, Priority and Name.
  const current: Task = { ...OPENED, Status: 'In Progress', Priority: 'Low', Name: 'Kickoff meeting', ModifiedDate: 'later' };
  const mine: TaskInput = { ...inputOf(OPENED), Description: 'Mine: new agenda', Name: 'Kickoff call (moved)' };

  it('asks only about a field both changed to different values', () => {
    const check = checkForConflict(OPENED, current, mine);
    expect(needsConfirmation(check)).toBe(true);
    expect(check.changes.filter((c) => c.changedByYou && c.overwrites).map((c) => c.field)).toEqual(['Name']);
    expect(theirsMerged(check.changes).map((c) => c.field)).toEqual(['Status', 'Priority']);
  });

  it('keeps mine where only I changed, theirs where only they changed, and the chosen side where both did', () => {
    const { changes } = checkForConflict(OPENED, current, mine);
    const merged = {
      Description: 'Mine: new agenda',
      Status: 'In Progress',
      Priority: 'Low',
      CTAId: '1C1',
      OwnerId: 'U1',
      DueDate: '2026-03-01',
    };
    expect(mergeInput(changes, mine, { Name: 'theirs' })).toEqual({ ...merged, Name: 'Kickoff meeting' });
    expect(mergeInput(changes, mine, { Name: 'mine' })).toEqual({ ...merged, Name: 'Kickoff call (moved)' });
  });

  it('merges without asking when we changed different fields, including a field they emptied', () => {
    const theirs: Task = { ...OPENED, Priority: undefined, DueDate: '2026-04-01', ModifiedDate: 'later' };
    const myEdit: TaskInput = { ...inputOf(OPENED), Description: 'Mine', Status: 'Completed' };
    const check = checkForConflict(OPENED, theirs, myEdit);
    expect(needsConfirmation(check)).toBe(false);
    const input = mergeInput(check.changes, myEdit);
    expect(input).toEqual({
      Name: 'Kickoff call',
      CTAId: '1C1',
      OwnerId: 'U1',
      Status: 'Completed',
      DueDate: '2026-04-01',
      Description: 'Mine',
    });
    expect('Priority' in input).toBe(false);
  });
});
