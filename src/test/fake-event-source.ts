/**
 * A stand-in for the browser's EventSource in tests (jsdom has none): each one records its URL,
 * and the test opens it, sends events, drops it (the browser then retries by itself) or has the
 * server refuse it (the browser closes it for good).
 */
import type { EventSourceLike } from '../app/live/connection.ts';

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  readonly url: string;
  private readonly listeners = new Map<string, Set<(event: Event) => void>>();

  constructor(url: string) {
    this.url = url;
  }

  addEventListener(type: string, listener: (event: Event) => void) {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }

  close() {
    this.readyState = 2;
  }

  get closed() {
    return this.readyState === 2;
  }

  private dispatch(type: string, event: Event) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }

  /** The server answered with an event stream. */
  open() {
    this.readyState = 1;
    this.dispatch('open', new Event('open'));
  }

  /** One event; `data` is sent as JSON unless it is a string already. */
  emit(type: string, data: unknown = {}) {
    this.dispatch(type, new MessageEvent(type, { data: typeof data === 'string' ? data : JSON.stringify(data) }));
  }

  /** The connection was lost: the browser will try again by itself. */
  drop() {
    this.readyState = 0;
    this.dispatch('error', new Event('error'));
  }

  /** The server refused the stream (an error status, not an event stream): closed for good. */
  refuse() {
    this.readyState = 2;
    this.dispatch('error', new Event('error'));
  }
}

/** A factory for `connectLive`'s `createSource`, and the sources it made. */
export function fakeEventSources() {
  const made: FakeEventSource[] = [];
  return {
    create: (url: string) => {
      const source = new FakeEventSource(url);
      made.push(source);
      return source;
    },
    made,
    last: () => {
      const source = made.at(-1);
      if (!source) throw new Error('No EventSource was made');
      return source;
    },
  };
}
