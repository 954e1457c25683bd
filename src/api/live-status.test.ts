import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  changesArePushed,
  getLiveStatus,
  isOwnWrite,
  noteOwnWrite,
  readStampOf,
  recordRead,
  refetchOnFocus,
  resetLiveStatus,
  setStreamState,
  setSyncStatus,
  subscribeLiveStatus,
} from './live-status.ts';

afterEach(() => resetLiveStatus());

const headers = (init: Record<string, string>) => new Headers(init);
const NOW = Date.parse('2026-12-01T10:00:30.000Z');

describe('read stamps', () => {
  it('reads where an answer came from, how old its data was and when it was answered', () => {
    expect(
      readStampOf(
        headers({
          'X-Cockpit-Source': 'mirror',
          'X-Cockpit-Data-As-Of': '2026-12-01T10:00:00.000Z',
          Date: 'Tue, 01 Dec 2026 10:00:20 GMT',
        }),
        NOW,
      ),
    ).toEqual({ source: 'mirror', asOf: Date.parse('2026-12-01T10:00:00.000Z'), answeredAt: Date.parse('2026-12-01T10:00:20.000Z') });
    // No Date header: the browser's clock; no as-of, or not a date: unknown.
    expect(readStampOf(headers({ 'X-Cockpit-Source': 'Tenant' }), NOW)).toEqual({ source: 'tenant', asOf: null, answeredAt: NOW });
    expect(readStampOf(headers({ 'X-Cockpit-Source': 'mirror', 'X-Cockpit-Data-As-Of': 'soon' }), NOW)).toMatchObject({ asOf: null });
  });

  it('has no stamp for an answer that does not say (a server without the mirror) or says something else', () => {
    expect(readStampOf(headers({}), NOW)).toBeNull();
    expect(readStampOf(headers({ 'X-Cockpit-Source': 'cache' }), NOW)).toBeNull();
  });

  it('records the last read, telling listeners only when it changed', () => {
    const listener = vi.fn();
    const stop = subscribeLiveStatus(listener);
    const mirror = headers({ 'X-Cockpit-Source': 'mirror', 'X-Cockpit-Data-As-Of': '2026-12-01T10:00:00.000Z' });
    recordRead(mirror, NOW);
    recordRead(mirror, NOW);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(getLiveStatus().lastRead).toMatchObject({ source: 'mirror' });
    recordRead(headers({}), NOW);
    expect(getLiveStatus().lastRead).toBeNull();
    recordRead(headers({}), NOW);
    expect(listener).toHaveBeenCalledTimes(2);
    stop();
  });
});

describe("this tab's own writes", () => {
  it('knows the exact version it saved, and no other', () => {
    noteOwnWrite({ Gsid: '1T1', ModifiedDate: '2026-12-01T10:00:05.000Z' });
    const change = { id: '1T1', modifiedDate: '2026-12-01T10:00:05Z' };
    expect(isOwnWrite(change)).toBe(true);
    expect(isOwnWrite({ ...change, modifiedDate: '2026-12-01T10:00:06.000Z' })).toBe(false);
    expect(isOwnWrite({ ...change, id: '1T2' })).toBe(false);
    expect(isOwnWrite({ ...change, removed: true })).toBe(false);
    expect(isOwnWrite({ ...change, modifiedDate: null })).toBe(false);
  });

  it('keeps the last hundred', () => {
    for (let i = 0; i <= 100; i++) noteOwnWrite({ Gsid: `1T${i}`, ModifiedDate: '2026-12-01T10:00:05.000Z' });
    expect(isOwnWrite({ id: '1T0', modifiedDate: '2026-12-01T10:00:05.000Z' })).toBe(false);
    expect(isOwnWrite({ id: '1T1', modifiedDate: '2026-12-01T10:00:05.000Z' })).toBe(true);
    expect(isOwnWrite({ id: '1T100', modifiedDate: '2026-12-01T10:00:05.000Z' })).toBe(true);
  });

  it('ignores a task without an id or a date', () => {
    noteOwnWrite({ Gsid: '1T1' });
    noteOwnWrite({ ModifiedDate: '2026-12-01T10:00:05.000Z' });
    expect(isOwnWrite({ id: '1T1', modifiedDate: null })).toBe(false);
  });
});

describe('refetch on window focus', () => {
  const stale = { state: { isInvalidated: false } } as Parameters<typeof refetchOnFocus>[0];
  const marked = { state: { isInvalidated: true } } as Parameters<typeof refetchOnFocus>[0];
  const sync = (state: 'syncing' | 'live' | 'stale' | 'off') => setSyncStatus({ state, lastSyncAt: null, pollSeconds: 10 });

  it('refetches as usual until changes are pushed', () => {
    expect(changesArePushed()).toBe(false);
    expect(refetchOnFocus(stale)).toBe(true);
    setStreamState('open');
    expect(refetchOnFocus(stale)).toBe(true); // no hello yet
    sync('syncing');
    expect(refetchOnFocus(stale)).toBe(true);
    sync('off'); // only writes through the server are pushed
    expect(refetchOnFocus(stale)).toBe(true);
  });

  it('while the stream is open and the mirror watches the tenant, refetches only what a change marked', () => {
    setStreamState('open');
    for (const state of ['live', 'stale'] as const) {
      sync(state);
      expect(changesArePushed()).toBe(true);
      expect(refetchOnFocus(stale)).toBe(false);
      expect(refetchOnFocus(marked)).toBe(true);
    }
    setStreamState('reconnecting');
    expect(refetchOnFocus(stale)).toBe(true);
    setStreamState('unavailable');
    expect(refetchOnFocus(stale)).toBe(true);
  });
});
