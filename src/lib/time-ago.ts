/**
 * "2 minutes ago", "yesterday", "3 days ago", "on Aug 12": how long ago a moment was, in words, for
 * messages about other people's changes. Future moments (a clock running ahead) read "just now".
 */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function timeAgo(iso: string | null | undefined, now: Date = new Date()): string | null {
  if (!iso) return null;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return null;
  const ms = now.getTime() - at;
  if (ms < MINUTE) return 'just now';
  if (ms < HOUR) {
    const m = Math.floor(ms / MINUTE);
    return m === 1 ? '1 minute ago' : `${m} minutes ago`;
  }
  if (ms < DAY) {
    const h = Math.floor(ms / HOUR);
    return h === 1 ? '1 hour ago' : `${h} hours ago`;
  }
  const d = Math.floor(ms / DAY);
  if (d === 1) return 'yesterday';
  if (d < 7) return `${d} days ago`;
  const date = new Date(at);
  const sameYear = date.getFullYear() === now.getFullYear();
  return `on ${date.toLocaleDateString('en-US', { month: 'short', day: 'numeric', ...(sameYear ? {} : { year: 'numeric' }) })}`;
}
