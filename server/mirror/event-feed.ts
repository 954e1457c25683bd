/**
 * The live events of one team server process, in order, with ids `<serverId>-<seq>`: published
 * by writes and syncs, sent to every open `/events` stream, and kept in a bounded buffer so a
 * stream that reconnects with `Last-Event-ID` gets what it missed. `sync` events (the mirror's
 * state) are sent but not kept: the `hello` of every connection carries the current state.
 */
import { randomBytes } from 'node:crypto';
import type { LiveEvent } from '../../src/lib/live-events.ts';

export type FeedEvent = Exclude<LiveEvent, { type: 'hello' }>;

export interface FeedMessage {
  id: string;
  seq: number;
  event: FeedEvent;
}

/** Where a reconnecting stream stands. */
export type Resume =
  /** No Last-Event-ID: a new stream, from now on. */
  | { kind: 'new' }
  /** Everything after the id is still known: these are the events it missed (maybe none). */
  | { kind: 'replay'; events: FeedMessage[] }
  /** From another server process, or older than the buffer: it must reload everything. */
  | { kind: 'reload' };

const DEFAULT_REPLAY_EVENTS = 1000;

export class EventFeed {
  readonly serverId: string;
  private seq = 0;
  private readonly kept: FeedMessage[] = [];
  /** The highest seq that has left the buffer: a stream at or after it can be replayed. */
  private forgottenUpTo = 0;
  private readonly listeners = new Set<(message: FeedMessage) => void>();

  constructor(
    private readonly capacity = DEFAULT_REPLAY_EVENTS,
    serverId: string = randomBytes(6).toString('hex'),
  ) {
    if (!/^[0-9a-z]+$/i.test(serverId)) throw new Error('serverId must be letters and digits');
    this.serverId = serverId;
  }

  /** The id of the latest event (`<serverId>-0` before the first). */
  currentId(): string {
    return `${this.serverId}-${this.seq}`;
  }

  publish(event: FeedEvent): FeedMessage {
    const seq = ++this.seq;
    const message: FeedMessage = { id: `${this.serverId}-${seq}`, seq, event };
    if (event.type !== 'sync') {
      this.kept.push(message);
      if (this.kept.length > this.capacity) this.forgottenUpTo = this.kept.shift()!.seq;
    }
    for (const listener of this.listeners) listener(message);
    return message;
  }

  subscribe(listener: (message: FeedMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get subscribers(): number {
    return this.listeners.size;
  }

  /** What a stream that last saw `lastEventId` must be sent before the live events. */
  resume(lastEventId: string | undefined): Resume {
    if (lastEventId === undefined || lastEventId.trim() === '') return { kind: 'new' };
    const m = /^([0-9a-z]+)-(\d{1,15})$/i.exec(lastEventId.trim());
    if (!m || m[1] !== this.serverId) return { kind: 'reload' };
    const seen = Number(m[2]);
    if (seen > this.seq || seen < this.forgottenUpTo) return { kind: 'reload' };
    return { kind: 'replay', events: this.kept.filter((e) => e.seq > seen) };
  }
}
