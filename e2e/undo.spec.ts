/**
 * Undo from the keyboard: Ctrl+Z (Cmd+Z on a Mac) takes the newest toast's Undo anywhere but in a
 * text field, where it stays the field's own undo.
 */
import { card, createTask, expectColumn, getTask, toast, uniquePrefix } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

test('Ctrl+Z undoes the last move, on the server too; in a text field it does not', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} undo by keyboard`;
  const task = await createTask({ Name: name });
  await page.goto(`/board?q=${p}`);
  await card(page, 'Not Started', name).getByRole('button', { name: 'Move to', exact: true }).click();
  await page.getByRole('menuitem', { name: 'In Progress' }).click();
  await expect(toast(page, `Moved "${name}" to In Progress.`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo', exact: true })).toHaveAttribute(
    'aria-keyshortcuts',
    'Control+Z Meta+Z',
  );

  // In the name search box, Ctrl+Z is the box's own undo: the move stays.
  const search = page.getByRole('searchbox').first();
  await search.focus();
  await page.keyboard.press('Control+z');
  await expect(toast(page, `Moved "${name}" to In Progress.`)).toBeVisible();
  expect((await getTask(task.Gsid)).Status).toBe('In Progress');

  // Anywhere else it undoes the move, and says so.
  await card(page, 'In Progress', name).getByRole('link').focus();
  await page.keyboard.press('Control+z');
  await expect(toast(page, `Moved "${name}" to Not Started.`)).toBeVisible();
  await expectColumn(page, 'Not Started', [name]);
  await expect.poll(async () => (await getTask(task.Gsid)).Status).toBe('Not Started');
});
