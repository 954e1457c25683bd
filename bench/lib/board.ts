/**
 * Board measurements, driven in headless Chromium against a running stack (see servers.ts).
 * Scripts that run in the page are kept as text: the bench is type-checked without the DOM library.
 */
import type { Browser, Page } from '@playwright/test';
import { mainThreadWork, type MainThreadWork } from './main-thread.ts';
import { COUNT_RENDERS, type RenderCounts } from './render-counts.ts';

export const VIEWPORT = { width: 1440, height: 900 };
const STATUSES = ['Not Started', 'In Progress', 'Completed', 'Skipped'] as const;

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

/** Collects long tasks (over 50 ms) from the start of the page in window.__longTasks. */
export const WATCH_LONG_TASKS = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
`;

/** Waits until every column shows a card and the network is quiet. */
export async function waitForBoard(page: Page) {
  for (const status of STATUSES) {
    await page.getByRole('region', { name: status, exact: true }).getByRole('article').first().waitFor({ timeout: 60_000 });
  }
  await page.waitForLoadState('networkidle');
}

/** JS heap in use (bytes) after a full garbage collection, through the DevTools protocol. */
async function jsHeapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  } finally {
    await cdp.detach();
  }
}

export interface LongTaskSummary {
  count: number;
  /** Sum of (duration - 50 ms), as Lighthouse's total blocking time. */
  blockingMs: number;
  longestMs: number;
}

/**
 * Scrolls a column (its own scroll box) by `stepPx` a frame until the card at `cards` (0-based
 * index, so `cards` + 1 cards went by) is drawn, waiting at the end of the loaded cards for the
 * next page. Returns the long tasks seen while scrolling (recorded when WATCH_LONG_TASKS was
 * installed, none otherwise).
 */
export async function scrollColumn(page: Page, status: string, cards: number, stepPx = 250): Promise<LongTaskSummary & { ms: number }> {
  const script = `(async () => {
    const column = document.querySelector(${JSON.stringify(`section[aria-label=${JSON.stringify(status)}]`)});
    const scroller = column.querySelector('[role=feed]').parentElement;
    const lastDrawn = () => Math.max(-1, ...Array.from(scroller.querySelectorAll('article[data-index]'), (a) => Number(a.dataset.index)));
    const start = performance.now();
    while (lastDrawn() < ${cards}) {
      scroller.scrollTop += ${stepPx};
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (performance.now() - start > 120000) throw new Error('scrolling took over 2 minutes, last card drawn ' + lastDrawn());
    }
    const end = performance.now();
    // Let a long task that began at the end finish and be reported.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const tasks = (window.__longTasks || []).filter((t) => t.start >= start && t.start <= end);
    return {
      ms: end - start,
      count: tasks.length,
      blockingMs: tasks.reduce((s, t) => s + t.duration - 50, 0),
      longestMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    };
  })()`;
  return page.evaluate<LongTaskSummary & { ms: number }>(script);
}

/** Runs `run` with Chromium tracing on, and reads the page's main-thread work from the trace. */
async function traced<T>(browser: Browser, page: Page, run: () => Promise<T>): Promise<{ result: T; work: MainThreadWork }> {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
  let result: T;
  try {
    result = await run();
  } catch (error) {
    await browser.stopTracing();
    throw error;
  }
  const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as Parameters<typeof mainThreadWork>[0];
  return { result, work: mainThreadWork(trace) };
}

export interface BoardLoad {
  firstCardMs: number;
  domElements: number;
  heapBytes: number;
  heapAfterScrollBytes: number;
  scroll: LongTaskSummary & { ms: number };
  /** The page's main-thread work while scrolling, from a trace: CPU time, not inflated by a busy machine. */
  scrollWork: MainThreadWork;
  /** Commits, components rendered again and mounted while scrolling (see render-counts.ts). */
  scrollRenders: RenderCounts;
}

/** One cold visit to /board: first card, DOM size, heap; then a column scrolled through `scrollCards` cards. */
export async function measureBoardLoad(browser: Browser, appUrl: string, scrollCards = 500): Promise<BoardLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: WATCH_FIRST_CARD });
    await page.addInitScript({ content: WATCH_LONG_TASKS });
    await page.addInitScript({ content: COUNT_RENDERS });
    await page.goto(`${appUrl}/board`);
    await waitForBoard(page);
    const firstCardMs = await page.evaluate<number>('window.__firstCardAt');
    const domElements = await page.evaluate<number>("document.getElementsByTagName('*').length");
    const heapBytes = await jsHeapUsed(page);
    await page.evaluate('window.__countRenders = true');
    const { result: scroll, work: scrollWork } = await traced(browser, page, () => scrollColumn(page, 'Not Started', scrollCards));
    await page.evaluate('window.__countRenders = false');
    const scrollRenders = await page.evaluate<RenderCounts>('({ ...window.__renderCounts })');
    const heapAfterScrollBytes = await jsHeapUsed(page);
    return { firstCardMs, domElements, heapBytes, heapAfterScrollBytes, scroll, scrollWork, scrollRenders };
  } finally {
    await context.close();
  }
}

/**
 * Arms the timing of one drop: the time of the drop key (Space, seen first, in the capture phase)
 * and of the DOM mutation that shows the move in the In Progress column (its count goes up; the
 * card itself is drawn there too when it sorts into the loaded, drawn part of the column), then
 * the next frame.
 */
const armDropTiming = (cardHref: string) => `
  (() => {
    const target = document.querySelector('section[aria-label="In Progress"]');
    const count = () => target.querySelector('h2').textContent;
    const before = count();
    let dropAt = 0;
    window.addEventListener('keydown', (e) => { if (e.code === 'Space') dropAt = performance.now(); }, { capture: true, once: true });
    window.__move = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!dropAt) return;
        if (count() === before && !target.querySelector('article a[href=' + JSON.stringify(${JSON.stringify(cardHref)}) + ']')) return;
        observer.disconnect();
        const dom = performance.now() - dropAt;
        requestAnimationFrame(() => resolve({ dom, frame: performance.now() - dropAt }));
      });
      observer.observe(target, { childList: true, subtree: true, characterData: true });
    });
  })()
`;

export interface DropTimes {
  /** Drop key to the DOM mutation that shows the move in the new column. */
  domMs: number[];
  /** Drop key to the next animation frame after it (painted). */
  frameMs: number[];
}

/**
 * Keyboard moves (Space, ArrowRight, Space) of the first Not Started card to In Progress, with the
 * server answering late (set the latency before calling). Where the moved card sorts in its new
 * column depends on the seeded dates (which follow the day), so the move counts as shown when the
 * column shows it: its count, or the card.
 */
export async function measureDrops(browser: Browser, appUrl: string, moves: number): Promise<DropTimes> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const out: DropTimes = { domMs: [], frameMs: [] };
  try {
    const page = await context.newPage();
    await page.goto(`${appUrl}/board?sort=modified`);
    await waitForBoard(page);
    const source = page.getByRole('region', { name: 'Not Started', exact: true });
    const liveRegion = page.locator('[id^="DndLiveRegion"]');
    for (let i = 0; i < moves; i++) {
      const card = source.getByRole('article').first();
      const href = (await card.getByRole('link').getAttribute('href'))!;
      const name = (await card.getAttribute('aria-label'))!;
      await card.getByRole('button', { name: `Move ${name}`, exact: true }).focus();
      await page.keyboard.press('Space');
      // The keyboard sensor listens for arrows from the next task on.
      await liveRegion.getByText(`Picked up task ${name}.`, { exact: true }).waitFor({ state: 'attached' });
      await page.evaluate('new Promise((resolve) => setTimeout(resolve, 0))');
      await page.keyboard.press('ArrowRight');
      await liveRegion.getByText('Over In Progress.', { exact: true }).waitFor({ state: 'attached', timeout: 10_000 });
      await page.evaluate(armDropTiming(href));
      await page.keyboard.press('Space');
      const timing = await page.evaluate<{ dom: number; frame: number }>('window.__move');
      out.domMs.push(timing.dom);
      out.frameMs.push(timing.frame);
      // Focus follows the moved card into In Progress (its handle, or the column when the card is
      // not drawn there, 400 ms later): the next card is picked up once it has, or focus would
      // leave the next card's handle between its focus and its Space.
      await page.locator('section[aria-label="In Progress"]:focus-within').waitFor({ state: 'attached' });
    }
    // Let the moves reach the server before closing.
    await page
      .getByRole('region', { name: 'Notifications' })
      .getByText(/^Moved /)
      .first()
      .waitFor({ timeout: 60_000 });
    return out;
  } finally {
    await context.close();
  }
}
