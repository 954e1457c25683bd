/**
 * A move on a stale board: the card showed one status, but the task as the server has it now is
 * in another (a teammate moved it since the board loaded). The move is not sent: the card jumps
 * to where the task really is, and the user is asked whether to move it anyway. Without this
 * check the move would silently undo the teammate's.
 */
import type { Task, TaskStatus } from '../../../api/types.ts';

/** A field a swimlane move also sets: as the card showed it, and the value the move sets. */
export interface ShownField {
  name: 'OwnerId' | 'Priority';
  shown: string | null;
  wanted: string | null;
}

export class StaleMoveError extends Error {
  override readonly name = 'StaleMoveError';

  constructor(
    /** The task as the server has it now. */
    readonly fresh: Task,
    /** The status the card showed when the move began. */
    readonly shown: TaskStatus,
    readonly to: TaskStatus,
    /** Set when the status is as shown but this field is not (someone else changed it). */
    readonly field?: ShownField,
  ) {
    super(`The task is in ${fresh.Status ?? 'another status'} now, not ${shown}.`);
  }
}

export function isStaleMove(error: unknown): error is StaleMoveError {
  return error instanceof StaleMoveError;
}

/**
 * Throws when the fresh task is no longer where the card was and someone else changed it: its
 * `ModifiedDate` is none this page has seen (the one the board loaded, or one of its own writes).
 * So this user's own quick moves, one of which failed meanwhile, never count as someone else's.
 * Not when the user said to go ahead.
 */
export function checkNotStale(
  fresh: Task,
  shown: TaskStatus,
  to: TaskStatus,
  options: { force: boolean; known: ReadonlySet<string>; field?: ShownField | undefined },
): void {
  const { field } = options;
  const moved = fresh.Status !== undefined && fresh.Status !== shown;
  const changed = field !== undefined && (fresh[field.name] ?? null) !== field.shown;
  if (options.force || (!moved && !changed)) return;
  if (!fresh.ModifiedDate || options.known.has(fresh.ModifiedDate)) return;
  throw new StaleMoveError(fresh, shown, to, moved ? undefined : field);
}
