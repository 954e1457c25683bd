import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { apiPathFor, upstreamUrl } from '../config/proxy-path.ts';
import { SECURITY_HEADERS } from './security-headers.ts';
import { loadStaticFiles, type StaticFile } from './static-files.ts';

export interface AppServerOptions {
  /** The built app (`dist/`). */
  distDir: string;
  /** The API base URL (`https://acme.gainsightcloud.com/v1`) and the key the proxy adds. */
  backend: { target: string; accessKey: string };
  /** Milliseconds the proxy waits for the API; 60 s by default. */
  upstreamTimeoutMs?: number;
  log?: (line: string) => void;
}

/** Request headers passed on to the API; everything else (cookies, authorization, the browser's own accessKey) stays behind. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'content-length', 'accept', 'accept-language', 'user-agent'];
/** Response headers passed back to the browser. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-length', 'content-encoding', 'retry-after', 'x-request-id'];

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra });
  res.end(text);
}

function sendJsonError(res: ServerResponse, status: number, errorCode: string, errorDesc: string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify({ result: false, errorCode, errorDesc, requestId: null, data: null, message: null }));
}

function pickEncoding(req: IncomingMessage, file: StaticFile): 'br' | 'gzip' | null {
  const accept = String(req.headers['accept-encoding'] ?? '');
  if (file.br && /\bbr\b/.test(accept)) return 'br';
  if (file.gzip && /\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

function serveFile(req: IncomingMessage, res: ServerResponse, file: StaticFile, isIndex: boolean) {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    'Content-Type': file.type,
    'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : isIndex ? 'no-cache' : 'public, max-age=3600',
    ETag: file.etag,
    Vary: 'Accept-Encoding',
  };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const encoding = pickEncoding(req, file);
  const body = encoding === 'br' ? file.br! : encoding === 'gzip' ? file.gzip! : file.body;
  if (encoding) headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

function proxy(req: IncomingMessage, res: ServerResponse, apiPath: string, options: AppServerOptions) {
  const url = upstreamUrl(options.backend.target, apiPath);
  const headers: Record<string, string> = { accessKey: options.backend.accessKey };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = req.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const upstream = send(url, { method: req.method, headers, timeout: options.upstreamTimeoutMs ?? 60_000 }, (answer) => {
    const out: Record<string, string> = { ...SECURITY_HEADERS, 'Cache-Control': 'no-store' };
    for (const name of FORWARDED_RESPONSE_HEADERS) {
      const value = answer.headers[name];
      if (typeof value === 'string') out[name] = value;
    }
    res.writeHead(answer.statusCode ?? 502, out);
    answer.pipe(res);
  });
  upstream.on('timeout', () => upstream.destroy(new Error('upstream timeout')));
  upstream.on('error', (e) => {
    options.log?.(`proxy: ${req.method} ${url.pathname} failed: ${e.message}`);
    if (!res.headersSent) sendJsonError(res, 502, 'PROXY_502', 'The Gainsight API could not be reached through the proxy');
    else res.destroy();
  });
  req.pipe(upstream);
}

/**
 * The production server: the built app with compression, long cache headers for hashed assets,
 * an SPA fallback and security headers, and the same `/v1` proxy as the dev server.
 */
export function createAppServer(options: AppServerOptions): Server {
  const files = loadStaticFiles(options.distDir);
  const index = files.get('/index.html');
  if (!index) throw new Error(`No index.html in ${options.distDir}: run npm run build first`);

  return createServer((req, res) => {
    const target = req.url ?? '/';
    if (target.startsWith('/v1/') || target === '/v1') {
      const apiPath = apiPathFor(target);
      if (!apiPath) return sendJsonError(res, 404, 'GS_APIG_1000', 'Not an API path this proxy forwards');
      return proxy(req, res, apiPath, options);
    }
    if (!target.startsWith('/')) return sendText(res, 400, 'Bad request target');
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    let path: string;
    try {
      path = decodeURIComponent(target.split('?')[0]!);
    } catch {
      return sendText(res, 400, 'Bad request path');
    }
    const file = files.get(path);
    if (file) return serveFile(req, res, file, path === '/index.html');
    // A missing file (anything with an extension, or under /assets/) is a 404, not the app.
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) return sendText(res, 404, 'Not found');
    return serveFile(req, res, index, true);
  });
}
