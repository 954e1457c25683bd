/**
 * Sign-in for team deployments (server/auth/README.md), in the browser: the team server with
 * sign-in on (E2E.signInAppUrl) and a real OpenID provider (oidc-provider, started by the
 * harness), whose own login page the tests sign in through. The server's audit log goes to
 * E2E.signInAuditLog. Each test starts in a fresh browser context: no session, here or at the
 * provider.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { card, column, createTask, toast, uniquePrefix } from './board-helpers.ts';
import { E2E } from './env.ts';
import { expect, sandboxApi, test } from './fixtures.ts';
import { signInThroughProvider } from './oidc-helpers.ts';

const app = E2E.signInAppUrl;

/** The provider's login page: another origin, with its login form. */
async function expectProviderLogin(page: Page) {
  await expect(page.locator('input[name="login"]')).toBeVisible();
  expect(new URL(page.url()).origin).not.toBe(app);
}

const header = (page: Page) => page.getByRole('banner');

interface AuditLine {
  user: string;
  sub: string | null;
  method: string;
  path: string;
  taskId: string | null;
  fields: string[];
  status: number;
  errorCode: string | null;
}

const auditLines = (): AuditLine[] =>
  readFileSync(E2E.signInAuditLog, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as AuditLine);

test('without a session the board goes to the provider; signing in there lands on the page asked for, with the user and Sign out', async ({
  page,
  axe,
}) => {
  const p = uniquePrefix();
  const name = `${p} Sign-in task`;
  await createTask({ Name: name });

  await page.goto(`${app}/board?q=${p}`);
  await expectProviderLogin(page);
  await signInThroughProvider(page, { appUrl: app, login: 'ana', fromCurrentPage: true });

  await expect(page).toHaveURL(`${app}/board?q=${p}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await expect(card(page, 'Not Started', name)).toBeVisible();
  await expect(header(page).getByText('Ana Souza')).toBeVisible();
  await expect(header(page).getByRole('button', { name: 'Sign out' })).toBeVisible();
  await axe('signed-in /board');
});

test('the API answers 401 without a session, and a cross-origin write is refused even with one', async ({ page, playwright }) => {
  const anonymous = await playwright.request.newContext();
  const res = await anonymous.get(`${app}/v1/playbooks`);
  expect(res.status()).toBe(401);
  expect(await res.json()).toMatchObject({ result: false, errorCode: 'AUTH_401', data: null });
  await anonymous.dispose();

  await signInThroughProvider(page, { appUrl: app, login: 'ana' });
  await expect(header(page).getByRole('button', { name: 'Sign out' })).toBeVisible();

  // A form on another origin of the same site (the sandbox's), posting to the board with the
  // user's cookie: the session is sent (SameSite=Lax), the Origin is not the board's.
  const name = `${uniquePrefix()} forged`;
  await page.goto(`${E2E.sandboxOrigin}/`);
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.url() === `${app}/v1/tasks`),
    page.evaluate(
      ({ action, body }) => {
        const form = document.createElement('form');
        form.method = 'POST';
        form.action = action;
        form.enctype = 'text/plain';
        const input = document.createElement('input');
        input.name = body;
        input.value = '';
        form.append(input);
        document.body.append(form);
        form.submit();
      },
      { action: `${app}/v1/tasks`, body: JSON.stringify({ Name: name, Status: 'Not Started' }) },
    ),
  ]);
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ result: false, errorCode: 'AUTH_403' });
  const found = await sandboxApi.call<{ records: unknown[] }>('POST', '/v1/tasks/search', {
    where: { conditions: [{ name: 'Name', operator: 'EQ', value: [name] }] },
    limit: 1,
  });
  expect(found.data.records).toEqual([]);
});

test('returnTo=https://evil lands on the board, not on another site', async ({ page }) => {
  await page.goto(`${app}/auth/login?returnTo=${encodeURIComponent('https://evil.example/steal')}`);
  await expectProviderLogin(page);
  await signInThroughProvider(page, { appUrl: app, login: 'ana', fromCurrentPage: true });
  await expect(page).toHaveURL(`${app}/board`);
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
});

test('a move made in the browser gives one audit line: the user, the task, the field changed, the result', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Audited move`;
  const task = await createTask({ Name: name });
  await signInThroughProvider(page, { appUrl: app, login: 'ana', returnTo: `/board?q=${p}` });

  await card(page, 'Not Started', name).getByRole('button', { name: 'Move to', exact: true }).click();
  await page
    .getByRole('menu', { name: `Move ${name} to` })
    .getByRole('menuitem', { name: 'In Progress' })
    .click();
  await expect(toast(page, `Moved "${name}" to In Progress.`)).toBeVisible();
  await expect(column(page, 'In Progress').getByRole('article', { name, exact: true })).toBeVisible();

  await expect
    .poll(() => auditLines().filter((l) => l.taskId === task.Gsid))
    .toEqual([
      expect.objectContaining({
        user: 'ana@acme.example',
        sub: 'ana',
        method: 'PUT',
        path: `/v1/tasks/${task.Gsid}`,
        taskId: task.Gsid,
        fields: ['Status'],
        status: 200,
        errorCode: null,
      }),
    ]);
  // Field names only: the task's text never goes into the audit log.
  expect(readFileSync(E2E.signInAuditLog, 'utf8')).not.toContain(name);
});

test('after signing out the board asks to sign in again; the API needs a session again', async ({ page, axe }) => {
  await signInThroughProvider(page, { appUrl: app, login: 'ana', returnTo: '/board' });
  await header(page).getByRole('button', { name: 'Sign out' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'You are signed out' })).toBeVisible();
  await expect(page).toHaveURL(`${app}/board`);
  await expect(header(page).getByRole('button', { name: 'Sign out' })).toBeHidden();
  await axe('signed out');
  const api = await page.request.get(`${app}/v1/playbooks`);
  expect(api.status()).toBe(401);

  // The provider still has its own session (OIDC_LOGOUT=local): signing in again is one click.
  await page.getByRole('link', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(`${app}/board`);
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await expect(header(page).getByText('Ana Souza')).toBeVisible();
});
