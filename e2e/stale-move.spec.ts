/**
 * A move on a stale board: a teammate moved the card after this board loaded, and live updates
 * did not bring it (the stream is down here). The move is not sent; the card jumps to where the task is, and the user is asked before overriding the teammate.
 */
import { card, column, createTask, getTask, toast, uniquePrefix } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

test("a move never silently undoes a teammate's move: the card jumps to where it is and the user is asked", async ({
  browser,
  page,
  axe,
}) => {
  const p = uniquePrefix();
  const name = `${p} quarterly review`;
  const task = await createTask({ Name: name });
  // Live updates would bring the teammate's move to this board; with the stream down (or a change
  // it does not see), the board stays stale, and the move itself must notice.
  await page.route('**/events', (route) => route.abort());
  await page.goto(`/board?q=${p}`);
  await expect(card(page, 'Not Started', name)).toBeVisible();

  // A teammate, in another browser, moves it to Completed.
  const other = await browser.newContext();
  try {
    const teammate = await other.newPage();
    await teammate.goto(`/board?q=${p}`);
    await card(teammate, 'Not Started', name).getByRole('button', { name: 'Move to', exact: true }).click();
    await teammate.getByRole('menuitem', { name: 'Completed' }).click();
    await expect(toast(teammate, `Moved "${name}" to Completed.`)).toBeVisible();
  } finally {
    await other.close();
  }

  // This board still shows it in Not Started; moving it asks first.
  await card(page, 'Not Started', name).getByRole('button', { name: 'Move to', exact: true }).click();
  await page.getByRole('menuitem', { name: 'In Progress' }).click();
  const question = page
    .getByRole('region', { name: 'Notifications' })
    .getByRole('alert')
    .filter({ hasText: `Someone else moved "${name}" to Completed` });
  await expect(question).toContainText('Move it to In Progress anyway?');
  await expect(card(page, 'Completed', name)).toBeVisible();
  await expect(column(page, 'Not Started').getByRole('article', { name })).toHaveCount(0);
  expect((await getTask(task.Gsid)).Status).toBe('Completed');
  await axe('board with a stale-move question');

  await question.getByRole('button', { name: 'Move to In Progress' }).click();
  await expect(toast(page, `Moved "${name}" to In Progress.`)).toBeVisible();
  await expect(card(page, 'In Progress', name)).toBeVisible();
  await expect.poll(async () => (await getTask(task.Gsid)).Status).toBe('In Progress');
});
