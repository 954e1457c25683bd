/**
 * Request economy: Gainsight allows 100 requests a minute per tenant, shared by every user and
 * integration. Data still fresh (30 s) is never asked for again, and a hidden tab asks for nothing.
 */
import type { Page, Request } from '@playwright/test';
import { setTabHidden } from '../bench/lib/session.ts';
import { test, expect } from './fixtures.ts';
import { column, type Status } from './board-helpers.ts';

const STATUSES: Status[] = ['Not Started', 'In Progress', 'Completed', 'Skipped'];

/** Counts the page's API requests by method, URL and body, and tracks those in flight. */
function watchApi(page: Page) {
  const sent = new Map<string, number>();
  const inFlight = new Set<Request>();
  let lastActivity = Date.now();
  const isApi = (req: Request) => new URL(req.url()).pathname.startsWith('/v1/');
  page.on('request', (req) => {
    if (!isApi(req)) return;
    const url = new URL(req.url());
    const key = `${req.method()} ${url.pathname}${url.search} ${req.postData() ?? ''}`;
    sent.set(key, (sent.get(key) ?? 0) + 1);
    inFlight.add(req);
    lastActivity = Date.now();
  });
  const done = (req: Request) => {
    if (inFlight.delete(req)) lastActivity = Date.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    sent,
    total: () => [...sent.values()].reduce((a, b) => a + b, 0),
    /** Waits until no API request is in flight and none started for half a second. */
    settled: () => expect.poll(() => inFlight.size === 0 && Date.now() - lastActivity > 500, { timeout: 15_000 }).toBe(true),
  };
}

async function boardShown(page: Page) {
  for (const status of STATUSES) await expect(column(page, status).getByRole('article').first()).toBeVisible();
}

const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

test('board -> task -> board -> search -> board asks for nothing twice while it is fresh', async ({ page }) => {
  const api = watchApi(page);
  await page.goto('/board');
  await boardShown(page);
  await api.settled();
  const firstBoard = new Set(api.sent.keys());
  // The board's columns (one search each) and the pickers' suggestions were asked for.
  expect([...firstBoard].filter((k) => k.startsWith('POST /v1/tasks/search ')).length).toBeGreaterThanOrEqual(STATUSES.length + 1);

  // A task (hovering its card warms it; the page then reads it from the cache).
  const card = column(page, 'Not Started').getByRole('article').first();
  const name = (await card.getAttribute('aria-label'))!;
  await card.hover();
  await card.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await api.settled();

  // Back on the board: everything it shows is fresh, so nothing at all is asked for.
  let before = api.total();
  await nav(page, 'Board').click();
  await boardShown(page);
  await api.settled();
  expect(api.total() - before, 'requests on going back to the board').toBe(0);

  await nav(page, 'Search').click();
  await expect(page.getByRole('table', { name: /^Search results/ })).toBeVisible();
  await api.settled();

  before = api.total();
  await nav(page, 'Board').click();
  await boardShown(page);
  await api.settled();
  expect(api.total() - before, 'requests on going back to the board again').toBe(0);

  const repeated = [...api.sent].filter(([, n]) => n > 1).map(([key, n]) => `${n}x ${key.slice(0, 200)}`);
  expect(repeated, 'requests sent more than once').toEqual([]);
});

test('a hidden tab asks for nothing, however long; stale data is refreshed when it shows again', async ({ page }) => {
  // The page's clock runs normally until it is moved forward below.
  await page.clock.install();
  const api = watchApi(page);
  await page.goto('/board');
  await boardShown(page);
  await api.settled();

  const before = api.total();
  await setTabHidden(page, true);
  // Ten minutes with the tab hidden: every query is stale and every timer has fired.
  await page.clock.fastForward('10:00');
  await api.settled();
  expect(api.total() - before, 'requests while hidden').toBe(0);

  // Shown again, the board refreshes its columns (stale for minutes): so the page did see the tab hidden and shown.
  await setTabHidden(page, false);
  await expect.poll(() => api.total() - before).toBeGreaterThanOrEqual(STATUSES.length);
  await boardShown(page);
});
