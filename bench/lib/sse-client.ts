/**
 * A small Server-Sent Events client for Node's fetch, for benchmarks and server tests that play
 * many browsers at once (Node has no EventSource). It parses the stream as the HTML standard's
 * event-stream format says: `field: value` lines, a blank line ends an event, `:` lines are
 * comments, `data` lines join with newlines, `id` sets the last event id.
 */
export interface SseMessage {
  event: string;
  data: string;
  id: string | null;
}

/** Feeds text in, calls `onMessage` for each complete event. Keeps partial lines between calls. */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  lastEventId: string | null = null;

  constructor(private readonly onMessage: (message: SseMessage) => void) {}

  push(text: string): void {
    this.buffer += text;
    let newline: number;
    while ((newline = this.buffer.search(/\r\n|\r|\n/)) !== -1) {
      const line = this.buffer.slice(0, newline);
      const width = this.buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.buffer = this.buffer.slice(newline + width);
      this.line(line);
    }
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length > 0) this.onMessage({ event: this.event || 'message', data: this.data.join('\n'), id: this.lastEventId });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.lastEventId = value;
  }
}

export interface SseConnection {
  /** Resolves once the response headers arrived (rejects on a non-2xx answer). */
  opened: Promise<void>;
  close: () => void;
}

/** Opens `url` as an event stream; `onMessage` gets each event with its arrival time. */
export function openEventStream(
  url: string,
  onMessage: (message: SseMessage, at: number) => void,
  headers: Record<string, string> = {},
): SseConnection {
  const controller = new AbortController();
  const parser = new SseParser((m) => onMessage(m, performance.now()));
  const opened = (async () => {
    const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
    if (!response.ok || !response.body) throw new Error(`${url} answered ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          parser.push(value);
        }
      } catch {
        // Closed by close(), or the server went away: the caller sees no more events.
      }
    })();
  })();
  return { opened, close: () => controller.abort() };
}
