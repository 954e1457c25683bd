import type { Page } from '@playwright/test';
import { test, expect, sandboxApi } from './fixtures.ts';
import { card, createTask, uniquePrefix, type ApiTask } from './board-helpers.ts';

test('offline: a banner says so, nothing typed is lost, and work resumes when the network is back', async ({ page, context, axe }) => {
  const seed = (await sandboxApi.call<{ records: ApiTask[] }>('POST', '/v1/tasks/search', { select: ['CTAId'], limit: 1 })).data
    .records[0]!;
  const created = await sandboxApi.call<ApiTask>('POST', '/v1/tasks', {
    Name: `Offline edit ${Date.now().toString(36)}`,
    CTAId: seed.CTAId,
    Description: 'Before',
  });
  const task = created.data;

  await page.goto(`/tasks/${task.Gsid}`);
  await expect(page.getByRole('heading', { level: 1, name: task.Name })).toBeVisible();
  await page.getByRole('button', { name: 'Edit task' }).click();
  const form = page.getByRole('form', { name: 'Edit task' });

  await context.setOffline(true);
  const banner = page.getByRole('alert').filter({ hasText: 'You are offline' });
  await expect(banner).toBeVisible();
  await axe('offline banner');

  await form.getByLabel('Description').fill('Written while offline');
  await form.getByRole('button', { name: 'Save changes' }).click();
  // The save cannot go through; the form keeps what was typed and says why.
  await expect(page.getByText('Your changes were not saved')).toBeVisible();
  await expect(form.getByLabel('Description')).toHaveValue('Written while offline');
  expect((await sandboxApi.call<ApiTask>('GET', `/v1/tasks/${task.Gsid}`)).data.Description).toBe('Before');

  await context.setOffline(false);
  await expect(banner).toBeHidden();
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect
    .poll(async () => (await sandboxApi.call<ApiTask>('GET', `/v1/tasks/${task.Gsid}`)).data.Description)
    .toBe('Written while offline');

  // The board loads again after a dropped connection, without a reload.
  await context.setOffline(true);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click();
  await expect(banner).toBeVisible();
  await context.setOffline(false);
  await expect(banner).toBeHidden();
  await expect(page.getByRole('region', { name: 'Not Started' }).getByRole('article').first()).toBeVisible();
});

/** Moves the page's clock on until `check` passes (retries and the banner's checks run on timers). */
async function fastForwardUntil(page: Page, check: () => Promise<void>) {
  await expect(async () => {
    await page.clock.fastForward(2_500);
    await check();
  }).toPass({ timeout: 30_000 });
}

test('the banner clears by itself once the API answers again, and what failed meanwhile loads', async ({ page, axe }) => {
  await page.clock.install();
  await page.goto('/board');
  await expect(page.getByRole('region', { name: 'Not Started' }).getByRole('article').first()).toBeVisible();

  // The API goes away (the browser stays online): the search page cannot load its results.
  await page.route('**/v1/**', (route) => route.abort('connectionrefused'));
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
  const banner = page.getByRole('alert').filter({ hasText: 'Cannot reach the server' });
  await fastForwardUntil(page, () => expect(banner).toBeVisible({ timeout: 500 }));
  await expect(banner).toContainText('it is checked again every few seconds');
  await axe('banner while the API cannot be reached');

  // Back: without any click, the banner goes and the results load.
  await page.unroute('**/v1/**');
  await fastForwardUntil(page, () => expect(banner).toBeHidden({ timeout: 500 }));
  await expect(page.getByRole('table', { name: /^Search results/ })).toBeVisible();
});

test('back online while the API is still down, the banner says so, then clears when it answers', async ({ page, context }) => {
  await page.clock.install();
  await page.goto('/board');
  await expect(page.getByRole('region', { name: 'Not Started' }).getByRole('article').first()).toBeVisible();

  await context.setOffline(true);
  const offline = page.getByRole('alert').filter({ hasText: 'You are offline' });
  await expect(offline).toBeVisible();
  await page.route('**/v1/**', (route) => route.abort('connectionrefused'));
  await context.setOffline(false);
  // The browser's online event checks the API at once: it does not answer.
  const unreachable = page.getByRole('alert').filter({ hasText: 'Cannot reach the server' });
  await expect(unreachable).toBeVisible();
  await expect(offline).toBeHidden();

  await page.unroute('**/v1/**');
  await fastForwardUntil(page, () => expect(unreachable).toBeHidden({ timeout: 500 }));
});

test('offline before a part of the page has loaded: the page stays, and the part comes once the network is back', async ({
  page,
  context,
}) => {
  const p = uniquePrefix();
  const name = `${p} offline select`;
  await createTask({ Name: name });
  await page.goto(`/board?q=${p}`);
  const taskCard = card(page, 'Not Started', name);
  await expect(taskCard).toBeVisible();

  // The selection bar's code has not loaded yet (it loads with the first selection).
  await context.setOffline(true);
  await expect(page.getByRole('alert').filter({ hasText: 'You are offline' })).toBeVisible();
  await taskCard.getByRole('checkbox', { name: `Select ${name}` }).check();
  // The board is still there (not the page's error view), the selection kept.
  await expect(taskCard.getByRole('checkbox', { name: `Select ${name}` })).toBeChecked();
  await expect(page.getByRole('heading', { name: 'This page ran into a problem' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Not Started', exact: true })).toBeVisible();

  await context.setOffline(false);
  await expect(page.getByRole('region', { name: 'Selection' }).getByText('1 task selected')).toBeVisible();
});
