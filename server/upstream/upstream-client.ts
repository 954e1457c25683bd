/**
 * One call to the Gainsight API (or the local API server), answered in full: the team server
 * reads the whole reply before passing it on, so a reply can be shared by identical reads and a
 * 429 can be held back and retried after a pause.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface UpstreamCall {
  url: URL;
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
}

export interface UpstreamAnswer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  /** Milliseconds from sending to the last byte of the reply. */
  ms: number;
}

export class UpstreamError extends Error {
  override readonly name = 'UpstreamError';
  constructor(
    readonly kind: 'timeout' | 'unreachable' | 'too-large',
    message: string,
  ) {
    super(message);
  }
}

/** Replies larger than this are refused (a page of 5,000 tasks is a few MB). */
const MAX_REPLY_BYTES = 64 * 1024 * 1024;

export function callUpstream(call: UpstreamCall): Promise<UpstreamAnswer> {
  const started = performance.now();
  const send = call.url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...call.headers, 'accept-encoding': 'identity' };
    if (call.body) headers['content-length'] = String(call.body.length);
    const req = send(call.url, { method: call.method, headers }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_REPLY_BYTES) {
          req.destroy(new UpstreamError('too-large', `the reply is larger than ${MAX_REPLY_BYTES} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const out: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (typeof value === 'string') out[name] = value;
          else if (Array.isArray(value)) out[name] = value.join(', ');
        }
        resolve({ status: res.statusCode ?? 502, headers: out, body: Buffer.concat(chunks), ms: performance.now() - started });
      });
      res.on('error', (e) => reject(e instanceof UpstreamError ? e : new UpstreamError('unreachable', e.message)));
    });
    const timer = setTimeout(() => req.destroy(new UpstreamError('timeout', `no reply within ${call.timeoutMs} ms`)), call.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (e) => reject(e instanceof UpstreamError ? e : new UpstreamError('unreachable', e.message)));
    req.end(call.body);
  });
}
