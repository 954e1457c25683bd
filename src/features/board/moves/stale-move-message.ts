/**
 * The words for a stale move (stale-change.ts), loaded only when one happens: it is rare, and the
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
  const field = error.also;
  if (field) {
    // A swimlane move (owner or priority) on a card whose owner or priority someone else changed.
    const value = error.fresh[field.name] ?? null;
    const word = field.name === 'OwnerId' ? 'owner' : 'priority';
    const now = value === null ? `no ${word}` : `${word} ${field.name === 'OwnerId' ? (error.fresh.OwnerName ?? value) : value}`;
    if (value === field.wanted && error.fresh.Status === error.to) {
      return { message: `Someone else already set "${name}" to ${now}${since}. Nothing to do.`, ask: false };
    }
    return { message: `Someone else set "${name}" to ${now}${since}. Move it anyway?`, ask: true };
  }
  if (error.fresh.Status === error.to) {
    return { message: `"${name}" was already moved to ${where}${since} by someone else. Nothing to do.`, ask: false };
  }
  return { message: `Someone else moved "${name}" to ${where}${since}. Move it to ${error.to} anyway?`, ask: true };
}
