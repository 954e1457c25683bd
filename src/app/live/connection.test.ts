import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StreamState } from '../../api/live-status.ts';
import type { LiveEvent } from '../../lib/live-events.ts';
import { fakeEventSources } from '../../test/fake-event-source.ts';
import { connectLive, probeStream, reconnectDelay, RECONNECT_MAX_MS, type ProbeVerdict } from './connection.ts';
import type { LiveEventError } from '../../lib/live-event-parse.ts';

const SYNC = { state: 'live', lastSyncAt: '2026-12-01T10:00:00.000Z', pollSeconds: 10 } as const;

function setup(probeVerdict: ProbeVerdict = 'retry') {
  const sources = fakeEventSources();
  const events: { event: LiveEvent; resumed: boolean }[] = [];
  const bad: LiveEventError[] = [];
  const states: StreamState[] = [];
  const probe = vi.fn(async (_url: string) => probeVerdict);
  const connection = connectLive({
    createSource: sources.create,
    probe,
    delay: (attempt) => 1000 * 2 ** attempt,
    onEvent: (event, { resumed }) => events.push({ event, resumed }),
    onBadEvent: (error) => bad.push(error),
    onState: (state) => states.push(state),
  });
  return { sources, events, bad, states, probe, connection };
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('reconnectDelay', () => {
  it('starts at 1 s, doubles up to 30 s, and takes up to a quarter off at random', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((a) => reconnectDelay(a, () => 0))).toEqual([1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(reconnectDelay(0, () => 1)).toBe(750);
    expect(reconnectDelay(10, () => 0.5)).toBe(26250);
    for (let i = 0; i < 50; i++) {
      const d = reconnectDelay(8);
      expect(d).toBeGreaterThanOrEqual(RECONNECT_MAX_MS * 0.75);
      expect(d).toBeLessThanOrEqual(RECONNECT_MAX_MS);
    }
  });
});

describe('connectLive', () => {
  it('opens one stream on EVENTS_PATH and hands over its events, read and checked', () => {
    const { sources, events, bad, states } = setup();
    expect(sources.made.map((s) => s.url)).toEqual(['/events']);
    expect(states).toEqual(['connecting']);
    sources.last().open();
    sources.last().emit('hello', { serverId: 's1', sync: SYNC });
    sources.last().emit('tasks', { source: 'write', changes: [{ id: '1T1', status: 'Completed', previousStatus: 'Skipped' }] });
    sources.last().emit('playbooks', { ids: ['1P1'] });
    sources.last().emit('reload');
    sources.last().emit('sync', 'garbage');
    expect(states).toEqual(['connecting', 'open']);
    expect(events.map((e) => e.event.type)).toEqual(['hello', 'tasks', 'playbooks', 'reload']);
    expect(events.every((e) => !e.resumed)).toBe(true);
    expect(bad.map((e) => e.message)).toEqual(['The live update "sync" could not be read: its data is not JSON.']);
  });

  it('lets the browser reconnect a dropped stream once by itself (with Last-Event-ID): its hello is resumed', () => {
    const { sources, events, states } = setup();
    sources.last().open();
    sources.last().emit('hello', { serverId: 's1', sync: SYNC });
    sources.last().drop();
    expect(states.at(-1)).toBe('reconnecting');
    expect(sources.made).toHaveLength(1);
    expect(sources.last().closed).toBe(false);
    sources.last().open();
    sources.last().emit('hello', { serverId: 's1', sync: SYNC });
    expect(states.at(-1)).toBe('open');
    expect(events.map((e) => e.resumed)).toEqual([false, true]);
  });

  it("when the browser's own retry fails too, closes it and reconnects with backoff: 1 s, 2 s, 4 s…", async () => {
    const { sources, events, states } = setup();
    sources.last().open();
    sources.last().drop();
    sources.last().drop(); // the browser's retry failed
    expect(sources.last().closed).toBe(true);
    expect(sources.made).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(sources.made).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sources.made).toHaveLength(2);
    sources.last().drop(); // cannot connect
    await vi.advanceTimersByTimeAsync(1999);
    expect(sources.made).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sources.made).toHaveLength(3);
    sources.last().drop();
    await vi.advanceTimersByTimeAsync(4000);
    expect(sources.made).toHaveLength(4);
    // Connected again: a new stream, which could not send Last-Event-ID, so its hello is not resumed.
    sources.last().open();
    sources.last().emit('hello', { serverId: 's1', sync: SYNC });
    expect(events.at(-1)!.resumed).toBe(false);
    expect(states.filter((s) => s === 'reconnecting').length).toBeGreaterThan(0);
    expect(states.at(-1)).toBe('open');
    // The backoff starts again from 1 s after a success.
    sources.last().drop();
    sources.last().drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sources.made).toHaveLength(5);
  });

  it('when the server refuses the stream, asks once why: 401/403/404 or a page that is not a stream stops it for good', async () => {
    const { sources, probe, states } = setup('gone');
    sources.last().refuse();
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(probe).toHaveBeenCalledWith('/events');
    expect(states).toEqual(['connecting', 'unavailable']);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(sources.made).toHaveLength(1);
  });

  it('a refusal for another reason (a 502 while the server restarts) is retried with backoff', async () => {
    const { sources, probe, states } = setup('retry');
    sources.last().refuse();
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(states).toEqual(['connecting', 'reconnecting']);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sources.made).toHaveLength(2);
  });

  it('retryNow reconnects at once while waiting for the backoff, and does nothing otherwise', async () => {
    const { sources, connection } = setup();
    sources.last().open();
    connection.retryNow();
    expect(sources.made).toHaveLength(1);
    sources.last().drop();
    sources.last().drop();
    connection.retryNow();
    expect(sources.made).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sources.made).toHaveLength(2);
  });

  it('stop closes the stream and ignores what comes after', async () => {
    const { sources, events, connection } = setup();
    const first = sources.last();
    first.open();
    connection.stop();
    expect(first.closed).toBe(true);
    first.emit('reload');
    first.drop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(events).toEqual([]);
    expect(sources.made).toHaveLength(1);
  });
});

describe('probeStream', () => {
  const answer = (status: number, type: string) =>
    vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response('', { status, headers: { 'Content-Type': type } }));

  it('says gone for 401, 403 and 404, and for a page that is not an event stream', async () => {
    for (const status of [401, 403, 404]) expect(await probeStream('/events', answer(status, 'application/json'))).toBe('gone');
    expect(await probeStream('/events', answer(200, 'text/html; charset=utf-8'))).toBe('gone');
  });

  it('says retry for a server error, an event stream, or no answer', async () => {
    expect(await probeStream('/events', answer(502, 'text/plain'))).toBe('retry');
    expect(await probeStream('/events', answer(200, 'text/event-stream'))).toBe('retry');
    expect(
      await probeStream(
        '/events',
        vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
      ),
    ).toBe('retry');
  });

  it('asks for an event stream on the same origin and cancels the request once answered', async () => {
    const fetchFn = answer(200, 'text/event-stream');
    await probeStream('/events', fetchFn);
    const init = fetchFn.mock.calls[0]![1]!;
    expect(new Headers(init.headers).get('Accept')).toBe('text/event-stream');
    expect(init.credentials).toBe('same-origin');
    expect(init.signal!.aborted).toBe(true);
  });
});
