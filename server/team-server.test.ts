import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { precompressDir } from '../config/precompress.ts';
import { createTeamServer } from './team-server.ts';

const KEY = 'server-side-key-123';
const dist = mkdtempSync(join(tmpdir(), 'app-server-'));
const JS = `console.log(${JSON.stringify('x'.repeat(4000))});`;
let app: FastifyInstance;
let upstream: Server;
let evil: Server;
let appUrl: string;
let evilHits = 0;
const seen: { method: string; url: string; headers: IncomingHttpHeaders; body: string }[] = [];

/** A team server with no log output, on a free loopback port. */
async function startTeamServer(target: string): Promise<{ app: FastifyInstance; url: string }> {
  const { app } = await createTeamServer({ distDir: dist, backend: { target, accessKey: KEY }, logger: false });
  return { app, url: await app.listen({ port: 0, host: '127.0.0.1' }) };
}

const listen = (server: Server) =>
  new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));

/** Sends a request exactly as written (fetch would normalise `..` and absolute targets). */
function raw(target: string, method = 'GET'): Promise<{ status: number; text: string }> {
  const { port } = new URL(appUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (d) => (data += d.toString()));
    socket.on('end', () => resolve({ status: Number(data.split(' ')[1]), text: data }));
    socket.on('error', reject);
  });
}

beforeAll(async () => {
  mkdirSync(join(dist, 'assets'));
  writeFileSync(
    join(dist, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/index-AbCd1234.js"></script></head><body><div id="root"></div></body></html>',
  );
  writeFileSync(join(dist, 'assets', 'index-AbCd1234.js'), JS);
  // Two pages' own HTML (config/route-preloads.ts writes one per page); the task page has none here.
  mkdirSync(join(dist, 'pages'));
  for (const page of ['board', 'search']) {
    writeFileSync(
      join(dist, 'pages', `${page}.html`),
      `<!doctype html><html><head><script type="module" src="/assets/index-AbCd1234.js"></script><link rel="modulepreload" href="/assets/${page}-route-AbCd1234.js"></head><body><div id="root"></div>${'<!-- padding -->'.repeat(40)}</body></html>`,
    );
  }
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  precompressDir(dist);
  upstream = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      res.writeHead(200, { 'Content-Type': 'application/json', 'Set-Cookie': 'session=upstream', 'X-Request-Id': 'r1' });
      res.end(JSON.stringify({ result: true, data: { ok: true }, requestId: 'r1' }));
    });
  });
  evil = createServer((_req, res) => {
    evilHits++;
    res.end('evil');
  });
  const upstreamPort = await listen(upstream);
  await listen(evil);
  ({ app, url: appUrl } = await startTeamServer(`http://127.0.0.1:${upstreamPort}/v1`));
});

beforeEach(() => {
  seen.length = 0;
});

afterAll(async () => {
  await app.close();
  for (const s of [upstream, evil]) await new Promise((r) => s.close(r));
  rmSync(dist, { recursive: true, force: true });
});

describe('team server: static files', () => {
  it('serves index.html with security headers and no-cache', async () => {
    const res = await fetch(`${appUrl}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves hashed assets compressed with long cache headers', async () => {
    const gz = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve) => {
      import('node:http').then(({ get }) =>
        get(`${appUrl}/assets/index-AbCd1234.js`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }),
      );
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gz.body).toString()).toBe(JS);
    expect(gz.body.length).toBeLessThan(JS.length / 10);
    const br = await new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve) => {
      import('node:http').then(({ get }) =>
        get(`${appUrl}/assets/index-AbCd1234.js`, { headers: { 'Accept-Encoding': 'gzip, br' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }),
      );
    });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(JS);
  });

  it('falls back to the app for routes, but 404s missing files', async () => {
    for (const path of ['/board', '/tasks/1T123', '/playbooks/x?y=1']) {
      const res = await fetch(`${appUrl}${path}`);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toContain('<div id="root">');
    }
    expect((await fetch(`${appUrl}/assets/missing-AbCd1234.js`)).status).toBe(404);
    expect((await fetch(`${appUrl}/robots.txt`)).status).toBe(404);
    expect((await fetch(`${appUrl}/`, { method: 'POST' })).status).toBe(405);
  });

  it("sends a page's path its own HTML, with that page's preloads, matched as the router matches it", async () => {
    const page = async (path: string, init?: RequestInit) => {
      const res = await fetch(`${appUrl}${path}`, init);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe('no-cache');
      expect(res.headers.get('content-type'), path).toContain('text/html');
      const text = await res.text();
      return text.match(/\/assets\/([a-z]+)-route-/)?.[1] ?? 'index.html';
    };
    expect(await page('/search?q=%7B%7D')).toBe('search');
    expect(await page('/Search/')).toBe('search');
    expect(await page('/board?owner=1')).toBe('board');
    expect(await page('/')).toBe('board'); // the app shows the board there
    expect(await page('/tasks/1T123')).toBe('index.html'); // no page HTML built for it
    expect(await page('/search/extra')).toBe('index.html'); // no such page: the app says so
    expect(await page('/index.html')).toBe('index.html');
    // Compressed as the rest of the build.
    const gz = await new Promise<IncomingHttpHeaders>((resolve) => {
      import('node:http').then(({ get }) =>
        get(`${appUrl}/search`, { headers: { 'Accept-Encoding': 'gzip' } }, (res) => {
          res.resume();
          resolve(res.headers);
        }),
      );
    });
    expect(gz['content-encoding']).toBe('gzip');
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await fetch(`${appUrl}/favicon.svg`);
    // Not fetch(): with If-None-Match it adds `Cache-Control: no-cache`, which asks for a full answer.
    const status = await new Promise<number>((resolve) => {
      import('node:http').then(({ get }) =>
        get(`${appUrl}/favicon.svg`, { headers: { 'If-None-Match': first.headers.get('etag')! } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        }),
      );
    });
    expect(status).toBe(304);
  });
});

describe('team server: the /v1 proxy', () => {
  it('forwards API calls with the key added, and without cookies or the browser key', async () => {
    const res = await fetch(`${appUrl}/v1/tasks/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: 'sid=browser', accessKey: 'forged', Authorization: 'Bearer x' },
      body: '{"limit":1}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ result: true });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(res.headers.get('x-request-id')).toBe('r1');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'POST', url: '/v1/tasks/search', body: '{"limit":1}' });
    expect(seen[0]!.headers.accesskey).toBe(KEY);
    expect(seen[0]!.headers.cookie).toBeUndefined();
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('never returns the key to the browser', async () => {
    const res = await fetch(`${appUrl}/v1/playbooks`);
    const text = JSON.stringify([...res.headers]) + (await res.text());
    expect(text).not.toContain(KEY);
  });

  it.each([
    '/v1/../admin',
    '/v1/%2e%2e/admin',
    '/v1/tasks/..%2F..%2Fadmin',
    '/v1/tasks%2F..%2F..%2Fadmin',
    '/v1//evil.example.com/x',
    '/v1/tasks/%5c..%5cadmin',
    '/v1',
  ])('refuses the path trick %s', async (target) => {
    const res = await raw(target);
    expect(res.status).toBe(404);
    expect(seen).toHaveLength(0);
  });

  it('cannot be used to reach another host', async () => {
    const evilPort = (evil.address() as AddressInfo).port;
    for (const target of [`http://127.0.0.1:${evilPort}/v1/tasks`, `//127.0.0.1:${evilPort}/v1/tasks`, `/v1/@127.0.0.1:${evilPort}/x`]) {
      const res = await raw(target);
      expect(res.text.endsWith('evil'), target).toBe(false);
    }
    expect(evilHits).toBe(0);
    // `/v1/@host:port/x` is a plain path segment on the configured host, never another host
    expect(seen.every((s) => s.url.startsWith('/v1/'))).toBe(true);
  });

  it('says so when the API cannot be reached', async () => {
    const down = await startTeamServer('http://127.0.0.1:1/v1');
    const res = await fetch(`${down.url}/v1/playbooks`);
    expect(res.status).toBe(502);
    expect(((await res.json()) as { errorDesc: string }).errorDesc).toContain('could not be reached');
    await down.app.close();
  });
});
