import { describe, expect, it } from 'vitest';
import { SseParser, type SseMessage } from './sse-client.ts';

function parse(chunks: string[]): { messages: SseMessage[]; parser: SseParser } {
  const messages: SseMessage[] = [];
  const parser = new SseParser((m) => messages.push(m));
  for (const c of chunks) parser.push(c);
  return { messages, parser };
}

describe('SseParser', () => {
  it('reads events split across chunks at any point, with ids and names', () => {
    const text = 'id: a-1\nevent: tasks\ndata: {"x":1}\n\n: keep-alive\n\nid: a-2\ndata: one\ndata: two\n\n';
    for (let cut = 0; cut < text.length; cut++) {
      const { messages, parser } = parse([text.slice(0, cut), text.slice(cut)]);
      expect(messages).toEqual([
        { event: 'tasks', data: '{"x":1}', id: 'a-1' },
        { event: 'message', data: 'one\ntwo', id: 'a-2' },
      ]);
      expect(parser.lastEventId).toBe('a-2');
    }
  });

  it('accepts CRLF and CR line ends and ignores an event without data', () => {
    const { messages } = parse(['event: sync\r\n\r\nevent: hello\rdata: {}\r\r']);
    expect(messages).toEqual([{ event: 'hello', data: '{}', id: null }]);
  });

  it('keeps an unfinished event until its blank line arrives', () => {
    const { messages } = parse(['data: half']);
    expect(messages).toEqual([]);
  });
});
