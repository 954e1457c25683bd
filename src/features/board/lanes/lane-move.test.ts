import { describe, expect, it } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { columnView, type ColumnPages } from '../moves/move-logic.ts';
import { moveInput } from '../../../lib/task-change/put-input.ts';
import { StaleChangeError, checkNotStale, isStaleChange, type StaleMoveError } from '../../../lib/task-change/stale-change.ts';
import { staleMoveMessage } from '../moves/stale-move-message.ts';

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

describe('a stale move across swimlanes', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  const changed: Task = { ...fresh, OwnerId: 'U3', OwnerName: 'Carl Ito', ModifiedDate: '2026-12-02T11:58:00Z' };
  const also = { name: 'OwnerId' as const, shown: 'U1', wanted: 'U2' };

  it('is not sent when someone else changed the lane field since the board loaded, and asks', () => {
    let error: unknown;
    try {
      checkNotStale(changed, 'Status', 'Not Started', 'In Progress', { force: false, known: new Set(), also });
    } catch (e) {
      error = e;
    }
    expect(isStaleChange(error, 'Status')).toBe(true);
    expect((error as StaleMoveError).also).toEqual(also);
    expect(staleMoveMessage(error as StaleMoveError, now)).toEqual({
      message: 'Someone else set "Kickoff" to owner Carl Ito 2 minutes ago. Move it anyway?',
      ask: true,
    });
  });

  it('goes ahead when the field is as the card showed it, when told to, or for the user’s own version', () => {
    expect(() => checkNotStale(fresh, 'Status', 'Not Started', 'In Progress', { force: false, known: new Set(), also })).not.toThrow();
    expect(() => checkNotStale(changed, 'Status', 'Not Started', 'In Progress', { force: true, known: new Set(), also })).not.toThrow();
    expect(() =>
      checkNotStale(changed, 'Status', 'Not Started', 'In Progress', { force: false, known: new Set([changed.ModifiedDate!]), also }),
    ).not.toThrow();
  });

  it('says there is nothing to do when someone else already made the same move', () => {
    const done: Task = { ...changed, OwnerId: 'U2', OwnerName: 'Zoe Park', Status: 'Not Started' };
    const error = new StaleChangeError(done, 'Status', 'Not Started', also);
    expect(staleMoveMessage(error, now)).toEqual({
      message: 'Someone else already set "Kickoff" to owner Zoe Park 2 minutes ago. Nothing to do.',
      ask: false,
    });
  });
});
