import { describe, expect, it } from 'vitest';
import type { LiveStatus, ReadStamp } from '../../api/live-status.ts';
import type { SyncStatus } from '../../lib/live-events.ts';
import { formatClock, indicatorView, relativeTime, staleDataAsOf, staleDataMessage } from './indicator-model.ts';

const SYNC_AT = '2026-12-01T10:05:00.000Z';
const syncMs = Date.parse(SYNC_AT);
/** HH:MM in the local time zone, worked out independently of the formatter. */
const hhmm = (ms: number) => {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
};
const NOW = syncMs + 2 * 60_000;

const sync = (state: SyncStatus['state'], patch: Partial<SyncStatus> = {}): SyncStatus => ({
  state,
  lastSyncAt: SYNC_AT,
  pollSeconds: 10,
  ...patch,
});
const status = (patch: Partial<LiveStatus>): LiveStatus => ({ stream: 'open', sync: null, lastRead: null, ...patch });

describe('formatClock and relativeTime', () => {
  it('writes HH:MM in 24 hours, and how long ago in words', () => {
    expect(formatClock(syncMs)).toBe(hhmm(syncMs));
    expect(formatClock(syncMs)).toMatch(/^\d\d:\d\d$/);
    expect(relativeTime(syncMs, syncMs + 10_000)).toBe('just now');
    expect(relativeTime(syncMs, syncMs + 60_000)).toBe('1 minute ago');
    expect(relativeTime(syncMs, syncMs + 5 * 60_000)).toBe('5 minutes ago');
    expect(relativeTime(syncMs, syncMs + 3 * 3_600_000)).toBe('3 hours ago');
    expect(relativeTime(syncMs, syncMs + 30 * 3_600_000)).toBe('yesterday');
  });
});

describe('indicatorView', () => {
  it('says nothing before live updates start', () => {
    expect(indicatorView(status({ stream: 'idle' }), NOW)).toBeNull();
  });

  it('connecting, until the first hello', () => {
    expect(indicatorView(status({ stream: 'connecting' }), NOW)).toMatchObject({ label: 'Connecting to live updates…', tone: 'busy' });
    expect(indicatorView(status({ stream: 'open' }), NOW)).toMatchObject({ label: 'Connecting to live updates…' });
  });

  it('"Syncing…" during the first sync', () => {
    expect(indicatorView(status({ sync: sync('syncing', { lastSyncAt: null }) }), NOW)).toMatchObject({ label: 'Syncing…', tone: 'busy' });
  });

  it('"Live" with the time of the last sync, and how long ago in the details', () => {
    const view = indicatorView(status({ sync: sync('live') }), NOW)!;
    expect(view).toMatchObject({ label: `Live · ${hhmm(syncMs)}`, tone: 'live' });
    expect(view.details).toBe(
      `Changes by your team show up as they happen; changes made in Gainsight within 10 seconds. Last checked with Gainsight at ${hhmm(syncMs)} (2 minutes ago).`,
    );
    expect(indicatorView(status({ sync: sync('live', { lastSyncAt: null }) }), NOW)).toMatchObject({ label: 'Live' });
  });

  it('"Data as of HH:MM" with the reason when stale', () => {
    const view = indicatorView(status({ sync: sync('stale', { reason: 'Gainsight answered 503' }) }), NOW)!;
    expect(view).toMatchObject({ label: `Data as of ${hhmm(syncMs)} · Gainsight answered 503`, tone: 'warning' });
    expect(view.details).toContain("changes can't be saved");
    expect(indicatorView(status({ sync: sync('stale') }), NOW)!.label).toBe(
      `Data as of ${hhmm(syncMs)} · Gainsight can't be reached right now`,
    );
  });

  it('says when the stream is down, and what happens instead', () => {
    expect(indicatorView(status({ stream: 'reconnecting', sync: sync('live') }), NOW)).toMatchObject({
      label: 'Live updates off — reconnecting…',
      tone: 'warning',
    });
    expect(indicatorView(status({ stream: 'unavailable' }), NOW)).toMatchObject({ label: 'Not live: updates on focus', tone: 'off' });
  });

  it('with the mirror off, is live for writes made through the board', () => {
    const view = indicatorView(status({ sync: sync('off', { lastSyncAt: null }) }), NOW)!;
    expect(view.label).toBe('Live');
    expect(view.details).toContain('Changes made in Gainsight show when you come back to this tab.');
  });
});

describe('staleDataAsOf', () => {
  const asOf = syncMs;
  const read = (patch: Partial<ReadStamp> = {}): ReadStamp => ({ source: 'mirror', asOf, answeredAt: asOf + 5_000, ...patch });

  it('with the stream open, trusts its sync state: stale is the last sync, anything else is fresh', () => {
    expect(staleDataAsOf(status({ sync: sync('stale'), lastRead: read() }))).toBe(syncMs);
    expect(staleDataAsOf(status({ sync: sync('live'), lastRead: read({ answeredAt: asOf + 3_600_000 }) }))).toBeNull();
  });

  it('only for data answered by the mirror', () => {
    expect(staleDataAsOf(status({ sync: sync('stale'), lastRead: read({ source: 'tenant' }) }))).toBeNull();
    expect(staleDataAsOf(status({ sync: sync('stale'), lastRead: null }))).toBeNull();
  });

  it('without the stream, from the read itself: stale when older than three poll intervals when answered', () => {
    const down = (lastRead: ReadStamp, s: SyncStatus | null = null) => staleDataAsOf(status({ stream: 'reconnecting', sync: s, lastRead }));
    expect(down(read({ answeredAt: asOf + 30_000 }))).toBeNull();
    expect(down(read({ answeredAt: asOf + 30_001 }))).toBe(asOf);
    expect(down(read({ answeredAt: asOf + 60_000 }), sync('live', { pollSeconds: 30 }))).toBeNull();
    expect(down(read({ answeredAt: asOf + 91_000 }), sync('live', { pollSeconds: 30 }))).toBe(asOf);
    expect(down(read({ asOf: null, answeredAt: asOf + 3_600_000 }))).toBeNull();
  });

  it('says the time and what it means', () => {
    expect(staleDataMessage(syncMs)).toBe(`Data as of ${hhmm(syncMs)} — Gainsight can't be reached right now; changes can't be saved`);
  });
});
