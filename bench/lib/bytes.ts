import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

export interface FirstVisitBytes {
  js: number;
  css: number;
  files: { url: string; type: 'js' | 'css'; gzip: number }[];
}

const gz = (buf: Buffer) => gzipSync(buf, { level: 9 }).length;

/**
 * Holds back work the app schedules with `requestIdleCallback` (the idle-time preloading of the
 * other routes' code, src/app/preload-when-idle.ts), so what is counted is what the visit itself needs.
 */
const HOLD_IDLE_CALLBACKS = 'window.requestIdleCallback = () => 0;';

const IDLE_THRICE = `new Promise((resolve) => {
  let left = 3;
  const next = () => (left-- === 0 ? resolve(undefined) : requestIdleCallback(next, { timeout: 3000 }));
  next();
})`;

export interface FirstVisitOptions {
  /** Leave out what is loaded only once the browser is idle (see HOLD_IDLE_CALLBACKS). */
  holdIdlePreload?: boolean;
}

/** Gzip bytes of the JS and CSS a first visit to `url` loads (cold cache). */
export async function firstVisitBytes(
  browser: Browser,
  url: string,
  waitFor: string,
  options: FirstVisitOptions = {},
): Promise<FirstVisitBytes> {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (options.holdIdlePreload) await page.addInitScript({ content: HOLD_IDLE_CALLBACKS });
  const files: FirstVisitBytes['files'] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (res) => {
    const type = res.request().resourceType();
    if (type !== 'script' && type !== 'stylesheet') return;
    pending.push(
      res.body().then(
        (body) => void files.push({ url: new URL(res.url()).pathname, type: type === 'script' ? 'js' : 'css', gzip: gz(body) }),
        () => undefined,
      ),
    );
  });
  await page.goto(url);
  await page.locator(waitFor).first().waitFor();
  await page.waitForLoadState('networkidle');
  if (!options.holdIdlePreload) {
    // What the app loads once the page has settled and the browser is idle: a few idle periods.
    await page.evaluate(IDLE_THRICE);
    await page.waitForLoadState('networkidle');
  }
  await Promise.all(pending);
  await context.close();
  return {
    js: files.filter((f) => f.type === 'js').reduce((s, f) => s + f.gzip, 0),
    css: files.filter((f) => f.type === 'css').reduce((s, f) => s + f.gzip, 0),
    files,
  };
}

/** Gzip size of every built JS and CSS chunk, by name, largest first. */
export function chunkSizes(distDir: string): { name: string; gzip: number }[] {
  const dir = join(distDir, 'assets');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.js') || n.endsWith('.css'))
    .map((name) => ({ name, gzip: gz(readFileSync(join(dir, name))) }))
    .sort((a, b) => b.gzip - a.gzip);
}

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

export interface RouteChunk {
  route: string;
  /** The route module's chunk. */
  file: string;
  /** Gzip bytes of the route's chunk and the shared chunks it needs beyond the app shell. */
  gzip: number;
  files: string[];
}

/**
 * What each lazily loaded route costs beyond the app shell: its chunk plus the chunks it imports
 * that the shell does not have (from Vite's manifest, `build.manifest`). The shell is what
 * index.html loads (the entry and the chunks it preloads) and what those import.
 */
export function routeChunks(distDir: string, routes: Record<string, string>): RouteChunk[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const closure = (key: string, into = new Set<string>()) => {
    if (into.has(key)) return into;
    into.add(key);
    for (const dep of manifest[key]?.imports ?? []) closure(dep, into);
    return into;
  };
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const inHtml = new Set(Array.from(html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g), (m) => m[1]));
  const shell = new Set<string>();
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry || inHtml.has(chunk.file)) closure(key, shell);
  const size = (file: string) => gz(readFileSync(join(distDir, file)));
  // A source that is no chunk of its own in this build (code that once was part of another) is left out.
  return Object.entries(routes)
    .filter(([, source]) => manifest[source])
    .map(([route, source]) => {
      const own = [...closure(source)].filter((k) => !shell.has(k)).map((k) => manifest[k]!.file);
      return { route, file: manifest[source]!.file, files: own, gzip: own.reduce((s, f) => s + size(f), 0) };
    });
}
