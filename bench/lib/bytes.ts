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

/** Gzip bytes of the JS and CSS a first visit to `url` loads (cold cache). */
export async function firstVisitBytes(browser: Browser, url: string, waitFor: string): Promise<FirstVisitBytes> {
  const context = await browser.newContext();
  const page = await context.newPage();
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
  await Promise.all(pending);
  await context.close();
  return {
    js: files.filter((f) => f.type === 'js').reduce((s, f) => s + f.gzip, 0),
    css: files.filter((f) => f.type === 'css').reduce((s, f) => s + f.gzip, 0),
    files,
  };
}

/** Gzip size of every built JS chunk, by name. */
export function chunkSizes(distDir: string): { name: string; gzip: number }[] {
  const dir = join(distDir, 'assets');
  return readdirSync(dir)
    .filter((n) => n.endsWith('.js') || n.endsWith('.css'))
    .map((name) => ({ name, gzip: gz(readFileSync(join(dir, name))) }))
    .sort((a, b) => b.gzip - a.gzip);
}
