/**
 * A CSM's session under faults: 300 ms +/- 200 ms latency, 10% of answers 500 and Gainsight's
 * limit of 100 requests a minute. The "user" does 10 moves, 3 edits, 1 create and applies a
 * playbook; when the app says something failed, they use the retry it offers, as a person would.
 * At the end the server holds exactly what they intended: no change lost, none applied twice.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect, sandboxApi } from './fixtures.ts';
import type { ApiTask, Status } from './board-helpers.ts';

interface Playbook {
  Gsid: string;
  Name: string;
  IsActive: boolean;
  TaskTemplates: { name: string; order: number; daysFromCreation: number }[];
}

// A click on something a refetch just re-rendered fails fast, and the session's loops try again.
test.use({ actionTimeout: 10_000 });

const FAULTS = { latencyMs: 300, jitterMs: 200, errorRate: 0.1, rateLimit: 100, rateLimitWindowMs: 60_000 };

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await sandboxApi.call<T>(method, path, body);
  expect(res.status, `${method} ${path}: ${res.errorDesc}`).toBe(200);
  return res.data;
}

const search = (conditions: unknown[], limit = 100) =>
  api<{ records: ApiTask[] }>('POST', '/v1/tasks/search', { where: { conditions }, limit }).then((r) => r.records);

/** Clicks whatever retry the app offers (a toast's Retry, a "Try again", the banner's "Retry now"). */
async function useOfferedRetries(page: Page) {
  const offers = [
    page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Retry', exact: true }),
    page.getByRole('button', { name: 'Try again', exact: true }),
    page.getByRole('button', { name: 'Retry now', exact: true }),
  ];
  for (const offer of offers) {
    const first = offer.first();
    if (await first.isVisible().catch(() => false)) await first.click().catch(() => undefined);
  }
}

/** Waits until `done` is visible, taking the app's retries meanwhile; `again` repeats the user's own action. */
async function until(page: Page, done: Locator, again?: () => Promise<void>, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;

  while (Date.now() < deadline) {
    if (await done.isVisible().catch(() => false)) return;
    await useOfferedRetries(page);
    if (again) await again();
    await page.waitForTimeout(750);
  }
  await expect(done).toBeVisible({ timeout: 1 });
}

test('a CSM session under latency, 500s and the rate limit ends with exactly the intended server state', async ({ page }) => {
  test.setTimeout(10 * 60_000);
  const prefix = `fs${Date.now().toString(36)}`;
  const anyTask = (await search([{ name: 'OwnerId', operator: 'IS_NOT_NULL', value: [] }], 1))[0]!;
  const base = { CTAId: anyTask.CTAId, OwnerId: anyTask.OwnerId, Priority: 'Medium', DueDate: '2031-03-01', Description: 'Original' };
  const movers: ApiTask[] = [];
  // Due on successive days, so the board (soonest due first) shows the next one to move at the top:
  // the column draws only the cards near its view, as a person sees them.
  for (let i = 0; i < 10; i++) {
    const DueDate = `2031-03-${String(i + 1).padStart(2, '0')}`;
    movers.push(await api<ApiTask>('POST', '/v1/tasks', { ...base, DueDate, Name: `${prefix} move ${i}`, Status: 'Not Started' }));
  }
  const edits: ApiTask[] = [];
  for (let i = 0; i < 3; i++)
    edits.push(await api<ApiTask>('POST', '/v1/tasks', { ...base, Name: `${prefix} edit ${i}`, Status: 'In Progress' }));
  const playbook = (await api<Playbook[]>('GET', '/v1/playbooks')).find((p) => p.IsActive && p.TaskTemplates.length >= 4)!;
  // A CTA with no task from the playbook yet (applying it again would ask what to create).
  const taken = new Set((await search([{ name: 'PlaybookId', operator: 'EQ', value: [playbook.Gsid] }], 5000)).map((t) => t.CTAId));
  const applyCta = (await search([{ name: 'CTAId', operator: 'NE', value: [anyTask.CTAId] }], 5000)).find(
    (t) => !taken.has(t.CTAId),
  )!.CTAId;
  const playbookTasksBefore = await search([
    { name: 'PlaybookId', operator: 'EQ', value: [playbook.Gsid] },
    { name: 'CTAId', operator: 'EQ', value: [applyCta] },
  ]);

  const targets: Status[] = [
    'In Progress',
    'Completed',
    'Skipped',
    'In Progress',
    'Completed',
    'Skipped',
    'In Progress',
    'Completed',
    'Skipped',
    'In Progress',
  ];
  await sandboxApi.faults(FAULTS);
  try {
    // 10 moves with the "Move to" menu.
    await page.goto(`/board?q=${encodeURIComponent(`${prefix} move`)}`);
    for (let i = 0; i < 10; i++) {
      const name = movers[i]!.Name;
      const card = page.getByRole('region', { name: 'Not Started', exact: true }).getByRole('article', { name, exact: true });
      const moved = page.getByRole('region', { name: 'Notifications' }).getByText(`Moved "${name}" to ${targets[i]}.`);
      await until(page, card);
      let lastTry = 0;
      // Use the "Move to" menu; if the card is back in Not Started with no retry on offer (say the
      // board reloaded under the click), do it again, as a person would.
      await until(page, moved, async () => {
        if (Date.now() - lastTry < 8_000 || !(await card.isVisible().catch(() => false))) return;
        lastTry = Date.now();
        try {
          await card.getByRole('button', { name: 'Move to', exact: true }).click({ timeout: 5_000 });
          await page.getByRole('menuitem', { name: targets[i]!, exact: true }).click({ timeout: 5_000 });
        } catch {
          await page.keyboard.press('Escape');
        }
      });
    }

    // 3 edits on the task page.
    for (let i = 0; i < 3; i++) {
      await page.goto(`/tasks/${edits[i]!.Gsid}`);
      const editButton = page.getByRole('button', { name: 'Edit task' });
      await until(page, editButton);
      await editButton.click();
      const form = page.getByRole('form', { name: 'Edit task' });
      await form.getByLabel('Description').fill(`Edited under faults ${i}`);
      await form.getByRole('button', { name: 'Save changes' }).click();
      const saved = page.getByRole('region', { name: 'Notifications' }).getByText(`Saved "${edits[i]!.Name}"`);
      await until(page, saved, async () => {
        const save = form.getByRole('button', { name: 'Save changes' });
        if (
          (await page
            .getByText('Your changes were not saved')
            .isVisible()
            .catch(() => false)) &&
          (await save.isEnabled().catch(() => false))
        ) {
          await save.click();
        }
      });
    }

    // 1 create from the New task dialog.
    const createdName = `${prefix} created`;
    await page.getByRole('button', { name: 'New task' }).click();
    const dialog = page.getByRole('dialog', { name: 'New task' });
    await dialog.getByRole('textbox', { name: 'Name' }).fill(createdName);
    await dialog.getByRole('combobox', { name: 'CTA' }).fill(anyTask.CTAId);
    await dialog.getByLabel('Priority').selectOption('High');
    await dialog.getByLabel('Due date').fill('2031-04-01');
    await dialog.getByRole('button', { name: 'Create task' }).click();
    const createdToast = page.getByRole('region', { name: 'Notifications' }).getByText('Task created');
    await until(page, createdToast, async () => {
      const create = dialog.getByRole('button', { name: 'Create task' });
      if (
        (await dialog
          .getByRole('alert')
          .isVisible()
          .catch(() => false)) &&
        (await create.isEnabled().catch(() => false))
      ) {
        await create.click();
      }
    });

    // 1 playbook applied to a CTA.
    await page.goto(`/playbooks/${playbook.Gsid}`);
    const apply = page.getByRole('button', { name: 'Apply to a CTA' });
    await until(page, apply);
    await apply.click();
    const applyDialog = page.getByRole('dialog', { name: `Apply “${playbook.Name}” to a CTA` });
    await applyDialog.getByRole('combobox', { name: 'CTA' }).fill(applyCta);
    await applyDialog.getByLabel('Start date').fill('2031-05-01');
    await applyDialog.getByRole('button', { name: `Create ${playbook.TaskTemplates.length} tasks` }).click();
    const allCreated = applyDialog.getByText(`All ${playbook.TaskTemplates.length} tasks were created.`);
    await until(page, allCreated, async () => {
      const retry = applyDialog.getByRole('button', { name: /^Retry failed/ });
      if (await retry.isVisible().catch(() => false)) await retry.click().catch(() => undefined);
    });
  } finally {
    await sandboxApi.clearFaults();
  }

  // The server state, field by field.
  for (let i = 0; i < 10; i++) {
    const before = movers[i]!;
    const after = await api<ApiTask>('GET', `/v1/tasks/${before.Gsid}`);
    expect(after.Status, after.Name).toBe(targets[i]);
    const { Status: _s1, CompletedDate: _c1, ModifiedDate: _m1, ...keptBefore } = before;
    const { Status: _s2, CompletedDate: c2, ModifiedDate: _m2, ...keptAfter } = after;
    expect(keptAfter).toEqual(keptBefore);
    expect(c2 !== undefined).toBe(targets[i] === 'Completed');
  }
  for (let i = 0; i < 3; i++) {
    const before = edits[i]!;
    const after = await api<ApiTask>('GET', `/v1/tasks/${before.Gsid}`);
    expect(after).toEqual({ ...before, Description: `Edited under faults ${i}`, ModifiedDate: after.ModifiedDate });
  }
  const created = await search([{ name: 'Name', operator: 'EQ', value: [`${prefix} created`] }]);
  expect(created).toHaveLength(1);
  expect(created[0]).toMatchObject({ CTAId: anyTask.CTAId, Priority: 'High', DueDate: '2031-04-01', Status: 'Not Started' });
  const playbookTasks = await search([
    { name: 'PlaybookId', operator: 'EQ', value: [playbook.Gsid] },
    { name: 'CTAId', operator: 'EQ', value: [applyCta] },
  ]);
  const known = new Set(playbookTasksBefore.map((t) => t.Gsid));
  const applied = playbookTasks.filter((t) => !known.has(t.Gsid));
  expect(applied.map((t) => t.Order).sort((a, b) => a! - b!)).toEqual(playbook.TaskTemplates.map((t) => t.order).sort((a, b) => a - b));
  // Every task this session touched, and nothing else with its prefix.
  expect(await search([{ name: 'Name', operator: 'STARTS_WITH', value: [prefix] }])).toHaveLength(14);
});
