/**
 * The task board: columns, drag and drop with the mouse and the keyboard, the "Move to" menu,
 * optimistic moves that fail back and undo, moves that keep other users' changes, filters in the
 * URL, links from other pages, and accessibility with a drag in progress.
 *
 * The sandbox is shared by the whole run, so each test makes its own tasks with a unique word in
 * their names and filters the board to them.
 */
import {
  announcement,
  card,
  column,
  createTask,
  dragWithMouse,
  expectColumn,
  getTask,
  handleOf,
  isoDay,
  pickUp,
  toast,
  unchangedByMove,
  uniquePrefix,
  type ApiTask,
  type Status,
} from './board-helpers.ts';
import type { Locator } from '@playwright/test';
import { scrollColumn } from '../bench/lib/board.ts';
import { errorEnvelope } from '../test-support/api-envelope.ts';
import { E2E } from './env.ts';
import { holdBack } from './hold-back.ts';
import { expect, sandboxApi, test } from './fixtures.ts';

test.afterEach(async () => {
  await sandboxApi.clearFaults();
});

const moved = (name: string, to: Status) => `Moved "${name}" to ${to}.`;

test('mouse: a card goes to each other column, empty ones included; the move survives a reload and changes nothing else', async ({
  page,
}) => {
  const p = uniquePrefix();
  // The name is shown as the characters it holds, never as markup.
  const name = `${p} Kickoff <b>call</b>`;
  const task = await createTask({ Name: name, Priority: 'High', DueDate: isoDay(-3), Description: 'Keep me.' });
  const before = await getTask(task.Gsid);

  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);
  await expect(card(page, 'Not Started', name).getByRole('link', { name })).toHaveAttribute('href', `/tasks/${task.Gsid}`);
  await expect(card(page, 'Not Started', name).getByText('overdue by 3 days')).toBeVisible();
  for (const empty of ['In Progress', 'Completed', 'Skipped'] as const) await expectColumn(page, empty, []);

  let from: Status = 'Not Started';
  for (const to of ['In Progress', 'Completed', 'Skipped'] as const) {
    await dragWithMouse(page, from, name, to);
    await expectColumn(page, to, [name]);
    await expectColumn(page, from, []);
    await expect(toast(page, moved(name, to))).toBeVisible();
    const now = await getTask(task.Gsid);
    expect(now.Status).toBe(to);
    expect(unchangedByMove(now)).toEqual(unchangedByMove(before));
    from = to;
  }

  await page.reload();
  await expectColumn(page, 'Skipped', [name]);
  await expectColumn(page, 'Not Started', []);
  // A done task is not overdue any more.
  await expect(card(page, 'Skipped', name).getByText(/^was due /)).toBeVisible();
});

test('the whole card drags from its body, after a small movement; a click on its body opens it', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Body drag`;
  const task = await createTask({ Name: name, DueDate: isoDay(4), Description: 'Drag me by the body.' });
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);

  // A press on the card's facts (not its link, handle or menu), then a glide to another column.
  const box = (await card(page, 'Not Started', name).boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height - 8;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 8, y + 8, { steps: 4 });
  await expect(announcement(page)).toHaveText(`Picked up task ${name}.`);
  const target = (await column(page, 'In Progress').boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + 140, { steps: 20 });
  await page.mouse.up();
  await expect(announcement(page)).toHaveText('Dropped in In Progress.');
  await expectColumn(page, 'In Progress', [name]);
  await expect.poll(async () => (await getTask(task.Gsid)).Status).toBe('In Progress');

  // A click on the body (no movement) is not a drag: it opens the task.
  const moved = (await card(page, 'In Progress', name).boundingBox())!;
  await page.mouse.click(moved.x + moved.width / 2, moved.y + moved.height - 8);
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.Gsid}$`));
});

test('a drop in the same column is refused visibly: the column says so during the drag, a message says why, nothing is sent', async ({
  page,
}) => {
  const p = uniquePrefix();
  const name = `${p} Same column`;
  const other = `${p} Neighbour`;
  const task = await createTask({ Name: name, DueDate: isoDay(2) });
  await createTask({ Name: other, DueDate: isoDay(5) });
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name, other]);
  const before = await getTask(task.Gsid);
  const writes: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT') writes.push(r.url());
  });

  const handle = handleOf(card(page, 'Not Started', name), name);
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 8, box.y + box.height / 2 + 8, { steps: 4 });
  await expect(announcement(page)).toHaveText(`Picked up task ${name}.`);
  // Carried below its neighbour, still in its own column: the column refuses, in words.
  const neighbour = (await card(page, 'Not Started', other).boundingBox())!;
  await page.mouse.move(neighbour.x + neighbour.width / 2, neighbour.y + neighbour.height + 20, { steps: 10 });
  const own = column(page, 'Not Started');
  await expect(own).toHaveAttribute('data-drop-refused', 'true');
  await expect(own.getByText('Already in Not Started. Drop on another column to change the status.')).toBeVisible();
  await page.mouse.up();

  const why = `${name} stays in Not Started: cards in a column follow the board's sort and cannot be reordered by hand. Drop it on another column to change its status.`;
  await expect(toast(page, why)).toBeVisible();
  await expect(announcement(page)).toHaveText(why);
  await expect(own).not.toHaveAttribute('data-drop-refused');
  await expectColumn(page, 'Not Started', [name, other]);
  expect(writes).toEqual([]);
  expect((await getTask(task.Gsid)).ModifiedDate).toBe(before.ModifiedDate);
});

test('keyboard: pick up, move and drop; pick up, move and Escape leaves the card where it was', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Keyboard task`;
  const task = await createTask({ Name: name });
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);

  await handleOf(page, name).focus();
  await pickUp(page, name);
  await page.keyboard.press('ArrowRight');
  await expect(announcement(page)).toHaveText('Over In Progress.');
  await expect(column(page, 'In Progress')).toHaveAttribute('data-drop-target', 'true');
  await page.keyboard.press('Space');
  await expect(announcement(page)).toHaveText('Dropped in In Progress.');
  await expectColumn(page, 'In Progress', [name]);
  await expectColumn(page, 'Not Started', []);
  // The keyboard user stays on the card they moved.
  await expect(handleOf(card(page, 'In Progress', name), name)).toBeFocused();
  await expect(toast(page, moved(name, 'In Progress'))).toBeVisible();
  expect((await getTask(task.Gsid)).Status).toBe('In Progress');

  await pickUp(page, name);
  await page.keyboard.press('ArrowRight');
  await expect(announcement(page)).toHaveText('Over Completed.');
  await page.keyboard.press('Escape');
  await expect(announcement(page)).toHaveText(`Cancelled. ${name} stays in In Progress.`);
  await expectColumn(page, 'In Progress', [name]);
  await expectColumn(page, 'Completed', []);
  await expect(handleOf(card(page, 'In Progress', name), name)).toBeFocused();
  expect((await getTask(task.Gsid)).Status).toBe('In Progress');
});

test('arrows travel between cards: Up and Down in a column, Left and Right to the card beside, Home and End; a skip link per column', async ({
  page,
}) => {
  const p = uniquePrefix();
  const names = [`${p} first`, `${p} second`, `${p} third`];
  for (const [i, name] of names.entries()) await createTask({ Name: name, DueDate: isoDay(i + 1) });
  const beside = `${p} beside`;
  await createTask({ Name: beside, DueDate: isoDay(1), Status: 'In Progress' });
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', names);
  const link = (status: Status, name: string) => card(page, status, name).getByRole('link', { name, exact: true });

  await link('Not Started', names[0]!).focus();
  await page.keyboard.press('ArrowDown');
  await expect(link('Not Started', names[1]!)).toBeFocused();
  await page.keyboard.press('End');
  await expect(link('Not Started', names[2]!)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(link('Not Started', names[2]!)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(link('Not Started', names[0]!)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(link('In Progress', beside)).toBeFocused();
  // Completed and Skipped have no cards here: Right stays; Left goes back.
  await page.keyboard.press('ArrowRight');
  await expect(link('In Progress', beside)).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(link('Not Started', names[0]!)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(link('Not Started', names[0]!)).toBeFocused();

  // One card per column is in the Tab order (roving focus), the one last focused: Tab leaves the
  // column after that card's controls, and Shift+Tab comes back to it, not to the column's last card.
  await page.keyboard.press('ArrowDown');
  await expect(link('Not Started', names[1]!)).toBeFocused();
  const besideHandle = card(page, 'In Progress', beside).getByRole('button', { name: `Move ${beside}`, exact: true });
  const secondMenu = card(page, 'Not Started', names[1]!).getByRole('button', { name: 'Move to' });
  const presses = async (key: string, target: Locator) => {
    for (let n = 1; n <= 12; n++) {
      await page.keyboard.press(key);
      if (await target.evaluate((el) => el === document.activeElement)) return n;
    }
    return Infinity;
  };
  // Quick look, Move to, the card's Select checkbox, the next column's "Select all" and "Add", its card's handle.
  expect(await presses('Tab', besideHandle)).toBeLessThanOrEqual(6);
  expect(await presses('Shift+Tab', secondMenu)).toBeLessThanOrEqual(4);
  await page.keyboard.press('Shift+Tab');
  await expect(card(page, 'Not Started', names[1]!).getByRole('button', { name: `Quick look: ${names[1]}`, exact: true })).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(link('Not Started', names[1]!)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(link('Not Started', names[0]!)).toBeFocused();

  // A skip link per column, seen when focused, lands on the column's first card.
  const skip = page.getByRole('navigation', { name: 'Board columns' }).getByRole('link', { name: 'Skip to In Progress', exact: true });
  await skip.focus();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(link('In Progress', beside)).toBeFocused();
  await page.keyboard.press('ArrowLeft');

  // Enter still opens the card.
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: names[0] })).toBeVisible();
});

test('the "Move to" menu: a real menu, keyboard and all', async ({ page, axe }) => {
  const p = uniquePrefix();
  const name = `${p} Menu task`;
  const task = await createTask({ Name: name });
  await page.goto(`/board?q=${p}`);
  const menuButton = card(page, 'Not Started', name).getByRole('button', { name: 'Move to', exact: true });

  await menuButton.click();
  const menu = page.getByRole('menu', { name: `Move ${name} to` });
  await expect(menu.getByRole('menuitem')).toHaveText(['In Progress', 'Completed', 'Skipped']);
  await expect(menu.getByRole('menuitem', { name: 'In Progress' })).toBeFocused();
  await expect(menuButton).toHaveAttribute('aria-expanded', 'true');
  await axe('board with the Move to menu open');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: 'Completed' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();

  await page.keyboard.press('ArrowUp'); // opens on the last item
  await expect(menu.getByRole('menuitem', { name: 'Skipped' })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // wraps around
  await expect(menu.getByRole('menuitem', { name: 'In Progress' })).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowUp');
  await expect(menu.getByRole('menuitem', { name: 'Completed' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expectColumn(page, 'Completed', [name]);
  await expectColumn(page, 'Not Started', []);
  await expect(card(page, 'Completed', name).getByText(/^Completed [A-Z][a-z]{2} \d+, \d{4}$/)).toBeVisible();
  await expect(card(page, 'Completed', name).getByRole('button', { name: 'Move to', exact: true })).toBeFocused();
  await expect(toast(page, moved(name, 'Completed'))).toBeVisible();
  expect((await getTask(task.Gsid)).Status).toBe('Completed');
});

test('the "Move to" menu stays open through a scroll that leaves its button in place, and closes when the button moves', async ({
  page,
}) => {
  await page.goto(`${E2E.bigAppUrl}/board`);
  const first = column(page, 'Not Started').locator('article[aria-posinset="4"]');
  await expect(first).toBeVisible({ timeout: 15_000 });
  const name = (await first.getAttribute('aria-label'))!;
  const menu = page.getByRole('menu', { name: `Move ${name} to` });
  const nextFrames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

  // A click that lands while a scroll is still settling (its event comes a frame later, after the
  // menu has opened where the button now is): the menu stays.
  await page.evaluate((label) => {
    const section = document.querySelector('section[aria-label="Not Started"]')!;
    const scroller = section.querySelector('[role=feed]')!.parentElement!;
    scroller.scrollTop += 40;
    const article = [...section.querySelectorAll('article')].find((a) => a.getAttribute('aria-label') === label)!;
    [...article.querySelectorAll('button')].find((b) => b.textContent === 'Move to')!.click();
  }, name);
  await nextFrames();
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'In Progress' })).toBeFocused();

  // Another column scrolling does not move the button either.
  await column(page, 'In Progress')
    .getByRole('feed')
    .locator('..')
    .evaluate((el) => (el.scrollTop += 200));
  await nextFrames();
  await expect(menu).toBeVisible();

  // Its own column scrolling moves the button away from the menu: the menu closes.
  await column(page, 'Not Started')
    .getByRole('feed')
    .locator('..')
    .evaluate((el) => (el.scrollTop += 60));
  await expect(menu).toBeHidden();
});

test('a move the server rejects goes back and says why; Retry does it again', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Rejected move`;
  const task = await createTask({ Name: name });
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);

  await sandboxApi.faults({ rules: [{ method: 'PUT', path: '/tasks/*', status: 400, times: 1 }] });
  // Hold every search from now on, so what the board shows comes from the move alone (no refetch).
  const searches = await holdBack(page, '**/v1/tasks/search');
  await dragWithMouse(page, 'Not Started', name, 'In Progress');
  const alert = page.getByRole('alert').filter({ hasText: `Could not move "${name}" to In Progress` });
  await expect(alert).toContainText('Injected fault: the sandbox was told to answer 400');
  await expectColumn(page, 'Not Started', [name]);
  await expectColumn(page, 'In Progress', []);
  expect((await getTask(task.Gsid)).Status).toBe('Not Started');
  await searches.release();

  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(toast(page, moved(name, 'In Progress'))).toBeVisible();
  await expectColumn(page, 'In Progress', [name]);
  expect((await getTask(task.Gsid)).Status).toBe('In Progress');
});

test('Undo puts the task back, on the server too', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Undo me`;
  const task = await createTask({ Name: name });
  await page.goto(`/board?q=${p}`);
  await card(page, 'Not Started', name).getByRole('button', { name: 'Move to', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Completed' }).click();
  const done = page.getByRole('status').filter({ hasText: moved(name, 'Completed') });
  await expect(done).toBeVisible();
  expect((await getTask(task.Gsid)).CompletedDate).toBeTruthy();

  await done.getByRole('button', { name: 'Undo' }).click();
  await expectColumn(page, 'Not Started', [name]);
  await expectColumn(page, 'Completed', []);
  await expect(toast(page, moved(name, 'Not Started'))).toBeVisible();
  const after = await getTask(task.Gsid);
  expect(after.Status).toBe('Not Started');
  expect(after.CompletedDate).toBeUndefined();
});

test('a move keeps what another user changed after the board loaded', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Shared task`;
  const task = await createTask({ Name: name, Description: 'Old words', DueDate: isoDay(10), Priority: 'Low' });
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);

  // Someone else edits the task.
  const theirs = {
    Name: name,
    CTAId: task.CTAId,
    OwnerId: task.OwnerId,
    Status: 'Not Started',
    Priority: 'High',
    DueDate: isoDay(12),
    Description: 'New words from a colleague',
  };
  expect((await sandboxApi.call('PUT', `/v1/tasks/${task.Gsid}`, theirs)).status).toBe(200);
  const before = await getTask(task.Gsid);

  await dragWithMouse(page, 'Not Started', name, 'In Progress');
  await expect(toast(page, moved(name, 'In Progress'))).toBeVisible();
  const after = await getTask(task.Gsid);
  expect(after.Status).toBe('In Progress');
  expect(after.Description).toBe('New words from a colleague');
  expect(unchangedByMove(after)).toEqual(unchangedByMove(before));
});

test('two quick moves of one card end with the last one, on screen and on the server', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Twice`;
  const task = await createTask({ Name: name });
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);
  await sandboxApi.faults({ latencyMs: 400 });

  await card(page, 'Not Started', name).getByRole('button', { name: 'Move to', exact: true }).click();
  await page.getByRole('menuitem', { name: 'In Progress' }).click();
  // Shown at once, while the first request is still on its way.
  await card(page, 'In Progress', name).getByRole('button', { name: 'Move to', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Skipped' }).click();
  await expectColumn(page, 'Skipped', [name]);

  await expect(toast(page, moved(name, 'Skipped'))).toBeVisible();
  await expect(toast(page, moved(name, 'In Progress'))).toBeVisible();
  expect((await getTask(task.Gsid)).Status).toBe('Skipped');
  await expectColumn(page, 'Skipped', [name]);
  await expectColumn(page, 'In Progress', []);
});

test('filters and sort live in the URL and survive a reload', async ({ page }) => {
  const p = uniquePrefix();
  const late = `${p} Late high`;
  const lateLow = `${p} Late low`;
  const soon = `${p} Soon high`;
  const started = `${p} Started high`;
  await createTask({ Name: late, Priority: 'High', DueDate: isoDay(-2) });
  await createTask({ Name: lateLow, Priority: 'Low', DueDate: isoDay(-5) });
  await createTask({ Name: soon, Priority: 'High', DueDate: isoDay(30) });
  await createTask({ Name: started, Priority: 'High', DueDate: isoDay(-1), Status: 'In Progress' });

  await page.goto('/board');
  await page.getByLabel('Search names').fill(p);
  await expect(page).toHaveURL(new RegExp(`q=${p}`));
  await expectColumn(page, 'Not Started', [lateLow, late, soon]); // by due date
  await page.getByLabel('Sort by').selectOption({ label: 'Priority' });
  await expect(column(page, 'Not Started').getByRole('article')).toHaveText([new RegExp(late), new RegExp(soon), new RegExp(lateLow)]);
  // The direction turns round: low priority first, the latest due first among equals; kept in the URL.
  await page.getByLabel('Order').selectOption({ label: 'Low first' });
  await expect(column(page, 'Not Started').getByRole('article')).toHaveText([new RegExp(lateLow), new RegExp(soon), new RegExp(late)]);
  await expect(page).toHaveURL(/dir=reverse/);
  await page.getByLabel('Order').selectOption({ label: 'High first' });
  await expect(column(page, 'Not Started').getByRole('article')).toHaveText([new RegExp(late), new RegExp(soon), new RegExp(lateLow)]);
  await page.getByLabel('Priority', { exact: true }).selectOption('High');
  await page.getByRole('button', { name: 'Overdue' }).click();
  await expect(page.getByRole('button', { name: 'Overdue' })).toHaveAttribute('aria-pressed', 'true');
  await expectColumn(page, 'Not Started', [late]);
  await expectColumn(page, 'In Progress', [started]);
  await expect(page).toHaveURL(/sort=priority/);

  await page.reload();
  await expect(page.getByLabel('Search names')).toHaveValue(p);
  await expect(page.getByLabel('Sort by')).toHaveValue('priority');
  await expect(page.getByLabel('Priority', { exact: true })).toHaveValue('High');
  await expect(page.getByRole('button', { name: 'Overdue' })).toHaveAttribute('aria-pressed', 'true');
  await expectColumn(page, 'Not Started', [late]);
  await expectColumn(page, 'In Progress', [started]);
  // The done columns say why they are empty, and a card moved there is said to be hidden, not lost.
  await expect(column(page, 'Completed').getByText('Completed tasks are never overdue, so the Overdue filter hides them.')).toBeVisible();
  await card(page, 'In Progress', started).getByRole('button', { name: 'Move to' }).click();
  await page.getByRole('menuitem', { name: 'Skipped' }).click();
  await expect(
    toast(page, `Moved "${started}" to Skipped. Skipped tasks are never overdue, so the Overdue filter hides them.`),
  ).toBeVisible();
  await expectColumn(page, 'In Progress', []);

  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByLabel('Search names')).toHaveValue('');
  await expect(page).toHaveURL(/\/board\?sort=priority$/);
});

test('"My tasks": the user says who they are once, and the browser remembers', async ({ page }) => {
  const p = uniquePrefix();
  const mine = await createTask({ Name: `${p} Mine` });
  const owners = await sandboxApi.call<{ records: ApiTask[] }>('POST', '/v1/tasks/search', {
    select: ['OwnerId', 'OwnerName'],
    where: {
      conditions: [
        { name: 'OwnerId', operator: 'NE', value: [mine.OwnerId] },
        { name: 'OwnerId', operator: 'IS_NOT_NULL', value: [] },
      ],
    },
    limit: 1,
  });
  const other = owners.data.records[0]!;
  await createTask({ Name: `${p} Theirs`, OwnerId: other.OwnerId });

  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [`${p} Mine`, `${p} Theirs`]);
  await page.getByRole('button', { name: 'My tasks' }).click();
  await expect(page.getByText('“My tasks” needs to know who you are')).toBeVisible();
  await page.getByLabel('I am').selectOption(mine.OwnerId!);
  await expectColumn(page, 'Not Started', [`${p} Mine`]);

  await page.reload();
  await expect(page.getByLabel('I am')).toHaveValue(mine.OwnerId!);
  await expectColumn(page, 'Not Started', [`${p} Mine`]);

  // "+ Add" on a board of my tasks makes a task of mine.
  await column(page, 'In Progress').getByRole('button', { name: 'Add task to In Progress' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await expect(dialog.getByRole('combobox', { name: 'Owner' })).toHaveValue(mine.OwnerName!);
  await expect(dialog.getByLabel('Status')).toHaveValue('In Progress');
});

test('links from other pages: where= and playbook= filter the board; a bad link says so', async ({ page }) => {
  const p = uniquePrefix();
  const a = await createTask({ Name: `${p} Alpha`, Priority: 'High' });
  await createTask({ Name: `${p} Beta`, Priority: 'Low' });
  await createTask({ Name: `${p} Gamma`, Priority: 'High', Status: 'In Progress' });

  // As the search page's "Show on board" writes it: their aliases and expression, any status.
  const where = {
    conditions: [
      { name: 'Name', alias: 'A', operator: 'CONTAINS', value: [p] },
      { name: 'Priority', alias: 'B', operator: 'EQ', value: ['High'] },
      { name: 'Gsid', alias: 'C', operator: 'EQ', value: [a.Gsid] },
    ],
    expression: 'A AND (B OR C)',
  };
  await page.goto(`/board?where=${encodeURIComponent(JSON.stringify(where))}`);
  await expectColumn(page, 'Not Started', [`${p} Alpha`]);
  await expectColumn(page, 'In Progress', [`${p} Gamma`]);
  await expect(page.getByRole('list', { name: 'Filters from links' })).toContainText(`Search: A: Name contains "${p}"`);
  await page.reload();
  await expectColumn(page, 'In Progress', [`${p} Gamma`]);

  // A playbook's tasks: each column counts what the API counts.
  const playbooks = await sandboxApi.call<{ Gsid: string; Name: string }[]>('GET', '/v1/playbooks');
  const playbook = playbooks.data[0]!;
  await page.goto(`/board?playbook=${playbook.Gsid}`);
  await expect(page.getByRole('list', { name: 'Filters from links' })).toContainText(`Playbook: ${playbook.Name}`);
  for (const status of ['Not Started', 'In Progress', 'Completed', 'Skipped'] as const) {
    const res = await sandboxApi.call<{ totalCount: number }>('POST', '/v1/tasks/search', {
      where: {
        conditions: [
          { name: 'PlaybookId', operator: 'EQ', value: [playbook.Gsid] },
          { name: 'Status', operator: 'EQ', value: [status] },
        ],
      },
      limit: 0,
    });
    const n = res.data.totalCount;
    await expect(column(page, status).getByRole('heading', { level: 2 })).toHaveText(`${status}, ${n} ${n === 1 ? 'task' : 'tasks'}`);
  }
  await page.getByRole('button', { name: 'Remove playbook filter' }).click();
  await expect(page).toHaveURL(/\/board$/);

  // A broken or stale link: a clear message, not a crash and not a board that means something else.
  await page.goto(`/board?where=${encodeURIComponent('{"conditions":[{"name":"Nmae","operator":"EQ","value":["x"]}]}')}&q=${p}`);
  await expect(page.getByRole('alert')).toContainText(
    'The search filter in this link cannot be used: condition 1 names no known task field ("Nmae").',
  );
  await expect(column(page, 'Not Started')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the board without this filter' }).click();
  await expect(page).toHaveURL(new RegExp(`/board\\?q=${p}$`));
  await expectColumn(page, 'Not Started', [`${p} Alpha`, `${p} Beta`]);
});

test('a column that fails to load shows its error and a retry; the others stay', async ({ page }) => {
  const p = uniquePrefix();
  await createTask({ Name: `${p} Visible` });
  await createTask({ Name: `${p} Skipped one`, Status: 'Skipped' });
  let failSkipped = true;
  await page.route('**/v1/tasks/search', async (route) => {
    const body = route.request().postData() ?? '';
    if (failSkipped && body.includes('"Skipped"') && body.includes(p)) {
      await route.fulfill({
        status: 400,
        contentType: 'application/json',
        body: JSON.stringify(errorEnvelope('COCKPIT_5100', 'The Skipped search was refused.', 'r-1')),
      });
    } else {
      await route.continue();
    }
  });
  await page.goto(`/board?q=${p}`);
  const skipped = column(page, 'Skipped');
  await expect(skipped.getByRole('alert')).toContainText('Could not load Skipped');
  await expect(skipped.getByRole('alert')).toContainText('The Skipped search was refused.');
  await expectColumn(page, 'Not Started', [`${p} Visible`]);
  failSkipped = false;
  await skipped.getByRole('button', { name: 'Try again' }).click();
  await expectColumn(page, 'Skipped', [`${p} Skipped one`]);
});

test('the board has no axe violations, at rest and with a keyboard drag in progress', async ({ page, axe }) => {
  await page.goto('/board');
  const first = column(page, 'Not Started').getByRole('article').first();
  await expect(first).toBeVisible();
  await axe('board');
  const name = (await first.getAttribute('aria-label'))!;
  await handleOf(first, name).focus();
  await pickUp(page, name, 'Enter');
  await page.keyboard.press('ArrowRight');
  await expect(announcement(page)).toHaveText('Over In Progress.');
  await axe('board with a drag in progress');
  await page.keyboard.press('Escape');
  await expect(announcement(page)).toHaveText(`Cancelled. ${name} stays in Not Started.`);
  await expect(column(page, 'Not Started').getByRole('article', { name, exact: true }).first()).toBeVisible();
});

test('going Back from a card puts its column where it was and the focus on that card', async ({ page }) => {
  await page.goto(`${E2E.bigAppUrl}/board`);
  await expect(column(page, 'Not Started').getByRole('article').first()).toBeVisible({ timeout: 15_000 });
  await scrollColumn(page, 'Not Started', 50);
  const scroller = column(page, 'Not Started').getByRole('feed').locator('..');
  const target = column(page, 'Not Started').locator('article[aria-posinset="46"]');
  const name = (await target.getAttribute('aria-label'))!;
  const scrolled = await scroller.evaluate((el) => el.scrollTop);
  expect(scrolled).toBeGreaterThan(2000);
  const shownBefore = await target.evaluate((el) => el.getBoundingClientRect().top);
  await target.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.goBack();
  const again = column(page, 'Not Started').locator('article[aria-posinset="46"]');
  await expect(again.getByRole('link', { name, exact: true })).toBeFocused();
  await expect(again).toBeInViewport();
  // Where it was on screen (the cards drawn again are measured again; the card is held in place).
  await expect.poll(async () => Math.abs((await again.evaluate((el) => el.getBoundingClientRect().top)) - shownBefore)).toBeLessThan(24);
  expect(await scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(2000);
  // The other columns were at the top, and still are.
  expect(
    await column(page, 'In Progress')
      .getByRole('feed')
      .locator('..')
      .evaluate((el) => el.scrollTop),
  ).toBe(0);

  // A new visit (not Back) starts at the top.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search', exact: true }).click();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board', exact: true }).click();
  await expect(column(page, 'Not Started').locator('article[aria-posinset="1"]')).toBeVisible();
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
});

test('a column loads more as it scrolls, keeping only the cards near the view in the page', async ({ page }) => {
  await page.goto('/board');
  const notStarted = column(page, 'Not Started');
  const first = notStarted.getByRole('article').first();
  await expect(first).toBeVisible();
  const total = Number(await first.getAttribute('aria-setsize'));
  expect(total, 'the seeded board has more Not Started tasks than one page').toBeGreaterThan(100);
  await expect(notStarted.getByRole('heading', { level: 2 })).toHaveText(`Not Started, ${total} tasks`);

  const last = notStarted.locator(`article[aria-posinset="${total}"]`);
  await notStarted.getByRole('feed').hover();
  await expect(async () => {
    await page.mouse.wheel(0, 4000);
    await expect(last).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  expect(await notStarted.getByRole('article').count(), 'cards in the page for this column').toBeLessThan(40);
  await expect(notStarted.getByRole('article').first()).not.toHaveAttribute('aria-posinset', '1');
});

test('each column can start a new task with its status', async ({ page }) => {
  await page.goto('/board');
  await column(page, 'In Progress').getByRole('button', { name: 'Add task to In Progress' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Status')).toHaveValue('In Progress');
});

test("a playbook task's card names its playbook and its real step; the board asks for the playbook list once", async ({ page }) => {
  const playbooks = await sandboxApi.call<{ Gsid: string; Name: string; TaskTemplates: { name: string; order: number }[] }[]>(
    'GET',
    '/v1/playbooks',
  );
  const playbook = playbooks.data.find((pb) => pb.TaskTemplates.length >= 4)!;
  const templates = [...playbook.TaskTemplates].sort(
    (a, b) => a.order - b.order || a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }),
  );
  const p = uniquePrefix();
  const name = `${p} Third step`;
  const due = isoDay(7);
  await createTask({ Name: name, PlaybookId: playbook.Gsid, Order: templates[2]!.order, DueDate: due });
  let playbookRequests = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/v1/playbooks')) playbookRequests++;
  });

  await page.goto(`/board?q=${p}`);
  const shown = card(page, 'Not Started', name);
  await expect(shown.getByText(`${playbook.Name} · step 3 of ${templates.length}`, { exact: true })).toBeVisible();
  // The due date in words, and the full date as text for keyboard, touch and screen-reader users.
  const fullDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${due}T00:00:00Z`));
  await expect(shown.locator('time')).toHaveText(`due in 7 days (${fullDate})`);
  // …kept off the card's face, so it stays compact.
  await expect(shown.locator('time .sr-only')).toHaveCSS('position', 'absolute');
  expect(playbookRequests).toBe(1);
});

/** A link as the search page's "Show on board" writes it: conditions lettered A, B, C… and their logic. */
function searchLink(conditions: { name: string; operator: string; value: (string | number)[] }[], expression: string) {
  const letter = (i: number): string =>
    i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26));
  const where = { conditions: conditions.map((c, i) => ({ ...c, alias: letter(i) })), expression };
  return {
    where,
    aliases: conditions.map((_c, i) => letter(i)),
    href: (extra = '') => `/board?where=${encodeURIComponent(JSON.stringify(where))}${extra}`,
  };
}

test('"Show on board" works for the largest searches the search page makes: 100 conditions, 32 levels of parentheses', async ({
  page,
  axe,
}) => {
  const p = uniquePrefix();
  await createTask({ Name: `${p} Open`, Priority: 'High' });
  await createTask({ Name: `${p} Started`, Priority: 'High', Status: 'In Progress' });
  await createTask({ Name: `${p} Low`, Priority: 'Low' });
  await createTask({ Name: `${p} Done`, Priority: 'High', Status: 'Completed' });
  const named = { name: 'Name', operator: 'CONTAINS', value: [p] };

  // 100 conditions, all of them ANDed; one keeps to open tasks.
  const hundred = searchLink(
    [
      ...Array.from({ length: 98 }, () => named),
      { name: 'Priority', operator: 'EQ', value: ['High'] },
      { name: 'Status', operator: 'IN', value: ['Not Started', 'In Progress'] },
    ],
    '',
  );
  hundred.where.expression = hundred.aliases.join(' AND ');
  await page.goto(hundred.href());
  await expectColumn(page, 'Not Started', [`${p} Open`]);
  await expectColumn(page, 'In Progress', [`${p} Started`]);
  await expectColumn(page, 'Completed', []);
  await expectColumn(page, 'Skipped', []);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Logic nested 32 levels deep, an OR at the top, with a board filter on top of it.
  const deep = Array.from({ length: 66 }, () => named);
  let logic = 'A OR B';
  for (let level = 1; level <= 32; level++)
    logic = `${searchLink(deep, '').aliases[level * 2]} OR ${searchLink(deep, '').aliases[level * 2 + 1]} AND (${logic})`;
  const nested = searchLink(deep, logic);
  await page.goto(nested.href('&priority=High'));
  await expectColumn(page, 'Not Started', [`${p} Open`]);
  await expectColumn(page, 'In Progress', [`${p} Started`]);
  await expectColumn(page, 'Completed', [`${p} Done`]);
  await expect(page.getByRole('alert')).toHaveCount(0);

  // What cannot be one search says so, in the column, instead of failing at the server.
  const full = searchLink(
    Array.from({ length: 100 }, () => named),
    '',
  );
  full.where.expression = full.aliases.join(' AND ');
  await page.goto(full.href());
  await expect(column(page, 'Not Started').getByRole('alert')).toContainText('uses all 100 conditions the server takes');
  await axe('board with a column that cannot be shown');
});
