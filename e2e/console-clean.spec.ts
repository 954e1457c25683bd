/**
 * A page load logs nothing wrong in the browser: no console error, no failed same-origin request
 * and no same-origin answer of 400 or more (Chrome logs a 404 or a 503 as a console error, which
 * Lighthouse counts against "best practices"). The e2e app is the team server with sign-in off and
 * no mirror, as `npm run serve` with GAINSIGHT_MIRROR=off: its `/auth/session` says so, and the
 * app then asks neither `/auth/me` (404) nor `/api/views` (503).
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { E2E } from './env.ts';

function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  const sameOrigin = (url: string) => new URL(url).origin === E2E.appUrl;
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    if (sameOrigin(request.url())) problems.push(`failed: ${request.method()} ${request.url()} (${request.failure()?.errorText})`);
  });
  page.on('response', (response) => {
    if (sameOrigin(response.url()) && response.status() >= 400)
      problems.push(`${response.status()}: ${response.request().method()} ${response.url()}`);
  });
  return problems;
}

/** The header's account has asked the server about the session: what comes after the first page has run. */
const sessionAsked = (page: Page) => page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/session');

test('loading /board logs no console error and no failed request', async ({ page }) => {
  const problems = watchProblems(page);
  const session = sessionAsked(page);
  await page.goto('/board');
  await expect(page.getByRole('region', { name: 'Not Started', exact: true }).getByRole('article').first()).toBeVisible();
  expect((await session).status()).toBe(200);
  await expect(page.getByRole('combobox', { name: 'Theme' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('loading /search logs no console error and no failed request, and says the server keeps no team views', async ({ page }) => {
  const problems = watchProblems(page);
  const session = sessionAsked(page);
  const views: string[] = [];
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/views')) views.push(request.url());
  });
  await page.goto('/search');
  await expect(
    page
      .getByRole('table', { name: /^Search results/ })
      .getByRole('row')
      .nth(1),
  ).toBeVisible();
  expect((await session).status()).toBe(200);
  await expect(
    page.getByText('This server does not keep team views: they are kept by its mirror, which is off (GAINSIGHT_MIRROR=off).'),
  ).toBeVisible();
  expect(views).toEqual([]);
  expect(problems).toEqual([]);
});
