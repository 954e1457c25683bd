import { describe, expect, it } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { columnView, type ColumnPages } from '../moves/move-logic.ts';
import { moveInput } from '../moves/move-input.ts';

const fresh: Task = {
  Gsid: 'T1',
  Name: 'Kickoff',
  CTAId: 'C1',
  OwnerId: 'U1',
  Priority: 'High',
  Status: 'Not Started',
  Description: 'Keep',
};

describe('a move across swimlanes', () => {
  it('sends the fresh task with the status and the lane field changed, nothing else', () => {
    expect(moveInput(fresh, 'In Progress', { field: 'OwnerId', value: 'U2', words: 'owner Zoe' })).toEqual({
      Name: 'Kickoff',
      CTAId: 'C1',
      OwnerId: 'U2',
      Priority: 'High',
      Status: 'In Progress',
      Description: 'Keep',
    });
    // "No owner" / "No priority": the field is left out, which clears it.
    expect(moveInput(fresh, 'Not Started', { field: 'Priority', value: null, words: 'no priority' })).not.toHaveProperty('Priority');
  });

  it('a cell lays over its rows only the moves that end in it (its status and its lane)', () => {
    const data: ColumnPages = { pages: [{ records: [fresh], totalCount: 1 }], pageParams: [0] };
    const moved = { ...fresh, OwnerId: 'U2' };
    const pending = new Map([['T1', { task: moved, to: 'Not Started' as const }]]);
    const inLane = (lane: string) => (m: { task: Task; to: string }) => m.to === 'Not Started' && m.task.OwnerId === lane;
    // Same status, another owner: it leaves U1's cell and comes into U2's.
    expect(columnView(data, 'Not Started', pending, { DueDate: 'asc' }, undefined, inLane('U1'))).toEqual({ cards: [], count: 0 });
    const empty: ColumnPages = { pages: [{ records: [], totalCount: 0 }], pageParams: [0] };
    expect(columnView(empty, 'Not Started', pending, { DueDate: 'asc' }, undefined, inLane('U2'))).toEqual({ cards: [moved], count: 1 });
  });
});
