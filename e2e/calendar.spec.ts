/**
 * The calendar (/calendar): from the nav, month and week, previous / next / today, filters in the
 * URL, "N more", overdue and today marked, the list without a due date, and a task's due date
 * changed by a mouse drag, a keyboard drag and "Change due date", each checked through the API;
 * a failed change put back with the reason and Retry, Undo, and the no-clobber rule.
 */
import type { Page } from '@playwright/test';
import { dayName, stepDate, viewTitle } from '../src/features/calendar/calendar-grid.ts';
import { addDays } from '../src/lib/dates.ts';
import { announcement, createTask, getTask, isoDay, toast, uniquePrefix } from './board-helpers.ts';
import { chip, day, quietWednesday } from './calendar-helpers.ts';
import { expect, sandboxApi, test } from './fixtures.ts';
import { holdBack } from './hold-back.ts';

const undatedList = (page: Page) => page.getByRole('region', { name: /^No due date/ });
const heading = (page: Page) => page.getByRole('heading', { level: 2 }).first();

test('from the nav: month and week, previous, next and today, in the URL; today is marked', async ({ page, axe }) => {
  test.slow(); // two axe scans of a full month and week
  const today = isoDay(0);
  await page.goto('/board');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
  await expect(page).toHaveURL(/\/calendar$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
  await expect(heading(page)).toHaveText(viewTitle('month', today));
  const todayCell = page.getByRole('group', { name: new RegExp(`^${dayName(today)}, today, `) });
  await expect(todayCell.locator('[aria-current="date"]')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Loading tasks' })).toHaveCount(0);
  await axe('calendar, month');

  await page.getByRole('button', { name: 'Next month' }).click();
  const next = stepDate('month', today, 1);
  await expect(page).toHaveURL(new RegExp(`date=${next}`));
  await expect(heading(page)).toHaveText(viewTitle('month', next));
  await page.getByRole('button', { name: 'Previous month' }).click();
  await page.getByRole('button', { name: 'Previous month' }).click();
  await expect(heading(page)).toHaveText(viewTitle('month', stepDate('month', today, -1)));

  await page.getByRole('button', { name: 'Week', exact: true }).click();
  await expect(page).toHaveURL(/view=week/);
  await page.getByRole('button', { name: 'Today', exact: true }).click();
  await expect(page).not.toHaveURL(/date=/);
  await expect(heading(page)).toHaveText(viewTitle('week', today));
  await expect(page.getByRole('group', { name: /, (no tasks|\d+ tasks?)$/ })).toHaveCount(7);
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(heading(page)).toHaveText(viewTitle('week', addDays(today, 7)));
  await expect(page.getByRole('status').filter({ hasText: 'Loading tasks' })).toHaveCount(0);
  await axe('calendar, week');

  // A reload shows the same.
  await page.reload();
  await expect(heading(page)).toHaveText(viewTitle('week', addDays(today, 7)));
  await expect(page.getByRole('button', { name: 'Week', exact: true })).toHaveAttribute('aria-pressed', 'true');
});

test('filters live in the URL and narrow the days; overdue is marked; "N more" shows the whole day', async ({ page }) => {
  const p = uniquePrefix();
  const date = quietWednesday();
  const names = ['a', 'b', 'c', 'd', 'e'].map((n) => `${p} ${n}`);
  for (const [i, name] of names.entries()) await createTask({ Name: name, DueDate: date, Priority: i === 0 ? 'High' : 'Low' });

  await page.goto(`/calendar?date=${date}`);
  const cell = day(page, date);
  await expect(cell).toHaveAccessibleName(`${dayName(date)}, 5 tasks`);
  await expect(cell.getByRole('listitem')).toHaveCount(2);
  const more = cell.getByRole('button', { name: `3 more tasks on ${dayName(date)}` });
  await more.focus();
  await page.keyboard.press('Enter');
  await expect(cell.getByRole('listitem')).toHaveCount(5);
  await expect(cell.getByRole('button', { name: `Show fewer tasks on ${dayName(date)}` })).toHaveAttribute('aria-expanded', 'true');
  await cell.getByRole('button', { name: `Show fewer tasks on ${dayName(date)}` }).click();
  await expect(cell.getByRole('listitem')).toHaveCount(2);

  const filters = page.getByRole('search', { name: 'Calendar filters' });
  await filters.getByLabel('Priority').selectOption('High');
  await expect(page).toHaveURL(/priority=High/);
  await expect(cell).toHaveAccessibleName(`${dayName(date)}, 1 task`);
  await expect(chip(page, date, names[0]!)).toBeVisible();
  await filters.getByRole('button', { name: 'Completed' }).click();
  await expect(page).toHaveURL(/status=Completed/);
  await expect(cell).toHaveAccessibleName(`${dayName(date)}, no tasks`);
  await filters.getByRole('button', { name: 'Not Started' }).click();
  await expect(page).toHaveURL(/status=Not\+Started%2CCompleted|status=Not%20Started%2CCompleted/);
  await expect(cell).toHaveAccessibleName(`${dayName(date)}, 1 task`);
  await filters.getByRole('button', { name: 'My tasks' }).click();
  await expect(page).toHaveURL(/quick=mine/);
  await expect(filters.getByLabel('I am')).toBeVisible();
  await page.reload();
  await expect(filters.getByRole('button', { name: 'My tasks' })).toHaveAttribute('aria-pressed', 'true');
  await expect(filters.getByLabel('Priority')).toHaveValue('High');
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(new RegExp(`/calendar\\?date=${date}$`));
  await expect(cell).toHaveAccessibleName(`${dayName(date)}, 5 tasks`);

  // An open task due before today is overdue; a done one is not.
  const past = `20${10 + Math.floor(Math.random() * 10)}-06-1${Math.floor(Math.random() * 9)}`;
  await createTask({ Name: `${p} late`, DueDate: past });
  await createTask({ Name: `${p} done`, DueDate: past, Status: 'Completed' });
  await page.goto(`/calendar?view=week&date=${past}`);
  await expect(chip(page, past, `${p} late`).getByRole('link')).toHaveAccessibleName(`${p} late (overdue)`);
  await expect(chip(page, past, `${p} done`).getByRole('link')).toHaveAccessibleName(`${p} done (Completed)`);
});

/** Drags a task by its Move handle with the mouse onto another day (or the no-due-date list). */
async function dragWithMouse(page: Page, name: string, from: string, to: string | null) {
  const handle = chip(page, from, name).getByRole('button', { name: `Move ${name}` });
  const box = (await handle.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 8, y + 8, { steps: 4 });
  await expect(announcement(page)).toHaveText(`Picked up task ${name}, due ${dayName(from)}.`);
  const target = (await (to ? day(page, to) : undatedList(page)).boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 20 });
  await expect(announcement(page)).toHaveText(`Over ${to ? dayName(to) : 'No due date'}.`);
  await page.mouse.up();
  await expect(announcement(page)).toHaveText(`Dropped on ${to ? dayName(to) : 'No due date'}.`);
}

test('mouse: a task dragged to another day gets that due date, on the server too, and nothing else changes; Undo puts it back', async ({
  page,
}) => {
  const p = uniquePrefix();
  const name = `${p} drag me`;
  const date = quietWednesday();
  const task = await createTask({ Name: name, DueDate: date, Priority: 'High' });
  await page.goto(`/calendar?view=week&date=${date}`);
  await expect(chip(page, date, name)).toBeVisible();

  const to = addDays(date, 2);
  await dragWithMouse(page, name, date, to);
  await expect(chip(page, to, name)).toBeVisible();
  await expect(day(page, date).getByRole('listitem')).toHaveCount(0);
  const message = `Changed the due date of "${name}" to ${formatted(to)}.`;
  await expect(toast(page, message)).toBeVisible();
  const saved = await getTask(task.Gsid);
  expect(saved.DueDate).toBe(to);
  const { DueDate: _a, ModifiedDate: _b, ...rest } = saved;
  const { DueDate: _c, ModifiedDate: _d, ...before } = task;
  expect(rest).toEqual(before);

  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(toast(page, `Changed the due date of "${name}" to ${formatted(date)}.`)).toBeVisible();
  await expect(chip(page, date, name)).toBeVisible();
  await expect.poll(async () => (await getTask(task.Gsid)).DueDate).toBe(date);
});

const formatted = (date: string) =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));

test('keyboard: Space picks a task up, arrows carry it by day and week, Space drops it; the focus stays on it', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} keys`;
  const date = quietWednesday();
  const task = await createTask({ Name: name, DueDate: date });
  await page.goto(`/calendar?date=${date}`);
  const handle = chip(page, date, name).getByRole('button', { name: `Move ${name}` });
  await handle.focus();
  await page.keyboard.press('Space');
  await expect(announcement(page)).toHaveText(`Picked up task ${name}, due ${dayName(date)}.`);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await page.keyboard.press('ArrowRight');
  await expect(announcement(page)).toHaveText(`Over ${dayName(addDays(date, 1))}.`);
  await page.keyboard.press('ArrowDown');
  const to = addDays(date, 8);
  await expect(announcement(page)).toHaveText(`Over ${dayName(to)}.`);
  await page.keyboard.press('Space');
  await expect(announcement(page)).toHaveText(`Dropped on ${dayName(to)}.`);
  await expect(chip(page, to, name).getByRole('button', { name: `Move ${name}` })).toBeFocused();
  await expect.poll(async () => (await getTask(task.Gsid)).DueDate).toBe(to);

  // Escape cancels.
  await page.keyboard.press('Space');
  await expect(announcement(page)).toHaveText(`Picked up task ${name}, due ${dayName(to)}.`);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(announcement(page)).toHaveText(`Cancelled. ${name} stays on ${dayName(to)}.`);
  expect((await getTask(task.Gsid)).DueDate).toBe(to);
});

test('"Change due date": pick a day or type one, checked before sending; axe finds nothing in the dialog', async ({ page, axe }) => {
  const p = uniquePrefix();
  const name = `${p} menu`;
  const date = quietWednesday();
  const task = await createTask({ Name: name, DueDate: date });
  await page.goto(`/calendar?date=${date}`);
  const button = chip(page, date, name).getByRole('button', { name: `Change due date of ${name}` });
  await button.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Change due date' });
  await expect(dialog).toContainText(`“${name}” is due ${formatted(date)}.`);
  await axe('calendar, Change due date');
  const input = dialog.getByLabel('New due date');
  await input.fill('');
  await dialog.getByRole('button', { name: 'Change', exact: true }).click();
  await expect(input).toHaveAccessibleDescription('Choose a date.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();

  const to = addDays(date, 3);
  await page.keyboard.press('Enter');
  await dialog.getByLabel('New due date').fill(to);
  await dialog.getByLabel('New due date').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(chip(page, to, name)).toBeVisible();
  await expect(chip(page, to, name).getByRole('button', { name: `Move ${name}` })).toBeFocused();
  await expect.poll(async () => (await getTask(task.Gsid)).DueDate).toBe(to);
});

test('a change the server rejects goes back and says why; Retry does it again', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} rejected`;
  const date = quietWednesday();
  const task = await createTask({ Name: name, DueDate: date });
  await page.goto(`/calendar?view=week&date=${date}`);
  await expect(chip(page, date, name)).toBeVisible();

  await sandboxApi.faults({ rules: [{ method: 'PUT', path: '/tasks/*', status: 400, times: 1 }] });
  // Hold every search from now on, so what the calendar shows comes from the change alone.
  const searches = await holdBack(page, '**/v1/tasks/search');
  const to = addDays(date, 1);
  await dragWithMouse(page, name, date, to);
  const alert = page.getByRole('alert').filter({ hasText: `Could not change the due date of "${name}" to ${formatted(to)}` });
  await expect(alert).toContainText('Injected fault: the sandbox was told to answer 400');
  await expect(chip(page, date, name)).toBeVisible();
  await expect(day(page, to).getByRole('listitem')).toHaveCount(0);
  expect((await getTask(task.Gsid)).DueDate).toBe(date);
  await searches.release();

  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(toast(page, `Changed the due date of "${name}" to ${formatted(to)}.`)).toBeVisible();
  await expect(chip(page, to, name)).toBeVisible();
  expect((await getTask(task.Gsid)).DueDate).toBe(to);
});

test('no clobbering: a due date someone changed meanwhile is not overwritten; the task shows where it is and the user is asked', async ({
  page,
}) => {
  const p = uniquePrefix();
  const name = `${p} stale`;
  const date = quietWednesday();
  const task = await createTask({ Name: name, DueDate: date });
  await page.goto(`/calendar?date=${date}`);
  await expect(chip(page, date, name)).toBeVisible();

  const theirs = addDays(date, 5);
  const res = await sandboxApi.call('PUT', `/v1/tasks/${task.Gsid}`, {
    Name: task.Name,
    CTAId: task.CTAId,
    OwnerId: task.OwnerId,
    Status: task.Status,
    Priority: task.Priority,
    Description: task.Description,
    DueDate: theirs,
  });
  expect(res.status).toBe(200);

  const mine = addDays(date, 1);
  await chip(page, date, name)
    .getByRole('button', { name: `Change due date of ${name}` })
    .click();
  await page.getByRole('dialog', { name: 'Change due date' }).getByLabel('New due date').fill(mine);
  await page.getByRole('dialog', { name: 'Change due date' }).getByRole('button', { name: 'Change', exact: true }).click();
  const question = page
    .getByRole('region', { name: 'Notifications' })
    .getByText(
      new RegExp(`^Someone else changed the due date of "${name}" to ${formatted(theirs)}.*Change it to ${formatted(mine)} anyway\\?$`),
    );
  await expect(question).toBeVisible();
  await expect(chip(page, theirs, name)).toBeVisible();
  expect((await getTask(task.Gsid)).DueDate).toBe(theirs);

  await page
    .getByRole('region', { name: 'Notifications' })
    .getByRole('button', { name: `Change to ${formatted(mine)}` })
    .click();
  await expect(toast(page, `Changed the due date of "${name}" to ${formatted(mine)}.`)).toBeVisible();
  await expect.poll(async () => (await getTask(task.Gsid)).DueDate).toBe(mine);
});

test('the list without a due date: a task dragged from it to a day gets the date, and one dropped on it loses its date', async ({
  page,
}) => {
  const p = uniquePrefix();
  const name = `${p} undated`;
  const date = quietWednesday();
  const task = await createTask({ Name: name, DueDate: undefined });
  expect(task.DueDate ?? null).toBeNull();
  await page.goto(`/calendar?view=week&date=${date}`);
  const list = undatedList(page);
  await expect(list.getByRole('link', { name })).toBeVisible();
  await expect(list.getByRole('heading', { level: 2 })).toHaveText(/^No due date \(\d+\)$/);

  const handle = list.getByRole('button', { name: `Move ${name}` });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 12, box.y + 12, { steps: 4 });
  await expect(announcement(page)).toHaveText(`Picked up task ${name}, no due date.`);
  const target = (await day(page, date).boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 20 });
  await page.mouse.up();
  await expect(announcement(page)).toHaveText(`Dropped on ${dayName(date)}.`);
  await expect(chip(page, date, name)).toBeVisible();
  await expect(list.getByRole('link', { name })).toHaveCount(0);
  await expect.poll(async () => (await getTask(task.Gsid)).DueDate).toBe(date);

  await dragWithMouse(page, name, date, null);
  await expect(list.getByRole('link', { name })).toBeVisible();
  await expect.poll(async () => (await getTask(task.Gsid)).DueDate ?? null).toBeNull();
});

test('"Subscribe to calendar" gives the feed address of the owner the calendar shows; axe finds nothing in its dialog', async ({
  page,
  axe,
}) => {
  await page.goto('/calendar');
  await expect(page.getByText('To subscribe to a calendar feed, choose an owner or yourself in “I am”.')).toBeVisible();

  const { data } = await sandboxApi.call<{ records: { OwnerId?: string }[] }>('POST', '/v1/tasks/search', {
    select: ['OwnerId'],
    where: { conditions: [{ name: 'OwnerId', alias: 'A', operator: 'IS_NOT_NULL', value: [] }] },
    limit: 1,
  });
  const owner = data.records[0]!.OwnerId!;
  await page.goto(`/calendar?owner=${owner}`);
  const subscribe = page.getByRole('button', { name: 'Subscribe to calendar' });
  await subscribe.click();
  const dialog = page.getByRole('dialog', { name: 'Subscribe to calendar' });
  const address = dialog.getByRole('textbox', { name: 'Calendar address' });
  await expect(address).toHaveValue(new RegExp(`/calendar\\.ics\\?owner=${owner}$`));
  const feed = await page.request.get(await address.inputValue());
  expect(feed.status()).toBe(200);
  expect(await feed.text()).toMatch(/^BEGIN:VCALENDAR\r\n/);
  await axe('calendar, Subscribe to calendar');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(subscribe).toBeFocused();
});
