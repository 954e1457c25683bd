/**
 * The pure rules behind the sign-in gate: which paths need a session, where a sign-in may
 * return to, which writes count as same-origin, and the error envelope the API answers with.
 */
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The server's API paths, each with everything below it. `/healthz`, `/readyz` and `/metrics`
 * (health checks, load balancers and Prometheus cannot sign in; /metrics has its own token),
 * static files and the SPA's HTML stay open so the page can load and send the user to sign in.
 * `/calendar.ics` is not here: calendar apps cannot sign in, so the feed checks its own access
 * (a session, or the token of its subscription address: server/calendar/feed-route.ts).
 */
export const DEFAULT_PROTECTED_PATHS: readonly string[] = ['/v1', '/api', '/events'];

/** The header the app sends with every write; a cross-site form cannot set it. */
export const APP_REQUEST_HEADER = 'x-requested-with';
export const APP_REQUEST_HEADER_VALUE = 'cockpit-board';

export const AUTH_REQUIRED_CODE = 'AUTH_401';
export const CROSS_ORIGIN_CODE = 'AUTH_403';

export interface ErrorEnvelope {
  result: false;
  errorCode: string;
  errorDesc: string;
  requestId: string | null;
  data: null;
  message: null;
}

/** Gainsight's reply wrapper (its envelope) for a failure; see the README, "How it follows, extends or narrows the spec". */
export function errorEnvelope(errorCode: string, errorDesc: string, requestId: string | null): ErrorEnvelope {
  return { result: false, errorCode, errorDesc, requestId, data: null, message: null };
}

/**
 * The request path as routers may see it: query cut, percent-decoded once, runs of `/` and `\`
 * made one `/`, lower-cased (comparing lower-case only ever protects more). Null when it cannot be
 * decoded, which callers treat as protected.
 */
function comparablePath(target: string): string | null {
  const path = target.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return null;
  }
  return decoded.replace(/[\\/]+/g, '/').toLowerCase();
}

function pathInList(path: string, list: readonly string[]): boolean {
  return list.some((entry) => {
    const p = entry.toLowerCase().replace(/\/+$/, '');
    return path === p || path.startsWith(`${p}/`);
  });
}

/**
 * Whether a request needs a session: its raw target, or the pattern of the route Fastify matched
 * (`request.routeOptions.url`), is a protected path. Checking both means an encoded or doubled
 * slash that a router would still send to `/v1/*` cannot slip past.
 */
export function isProtectedRequest(target: string, routeUrl: string | undefined, list: readonly string[]): boolean {
  const path = comparablePath(target);
  if (path === null || pathInList(path, list)) return true;
  return routeUrl !== undefined && pathInList(routeUrl.toLowerCase(), list);
}

/** Methods that change something: these need a same-origin proof (CSRF). */
export function isWriteMethod(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}

/**
 * A write is same-origin when the browser says so: `Origin` equal to PUBLIC_URL's origin, or,
 * when a client sends no Origin, the app's own `X-Requested-With: cockpit-board` (a header a
 * cross-site form cannot send, and cross-site scripts only after a CORS preflight that this
 * server never grants). `Sec-Fetch-Site`, when present, must be `same-origin`.
 */
export function isSameOriginWrite(headers: IncomingHttpHeaders, publicOrigin: string): boolean {
  const site = headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return false;
  const origin = headers.origin;
  if (origin !== undefined) return origin === publicOrigin;
  return headers[APP_REQUEST_HEADER] === APP_REQUEST_HEADER_VALUE;
}

const MAX_RETURN_TO = 2048;

/**
 * Where to go after signing in: `raw` when it is a path on this server (a single leading `/`,
 * not `//` or `/\`, no scheme, no control characters or backslashes, not under /auth/),
 * otherwise `/`. Never an absolute URL, so never an open redirect.
 */
export function safeReturnTo(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_RETURN_TO) return '/';
  if (raw[0] !== '/' || raw[1] === '/' || raw[1] === '\\') return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\\\x00-\x1f\x7f]/.test(raw)) return '/';
  const base = 'http://return-to.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return '/';
  }
  if (url.origin !== base) return '/';
  const path = comparablePath(url.pathname);
  if (path === null || pathInList(path, ['/auth'])) return '/';
  const result = url.pathname + url.search + url.hash;
  return result.startsWith('//') ? '/' : result;
}

/**
 * A request URL fit for a log line: the query of /auth/callback (authorization code, state) is
 * replaced. Use it in the logger's `req` serializer.
 */
export function redactAuthUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const path = url.slice(0, q);
  return comparablePath(path)?.startsWith('/auth/callback') ? `${path}?[redacted]` : url;
}
