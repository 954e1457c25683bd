import { describe, expect, it } from 'vitest';
import type { Task } from '../../../api/types.ts';
import { StaleChangeError, checkNotStale, type StaleMoveError } from '../../../lib/task-change/stale-change.ts';
import { staleMoveMessage } from './stale-move-message.ts';

const now = new Date('2026-12-02T12:00:00Z');
const fresh: Task = { Gsid: '1T1', Name: 'Kickoff call', Status: 'Completed', ModifiedDate: '2026-12-02T11:58:00Z' };

describe('the words for a stale move', () => {
  it('asks when the task moved since the board loaded', () => {
    let error: unknown;
    try {
      checkNotStale(fresh, 'Status', 'Not Started', 'In Progress', { force: false, known: new Set(['2026-12-02T10:00:00Z']) });
    } catch (e) {
      error = e;
    }
    expect(staleMoveMessage(error as StaleMoveError, now)).toEqual({
      message: 'Someone else moved "Kickoff call" to Completed 2 minutes ago. Move it to In Progress anyway?',
      ask: true,
    });
  });

  it('only tells when someone already moved it where the user wanted', () => {
    const error = new StaleChangeError(fresh, 'Status', 'Completed');
    expect(staleMoveMessage(error, now)).toEqual({
      message: '"Kickoff call" was already moved to Completed 2 minutes ago by someone else. Nothing to do.',
      ask: false,
    });
  });
});
