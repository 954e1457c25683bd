/**
 * Hostile input: names and descriptions with script, HTML and very long text are shown as text on
 * every page that shows them; search values that look like SQL or expressions are just values;
 * the API refuses prototype-polluting JSON, also through the app's proxy.
 */
import type { Page } from '@playwright/test';
import { test, expect, sandboxApi } from './fixtures.ts';

const SCRIPT = '<script>window.__xss = "script"</script>';
const IMG = '<img src=x onerror="window.__xss = \'img\'">';
const LONG_WORD = 'Supercalifragilistic'.repeat(15); // 300 characters with no space to wrap at

async function expectInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(await page.locator('main img[src="x"], main script, main b').count()).toBe(0);
  // Long unbroken text wraps instead of pushing the page sideways.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

test('script, HTML and very long text render as text on the board, search, task page and toasts', async ({ page }) => {
  const prefix = `hx${Date.now().toString(36)}`;
  const name = `${prefix} <b>bold</b> ${IMG} ${SCRIPT}`;
  const description = `${SCRIPT}\n${IMG}\n${LONG_WORD}`;
  const seed = (await sandboxApi.call<{ records: { CTAId: string }[] }>('POST', '/v1/tasks/search', { select: ['CTAId'], limit: 1 })).data
    .records[0]!;
  const task = (
    await sandboxApi.call<{ Gsid: string; Name: string }>('POST', '/v1/tasks', { Name: name, CTAId: seed.CTAId, Description: description })
  ).data;
  const long = (
    await sandboxApi.call<{ Gsid: string; Name: string }>('POST', '/v1/tasks', { Name: `${prefix} ${LONG_WORD}`, CTAId: seed.CTAId })
  ).data;
  expect(task.Name).toBe(name);

  // Board: the card's name is the characters, and a move's toast shows them too.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`/board?q=${encodeURIComponent(prefix)}`);
  const card = page.getByRole('region', { name: 'Not Started', exact: true }).getByRole('article', { name, exact: true });
  await expect(card).toBeVisible();
  await expect(card.getByText(name, { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Not Started', exact: true }).getByRole('article', { name: long.Name })).toBeVisible();
  await expectInert(page);
  await card.getByRole('button', { name: 'Move to', exact: true }).click();
  await page.getByRole('menuitem', { name: 'In Progress', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Notifications' }).getByText(`Moved "${name}" to In Progress.`)).toBeVisible();
  await expectInert(page);

  // Search results.
  await page.goto('/search');
  await page.getByRole('button', { name: 'Add condition' }).click();
  const a = page.getByRole('group', { name: 'Condition A', exact: true });
  await a.getByLabel('Field', { exact: true }).selectOption('Name');
  await a.getByLabel('Operator', { exact: true }).selectOption('CONTAINS');
  await a.getByLabel('Value', { exact: true }).fill(prefix);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  const results = page.getByRole('table', { name: /^Search results/ });
  await expect(results.getByRole('link', { name, exact: true })).toBeVisible();
  await expectInert(page);

  // The task page, with the description as written (lines kept, nothing run).
  await page.goto(`/tasks/${task.Gsid}`);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(LONG_WORD)).toBeVisible();
  await expect(page.getByText(SCRIPT).first()).toBeVisible();
  await expectInert(page);
});

test('playbook pages show hostile playbook text as text', async ({ page }) => {
  const list = (await sandboxApi.call<{ Gsid: string; Name: string }[]>('GET', '/v1/playbooks')).data;
  const hostileName = `<b>Renewal</b> ${IMG}`;
  const hostileDescription = `${SCRIPT} ${LONG_WORD}`;
  // The API decides what playbooks say; make it say something hostile.
  await page.route('**/v1/playbooks**', async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { data: unknown };
    const poison = (p: { Gsid: string; Name: string; Description?: string; TaskTemplates?: { name: string; description?: string }[] }) =>
      p.Gsid === list[0]!.Gsid
        ? {
            ...p,
            Name: hostileName,
            Description: hostileDescription,
            TaskTemplates: p.TaskTemplates?.map((t) => ({ ...t, name: `${t.name} ${SCRIPT}` })),
          }
        : p;
    const data = Array.isArray(body.data) ? body.data.map(poison) : poison(body.data as never);
    await route.fulfill({ response, json: { ...body, data } });
  });
  await page.goto('/playbooks');
  await expect(page.getByRole('link', { name: hostileName, exact: true })).toBeVisible();
  await expectInert(page);
  await page.getByRole('link', { name: hostileName, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: hostileName })).toBeVisible();
  await expect(page.getByText(hostileDescription)).toBeVisible();
  await expectInert(page);
});

test('search values that look like SQL or expressions are only values', async ({ page }) => {
  await page.goto('/search');
  await page.getByRole('button', { name: 'Add condition' }).click();
  const a = page.getByRole('group', { name: 'Condition A', exact: true });
  await a.getByLabel('Field', { exact: true }).selectOption('Name');
  await a.getByLabel('Operator', { exact: true }).selectOption('CONTAINS');
  for (const value of ["'; DROP TABLE tasks; --", 'A OR B', '") OR ("1"="1', '%_%']) {
    await a.getByLabel('Value', { exact: true }).fill(value);
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await expect(page.getByText(/No task matches|No tasks match/i)).toBeVisible();
  }
  // The tasks are all still there.
  const all = await sandboxApi.call<{ totalCount: number }>('POST', '/v1/tasks/search', { limit: 0 });
  expect(all.data.totalCount).toBeGreaterThan(500);
});

test('the API refuses JSON with __proto__ keys, also through the proxy', async ({ page }) => {
  await page.goto('/board');
  const status = await page.evaluate(async () => {
    const res = await fetch('/v1/tasks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"Name":"x","CTAId":"y","__proto__":{"isAdmin":true}}',
    });
    return { status: res.status, body: (await res.json()) as { errorDesc: string } };
  });
  expect(status.status).toBe(400);
  expect(status.body.errorDesc).toContain('__proto__');
});
