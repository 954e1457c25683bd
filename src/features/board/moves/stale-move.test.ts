import { describe, expect, it } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { StaleMoveError, checkNotStale, isStaleMove } from './stale-move.ts';
import { staleMoveMessage } from './stale-move-message.ts';

const now = new Date('2026-12-02T12:00:00Z');
const fresh: Task = { Gsid: '1T1', Name: 'Kickoff call', Status: 'Completed', ModifiedDate: '2026-12-02T11:58:00Z' };

describe('stale moves', () => {
  it('lets a move through when the task is where the card showed it, or when told to', () => {
    const known = new Set<string>();
    expect(() => checkNotStale({ ...fresh, Status: 'Not Started' }, 'Not Started', 'In Progress', { force: false, known })).not.toThrow();
    expect(() => checkNotStale(fresh, 'Not Started', 'In Progress', { force: true, known })).not.toThrow();
  });

  it("does not count the user's own earlier state as someone else's move", () => {
    // Two quick moves, the first failed: the server still has the version the board loaded.
    const known = new Set([fresh.ModifiedDate!]);
    expect(() => checkNotStale(fresh, 'In Progress', 'Skipped', { force: false, known })).not.toThrow();
  });

  it('stops a move when the task moved since the board loaded, and asks in words', () => {
    let error: unknown;
    try {
      checkNotStale(fresh, 'Not Started', 'In Progress', { force: false, known: new Set(['2026-12-02T10:00:00Z']) });
    } catch (e) {
      error = e;
    }
    expect(isStaleMove(error)).toBe(true);
    expect(staleMoveMessage(error as StaleMoveError, now)).toEqual({
      message: 'Someone else moved "Kickoff call" to Completed 2 minutes ago. Move it to In Progress anyway?',
      ask: true,
    });
  });

  it('only tells when someone already moved it where the user wanted', () => {
    const error = new StaleMoveError(fresh, 'Not Started', 'Completed');
    expect(staleMoveMessage(error, now)).toEqual({
      message: '"Kickoff call" was already moved to Completed 2 minutes ago by someone else. Nothing to do.',
      ask: false,
    });
  });
});
