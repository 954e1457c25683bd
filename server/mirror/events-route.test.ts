import compress from '@fastify/compress';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeClock, flush } from '../test-support/fake-clock.ts';
import type { SyncStatus } from '../../src/lib/live-events.ts';
import { EventFeed } from './event-feed.ts';
import { formatSse, registerEventsRoute, type EventStreams } from './events-route.ts';
import { openEventStream } from '../../test-support/event-stream.ts';

const LIVE: SyncStatus = { state: 'live', lastSyncAt: '2026-03-02T10:00:00.000Z', pollSeconds: 10 };
let app: FastifyInstance;
let url: string;
let feed: EventFeed;
let clock: FakeClock;
let streams: EventStreams;
let clientCounts: number[];

async function start() {
  app = Fastify({ logger: false });
  // Compression on for everything, as in the team server: the stream must not be buffered by it.
  await app.register(compress, { global: true, threshold: 0 });
  clock = new FakeClock();
  feed = new EventFeed(3, 'srv1');
  clientCounts = [];
  streams = registerEventsRoute(app, { feed, clock, status: () => LIVE, onClients: (n) => clientCounts.push(n) });
  app.addHook('preClose', async () => streams.closeAll());
  url = await app.listen({ port: 0, host: '127.0.0.1' });
}

afterEach(async () => {
  await app?.close();
});

/** An open stream: its response and everything received so far. */
const open = (path = '/events', headers: Record<string, string> = {}) =>
  openEventStream(`${url}${path}`, { 'accept-encoding': 'gzip, br', ...headers });

describe('GET /events', () => {
  it('formats events as SSE: id, event type, the JSON of the rest', () => {
    expect(formatSse({ type: 'reload' }, 'srv1-4')).toBe('id: srv1-4\nevent: reload\ndata: {}\n\n');
    expect(formatSse({ type: 'playbooks', ids: ['P1'] })).toBe('event: playbooks\ndata: {"ids":["P1"]}\n\n');
  });

  it('starts with hello, then sends each event as it is published, uncompressed and unbuffered', async () => {
    await start();
    const s = await open();
    expect(s.res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(s.res.headers['content-encoding']).toBeUndefined();
    await s.next(/event: hello/);
    expect(s.text()).toBe(`id: srv1-0\nevent: hello\ndata: ${JSON.stringify({ serverId: 'srv1', sync: LIVE })}\n\n`);
    feed.publish({ type: 'playbooks', ids: ['P9'] });
    await s.next(/P9/);
    expect(s.text()).toContain('id: srv1-1\nevent: playbooks\ndata: {"ids":["P9"]}\n\n');
    expect(streams.count()).toBe(1);
    expect(clientCounts).toEqual([1]);
    s.res.destroy();
    await expect.poll(() => streams.count()).toBe(0);
    expect(clientCounts).toEqual([1, 0]);
  });

  it('replays what was missed after Last-Event-ID (header or query), and asks for a reload beyond the buffer or from another server', async () => {
    await start();
    for (let i = 1; i <= 5; i++) feed.publish({ type: 'playbooks', ids: [`P${i}`] });
    const replay = await open('/events', { 'last-event-id': 'srv1-3' });
    await replay.next(/P5/);
    expect(replay.text()).toMatch(
      /^id: srv1-3\nevent: hello\n.*\n\nid: srv1-4\nevent: playbooks\ndata: \{"ids":\["P4"\]\}\n\nid: srv1-5\nevent: playbooks\ndata: \{"ids":\["P5"\]\}\n\n$/,
    );
    const byQuery = await open('/events?lastEventId=srv1-4');
    await byQuery.next(/P5/);
    expect(byQuery.text()).not.toContain('P4');
    const beyond = await open('/events', { 'last-event-id': 'srv1-1' });
    await beyond.next(/reload/);
    expect(beyond.text()).toMatch(/^event: hello\ndata: .*\n\nid: srv1-5\nevent: reload\ndata: \{\}\n\n$/);
    const otherServer = await open('/events', { 'last-event-id': 'oldsrv-5' });
    await otherServer.next(/reload/);
    for (const s of [replay, byQuery, beyond, otherServer]) s.res.destroy();
  });

  it('sends a keep-alive comment every 15 s', async () => {
    await start();
    const s = await open();
    await s.next(/hello/);
    await clock.advance(14_999);
    await flush();
    expect(s.text()).not.toContain(': keep-alive');
    await clock.advance(1);
    await s.next(/: keep-alive\n\n/);
    await clock.advance(15_000);
    await s.next(/: keep-alive\n\n[^]*: keep-alive\n\n/);
    s.res.destroy();
  });

  it('ends every stream when the server closes, so shutdown does not wait for them', async () => {
    await start();
    const a = await open();
    const b = await open();
    await Promise.all([a.next(/hello/), b.next(/hello/)]);
    const ended = Promise.all([a, b].map((s) => new Promise<void>((r) => s.res.on('end', () => r()))));
    const started = Date.now();
    await app.close();
    await ended;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(streams.count()).toBe(0);
  });
});
