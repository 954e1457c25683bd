/**
 * The team server's mirror and live updates, end to end: a team server with the mirror on,
 * polling every E2E.mirrorPollSeconds, over a sandbox of its own reached through a forwarder the
 * tests can switch off (e2e/serve.ts). Several browser contexts play several CSMs.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { E2E } from './env.ts';
import { expect, expectNoAxeViolations, test } from './fixtures.ts';
import type { Envelope } from '../test-support/api-envelope.ts';
import { card, column, isoDay, toast, uniquePrefix, type ApiTask, type Status } from './board-helpers.ts';

test.use({ baseURL: E2E.mirrorAppUrl });

const POLL_MS = E2E.mirrorPollSeconds * 1000;

/** Talks to the mirror's sandbox directly: "outside" the app, as someone in Gainsight would. */
async function outside<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${E2E.mirrorSandboxOrigin}/v1${path}`, {
    method,
    headers: { accessKey: E2E.accessKey, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Envelope<T>;
  expect(res.status, json.errorDesc ?? '').toBe(200);
  return json.data;
}

async function createOutside(name: string, status: Status = 'Not Started'): Promise<ApiTask> {
  const [template] = (
    await outside<{ records: ApiTask[] }>('POST', '/tasks/search', {
      where: { conditions: [{ name: 'OwnerId', operator: 'IS_NOT_NULL', value: [] }] },
      limit: 1,
    })
  ).records;
  return outside<ApiTask>('POST', '/tasks', {
    Name: name,
    CTAId: template!.CTAId,
    OwnerId: template!.OwnerId,
    Status: status,
    Priority: 'Medium',
    DueDate: isoDay(7),
  });
}

async function updateOutside(task: ApiTask, changes: Partial<ApiTask>): Promise<ApiTask> {
  const current = await outside<ApiTask>('GET', `/tasks/${task.Gsid}`);
  const { Name, Description, CTAId, OwnerId, Status, Priority, DueDate } = { ...current, ...changes };
  return outside<ApiTask>('PUT', `/tasks/${task.Gsid}`, { Name, Description, CTAId, OwnerId, Status, Priority, DueDate });
}

async function switchUpstream(on: boolean) {
  const res = await fetch(`${E2E.mirrorControlOrigin}/upstream/${on ? 'on' : 'off'}`, { method: 'PUT' });
  expect(res.status).toBe(204);
}

const liveStatus = (page: Page) => page.getByRole('status', { name: 'Live updates' });
/** The indicator when the stream is up and the mirror synced: "Live · 14:05". */
const LIVE = /Live · \d{1,2}:\d{2}/;

async function openBoard(browser: Browser, prefix: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: E2E.mirrorAppUrl });
  const page = await context.newPage();
  await page.goto(`/board?q=${prefix}`);
  await expect(liveStatus(page)).toContainText(LIVE);
  return { context, page };
}

async function moveWithMenu(page: Page, from: Status, name: string, to: Status) {
  await card(page, from, name).getByRole('button', { name: 'Move to', exact: true }).click();
  await page
    .getByRole('menu', { name: `Move ${name} to` })
    .getByRole('menuitem', { name: to })
    .click();
}

test.beforeAll(async () => {
  // Every test starts with the tenant reachable, and the mirror synced.
  await switchUpstream(true);
  await expect.poll(async () => (await fetch(`${E2E.mirrorAppUrl}/readyz`)).status, { timeout: 60_000 }).toBe(200);
});

test.afterEach(async () => {
  await switchUpstream(true);
});

test('a change made straight in Gainsight appears on an open board within the poll interval, without a reload', async ({ page, axe }) => {
  const p = uniquePrefix();
  await page.goto(`/board?q=${p}`);
  await expect(liveStatus(page)).toContainText(LIVE);
  await expect(column(page, 'Not Started').getByText('No tasks', { exact: true })).toBeVisible();

  const task = await createOutside(`${p} renewal call`);
  await expect(card(page, 'Not Started', task.Name)).toBeVisible({ timeout: POLL_MS + 2_000 });

  await updateOutside(task, { Status: 'Completed' });
  await expect(card(page, 'Completed', task.Name)).toBeVisible({ timeout: POLL_MS + 2_000 });
  await expect(card(page, 'Not Started', task.Name)).toHaveCount(0);
  await axe('board with live updates');
});

test("a teammate's move appears on every open board at once, and each page reads its own write", async ({ browser }) => {
  const p = uniquePrefix();
  const ana = await openBoard(browser, p);
  const ben = await openBoard(browser, p);
  // Made once both boards are live: a change made between a page's first read and its stream
  // opening shows only at the next refetch (src/app/live/live-updates.ts), not what this tests.
  try {
    const task = await createOutside(`${p} onboarding kickoff`);
    await expect(card(ana.page, 'Not Started', task.Name)).toBeVisible({ timeout: POLL_MS + 2_000 });
    await expect(card(ben.page, 'Not Started', task.Name)).toBeVisible({ timeout: POLL_MS + 2_000 });

    await moveWithMenu(ana.page, 'Not Started', task.Name, 'In Progress');
    await expect(toast(ana.page, `Moved "${task.Name}" to In Progress.`)).toBeVisible();
    // Ben did nothing: the write's event moves the card on his board, well within a poll interval.
    await expect(card(ben.page, 'In Progress', task.Name)).toBeVisible({ timeout: POLL_MS });
    await expect(card(ben.page, 'Not Started', task.Name)).toHaveCount(0);
    // The tenant has it too.
    expect((await outside<ApiTask>('GET', `/tasks/${task.Gsid}`)).Status).toBe('In Progress');
  } finally {
    await ana.context.close();
    await ben.context.close();
  }
});

test('Gainsight unreachable: the board keeps its data "as of" the last sync, a move fails and goes back, and all resumes', async ({
  page,
}) => {
  const p = uniquePrefix();
  const task = await createOutside(`${p} health check`);
  await page.goto(`/board?q=${p}`);
  await expect(card(page, 'Not Started', task.Name)).toBeVisible({ timeout: POLL_MS + 2_000 });

  await switchUpstream(false);
  await expect(liveStatus(page)).toContainText(/Data as of \d{1,2}:\d{2}/, { timeout: POLL_MS + 10_000 });
  // A reload still shows the board, from the mirror.
  await page.reload();
  await expect(card(page, 'Not Started', task.Name)).toBeVisible();
  await expect(page.getByText(/Data as of \d{1,2}:\d{2}/).first()).toBeVisible();

  await moveWithMenu(page, 'Not Started', task.Name, 'Completed');
  await expect(
    page
      .getByRole('region', { name: 'Notifications' })
      .getByText(/could not be reached|can't be reached|cannot be reached/i)
      .first(),
  ).toBeVisible({ timeout: 15_000 });
  await expect(card(page, 'Not Started', task.Name)).toBeVisible();
  await expect(card(page, 'Completed', task.Name)).toHaveCount(0);
  expect((await outside<ApiTask>('GET', `/tasks/${task.Gsid}`)).Status).toBe('Not Started');
  await expectNoAxeViolations(page, 'board with stale data');

  await switchUpstream(true);
  await expect(liveStatus(page)).toContainText(LIVE, { timeout: POLL_MS + 10_000 });
  await expect(liveStatus(page)).not.toContainText('Data as of');
  await moveWithMenu(page, 'Not Started', task.Name, 'Completed');
  await expect(card(page, 'Completed', task.Name)).toBeVisible();
  await expect.poll(async () => (await outside<ApiTask>('GET', `/tasks/${task.Gsid}`)).Status).toBe('Completed');
});

test("a task's Activity lists a teammate's move made in another browser", async ({ browser, page, axe }) => {
  const p = uniquePrefix();
  const task = await createOutside(`${p} adoption review`);
  const ana = await openBoard(browser, p);
  try {
    await expect(card(ana.page, 'Not Started', task.Name)).toBeVisible({ timeout: POLL_MS + 2_000 });
    await moveWithMenu(ana.page, 'Not Started', task.Name, 'Skipped');
    await expect(toast(ana.page, `Moved "${task.Name}" to Skipped.`)).toBeVisible();
  } finally {
    await ana.context.close();
  }
  await page.goto(`/tasks/${task.Gsid}`);
  const activity = page.getByRole('region', { name: 'Activity' });
  const entries = activity.getByRole('list', { name: 'Activity' }).getByRole('listitem');
  await expect(entries.first()).toContainText('Moved to Skipped in Cockpit Board');
  await expect(entries.first()).toContainText('Status: Not Started → Skipped');
  await expect(activity).toContainText('Created outside Cockpit Board');
  await axe('task page with its activity');
});

test('a board view shared with the team in one browser opens in another', async ({ browser, page }) => {
  const p = uniquePrefix();
  const viewName = `${p} renewals board`;
  await page.goto(`/board?q=${p}&sort=priority`);
  await page.getByRole('button', { name: 'Share these filters with the team' }).click();
  const form = page.getByRole('form', { name: 'Save for the team' });
  await form.getByRole('textbox', { name: 'Name for the team' }).fill(viewName);
  await form.getByRole('button', { name: 'Save for the team' }).click();
  await expect(page.getByText(`Shared “${viewName}” with the team.`)).toBeVisible();

  const other = await browser.newContext({ baseURL: E2E.mirrorAppUrl });
  try {
    const ben = await other.newPage();
    await ben.goto('/board');
    await ben.getByRole('button', { name: 'Team views', exact: true }).click();
    const dialog = ben.getByRole('dialog', { name: 'Team board views' });
    await dialog.getByRole('link', { name: viewName }).click();
    await expect(ben).toHaveURL(new RegExp(`[?&]q=${p}(&|$)`));
    await expect(ben).toHaveURL(/sort=priority/);
    await expectNoAxeViolations(ben, 'board opened from a team view');
  } finally {
    await other.close();
  }
});
