/**
 * The built app (`dist/`) through @fastify/static: the brotli or gzip copy written at build time
 * when the browser takes it (config/precompress.ts), `immutable` caching for Vite's hashed assets,
 * `no-cache` for the HTML, ETags, an SPA fallback for app routes, and a plain 404 for a missing
 * file, so a stale asset URL never gets the HTML.
 *
 * A page's path (and `/`, the board) gets that page's own index.html when the build wrote one
 * (`pages/<key>.html`, config/route-preloads.ts): the same app, with modulepreload links for the
 * files the page's first render waits for, so the browser fetches them with the entry. The page is
 * matched as the app's router matches it (the shared route table).
 */
import { existsSync } from 'node:fs';
import { basename, resolve, sep } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { matchRoute, PAGES_HTML_DIR, ROUTE_TABLE, type RouteKey } from '../src/lib/route-table.ts';

/** Vite names hashed assets `name-<hash>.ext` under assets/. */
const HASHED = /-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export async function registerStaticSite(app: FastifyInstance, distDir: string): Promise<void> {
  const root = resolve(distDir);
  if (!existsSync(resolve(root, 'index.html'))) throw new Error(`No index.html in ${root}: run npm run build first.`);
  const assets = `${root}${sep}assets${sep}`;
  // The pages' own HTML, as built (a build without them sends index.html for every page).
  const pageHtml = new Map<RouteKey, string>();
  for (const key of Object.keys(ROUTE_TABLE) as RouteKey[]) {
    const file = `${PAGES_HTML_DIR}/${key}.html`;
    if (existsSync(resolve(root, file))) pageHtml.set(key, file);
  }
  const htmlFor = (path: string) => {
    const match = matchRoute(path);
    return (match && pageHtml.get(match.key)) ?? 'index.html';
  };

  await app.register(fastifyStatic, {
    root,
    // `/` is the board's page (the fallback below), not the bare index.html.
    index: false,
    preCompressed: true,
    cacheControl: false,
    etag: true,
    lastModified: true,
    serveDotFiles: false,
    setHeaders(res, sentPath) {
      // The path of the file sent, which may be its .br or .gz copy.
      const path = sentPath.replace(/\.(br|gz)$/, '');
      const cache =
        path.startsWith(assets) && HASHED.test(basename(path))
          ? 'public, max-age=31536000, immutable'
          : path.endsWith('.html')
            ? 'no-cache'
            : 'public, max-age=3600';
      res.setHeader('Cache-Control', cache);
    },
  });

  app.setNotFoundHandler(async (request, reply) => {
    const target = request.raw.url ?? '/';
    if (!target.startsWith('/')) return reply.code(400).type('text/plain; charset=utf-8').send('Bad request target\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return reply.code(405).header('allow', 'GET, HEAD').type('text/plain; charset=utf-8').send('Method not allowed\n');
    }
    const path = target.split('?')[0]!;
    // A missing file (anything with an extension, or under /assets/) is a 404, not the app.
    if (path.startsWith('/assets/') || /\.[a-z0-9]+$/i.test(path)) {
      return reply.code(404).header('cache-control', 'no-store').type('text/plain; charset=utf-8').send('Not found\n');
    }
    return reply.sendFile(htmlFor(path));
  });
}
