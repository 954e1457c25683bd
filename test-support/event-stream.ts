/** For server tests: an open server-sent event stream and the text it has received so far. */
import { request as httpRequest, type IncomingMessage } from 'node:http';

export interface EventStream {
  res: IncomingMessage;
  /** Everything received so far, as sent. */
  text: () => string;
  /** Resolves once what was received matches (at once if it does already). */
  next: (match: RegExp) => Promise<void>;
}

/** Opens `GET url` (with `headers`) and collects what it receives; `res.destroy()` closes it. */
export function openEventStream(url: string, headers: Record<string, string> = {}): Promise<EventStream> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      let text = '';
      const waiters: { match: RegExp; done: () => void }[] = [];
      res.setEncoding('utf8');
      res.on('data', (d: string) => {
        text += d;
        for (const w of waiters.splice(0))
          if (w.match.test(text)) w.done();
          else waiters.push(w);
      });
      resolve({
        res,
        text: () => text,
        next: (match) => new Promise<void>((done) => (match.test(text) ? done() : waiters.push({ match, done }))),
      });
    });
    req.on('error', reject);
    req.end();
  });
}
