import { describe, expect, it } from 'vitest';
import { EventFeed, type FeedEvent } from './event-feed.ts';

const change = (id: string): FeedEvent => ({
  type: 'tasks',
  source: 'write',
  changes: [{ id, status: 'Completed', previousStatus: 'Not Started', modifiedDate: null, playbookId: null, ctaId: null }],
});
const ids = (r: ReturnType<EventFeed['resume']>) => (r.kind === 'replay' ? r.events.map((e) => e.id) : r.kind);

describe('event feed', () => {
  it('numbers events <serverId>-<seq> and tells every subscriber', () => {
    const feed = new EventFeed(10, 'srv1');
    const got: string[] = [];
    const stop = feed.subscribe((m) => got.push(`${m.id}:${m.event.type}`));
    expect(feed.currentId()).toBe('srv1-0');
    feed.publish(change('T1'));
    feed.publish({ type: 'playbooks', ids: ['P1'] });
    stop();
    feed.publish(change('T2'));
    expect(got).toEqual(['srv1-1:tasks', 'srv1-2:playbooks']);
    expect(feed.currentId()).toBe('srv1-3');
  });

  it('replays what a stream missed after its Last-Event-ID, from the buffer', () => {
    const feed = new EventFeed(10, 'srv1');
    for (const id of ['T1', 'T2', 'T3']) feed.publish(change(id));
    expect(ids(feed.resume('srv1-1'))).toEqual(['srv1-2', 'srv1-3']);
    expect(ids(feed.resume('srv1-3'))).toEqual([]);
    expect(ids(feed.resume(' srv1-0 '))).toEqual(['srv1-1', 'srv1-2', 'srv1-3']);
    expect(feed.resume(undefined)).toEqual({ kind: 'new' });
    expect(feed.resume('')).toEqual({ kind: 'new' });
  });

  it('asks for a reload beyond the buffer, from another server process, or for an id it never gave', () => {
    const feed = new EventFeed(3, 'srv1');
    for (let i = 1; i <= 5; i++) feed.publish(change(`T${i}`));
    // Kept: 3, 4, 5. A stream at 2 missed nothing forgotten; at 1 it missed event 2, which is gone.
    expect(ids(feed.resume('srv1-2'))).toEqual(['srv1-3', 'srv1-4', 'srv1-5']);
    expect(feed.resume('srv1-1')).toEqual({ kind: 'reload' });
    expect(feed.resume('other-5')).toEqual({ kind: 'reload' });
    expect(feed.resume('srv1-9')).toEqual({ kind: 'reload' });
    expect(feed.resume('garbage')).toEqual({ kind: 'reload' });
  });

  it('sends sync events but does not keep them (hello carries the current state)', () => {
    const feed = new EventFeed(2, 'srv1');
    feed.publish(change('T1'));
    for (let i = 0; i < 5; i++) feed.publish({ type: 'sync', sync: { state: 'live', lastSyncAt: null, pollSeconds: 10 } });
    expect(ids(feed.resume('srv1-0'))).toEqual(['srv1-1']);
    expect(ids(feed.resume('srv1-4'))).toEqual([]);
  });
});
