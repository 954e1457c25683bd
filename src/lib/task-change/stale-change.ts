/**
 * A change made on a stale view: the board's card showed one status, or the calendar showed one
 * due date, but the task as the server has it now has another (a teammate changed it since the
 * view loaded). The change is not sent: the view shows the task where it really is, and the user
 * is asked whether to change it anyway. Without this check the change would silently undo the
 * teammate's.
 */
import type { Task, TaskStatus } from '../../api/types.ts';

/** The fields a view lets a task be moved by: the board's columns, the calendar's days. */
export interface StaleFields {
  Status: TaskStatus;
  /** A calendar date, or null for no due date. */
  DueDate: string | null;
}
export type StaleField = keyof StaleFields;

/**
 * A field a change also sets (a move across swimlanes sets the owner or priority too): as the
 * view showed it, and the value the change sets.
 */
export interface ShownField {
  name: 'OwnerId' | 'Priority';
  shown: string | null;
  wanted: string | null;
}

export class StaleChangeError<F extends StaleField = StaleField> extends Error {
  override readonly name = 'StaleChangeError';

  constructor(
    /** The task as the server has it now. */
    readonly fresh: Task,
    readonly field: F,
    /** Where the user wanted it. */
    readonly to: StaleFields[F],
    /** Set when `field` is as the view showed it but this one is not (someone else changed it). */
    readonly also?: ShownField,
  ) {
    super(`${field} changed by someone else`);
  }
}

/** The board's kind: a status move on a stale board. */
export type StaleMoveError = StaleChangeError<'Status'>;

export function isStaleChange<F extends StaleField>(error: unknown, field: F): error is StaleChangeError<F> {
  return error instanceof StaleChangeError && error.field === field;
}

/**
 * Throws when the fresh task's `field` is no longer what the view showed and someone else changed
 * it: its `ModifiedDate` is none this page has seen (the one the view loaded, or one of its own
 * writes). So this user's own quick changes, one of which failed meanwhile, never count as
 * someone else's. Not when the user said to go ahead. (A task the server sends without a status
 * is not judged by its status.) With `also`, the same goes for that second field the change sets.
 */
export function checkNotStale<F extends StaleField>(
  fresh: Task,
  field: F,
  shown: StaleFields[F],
  to: StaleFields[F],
  options: { force: boolean; known: ReadonlySet<string>; also?: ShownField | undefined },
): void {
  const { also } = options;
  const now = fresh[field] ?? null;
  const moved = now !== (shown ?? null) && !(field === 'Status' && now === null);
  const changed = also !== undefined && (fresh[also.name] ?? null) !== also.shown;
  if (options.force || (!moved && !changed)) return;
  if (!fresh.ModifiedDate || options.known.has(fresh.ModifiedDate)) return;
  throw new StaleChangeError(fresh, field, to, moved ? undefined : also);
}

/**
 * Per task, the versions (ModifiedDate) this page has seen from the server or written itself:
 * what `checkNotStale` calls known.
 */
export function createKnownVersions() {
  const versions = new Map<string, Set<string>>();
  return {
    know(id: string, modifiedDate: string | undefined) {
      if (!modifiedDate) return;
      const known = versions.get(id) ?? new Set<string>();
      known.add(modifiedDate);
      versions.set(id, known);
    },
    of: (id: string): ReadonlySet<string> => versions.get(id) ?? new Set(),
  };
}
