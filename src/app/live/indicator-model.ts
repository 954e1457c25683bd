/**
 * What the header's "Live updates" indicator and the stale-data banner say, from the live status
 * (src/api/live-status.ts). Pure: the time is passed in.
 */
import type { LiveStatus } from '../../api/live-status.ts';

/** The mirror's poll interval when the stream has not said it (the team server's default, MIRROR_POLL_S). */
const DEFAULT_POLL_SECONDS = 10;
/** Data older than this many poll intervals is stale, whatever the stream says (or when it says nothing). */
const STALE_AFTER_POLLS = 3;

/** `live`, `busy` (connecting, syncing), `warning` (stale, reconnecting), `off` (no live updates). */
export type IndicatorTone = 'live' | 'busy' | 'warning' | 'off';

export interface IndicatorView {
  /** The short text in the header, also what the status region announces. */
  label: string;
  tone: IndicatorTone;
  /** What it means, in a sentence or two (the indicator's details). */
  details: string;
}

const CLOCK = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "14:05", in the user's time zone. */
export function formatClock(ms: number): string {
  return CLOCK.format(new Date(ms));
}

const RELATIVE = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "3 minutes ago", "2 hours ago", "yesterday". */
export function relativeTime(ms: number, now: number): string {
  const seconds = Math.round((now - ms) / 1000);
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return RELATIVE.format(-minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (hours < 24) return RELATIVE.format(-hours, 'hour');
  return RELATIVE.format(-Math.round(hours / 24), 'day');
}

const parseTime = (iso: string | null | undefined): number | null => {
  const t = Date.parse(iso ?? '');
  return Number.isNaN(t) ? null : t;
};

const FOCUS_FALLBACK = 'Meanwhile pages refresh when you come back to this tab.';

export function indicatorView(status: LiveStatus, now: number): IndicatorView | null {
  const { stream, sync } = status;
  switch (stream) {
    case 'idle':
      return null;
    case 'reconnecting':
      return {
        label: 'Live updates off — reconnecting…',
        tone: 'warning',
        details: `The connection for live updates was lost; it is being made again. ${FOCUS_FALLBACK}`,
      };
    case 'unavailable':
      return {
        label: 'Not live: updates on focus',
        tone: 'off',
        details:
          'Live updates are not available from this server (or not with your sign-in). Pages refresh when you come back to this tab.',
      };
    case 'connecting':
      return connecting;
    case 'open':
      break;
  }
  if (!sync) return connecting;
  const last = parseTime(sync.lastSyncAt);
  const checked = last === null ? '' : ` Last checked with Gainsight at ${formatClock(last)} (${relativeTime(last, now)}).`;
  switch (sync.state) {
    case 'syncing':
      return {
        label: 'Syncing…',
        tone: 'busy',
        details:
          "The team server is making its copy of the tenant's tasks. Until then pages read from Gainsight directly, and changes show up as they are saved.",
      };
    case 'live':
      return {
        label: last === null ? 'Live' : `Live · ${formatClock(last)}`,
        tone: 'live',
        details: `Changes by your team show up as they happen; changes made in Gainsight within ${sync.pollSeconds} seconds.${checked}`,
      };
    case 'stale': {
      const reason = sync.reason ?? "Gainsight can't be reached right now";
      return {
        label: last === null ? `Data as of an earlier sync · ${reason}` : `Data as of ${formatClock(last)} · ${reason}`,
        tone: 'warning',
        details: `${reason}. Pages show the team server's copy${last === null ? '' : ` as of ${formatClock(last)} (${relativeTime(last, now)})`}, and changes can't be saved until Gainsight answers again.`,
      };
    }
    case 'off':
      return {
        label: 'Live',
        tone: 'live',
        details: `Changes saved through Cockpit Board show up as they happen. Changes made in Gainsight show when you come back to this tab.`,
      };
  }
}

const connecting: IndicatorView = {
  label: 'Connecting to live updates…',
  tone: 'busy',
  details: 'Live updates are starting: changes by your team will show up as they happen.',
};

/**
 * When pages show the mirror's copy because the tenant cannot be reached: the time of that copy
 * (ms), else null. The last read came from the mirror, and the stream says the mirror is stale,
 * or, when the stream says nothing (down, or not yet), the read's data was older than
 * STALE_AFTER_POLLS poll intervals when it was answered.
 */
export function staleDataAsOf(status: LiveStatus): number | null {
  const read = status.lastRead;
  if (!read || read.source !== 'mirror') return null;
  const { sync } = status;
  if (status.stream === 'open' && sync) {
    if (sync.state !== 'stale') return null;
    return parseTime(sync.lastSyncAt) ?? read.asOf ?? read.answeredAt;
  }
  if (read.asOf === null) return null;
  const limitMs = STALE_AFTER_POLLS * (sync?.pollSeconds ?? DEFAULT_POLL_SECONDS) * 1000;
  return read.answeredAt - read.asOf > limitMs ? read.asOf : null;
}

/** The banner's words for data as of `asOf`. */
export function staleDataMessage(asOf: number): string {
  return `Data as of ${formatClock(asOf)} — Gainsight can't be reached right now; changes can't be saved`;
}
