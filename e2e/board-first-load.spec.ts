/**
 * The first load: what the board draws before everything has arrived, and what each page asks for
 * before its entry script has run.
 * - Each page's HTML (the team server sends each page its own) has the browser fetch the page's own
 *   code, and the code that starts its data, together with the entry: held back here, the entry
 *   has not run, and those files are asked for all the same; another page's are not.
 * - The drag-and-drop code (dnd-kit) loads only when a drag can start: a drag begun before it
 *   has arrived (its file is held back here) still works, with the mouse and with the keyboard.
 * - The cards do not wait for the playbook list (held back here): a playbook task's card says
 *   "Playbook task" until it arrives, then its playbook and step, and nothing on the card moves.
 */
import type { Page } from '@playwright/test';
import {
  announcement,
  card,
  DRAG_CODE,
  column,
  createTask,
  expectColumn,
  getTask,
  handleOf,
  isoDay,
  toast,
  uniquePrefix,
} from './board-helpers.ts';
import { expect, sandboxApi, test } from './fixtures.ts';
import { E2E } from './env.ts';
import { holdBack } from './hold-back.ts';

/** A new task alone on the board, with the drag code held back, and the mouse pressed on its handle. */
async function pressBeforeDragCode(page: Page, label: string) {
  const p = uniquePrefix();
  const name = `${p} ${label}`;
  const task = await createTask({ Name: name });
  const dragCode = await holdBack(page, DRAG_CODE);
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);
  const handle = handleOf(card(page, 'Not Started', name), name);
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  return { name, task, dragCode, handle, x, y };
}

test('a mouse drag begun before the drag code has loaded still moves the card', async ({ page }) => {
  const { name, task, dragCode, handle, x, y } = await pressBeforeDragCode(page, 'Early mouse drag');
  await page.mouse.move(x + 2, y + 2);
  // Pressed and held while the drag code is still on its way: nothing has taken the press yet.
  await expect.poll(dragCode.requested).toBe(true);
  await expect(announcement(page)).toHaveCount(0);

  await dragCode.release();
  const target = (await column(page, 'In Progress').boundingBox())!;
  await page.mouse.move(x + 10, y + 10, { steps: 4 });
  await expect(announcement(page)).toHaveText(`Picked up task ${name}.`);
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await page.mouse.move(target.x + target.width / 2, target.y + 140, { steps: 20 });
  await expect(announcement(page)).toHaveText('Over In Progress.');
  await page.mouse.up();
  await expect(announcement(page)).toHaveText('Dropped in In Progress.');
  await expectColumn(page, 'In Progress', [name]);
  await expect(toast(page, `Moved "${name}" to In Progress.`)).toBeVisible();
  expect((await getTask(task.Gsid)).Status).toBe('In Progress');
});

test('a drag carried past the start distance before the drag code has loaded is picked up as soon as it arrives, without another move', async ({
  page,
}) => {
  const { name, task, dragCode, handle, x, y } = await pressBeforeDragCode(page, 'Carried early');
  // Well past the 5 px that start a drag, then held still while the drag code is on its way.
  await page.mouse.move(x + 12, y + 12, { steps: 4 });
  await expect.poll(dragCode.requested).toBe(true);
  await expect(announcement(page)).toHaveCount(0);

  await dragCode.release();
  await expect(announcement(page)).toHaveText(`Picked up task ${name}.`);
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  const target = (await column(page, 'Completed').boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + 140, { steps: 20 });
  await page.mouse.up();
  await expect(announcement(page)).toHaveText('Dropped in Completed.');
  await expectColumn(page, 'Completed', [name]);
  await expect.poll(async () => (await getTask(task.Gsid)).Status).toBe('Completed');
});

test('a click on a handle before the drag code has loaded starts no drag later', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Just a click`;
  const task = await createTask({ Name: name });
  const dragCode = await holdBack(page, DRAG_CODE);
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);

  const handle = handleOf(card(page, 'Not Started', name), name);
  await handle.click();
  await expect.poll(dragCode.requested).toBe(true);
  await dragCode.release();
  // The code is in (dnd-kit describes the handle) and the pointer moves on, unpressed: no drag.
  await expect(handle).toHaveAttribute('aria-describedby', /.+/);
  const target = (await column(page, 'Completed').boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + 140, { steps: 20 });
  await expect(handle).not.toHaveAttribute('aria-pressed', 'true');
  await expect(announcement(page)).not.toHaveText(/Picked up/);
  await expectColumn(page, 'Not Started', [name]);
  expect((await getTask(task.Gsid)).Status).toBe('Not Started');
});

test('a keyboard pick-up before the drag code has loaded still works, and so does the "Move to" menu', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Early keyboard drag`;
  const other = `${p} Menu meanwhile`;
  const task = await createTask({ Name: name });
  const otherTask = await createTask({ Name: other });
  const dragCode = await holdBack(page, DRAG_CODE);
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name, other]);

  // Without the drag code, the "Move to" menu moves a card.
  await card(page, 'Not Started', other).getByRole('button', { name: 'Move to', exact: true }).click();
  await page
    .getByRole('menu', { name: `Move ${other} to` })
    .getByRole('menuitem', { name: 'Skipped' })
    .click();
  await expectColumn(page, 'Skipped', [other]);
  await expect(toast(page, `Moved "${other}" to Skipped.`)).toBeVisible();
  expect((await getTask(otherTask.Gsid)).Status).toBe('Skipped');

  await handleOf(card(page, 'Not Started', name), name).focus();
  await page.keyboard.press('Space');
  await expect.poll(dragCode.requested).toBe(true);
  await expect(announcement(page)).toHaveCount(0);

  await dragCode.release();
  await expect(announcement(page)).toHaveText(`Picked up task ${name}.`);
  // The keyboard sensor listens for arrows from the next task on.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
  await page.keyboard.press('ArrowRight');
  await expect(announcement(page)).toHaveText('Over In Progress.');
  await page.keyboard.press('Space');
  await expect(announcement(page)).toHaveText('Dropped in In Progress.');
  await expectColumn(page, 'In Progress', [name]);
  await expect(handleOf(card(page, 'In Progress', name), name)).toBeFocused();
  await expect(toast(page, `Moved "${name}" to In Progress.`)).toBeVisible();
  expect((await getTask(task.Gsid)).Status).toBe('In Progress');
});

test('cards are drawn before the playbook list arrives; its name and step then fill their line without moving anything', async ({
  page,
}) => {
  const playbooks = await sandboxApi.call<{ Gsid: string; Name: string; TaskTemplates: { name: string; order: number }[] }[]>(
    'GET',
    '/v1/playbooks',
  );
  const playbook = playbooks.data.find((pb) => pb.TaskTemplates.length >= 3)!;
  const templates = [...playbook.TaskTemplates].sort(
    (a, b) => a.order - b.order || a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }),
  );
  const p = uniquePrefix();
  const name = `${p} Second step`;
  await createTask({ Name: name, PlaybookId: playbook.Gsid, Order: templates[1]!.order, DueDate: isoDay(3) });
  const below = `${p} Below it`;
  await createTask({ Name: below, DueDate: isoDay(5) });
  const list = await holdBack(page, /\/v1\/playbooks$/);

  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name, below]);
  await expect.poll(list.requested).toBe(true);
  const shown = card(page, 'Not Started', name);
  await expect(shown.getByText('Playbook task', { exact: true })).toBeVisible();
  const before = { card: await shown.boundingBox(), next: await card(page, 'Not Started', below).boundingBox() };

  await list.release();
  await expect(shown.getByText(`${playbook.Name} · step 2 of ${templates.length}`, { exact: true })).toBeVisible();
  expect(await shown.boundingBox()).toEqual(before.card);
  expect(await card(page, 'Not Started', below).boundingBox()).toEqual(before.next);
});

test("each page's HTML has the browser fetch that page's code with the entry, before the entry has run", async ({ browser }) => {
  const playbooks = await sandboxApi.call<{ Gsid: string }[]>('GET', '/v1/playbooks');
  const playbookId = playbooks.data[0]!.Gsid;
  const pages: [path: string, wanted: RegExp[], notWanted: RegExp[]][] = [
    ['/board', [/board-route-/], [/search-route-/, /playbook-route-/]],
    ['/search', [/search-route-/, /search-prefetch-/, /url-state-/], [/board-route-/]],
    [`/playbooks/${playbookId}`, [/playbook-route-/, /adoption-query-/], [/search-route-/, /board-route-/]],
  ];
  for (const [path, wanted, notWanted] of pages) {
    // A cold browser of its own for each page: nothing cached, nothing left running from another page.
    const context = await browser.newContext({ baseURL: E2E.appUrl });
    const page = await context.newPage();
    const asked: string[] = [];
    page.on('request', (r) => void asked.push(r.url()));
    const entry = await holdBack(page, /\/assets\/start-[\w-]+\.js$/);
    await page.goto(path, { waitUntil: 'commit' });
    await expect.poll(entry.requested).toBe(true);
    for (const file of wanted) await expect.poll(() => asked.some((url) => file.test(url)), `${path}: ${file}`).toBe(true);
    // Nothing has run yet: no API call, and no other page's code.
    expect(
      asked.filter((url) => url.includes('/v1/')),
      path,
    ).toEqual([]);
    for (const file of notWanted)
      expect(
        asked.some((url) => file.test(url)),
        `${path}: not ${file}`,
      ).toBe(false);
    // Released, the page draws as usual.
    await entry.release();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
    await context.close();
  }
});
