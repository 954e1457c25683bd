/**
 * Bulk changes: selecting tasks on the board (mouse and keyboard) and in the search results, each
 * bulk action checked on the server, a run under injected faults with Retry failed, Undo with a
 * task changed meanwhile by another client, a run that goes on while the user is elsewhere, and a
 * run stopped and continued.
 */
import type { Page } from '@playwright/test';
import { shiftDate } from '../src/components/bulk/date-shift.ts';
import { card, column, createTask, getTask, isoDay, uniquePrefix, type ApiTask } from './board-helpers.ts';
import { E2E } from './env.ts';
import { expect, sandboxApi, test } from './fixtures.ts';

test.afterEach(async () => {
  await sandboxApi.clearFaults();
});

const bar = (page: Page) => page.getByRole('region', { name: 'Selection' });
const checkbox = (page: Page, name: string) => page.getByRole('checkbox', { name: `Select ${name}`, exact: true });

/** Creates `n` tasks named "<p> 1".."<p> n", due on successive days (so the board shows them in that order). */
async function makeTasks(p: string, n: number, fields: Partial<ApiTask> = {}): Promise<ApiTask[]> {
  const tasks: ApiTask[] = [];
  for (let i = 1; i <= n; i++) tasks.push(await createTask({ Name: `${p} ${i}`, DueDate: isoDay(i), ...fields }));
  return tasks;
}

/** Another client's edit, straight to the API: the task with `fields` changed. */
async function editElsewhere(task: ApiTask, fields: Partial<ApiTask>) {
  const fresh = await getTask(task.Gsid);
  const body = {
    Name: fresh.Name,
    CTAId: fresh.CTAId,
    OwnerId: fresh.OwnerId,
    Status: fresh.Status,
    Priority: fresh.Priority,
    DueDate: fresh.DueDate,
    Description: fresh.Description,
    ...fields,
  };
  const res = await sandboxApi.call('PUT', `/v1/tasks/${fresh.Gsid}`, body);
  expect(res.status, res.errorDesc ?? '').toBe(200);
}

/** Confirms a bulk action from the selection bar and waits for the run to finish. */
async function runAction(page: Page, action: string, confirm: string, fill?: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await bar(page)
    .getByRole('button', { name: `${action}…` })
    .click();
  const dialog = page.getByRole('dialog', { name: action });
  await expect(dialog).toBeVisible();
  await fill?.(dialog);
  await dialog.getByRole('button', { name: confirm, exact: true }).click();
  const panel = page.getByRole('dialog', { name: confirm });
  await expect(panel).toBeVisible();
  return panel;
}

test('select by mouse and keyboard on the board; Move to Completed through the API', async ({ page, axe }) => {
  const p = uniquePrefix();
  const tasks = await makeTasks(p, 4, { Priority: 'Medium', Description: 'Kept as it is' });
  await page.goto(`/board?q=${p}`);
  const notStarted = column(page, 'Not Started');
  await expect(notStarted.getByRole('article')).toHaveCount(4);
  const names = await notStarted.getByRole('article').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')!));

  // Click, then Shift-click: the range from the first to the third.
  await expect(bar(page)).toBeHidden();
  await checkbox(page, names[0]!).click();
  await expect(bar(page).getByText('1 task selected')).toBeVisible();
  await checkbox(page, names[2]!).click({ modifiers: ['Shift'] });
  await expect(bar(page).getByText('3 tasks selected')).toBeVisible();
  for (const name of names.slice(0, 3)) await expect(checkbox(page, name)).toBeChecked();
  await expect(checkbox(page, names[3]!)).not.toBeChecked();
  await axe('board with the selection bar');

  // Clear, then Select all in the column; Escape clears.
  await bar(page).getByRole('button', { name: 'Clear' }).click();
  await expect(bar(page)).toBeHidden();
  await page.getByRole('button', { name: 'Select all in Not Started' }).click();
  await expect(bar(page).getByText('4 tasks selected')).toBeVisible();
  await checkbox(page, names[0]!).focus();
  await page.keyboard.press('Escape');
  await expect(bar(page)).toBeHidden();

  // Keyboard: x on a focused card, Space on a card's checkbox.
  await card(page, 'Not Started', names[1]!).getByRole('link').focus();
  await page.keyboard.press('x');
  await expect(bar(page).getByText('1 task selected')).toBeVisible();
  await checkbox(page, names[3]!).focus();
  await page.keyboard.press('Space');
  await expect(bar(page).getByText('2 tasks selected')).toBeVisible();

  await bar(page).getByRole('button', { name: 'Set status…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set status' });
  await expect(dialog.getByLabel('New status')).toHaveValue('Completed');
  await axe('Set status dialog');
  await dialog.getByRole('button', { name: 'Move 2 tasks to Completed', exact: true }).click();
  const panel = page.getByRole('dialog', { name: 'Move 2 tasks to Completed' });
  await expect(panel.getByRole('status')).toHaveText('2 of 2 tasks changed.');
  await axe('bulk run panel');

  const byName = new Map(tasks.map((t) => [t.Name!, t]));
  for (const name of [names[1]!, names[3]!]) {
    const saved = await getTask(byName.get(name)!.Gsid);
    expect(saved).toMatchObject({ Status: 'Completed', Priority: 'Medium', Description: 'Kept as it is' });
  }
  for (const name of [names[0]!, names[2]!]) expect((await getTask(byName.get(name)!.Gsid)).Status).toBe('Not Started');

  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(column(page, 'Completed').getByRole('article')).toHaveCount(2);
});

test('"Select all" in a column takes its tasks past the loaded cards', async ({ page }) => {
  await page.goto('/board');
  const notStarted = column(page, 'Not Started');
  // The column's count, once it has loaded.
  const heading = notStarted.getByRole('heading', { level: 2 });
  await expect(heading).toHaveText(/[\d,]+ tasks/);
  const countText = (await heading.textContent()) ?? '';
  const count = Number(/([\d,]+) tasks/.exec(countText)?.[1]?.replace(',', ''));
  // More than a page of cards: the rest are read by id.
  expect(count).toBeGreaterThan(50);
  await page.getByRole('button', { name: 'Select all in Not Started' }).click();
  const selected = bar(page).getByText(`${new Intl.NumberFormat('en-US').format(Math.min(count, 1000))} tasks selected`);
  await expect(selected).toBeVisible();
  // Escape in a text field is the field's: the selection stays.
  await page.getByLabel('Search names').focus();
  await page.keyboard.press('Escape');
  await expect(selected).toBeVisible();
  await page.getByRole('button', { name: 'Select all in Not Started' }).focus();
  await page.keyboard.press('Escape');
  await expect(bar(page)).toBeHidden();
});

test('set owner, priority and due date, and shift due dates, each checked on the server', async ({ page, axe }) => {
  const p = uniquePrefix();
  const tasks = await makeTasks(p, 3, { Priority: 'High' });
  const other = (
    await sandboxApi.call<{ records: ApiTask[] }>('POST', '/v1/tasks/search', {
      where: {
        conditions: [
          { name: 'OwnerId', operator: 'NE', value: [tasks[0]!.OwnerId] },
          { name: 'OwnerId', operator: 'IS_NOT_NULL', value: [] },
        ],
      },
      limit: 1,
    })
  ).data.records[0]!;
  await page.goto(`/board?q=${p}`);
  await expect(column(page, 'Not Started').getByRole('article')).toHaveCount(3);
  const selectAllTasks = async () => {
    await page.getByRole('button', { name: 'Select all in Not Started' }).click();
    await expect(bar(page).getByText('3 tasks selected')).toBeVisible();
  };
  const closePanel = async (panel: ReturnType<Page['getByRole']>) => {
    await expect(panel.getByRole('status')).toHaveText('3 of 3 tasks changed.');
    await panel.getByRole('button', { name: 'Close' }).click();
  };

  await selectAllTasks();
  let panel = await runAction(page, 'Set owner', `Give 3 tasks to ${other.OwnerName}`, async (dialog) => {
    await axe('Set owner dialog');
    const owner = dialog.getByRole('combobox', { name: 'New owner' });
    await owner.fill(other.OwnerName!);
    await dialog.getByRole('option', { name: other.OwnerName!, exact: true }).click();
  });
  await closePanel(panel);
  for (const t of tasks) expect(await getTask(t.Gsid)).toMatchObject({ OwnerId: other.OwnerId, Priority: 'High', Status: 'Not Started' });

  await selectAllTasks();
  panel = await runAction(page, 'Set priority', 'Set the priority of 3 tasks to Low', async (dialog) => {
    await axe('Set priority dialog');
    await dialog.getByLabel('New priority').selectOption('Low');
  });
  await closePanel(panel);
  for (const t of tasks) expect((await getTask(t.Gsid)).Priority).toBe('Low');

  await selectAllTasks();
  panel = await runAction(page, 'Set due date', 'Set the due date of 3 tasks to Feb 29, 2028', async (dialog) => {
    await axe('Set due date dialog');
    // Confirming without a date says what is missing.
    await dialog.getByRole('button', { name: 'Set due date', exact: true }).click();
    await expect(dialog.getByText('Choose a due date (all of day, month and year).')).toBeVisible();
    await dialog.getByLabel('New due date').fill('2028-02-29');
  });
  await closePanel(panel);
  for (const t of tasks) expect((await getTask(t.Gsid)).DueDate).toBe('2028-02-29');

  // Give them different dates, then shift by 2 working days (across a month end and a weekend).
  await editElsewhere(tasks[0]!, { DueDate: '2026-01-30' }); // a Friday
  await editElsewhere(tasks[1]!, { DueDate: '2028-02-28' }); // a Monday
  await page.reload();
  await selectAllTasks();
  panel = await runAction(page, 'Shift due dates', 'Move the due dates of 3 tasks 2 working days later', async (dialog) => {
    await axe('Shift due dates dialog');
    const days = dialog.getByRole('textbox', { name: 'Days to shift by' });
    await days.fill('1.5');
    await expect(dialog.getByText('Enter a whole number of days, such as 7 or -3.')).toBeVisible();
    await days.fill('2');
    await dialog.getByRole('checkbox', { name: 'Working days only (Monday to Friday)' }).check();
  });
  await closePanel(panel);
  expect((await getTask(tasks[0]!.Gsid)).DueDate).toBe('2026-02-03');
  expect((await getTask(tasks[1]!.Gsid)).DueDate).toBe('2028-03-01');
  expect((await getTask(tasks[2]!.Gsid)).DueDate).toBe(shiftDate('2028-02-29', 2, true));
});

test('under injected faults some tasks fail with the reason; Retry failed finishes them, none done twice', async ({ page }) => {
  const p = uniquePrefix();
  const tasks = await makeTasks(p, 5, { DueDate: '2027-12-30' });
  await page.goto(`/board?q=${p}`);
  await expect(column(page, 'Not Started').getByRole('article')).toHaveCount(5);
  // Task 1's writes fail (more times than the run retries); task 2's first write is applied but its answer lost.
  await sandboxApi.faults({
    rules: [
      { method: 'PUT', path: `/tasks/${tasks[0]!.Gsid}`, status: 500, times: 3 },
      { method: 'PUT', path: `/tasks/${tasks[1]!.Gsid}`, status: 502, times: 1, when: 'after' },
    ],
  });
  await page.getByRole('button', { name: 'Select all in Not Started' }).click();
  const panel = await runAction(page, 'Shift due dates', 'Move the due dates of 5 tasks 3 days later', async (dialog) => {
    await dialog.getByRole('textbox', { name: 'Days to shift by' }).fill('+3');
  });
  await expect(panel.getByRole('status')).toHaveText('4 of 5 tasks changed, 1 failed.', { timeout: 20_000 });
  await expect(panel.getByRole('listitem').filter({ hasText: tasks[0]!.Name! })).toContainText('Failed:');
  expect((await getTask(tasks[0]!.Gsid)).DueDate).toBe('2027-12-30');
  // Shifted once, though its first answer was lost.
  expect((await getTask(tasks[1]!.Gsid)).DueDate).toBe('2028-01-02');

  await panel.getByRole('button', { name: 'Retry failed (1)' }).click();
  await expect(panel.getByRole('status')).toHaveText('5 of 5 tasks changed.');
  for (const t of tasks) expect((await getTask(t.Gsid)).DueDate).toBe('2028-01-02');
});

test('Undo puts the tasks back and says which one someone changed meanwhile', async ({ page, axe }) => {
  const p = uniquePrefix();
  const tasks = await makeTasks(p, 3, { Priority: 'High' });
  await page.goto(`/board?q=${p}`);
  await expect(column(page, 'Not Started').getByRole('article')).toHaveCount(3);
  await page.getByRole('button', { name: 'Select all in Not Started' }).click();
  const panel = await runAction(page, 'Set priority', 'Set the priority of 3 tasks to Low', async (dialog) => {
    await dialog.getByLabel('New priority').selectOption('Low');
  });
  await expect(panel.getByRole('status')).toHaveText('3 of 3 tasks changed.');
  await editElsewhere(tasks[1]!, { Priority: 'Medium' });

  await panel.getByRole('button', { name: 'Undo' }).click();
  const undo = page.getByRole('dialog', { name: 'Undo: Set the priority of 3 tasks to Low' });
  await expect(undo.getByRole('status')).toHaveText('2 of 3 tasks undone, 1 left as it was.');
  await expect(undo.getByRole('alert')).toHaveText(`Not undone, because someone changed it since: "${tasks[1]!.Name}".`);
  await axe('bulk undo panel');
  expect((await getTask(tasks[0]!.Gsid)).Priority).toBe('High');
  expect((await getTask(tasks[1]!.Gsid)).Priority).toBe('Medium');
  expect((await getTask(tasks[2]!.Gsid)).Priority).toBe('High');
});

test('search: rows, the page, and "Select all N matching" after asking', async ({ page, axe }) => {
  const p = uniquePrefix();
  const tasks = await makeTasks(p, 27, { Priority: 'High' });
  const s = JSON.stringify({ c: [['Name', 'CONTAINS', [p]]] });
  await page.goto(`/search?s=${encodeURIComponent(s)}`);
  const results = page.getByRole('table', { name: /^Search results/ });
  await expect(results.getByRole('row')).toHaveCount(26);

  await results.getByRole('checkbox', { name: 'Select all on this page' }).check();
  await expect(bar(page).getByText('25 tasks selected')).toBeVisible();
  await bar(page).getByRole('button', { name: 'Select all 27 matching' }).click();
  const question = page.getByRole('alertdialog', { name: 'Select all 27 matching tasks?' });
  await expect(question).toContainText('beyond the page you see');
  await axe('Select all matching question');
  await question.getByRole('button', { name: 'Select 27 tasks' }).click();
  await expect(bar(page).getByText('27 tasks selected')).toBeVisible();

  const panel = await runAction(page, 'Set priority', 'Set the priority of 27 tasks to Low', async (dialog) => {
    await dialog.getByLabel('New priority').selectOption('Low');
  });
  await expect(panel.getByRole('status')).toHaveText('27 of 27 tasks changed.', { timeout: 30_000 });
  for (const t of tasks) expect((await getTask(t.Gsid)).Priority).toBe('Low');
});

test('"Select all N matching" past 1,000 tasks says it stops at 1,000 and why, then selects exactly 1,000', async ({ page }) => {
  // The 10,000-task server: every task has a name.
  const s = JSON.stringify({ c: [['Name', 'IS_NOT_NULL', []]] });
  await page.goto(`${E2E.bigAppUrl}/search?s=${encodeURIComponent(s)}`);
  const results = page.getByRole('table', { name: /^Search results/ });
  await expect(results.getByRole('row')).toHaveCount(26);
  await results.getByRole('checkbox', { name: 'Select all on this page' }).check();
  const all = bar(page).getByRole('button', { name: /^Select all [\d,]+ matching$/ });
  const total = Number((/([\d,]+)/.exec((await all.textContent()) ?? '')?.[1] ?? '').replaceAll(',', ''));
  expect(total).toBeGreaterThanOrEqual(E2E.bigTasks);
  await all.click();
  const question = page.getByRole('alertdialog', { name: /^Select all [\d,]+ matching tasks\?$/ });
  await expect(question).toContainText('Only the first 1,000 will be selected. A bulk change takes at most 1,000 tasks');
  await question.getByRole('button', { name: 'Select 1,000 tasks' }).click();
  await expect(bar(page).getByText('1,000 tasks selected')).toBeVisible({ timeout: 20_000 });
  await expect(bar(page).getByRole('status').filter({ hasText: 'The first 1,000 of' })).toContainText(
    'matching tasks are selected. A bulk change takes at most 1,000 tasks',
  );
  // The action asks about exactly those 1,000 (it is not run here).
  await bar(page).getByRole('button', { name: 'Set priority…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Set priority' });
  await dialog.getByLabel('New priority').selectOption('Low');
  await expect(dialog.getByRole('button', { name: 'Set the priority of 1,000 tasks to Low', exact: true })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('a run goes on while the user is on another page, and closing the tab asks first', async ({ page }) => {
  const p = uniquePrefix();
  const tasks = await makeTasks(p, 6);
  await page.goto(`/board?q=${p}`);
  await expect(column(page, 'Not Started').getByRole('article')).toHaveCount(6);
  await sandboxApi.faults({ latencyMs: 1500 });
  await page.getByRole('button', { name: 'Select all in Not Started' }).click();
  const panel = await runAction(page, 'Set status', 'Move 6 tasks to In Progress', async (dialog) => {
    await dialog.getByLabel('New status').selectOption('In Progress');
  });
  await panel.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Playbooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Playbooks' })).toBeVisible();
  const indicator = page.getByRole('button', { name: /^Bulk change/ });
  await expect(indicator).toHaveText(/Bulk change: \d of 6/);

  // Closing the tab mid-run asks first.
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();
  expect(page.isClosed()).toBe(false);

  await expect(indicator).toHaveText('Bulk change done', { timeout: 30_000 });
  await indicator.click();
  await expect(page.getByRole('dialog', { name: 'Move 6 tasks to In Progress' }).getByRole('status')).toHaveText('6 of 6 tasks changed.');
  for (const t of tasks) expect((await getTask(t.Gsid)).Status).toBe('In Progress');
});

test('Stop: the tasks being sent finish, the rest are not sent and listed; Continue sends them', async ({ page }) => {
  const p = uniquePrefix();
  const tasks = await makeTasks(p, 6, { Priority: 'High' });
  await page.goto(`/board?q=${p}`);
  await expect(column(page, 'Not Started').getByRole('article')).toHaveCount(6);
  await sandboxApi.faults({ latencyMs: 1000 });
  await page.getByRole('button', { name: 'Select all in Not Started' }).click();
  const panel = await runAction(page, 'Set priority', 'Set the priority of 6 tasks to Low', async (dialog) => {
    await dialog.getByLabel('New priority').selectOption('Low');
  });
  await panel.getByRole('button', { name: 'Stop', exact: true }).click();
  const summary = panel.getByRole('status');
  await expect(summary).toHaveText(/^\d of 6 tasks changed, \d not sent \(stopped\)\.$/, { timeout: 30_000 });
  const [, done, notSent] = /^(\d) of 6 tasks changed, (\d) not sent/.exec((await summary.textContent())!)!.map(Number);
  expect(done! + notSent!).toBe(6);
  expect(notSent).toBeGreaterThan(0);
  await expect(panel.getByRole('list', { name: 'Results' }).getByText('Not sent: The change was stopped before this task.')).toHaveCount(
    notSent!,
  );
  // On the server: exactly the tasks it says, none half-done.
  const saved = await Promise.all(tasks.map((t) => getTask(t.Gsid)));
  expect(saved.filter((t) => t.Priority === 'Low')).toHaveLength(done!);
  expect(saved.filter((t) => t.Priority === 'High')).toHaveLength(notSent!);

  await sandboxApi.clearFaults();
  await panel.getByRole('button', { name: `Continue (${notSent})` }).click();
  await expect(summary).toHaveText('6 of 6 tasks changed.', { timeout: 30_000 });
  for (const t of tasks) expect((await getTask(t.Gsid)).Priority).toBe('Low');
});
