/**
 * The words for a stale move (stale-move.ts), loaded only when one happens: it is rare, and the
 * board's first visit need not carry them.
 */
import { timeAgo } from '../../../lib/time-ago.ts';
import type { StaleMoveError } from '../../../lib/task-change/stale-change.ts';

/**
 * What the user is told: the question when the task is somewhere else, or just the news when
 * someone already put it where the user wanted it.
 */
export function staleMoveMessage(error: StaleMoveError, now: Date = new Date()): { message: string; ask: boolean } {
  const when = timeAgo(error.fresh.ModifiedDate, now);
  const name = error.fresh.Name ?? 'This task';
  const where = error.fresh.Status ?? 'another column';
  const since = when ? ` ${when}` : '';
  if (error.fresh.Status === error.to) {
    return { message: `"${name}" was already moved to ${where}${since} by someone else. Nothing to do.`, ask: false };
  }
  return { message: `Someone else moved "${name}" to ${where}${since}. Move it to ${error.to} anyway?`, ask: true };
}
