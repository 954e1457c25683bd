/**
 * Request economy: a scripted CSM session and a hidden-tab check, counting the requests the app
 * makes to the API (`/v1/`). Gainsight allows 100 requests a minute per tenant, shared by every
 * user and integration.
 */
import type { Browser, Page } from '@playwright/test';
import { VIEWPORT, scrollColumn, waitForBoard, WATCH_LONG_TASKS } from './board.ts';

interface ApiRequest {
  at: number;
  method: string;
  path: string;
  /** The body (a search's request), cut at 400 characters. */
  body?: string;
}

/** Records every request to `/v1/` the page makes (from the browser, before any cache). */
function recordApiRequests(page: Page): ApiRequest[] {
  const seen: ApiRequest[] = [];
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (url.pathname.startsWith('/v1/'))
      seen.push({ at: Date.now(), method: req.method(), path: url.pathname, body: req.postData()?.slice(0, 400) });
  });
  return seen;
}

const pause = (page: Page, ms: number) => page.waitForTimeout(ms);

async function nav(page: Page, name: 'Board' | 'Search' | 'Playbooks') {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** One round of what a CSM does; `round` varies which card, task and playbook. */
async function csmRound(page: Page, round: number, think: number) {
  // The board: look through a column.
  await nav(page, 'Board');
  await waitForBoard(page);
  await pause(page, think);
  await scrollColumn(page, round % 2 ? 'In Progress' : 'Not Started', 20 + (round % 3) * 10, 120);
  await pause(page, think);

  // Open a task (hovering first, as a mouse does), read it, come back.
  const column = page.getByRole('region', { name: 'Not Started', exact: true });
  const card = column.getByRole('article').nth(round % 3);
  await card.hover();
  await card.getByRole('link').click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await pause(page, 2 * think);
  await page.goBack();
  await waitForBoard(page);
  await pause(page, think);

  // Move a card with the "Move to" menu.
  const moving = page.getByRole('region', { name: 'Not Started', exact: true }).getByRole('article').first();
  const name = (await moving.getAttribute('aria-label'))!;
  await moving.getByRole('button', { name: 'Move to', exact: true }).click();
  await page
    .getByRole('menu', { name: `Move ${name} to` })
    .getByRole('menuitem', { name: 'In Progress' })
    .click();
  await page
    .getByRole('region', { name: 'Notifications' })
    .getByText(/^Moved /)
    .first()
    .waitFor({ timeout: 30_000 });
  await pause(page, think);

  // Search: one condition, then the next page, then open a result.
  await nav(page, 'Search');
  await page.getByRole('table', { name: /^Search results/ }).waitFor();
  await pause(page, think);
  await page.getByRole('button', { name: 'Add condition' }).click();
  const a = page.getByRole('group', { name: 'Condition A', exact: true });
  await a.getByLabel('Field', { exact: true }).selectOption('Priority');
  await a.getByLabel('Operator', { exact: true }).selectOption('EQ');
  // Priority is a list of the values seen in tasks (issue 15), no longer a text box.
  await a.getByLabel('Value', { exact: true }).selectOption(['High', 'Medium', 'Low'][round % 3]!);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await page.getByRole('table', { name: /^Search results, 1–/ }).waitFor();
  await pause(page, think);
  await page.getByRole('button', { name: 'Next page' }).click();
  await page.getByRole('table', { name: /^Search results, 26–/ }).waitFor();
  await pause(page, think);
  await page
    .getByRole('table', { name: /^Search results/ })
    .getByRole('link')
    .nth(round % 5)
    .click();
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await pause(page, 2 * think);

  // Playbooks: the list, then one playbook.
  await nav(page, 'Playbooks');
  await page.getByRole('heading', { level: 1, name: 'Playbooks' }).waitFor();
  await pause(page, think);
  await page
    .getByRole('table')
    .getByRole('link')
    .nth(round % 4)
    .click();
  await page.waitForLoadState('networkidle');
  await pause(page, 2 * think);
}

export interface SessionResult {
  minutes: number;
  rounds: number;
  requests: number;
  perMinute: number;
  /** Requests in each whole minute of the session. */
  byMinute: number[];
  /** Requests by method and path, most first. */
  byPath: [string, number][];
  /** Every request, in order, with its time from the session's start. */
  log: { ms: number; method: string; path: string; body?: string }[];
}

/**
 * A CSM session of about `minutes` minutes: rounds of board, task, move, search, playbooks, with
 * `thinkMs` between actions (a brisk user). The session ends after the round that passes the time.
 */
export async function runCsmSession(browser: Browser, appUrl: string, minutes: number, thinkMs = 3000): Promise<SessionResult> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: WATCH_LONG_TASKS });
    const requests = recordApiRequests(page);
    const start = Date.now();
    await page.goto(`${appUrl}/board`);
    let rounds = 0;
    while (Date.now() - start < minutes * 60_000) {
      await csmRound(page, rounds, thinkMs);
      rounds++;
    }
    const elapsed = (Date.now() - start) / 60_000;
    const byMinute: number[] = [];
    for (const r of requests) {
      const m = Math.floor((r.at - start) / 60_000);
      byMinute[m] = (byMinute[m] ?? 0) + 1;
    }
    const byPath = new Map<string, number>();
    for (const r of requests) byPath.set(`${r.method} ${r.path}`, (byPath.get(`${r.method} ${r.path}`) ?? 0) + 1);
    return {
      minutes: elapsed,
      rounds,
      requests: requests.length,
      perMinute: requests.length / elapsed,
      byMinute: Array.from(byMinute, (n) => n ?? 0),
      byPath: [...byPath].sort((x, y) => y[1] - x[1]),
      log: requests.map((r) => ({ ms: r.at - start, method: r.method, path: r.path, body: r.body })),
    };
  } finally {
    await context.close();
  }
}

/**
 * Makes the page believe its tab is hidden (or visible again), as the browser does when the user
 * switches tabs: `document.visibilityState`/`hidden` change and `visibilitychange` fires, which is
 * what TanStack Query's focus manager listens to.
 */
export async function setTabHidden(page: Page, hidden: boolean) {
  await page.evaluate(`(() => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => ${JSON.stringify(hidden ? 'hidden' : 'visible')} });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => ${hidden} });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('visibilitychange'));
  })()`);
}

export interface HiddenResult {
  hiddenSeconds: number;
  /** Requests while hidden (goal: none). */
  whileHidden: number;
  /** Requests in the 5 s after the tab shows again (stale data refreshed). */
  onReturn: number;
}

/** The board open, the tab hidden for `seconds` (longer than the stale time), then shown again. */
export async function runHiddenCheck(browser: Browser, appUrl: string, seconds: number): Promise<HiddenResult> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    const requests = recordApiRequests(page);
    await page.goto(`${appUrl}/board`);
    await waitForBoard(page);
    await setTabHidden(page, true);
    const hiddenAt = Date.now();
    await pause(page, seconds * 1000);
    const whileHidden = requests.filter((r) => r.at >= hiddenAt).length;
    const shownAt = Date.now();
    await setTabHidden(page, false);
    await pause(page, 5000);
    return { hiddenSeconds: seconds, whileHidden, onReturn: requests.filter((r) => r.at >= shownAt).length };
  } finally {
    await context.close();
  }
}

/**
 * Moves the mouse down a column, over the cards in view, in small steps, as a hand does on its
 * way somewhere else, then rests on the last one; counts the requests that made (resting on a
 * card warms its task page).
 */
export async function runHoverSweep(browser: Browser, appUrl: string): Promise<{ cards: number; requests: number; msPerCard: number }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${appUrl}/board`);
    await waitForBoard(page);
    const column = page.getByRole('region', { name: 'In Progress', exact: true });
    const box = (await column.getByRole('feed').locator('xpath=..').boundingBox())!;
    const boxes = await page.evaluate<{ x: number; y: number; height: number; width: number }[]>(`
      Array.from(document.querySelectorAll('section[aria-label="In Progress"] article'), (e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      })`);
    const inView = boxes.filter((b) => b.y >= box.y && b.y + b.height <= box.y + box.height).sort((a, b) => a.y - b.y);
    const first = inView[0]!;
    const last = inView.at(-1)!;
    const x = first.x + first.width / 2;
    await page.mouse.move(x, first.y - 10);
    await page.waitForTimeout(500);
    const requests = recordApiRequests(page);
    // About 600 px a second: 20 px every 33 ms.
    const started = Date.now();
    const end = last.y + last.height / 2;
    for (let y = first.y; y <= end; y += 20) {
      await page.mouse.move(x, y);
      await page.waitForTimeout(33);
    }
    const msPerCard = (Date.now() - started) / inView.length;
    await page.waitForTimeout(1000);
    return { cards: inView.length, requests: requests.length, msPerCard };
  } finally {
    await context.close();
  }
}
