/**
 * Decides whether a request target may go through the `/v1` proxy, and to which API path.
 * Only `/v1/...` paths made of plain segments pass: no `.` or `..` segments (raw or
 * percent-encoded), no encoded slashes or backslashes, no empty segments, no absolute-URL
 * targets, no control characters. The result is the path below `/v1` (with its query string),
 * to be appended to the configured base URL; it can never name another host or climb out of it.
 */
export function apiPathFor(requestTarget: string): string | null {
  if (!requestTarget.startsWith('/v1/')) return null;
  const q = requestTarget.indexOf('?');
  const path = q === -1 ? requestTarget : requestTarget.slice(0, q);
  const query = q === -1 ? '' : requestTarget.slice(q);
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\\\x00-\x20\x7f#]/.test(requestTarget)) return null;
  const rest = path.slice('/v1'.length); // starts with '/'
  const segments = rest.slice(1).split('/');
  for (const segment of segments) {
    if (segment === '') return null;
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return null;
    }
    if (decoded === '.' || decoded === '..') return null;
    if (/[/\\]/.test(decoded)) return null;
    if (/%/.test(decoded) && /%(2e|2f|5c)/i.test(decoded)) return null; // double encoding
  }
  return rest + query;
}

/** Joins a base URL (`https://acme.gainsightcloud.com/v1`) and a checked API path (`/tasks/1`). */
export function upstreamUrl(base: string, apiPath: string): URL {
  const target = new URL(base);
  const basePath = target.pathname.replace(/\/+$/, '');
  const q = apiPath.indexOf('?');
  target.pathname = basePath + (q === -1 ? apiPath : apiPath.slice(0, q));
  target.search = q === -1 ? '' : apiPath.slice(q);
  return target;
}
