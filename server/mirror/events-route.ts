/**
 * `GET /events`: the live events as Server-Sent Events. Every stream starts with `hello` (this
 * process's serverId and the mirror's state); a stream that reconnects with `Last-Event-ID` (the
 * header EventSource sends, or `?lastEventId=` for a new EventSource made by the app) first gets
 * what it missed, or `reload` when that is no longer known; a comment every 15 s keeps proxies
 * from closing an idle stream. The reply is written straight to the socket (hijacked), so the
 * compression plugin never buffers it; streams are ended when the server closes.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerResponse } from 'node:http';
import type { Clock } from '../budget/scheduler.ts';
import { EVENTS_PATH, LAST_EVENT_ID_PARAM, type LiveEvent, type SyncStatus } from '../../src/lib/live-events.ts';
import type { EventFeed, FeedMessage } from './event-feed.ts';

const KEEP_ALIVE_MS = 15_000;
/** A stream whose client reads slower than events come is dropped past this much unsent data. */
const MAX_UNSENT_BYTES = 1024 * 1024;

/** One event as SSE text: `id:` (when given), `event:` the type, `data:` the JSON of the rest. */
export function formatSse(event: LiveEvent, id?: string): string {
  const { type, ...rest } = event;
  return `${id === undefined ? '' : `id: ${id}\n`}event: ${type}\ndata: ${JSON.stringify(rest)}\n\n`;
}

export interface EventsRouteOptions {
  feed: EventFeed;
  status(): SyncStatus;
  clock: Clock;
  keepAliveMs?: number;
  /** Called with the number of open streams whenever it changes. */
  onClients?(count: number): void;
}

export interface EventStreams {
  count(): number;
  /** Ends every stream (at shutdown). */
  closeAll(): void;
}

export function registerEventsRoute(app: FastifyInstance, options: EventsRouteOptions): EventStreams {
  const { feed, clock } = options;
  const keepAliveMs = options.keepAliveMs ?? KEEP_ALIVE_MS;
  const streams = new Set<ServerResponse>();
  let cancelKeepAlive: (() => void) | null = null;
  let closing = false;

  const changed = () => options.onClients?.(streams.size);
  const end = (res: ServerResponse) => {
    if (!streams.delete(res)) return;
    res.end();
    if (streams.size === 0) {
      cancelKeepAlive?.();
      cancelKeepAlive = null;
    }
    changed();
  };
  const write = (res: ServerResponse, text: string) => {
    if (res.writableLength > MAX_UNSENT_BYTES) return end(res);
    res.write(text);
  };
  const keepAlive = () => {
    cancelKeepAlive = clock.setTimer(() => {
      for (const res of streams) write(res, ': keep-alive\n\n');
      keepAlive();
    }, keepAliveMs);
  };

  feed.subscribe((message: FeedMessage) => {
    const text = formatSse(message.event, message.id);
    for (const res of streams) write(res, text);
  });

  app.get(EVENTS_PATH, { exposeHeadRoute: false }, (request, reply) => {
    const query = request.query as Record<string, unknown> | undefined;
    const header = request.headers['last-event-id'];
    const fromQuery = query?.[LAST_EVENT_ID_PARAM];
    const lastEventId = typeof header === 'string' ? header : typeof fromQuery === 'string' ? fromQuery : undefined;
    if (closing) {
      return reply
        .code(503)
        .header('retry-after', '5')
        .header('cache-control', 'no-store')
        .send({ error: 'The server is restarting; reconnect in a moment.' });
    }
    const resume = feed.resume(lastEventId);
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      // Tells nginx-style proxies not to buffer the stream either.
      'x-accel-buffering': 'no',
      'x-cockpit-request-id': request.id,
    });
    const hello: LiveEvent = { type: 'hello', serverId: feed.serverId, sync: options.status() };
    if (resume.kind === 'reload') {
      res.write(formatSse(hello) + formatSse({ type: 'reload' }, feed.currentId()));
    } else if (resume.kind === 'replay') {
      res.write(formatSse(hello, lastEventId!.trim()) + resume.events.map((e) => formatSse(e.event, e.id)).join(''));
    } else {
      res.write(formatSse(hello, feed.currentId()));
    }
    streams.add(res);
    if (!cancelKeepAlive) keepAlive();
    res.on('close', () => end(res));
    changed();
  });

  return {
    count: () => streams.size,
    closeAll() {
      closing = true;
      for (const res of [...streams]) end(res);
    },
  };
}
