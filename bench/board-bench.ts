/**
 * Benchmark of the task board on 10,000 tasks: a production build served by `vite preview`
 * (proxying to the local API server), driven by headless Chromium.
 *   npx tsx bench/board-bench.ts [-- --tasks 10000 --runs 5 --moves 20 --latency 1500]
 *
 * Measures, as medians:
 * - navigation to the first card visible (performance.now() in the page, from navigation start);
 * - DOM elements once every column shows its cards (`document.getElementsByTagName('*')`);
 * - drop to the card shown in its new column, with the server answering 1.5 s late: keyboard
 *   moves (Space, ArrowRight, Space), timed in the page from the drop key to the DOM mutation that
 *   adds the card to the target column, and to the next animation frame (painted). The board is
 *   sorted by last modified, so a moved card goes to the top of its new column (in view).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { startSandbox } from '../sandbox/index.ts';

const { values } = parseArgs({
  options: { tasks: { type: 'string' }, runs: { type: 'string' }, moves: { type: 'string' }, latency: { type: 'string' } },
});
const TASKS = Number(values.tasks ?? 10_000);
const RUNS = Number(values.runs ?? 5);
const MOVES = Number(values.moves ?? 20);
const LATENCY_MS = Number(values.latency ?? 1500);
const VIEWPORT = { width: 1440, height: 900 };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const sandbox = await startSandbox({ db: ':memory:', tasks: TASKS, seed: 1 });
const outDir = mkdtempSync(join(tmpdir(), 'board-bench-'));
delete process.env.GAINSIGHT_DOMAIN;
process.env.GAINSIGHT_BASE_URL = sandbox.url;
process.env.GAINSIGHT_ACCESS_KEY = sandbox.accessKey;
await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
const server = await preview({ logLevel: 'warn', build: { outDir }, preview: { port: 0, strictPort: false } });
const appUrl = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
if (!appUrl) throw new Error('vite preview did not say where it listens');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });

// Scripts run in the page (kept as text: this file is type-checked without the DOM library).
/** Records when the first card appears (ms since navigation start) in window.__firstCardAt. */
const WATCH_FIRST_CARD = `
  const observer = new MutationObserver(() => {
    if (window.__firstCardAt === undefined && document.querySelector('section[aria-label] article')) {
      window.__firstCardAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
`;

/**
 * Arms the timing of one drop: the time of the drop key (Space, seen first, in the capture phase)
 * and of the DOM mutation that puts the card (its link) in the In Progress column, then the next frame.
 */
const armDropTiming = (cardHref: string) => `
  (() => {
    const target = document.querySelector('section[aria-label="In Progress"]');
    let dropAt = 0;
    window.addEventListener('keydown', (e) => { if (e.code === 'Space') dropAt = performance.now(); }, { capture: true, once: true });
    window.__move = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!dropAt || !target.querySelector('article a[href=' + JSON.stringify(${JSON.stringify(cardHref)}) + ']')) return;
        observer.disconnect();
        const dom = performance.now() - dropAt;
        requestAnimationFrame(() => resolve({ dom, frame: performance.now() - dropAt }));
      });
      observer.observe(target, { childList: true, subtree: true });
    });
  })()
`;

async function waitForBoard(page: Page) {
  for (const status of ['Not Started', 'In Progress', 'Completed', 'Skipped']) {
    await page.getByRole('region', { name: status, exact: true }).getByRole('article').first().waitFor();
  }
  await page.waitForLoadState('networkidle');
}

const firstCard: number[] = [];
const elements: number[] = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  await page.addInitScript({ content: WATCH_FIRST_CARD });
  await page.goto(`${appUrl}/board`);
  await waitForBoard(page);
  firstCard.push(await page.evaluate<number>('window.__firstCardAt'));
  elements.push(await page.evaluate<number>("document.getElementsByTagName('*').length"));
  await context.close();
}

// Moves, with the server answering late.
sandbox.faults.update({ latencyMs: LATENCY_MS });
const context = await browser.newContext({ viewport: VIEWPORT });
const page = await context.newPage();
await page.goto(`${appUrl}/board?sort=modified`);
await waitForBoard(page);
const source = page.getByRole('region', { name: 'Not Started', exact: true });
const domMs: number[] = [];
const frameMs: number[] = [];
for (let i = 0; i < MOVES; i++) {
  const card = source.getByRole('article').first();
  const href = (await card.getByRole('link').getAttribute('href'))!;
  const name = (await card.getAttribute('aria-label'))!;
  await card.getByRole('button', { name: `Move ${name}`, exact: true }).focus();
  const liveRegion = page.locator('[id^="DndLiveRegion"]');
  await page.keyboard.press('Space');
  // The keyboard sensor listens for arrows from the next task on.
  await liveRegion.getByText(`Picked up task ${name}.`, { exact: true }).waitFor({ state: 'attached' });
  await page.evaluate('new Promise((resolve) => setTimeout(resolve, 0))'); // dnd-kit listens from its next timer on
  await page.keyboard.press('ArrowRight');
  await liveRegion
    .getByText('Over In Progress.', { exact: true })
    .waitFor({ state: 'attached', timeout: 10_000 })
    .catch(async (e: unknown) => {
      console.error(`move ${i}: live region says ${JSON.stringify(await liveRegion.textContent())}`);
      await page.screenshot({ path: '/tmp/board-bench-fail.png' });
      throw e;
    });
  await page.evaluate(armDropTiming(href));
  await page.keyboard.press('Space');
  const timing = await page.evaluate<{ dom: number; frame: number }>('window.__move');
  domMs.push(timing.dom);
  frameMs.push(timing.frame);
}
// Let the moves reach the server before closing.
await page.getByRole('region', { name: 'Notifications' }).getByText(/^Moved /).first().waitFor({ timeout: 60_000 });
await context.close();

await browser.close();
await server.close();
await sandbox.close();
rmSync(outDir, { recursive: true, force: true });

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const rows: [string, number[], string][] = [
  ['navigation -> first card visible', firstCard, 'ms'],
  ['DOM elements after load', elements, ''],
  [`drop -> card in new column (DOM), ${LATENCY_MS / 1000} s latency`, domMs, 'ms'],
  [`drop -> card in new column (next frame), ${LATENCY_MS / 1000} s latency`, frameMs, 'ms'],
];
console.log(`\nBoard benchmark: ${TASKS.toLocaleString('en-US')} tasks, production build via vite preview, headless Chromium ${VIEWPORT.width}x${VIEWPORT.height}\n`);
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measure'.padEnd(width)}  ${'median'.padStart(9)}  ${'min'.padStart(9)}  ${'max'.padStart(9)}  samples`);
for (const [label, xs, unit] of rows) {
  const cell = (n: number) => `${fmt(n)}${unit ? ` ${unit}` : ''}`.padStart(9);
  console.log(`${label.padEnd(width)}  ${cell(median(xs))}  ${cell(Math.min(...xs))}  ${cell(Math.max(...xs))}  ${xs.length}`);
}
process.exit(0);
