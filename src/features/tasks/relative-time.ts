/**
 * How long ago an instant was, in words: "just now", "2 minutes ago", "3 hours ago", "yesterday",
 * "5 days ago", "2 months ago". Whole units, rounded down ("59 minutes ago", never "60"). Pure:
 * `now` is given.
 */

const ALWAYS = new Intl.RelativeTimeFormat('en-US', { numeric: 'always' });
/** Only for days: "yesterday" reads better than "1 day ago". */
const AUTO = new Intl.RelativeTimeFormat('en-US', { numeric: 'auto' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Words for `iso` seen from `now`; '' when `iso` is not a date-time. */
export function timeAgo(iso: string, now: Date): string {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  const ms = now.getTime() - t;
  // A server clock a little ahead of this browser's is not "in 10 seconds".
  if (Math.abs(ms) < 45_000) return 'just now';
  const sign = ms > 0 ? -1 : 1;
  const abs = Math.abs(ms);
  if (abs < HOUR) return ALWAYS.format(sign * Math.max(1, Math.floor(abs / MINUTE)), 'minute');
  if (abs < DAY) return ALWAYS.format(sign * Math.floor(abs / HOUR), 'hour');
  if (abs < 30 * DAY) return AUTO.format(sign * Math.floor(abs / DAY), 'day');
  if (abs < 365 * DAY) return ALWAYS.format(sign * Math.floor(abs / (30 * DAY)), 'month');
  return ALWAYS.format(sign * Math.floor(abs / (365 * DAY)), 'year');
}
