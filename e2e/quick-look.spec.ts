/**
 * The quick look (issue 15): a task's fields and an inline edit of status, owner, priority and due
 * date in a side sheet, opened from a board card or a search row without leaving the page, kept
 * in the URL (`?look=`) so it survives a reload and Back closes it.
 *
 * The sandbox is shared by the whole run, so each test makes its own tasks with a unique word in
 * their names and filters the page to them.
 */
import { card, createTask, expectColumn, getTask, isoDay, uniquePrefix } from './board-helpers.ts';
import { formatDate } from '../src/lib/dates.ts';
import { expect, sandboxApi, test } from './fixtures.ts';

test.afterEach(async () => {
  await sandboxApi.clearFaults();
});

const quickLook = (name: string) => `Quick look: ${name}`;

test('from a card: in the URL, kept by a reload; priority and due date saved, the card follows; Escape gives the focus back', async ({
  page,
  axe,
}) => {
  const p = uniquePrefix();
  const name = `${p} Quarterly review`;
  const task = await createTask({ Name: name, Priority: 'Low', DueDate: isoDay(10), Description: 'Bring the renewal numbers.' });
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);

  const opener = card(page, 'Not Started', name).getByRole('button', { name: quickLook(name), exact: true });
  await opener.click();
  const panel = page.getByRole('dialog', { name: quickLook(name) });
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/board\\?q=${p}&look=${task.Gsid}$`));
  await expect(panel.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(panel.getByText('Bring the renewal numbers.')).toBeVisible();
  await expect(panel.getByRole('link', { name: 'Open task page' })).toHaveAttribute('href', `/tasks/${task.Gsid}`);
  await axe('board with the quick look open');

  // A reload keeps it open (and the board's filter).
  await page.reload();
  await expect(panel).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/board\\?q=${p}&look=${task.Gsid}$`));

  const due = isoDay(3);
  await panel.getByRole('combobox', { name: 'Priority' }).selectOption('High');
  await panel.getByLabel('Due date', { exact: true }).fill(due);
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  const saved = await getTask(task.Gsid);
  expect(saved).toMatchObject({ Priority: 'High', DueDate: due, Description: 'Bring the renewal numbers.', Name: name });

  // The card behind it follows.
  await expect(card(page, 'Not Started', name).getByText('due in 3 days')).toBeAttached();

  // Escape closes it, the URL loses the parameter, and the focus is on the card's Quick look button.
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/board\\?q=${p}$`));
  await expect(card(page, 'Not Started', name).getByRole('button', { name: quickLook(name), exact: true })).toBeFocused();
  await expect(card(page, 'Not Started', name).getByText('High priority', { exact: true })).toBeVisible();
});

test('opened and closed with the history: Back closes it and Forward opens it again', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Health check`;
  await createTask({ Name: name });
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);
  await card(page, 'Not Started', name)
    .getByRole('button', { name: quickLook(name), exact: true })
    .click();
  const panel = page.getByRole('dialog', { name: quickLook(name) });
  await expect(panel).toBeVisible();
  await page.goBack();
  await expect(panel).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/board\\?q=${p}$`));
  await page.goForward();
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/board\\?q=${p}$`));
});

test('from a search row; a failed save keeps what was chosen and says why', async ({ page, axe }) => {
  const p = uniquePrefix();
  const name = `${p} Onboarding call`;
  const task = await createTask({ Name: name, Status: 'Not Started', Priority: 'Medium', DueDate: isoDay(5) });
  const s = JSON.stringify({ c: [['Name', 'CONTAINS', [p]]] });
  await page.goto(`/search?s=${encodeURIComponent(s)}`);
  const results = page.getByRole('table', { name: /^Search results/ });
  await expect(results.getByRole('link', { name })).toBeVisible();

  await results.getByRole('button', { name: quickLook(name), exact: true }).click();
  const panel = page.getByRole('dialog', { name: quickLook(name) });
  await expect(panel).toBeVisible();
  expect(new URL(page.url()).searchParams.get('look')).toBe(task.Gsid);
  expect(new URL(page.url()).searchParams.get('s')).toBe(s);
  await axe('search with the quick look open');

  await sandboxApi.faults({ rules: [{ method: 'PUT', path: '/tasks/*', status: 400, times: 1 }] });
  const due = isoDay(20);
  await panel.getByRole('combobox', { name: 'Status' }).selectOption('In Progress');
  await panel.getByLabel('Due date', { exact: true }).fill(due);
  await panel.getByRole('button', { name: 'Save' }).click();
  const alert = panel.getByRole('alert').filter({ hasText: 'Your changes were not saved' });
  await expect(alert).toContainText('Injected fault: the sandbox was told to answer 400');
  await expect(panel.getByRole('combobox', { name: 'Status' })).toHaveValue('In Progress');
  await expect(panel.getByLabel('Due date', { exact: true })).toHaveValue(due);
  expect((await getTask(task.Gsid)).Status).toBe('Not Started');

  // Saved the second time; the results row follows.
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  expect(await getTask(task.Gsid)).toMatchObject({ Status: 'In Progress', DueDate: due });
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
  await expect(results.getByRole('row').filter({ hasText: name })).toContainText(formatDate(due));
});

test('on a phone the panel takes the whole width and the page does not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const p = uniquePrefix();
  const name = `${p} Phone look`;
  const task = await createTask({ Name: name });
  await page.goto(`/board?q=${p}&look=${task.Gsid}`);
  const panel = page.getByRole('dialog', { name: quickLook(name) });
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.x).toBe(0);
  expect(box.width).toBe(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
