import type { ProxyOptions } from 'vite';
import { apiPathFor } from './proxy-path.ts';

/**
 * The `/v1` proxy: forwards the browser's same-origin API calls to the backend with the access
 * key added server-side. The browser never sees the key: it is set on the outgoing request only,
 * replacing any `accessKey` the browser sent, and the browser's cookies are not passed on.
 * `target` is the API base URL, ending in `/v1` or another path (`https://acme.gainsightcloud.com/v1`).
 */
export function apiProxy(target: string, accessKey: string): Record<string, ProxyOptions> {
  return {
    '/v1/': {
      target,
      changeOrigin: true,
      secure: true,
      // Path tricks (`..`, encoded slashes, absolute URLs) are not forwarded: Vite answers 404.
      bypass: (req) => (apiPathFor(req.url ?? '') === null ? false : undefined),
      // `/v1/tasks` -> `<target path>/tasks`: the target's own path (often `/v1`) is prepended.
      rewrite: (path) => apiPathFor(path) ?? '/__rejected__',
      headers: { accessKey },
      configure: (proxy) => {
        proxy.on('proxyReq', (proxyReq) => {
          proxyReq.removeHeader('cookie');
          proxyReq.removeHeader('authorization');
          proxyReq.setHeader('accessKey', accessKey);
        });
      },
    },
  };
}
