/**
 * The live-update stream, `EventSource(EVENTS_PATH)` (same origin: with sign-in on, the session
 * cookie goes with it), kept open for the life of the page:
 *
 * - The connection drops once it was open (the server restarted, the network blipped): the
 *   browser tries again by itself, once, sending `Last-Event-ID`, so the server replays what was
 *   missed. The `hello` that follows says `resumed`.
 * - That fails too, or the first connection cannot be made: a new connection after a backoff
 *   (1 s doubling up to 30 s, up to a quarter less at random, so that many pages do not come
 *   back at once). A new connection cannot send `Last-Event-ID`: its `hello` is not `resumed`,
 *   and the app refetches what it shows (live-updates.ts).
 * - The server refuses the stream (the browser closes it for good: an error status or not an
 *   event stream): one plain request asks why. 401, 403 or 404 (no session, not allowed, an
 *   older server without live updates), or a page that is not an event stream: the stream is
 *   `unavailable` and is not tried again; the app refetches on window focus instead. Anything
 *   else (a 502 while the server restarts): the backoff.
 */
import { EVENTS_PATH, type LiveEvent } from '../../lib/live-events.ts';
import type { StreamState } from '../../api/live-status.ts';
import { LIVE_EVENT_TYPES, parseLiveEvent, type LiveEventError } from '../../lib/live-event-parse.ts';

/** The part of `EventSource` used here (tests pass a fake: jsdom has none). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: Event) => void): void;
  close(): void;
}

/** EventSource.CLOSED. */
const CLOSED = 2;

/** `gone`: do not try again; `retry`: try again after the backoff. */
export type ProbeVerdict = 'gone' | 'retry';

/** Statuses that say the stream is not for this page now, however often it asks. */
const GONE_STATUSES = new Set([401, 403, 404, 405, 406, 410, 501]);

/**
 * Asks the stream's URL once, plainly, why the browser closed it: reads the status and the
 * content type, then cancels (a stream that answers is not kept open).
 */
export async function probeStream(
  url: string,
  fetchFn: typeof fetch = (input, init) => globalThis.fetch(input, init),
): Promise<ProbeVerdict> {
  const controller = new AbortController();
  try {
    const response = await fetchFn(url, {
      headers: { Accept: 'text/event-stream' },
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller.signal,
    });
    if (GONE_STATUSES.has(response.status)) return 'gone';
    // The app's own page (a server that sends its index.html for any path): no live updates here.
    const type = response.headers.get('Content-Type') ?? '';
    if (response.ok && !/^\s*text\/event-stream/i.test(type)) return 'gone';
    return 'retry';
  } catch {
    return 'retry';
  } finally {
    controller.abort();
  }
}

const RECONNECT_BASE_MS = 1_000;
export const RECONNECT_MAX_MS = 30_000;

/** Milliseconds before reconnection number `attempt` (0-based): 1 s doubling up to 30 s, up to 25% less at random. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(RECONNECT_BASE_MS * 2 ** Math.max(0, attempt), RECONNECT_MAX_MS);
  return Math.round(base * (1 - 0.25 * random()));
}

export interface LiveConnectionOptions {
  url?: string;
  createSource?: (url: string) => EventSourceLike;
  probe?: (url: string) => Promise<ProbeVerdict>;
  delay?: (attempt: number) => number;
  /** `resumed`: the browser reconnected this stream itself, with Last-Event-ID (the server replays what was missed). */
  onEvent: (event: LiveEvent, meta: { resumed: boolean }) => void;
  onBadEvent: (error: LiveEventError) => void;
  onState: (state: StreamState) => void;
}

export interface LiveConnection {
  /** Tries again now (the browser is back online), unless the stream is unavailable or open. */
  retryNow(): void;
  stop(): void;
}

export function connectLive(options: LiveConnectionOptions): LiveConnection {
  const url = options.url ?? EVENTS_PATH;
  const createSource = options.createSource ?? ((u: string) => new EventSource(u));
  const probe = options.probe ?? ((u: string) => probeStream(u));
  const delay = options.delay ?? ((attempt: number) => reconnectDelay(attempt));

  let source: EventSourceLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Failed connections since the last one that opened. */
  let attempt = 0;
  let state: StreamState = 'idle';
  let stopped = false;

  const setState = (next: StreamState) => {
    if (next === state) return;
    state = next;
    options.onState(next);
  };

  const drop = () => {
    source?.close();
    source = null;
  };

  const schedule = () => {
    setState('reconnecting');
    timer = setTimeout(open, delay(attempt));
    attempt += 1;
  };

  const afterRefusal = async () => {
    const verdict = await probe(url);
    if (stopped || source !== null || timer !== null) return;
    if (verdict === 'gone') setState('unavailable');
    else schedule();
  };

  function open() {
    timer = null;
    if (stopped) return;
    const current = createSource(url);
    source = current;
    /** This stream has been open before: a later open is the browser's own reconnection. */
    let openedBefore = false;
    let resumed = false;
    /** Open until the next error (the browser then retries once by itself). */
    let isOpen = false;
    const listen = (type: string, handle: (event: Event) => void) =>
      current.addEventListener(type, (event) => {
        if (source === current && !stopped) handle(event);
      });

    listen('open', () => {
      resumed = openedBefore;
      openedBefore = true;
      isOpen = true;
      attempt = 0;
      setState('open');
    });
    for (const type of LIVE_EVENT_TYPES) {
      listen(type, (event) => {
        let parsed: LiveEvent;
        try {
          parsed = parseLiveEvent(type, String((event as MessageEvent).data ?? ''));
        } catch (error) {
          options.onBadEvent(error as LiveEventError);
          return;
        }
        options.onEvent(parsed, { resumed });
      });
    }
    listen('error', () => {
      if (current.readyState === CLOSED) {
        // The server refused the stream, or the browser gave up on it.
        drop();
        void afterRefusal();
      } else if (isOpen) {
        // The connection dropped: the browser reconnects by itself with Last-Event-ID; once.
        isOpen = false;
        setState('reconnecting');
      } else {
        drop();
        schedule();
      }
    });
  }

  setState('connecting');
  open();

  return {
    retryNow() {
      if (stopped || state === 'unavailable' || state === 'open' || timer === null) return;
      clearTimeout(timer);
      attempt = 0;
      open();
    },
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      drop();
    },
  };
}
