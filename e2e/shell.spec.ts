import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, sandboxApi } from './fixtures.ts';
import { E2E } from './env.ts';

interface Task {
  Gsid: string;
  Name: string;
}
interface Playbook {
  Gsid: string;
  Name: string;
}

async function someTaskAndPlaybook() {
  const tasks = await sandboxApi.call<{ records: Task[] }>('POST', '/v1/tasks/search', {
    select: ['Gsid', 'Name'],
    where: { conditions: [{ name: 'Name', operator: 'EQ', value: ['Kickoff call'] }] },
    limit: 1,
  });
  const playbooks = await sandboxApi.call<Playbook[]>('GET', '/v1/playbooks');
  return { task: tasks.data.records[0]!, playbook: playbooks.data[0]! };
}

test('/ goes to the board, and every route renders its heading with no axe violations', async ({ page, axe }) => {
  const { task, playbook } = await someTaskAndPlaybook();
  await page.goto('/');
  await expect(page).toHaveURL(/\/board$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await axe('/board');

  const routes: [string, string][] = [
    ['/search', 'Search'],
    ['/playbooks', 'Playbooks'],
    [`/playbooks/${playbook.Gsid}`, playbook.Name],
    [`/tasks/${task.Gsid}`, task.Name],
    ['/no/such/page', 'Page not found'],
    ['/tasks/1TNOSUCHTASK', 'Task not found'],
    ['/playbooks/1PNOSUCHPLAYBOOK', 'Playbook not found'],
  ];
  for (const [path, heading] of routes) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await axe(path);
  }
});

test('deep links survive a reload, and the navigation moves between pages', async ({ page }) => {
  const { task, playbook } = await someTaskAndPlaybook();
  await page.goto(`/playbooks/${playbook.Gsid}`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: playbook.Name })).toBeVisible();
  await page.goto(`/tasks/${task.Gsid}`);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: task.Name })).toBeVisible();

  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Playbooks' }).click();
  await expect(page).toHaveURL(/\/playbooks$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Playbooks' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Playbooks' })).toHaveAttribute('aria-current', 'page');
  await nav.getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await nav.getByRole('link', { name: 'Board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();

  await page.goto('/no/such/page');
  await page.getByRole('link', { name: 'Back to the board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
});

test('a rejected access key shows what to fix', async ({ page, axe }) => {
  await page.goto(`${E2E.wrongKeyAppUrl}/board`);
  await expect(page.getByRole('heading', { level: 1, name: 'The access key is missing or was rejected' })).toBeVisible();
  await expect(page.getByText('GAINSIGHT_ACCESS_KEY=…')).toBeVisible();
  await axe('401 page');
  await page.goto(`${E2E.wrongKeyAppUrl}/playbooks`);
  await expect(page.getByRole('heading', { level: 1, name: 'The access key is missing or was rejected' })).toBeVisible();
});

test('the access key never reaches the browser', async ({ page }) => {
  const { task, playbook } = await someTaskAndPlaybook();
  const leaks: string[] = [];
  let apiCalls = 0;
  page.on('request', (req) => {
    const text = `${req.url()}\n${JSON.stringify(req.headers())}\n${req.postData() ?? ''}`;
    if (text.includes(E2E.accessKey)) leaks.push(`request ${req.method()} ${req.url()}`);
  });
  page.on('response', async (res) => {
    if (res.url().includes('/v1/')) apiCalls++;
    const headers = JSON.stringify(await res.allHeaders());
    const body = await res.body().catch(() => Buffer.from(''));
    if (headers.includes(E2E.accessKey) || body.includes(E2E.accessKey)) leaks.push(`response ${res.url()}`);
  });
  for (const path of ['/board', '/search', '/playbooks', `/playbooks/${playbook.Gsid}`, `/tasks/${task.Gsid}`, '/nowhere']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.waitForLoadState('networkidle');
  }
  expect(await page.content()).not.toContain(E2E.accessKey);
  expect(apiCalls, 'the pages made API calls through the proxy').toBeGreaterThan(5);
  expect(leaks).toEqual([]);
});

test('a build made with the key in its environment holds no trace of it', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.push(path);
    }
  };
  walk(E2E.outDir);
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  const withKey = files.filter((f) => readFileSync(f).includes(E2E.accessKey));
  expect(withKey).toEqual([]);
});

test('the board as a CSM sees it (screenshot for the README)', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/board');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Not Started' }).getByRole('link').first()).toBeVisible();
  await page.screenshot({ path: 'docs/screenshot.png' });
});
