/**
 * Board swimlanes ("Group by"): lanes by owner and priority with the API's counts (an empty
 * "Other owners" lane not shown), collapse kept over a reload, a mouse drag across owner lanes
 * that changes the owner and the status, a keyboard move across lanes, lanes by company (a move
 * changes the status only), a bad `group` in a link, and axe on the grouped board.
 *
 * The sandbox is shared by the whole run: each test makes its own tasks with a unique word in
 * their names and filters the board to them (lanes are still every owner's, most of them empty).
 */
import type { Locator, Page } from '@playwright/test';
import { announcement, createTask, getTask, pickUp, toast, uniquePrefix, type ApiTask, type Status } from './board-helpers.ts';
import { expect, sandboxApi, test } from './fixtures.ts';

interface Named {
  id: string;
  name: string;
}

const byName = (a: Named, b: Named) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);

/** The values seen in the sandbox's tasks, sorted as the lanes are. */
async function seen(idField: 'OwnerId' | 'CompanyId', nameField: 'OwnerName' | 'CompanyName'): Promise<(Named & { cta: string })[]> {
  const res = await sandboxApi.call<{ records: ApiTask[] }>('POST', '/v1/tasks/search', {
    select: [idField, nameField, 'CTAId'],
    orderBy: { ModifiedDate: 'desc' },
    limit: 1000,
  });
  const found = new Map<string, Named & { cta: string }>();
  for (const t of res.data.records) {
    const id = t[idField];
    if (id && !found.has(id)) found.set(id, { id, name: t[nameField] ?? id, cta: t.CTAId });
  }
  return [...found.values()].sort(byName);
}

async function apiCount(p: string, conditions: unknown[]): Promise<number> {
  const res = await sandboxApi.call<{ totalCount: number }>('POST', '/v1/tasks/search', {
    where: { conditions: [{ name: 'Name', operator: 'CONTAINS', value: [p] }, ...conditions] },
    limit: 1,
  });
  return res.data.totalCount;
}

const lane = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });
const cell = (page: Page, laneName: string, status: Status) =>
  lane(page, laneName).getByRole('group', { name: new RegExp(`^${laneName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}, ${status}(,|$)`) });
const cardIn = (page: Page, laneName: string, status: Status, name: string) =>
  cell(page, laneName, status).getByRole('article', { name, exact: true });
const tasksWord = (n: number) => `${n} ${n === 1 ? 'task' : 'tasks'}`;

/** Drags the card `from` (named `name`) by its handle with the mouse onto a lane's cell, each step heard, and drops it. */
async function dropOnCell(page: Page, from: Locator, name: string, laneName: string, status: Status) {
  const handle = from.getByRole('button', { name: `Move ${name}`, exact: true });
  const box = (await handle.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 8, box.y + box.height / 2 + 8, { steps: 4 });
  await expect(announcement(page)).toHaveText(`Picked up task ${name}.`);
  const target = (await cell(page, laneName, status).boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 20 });
  await expect(announcement(page)).toHaveText(`Over ${status} in ${laneName}.`);
  await page.mouse.up();
}

async function expectLaneCount(page: Page, name: string, n: number) {
  await expect(lane(page, name).getByRole('heading', { level: 2 })).toHaveText(`${name}, ${tasksWord(n)}`);
}

test('group by owner: a lane per owner with the API counts, cards in their cells; collapse is kept over a reload', async ({ page }) => {
  const p = uniquePrefix();
  const [ann, bob] = await seen('OwnerId', 'OwnerName');
  await createTask({ Name: `${p} one`, OwnerId: ann!.id });
  await createTask({ Name: `${p} two`, OwnerId: ann!.id, Status: 'In Progress' });
  await createTask({ Name: `${p} three`, OwnerId: bob!.id, Status: 'Completed' });
  await createTask({ Name: `${p} nobody's`, OwnerId: undefined });

  await page.goto(`/board?q=${p}`);
  await page.getByRole('combobox', { name: 'Group by' }).selectOption('owner');
  await expect(page).toHaveURL(/group=owner/);
  for (const owner of [ann!, bob!]) {
    await expectLaneCount(page, owner.name, await apiCount(p, [{ name: 'OwnerId', operator: 'EQ', value: [owner.id] }]));
  }
  await expectLaneCount(page, ann!.name, 2);
  await expect(cardIn(page, ann!.name, 'Not Started', `${p} one`)).toBeVisible();
  await expect(cardIn(page, ann!.name, 'In Progress', `${p} two`)).toBeVisible();
  await expect(cardIn(page, bob!.name, 'Completed', `${p} three`)).toBeVisible();
  await expect(cell(page, bob!.name, 'Not Started')).toHaveAccessibleName(`${bob!.name}, Not Started, 0 tasks`);

  // "No owner" is the last lane: scroll the lanes to it.
  const lanes = page.getByRole('list', { name: 'Lanes by owner' });
  await lanes.evaluate((el) => el.parentElement!.parentElement!.scrollTo(0, 1e6));
  await expectLaneCount(page, 'No owner', await apiCount(p, [{ name: 'OwnerId', operator: 'IS_NULL', value: [] }]));
  await expect(cardIn(page, 'No owner', 'Not Started', `${p} nobody's`)).toBeVisible();
  // "Other owners" (owners none of the lists holds) holds none of these tasks: drawn, counted, not shown.
  await expect(page.locator('section[aria-label="Other owners"]')).toBeAttached();
  await expect(lane(page, 'Other owners')).toHaveCount(0);
  await lanes.evaluate((el) => el.parentElement!.parentElement!.scrollTo(0, 0));

  // Collapse: the count stays, the cards go; kept over a reload.
  await lane(page, ann!.name)
    .getByRole('button', { name: `Collapse ${ann!.name}` })
    .click();
  await expect(cardIn(page, ann!.name, 'Not Started', `${p} one`)).toHaveCount(0);
  await expectLaneCount(page, ann!.name, 2);
  await page.reload();
  const expand = lane(page, ann!.name).getByRole('button', { name: `Expand ${ann!.name}` });
  await expect(expand).toHaveAttribute('aria-expanded', 'false');
  await expectLaneCount(page, ann!.name, 2);
  await expect(cardIn(page, bob!.name, 'Completed', `${p} three`)).toBeVisible();
  await expand.click();
  await expect(cardIn(page, ann!.name, 'Not Started', `${p} one`)).toBeVisible();

  // Back to the plain board.
  await page.getByRole('combobox', { name: 'Group by' }).selectOption('');
  await expect(page).not.toHaveURL(/group=/);
  await expect(page.getByRole('region', { name: 'Not Started', exact: true }).getByRole('article', { name: `${p} one` })).toBeVisible();
});

test('group by priority: High, Medium, Low and No priority lanes with the API counts', async ({ page }) => {
  const p = uniquePrefix();
  await createTask({ Name: `${p} a`, Priority: 'High' });
  await createTask({ Name: `${p} b`, Priority: 'High', Status: 'Skipped' });
  await createTask({ Name: `${p} c`, Priority: 'Low' });
  await page.goto(`/board?q=${p}&group=priority`);
  for (const priority of ['High', 'Medium', 'Low']) {
    await expectLaneCount(page, priority, await apiCount(p, [{ name: 'Priority', operator: 'EQ', value: [priority] }]));
  }
  await expectLaneCount(page, 'High', 2);
  await expect(cardIn(page, 'High', 'Skipped', `${p} b`)).toBeVisible();
  await expectLaneCount(page, 'Medium', 0);
});

test('mouse: a drag to another owner lane and column changes the owner and the status, and says so', async ({ page }) => {
  const p = uniquePrefix();
  const [ann, bob] = await seen('OwnerId', 'OwnerName');
  const name = `${p} hand over`;
  const task = await createTask({ Name: name, OwnerId: ann!.id, Priority: 'High', Description: 'Keep me.' });
  await page.goto(`/board?q=${p}&group=owner`);
  const from = cardIn(page, ann!.name, 'Not Started', name);
  await expect(from).toBeVisible();

  await dropOnCell(page, from, name, bob!.name, 'In Progress');
  await expect(announcement(page)).toHaveText(`Moved ${name} to In Progress and to owner ${bob!.name}.`);

  await expect(cardIn(page, bob!.name, 'In Progress', name)).toBeVisible();
  await expect(cardIn(page, ann!.name, 'Not Started', name)).toHaveCount(0);
  await expect(toast(page, `Moved "${name}" to In Progress and to owner ${bob!.name}.`)).toBeVisible();
  await expect.poll(async () => (await getTask(task.Gsid)).OwnerId).toBe(bob!.id);
  const now = await getTask(task.Gsid);
  expect(now).toMatchObject({ Status: 'In Progress', OwnerId: bob!.id, Priority: 'High', Description: 'Keep me.', DueDate: task.DueDate });

  // Undo puts both back.
  await page.getByRole('region', { name: 'Notifications' }).getByRole('button', { name: 'Undo' }).click();
  await expect(cardIn(page, ann!.name, 'Not Started', name)).toBeVisible();
  await expect.poll(async () => (await getTask(task.Gsid)).OwnerId).toBe(ann!.id);
  expect((await getTask(task.Gsid)).Status).toBe('Not Started');
});

test('keyboard: a card goes down a lane and across a column, owner and status changed', async ({ page }) => {
  const p = uniquePrefix();
  const [ann, bob] = await seen('OwnerId', 'OwnerName');
  const name = `${p} by keys`;
  const task = await createTask({ Name: name, OwnerId: ann!.id });
  await page.goto(`/board?q=${p}&group=owner`);
  await expect(cardIn(page, ann!.name, 'Not Started', name)).toBeVisible();
  // The first lane's cells and the next one's are drawn (and measured) before the pick-up.
  await expect(cell(page, bob!.name, 'Completed')).toBeVisible();

  await cardIn(page, ann!.name, 'Not Started', name)
    .getByRole('button', { name: `Move ${name}`, exact: true })
    .focus();
  await pickUp(page, name);
  await page.keyboard.press('ArrowDown');
  await expect(announcement(page)).toHaveText(`Over Not Started in ${bob!.name}.`);
  // Each press is heard before the next (as a screen reader user would).
  await page.keyboard.press('ArrowRight');
  await expect(announcement(page)).toHaveText(`Over In Progress in ${bob!.name}.`);
  await page.keyboard.press('ArrowRight');
  await expect(announcement(page)).toHaveText(`Over Completed in ${bob!.name}.`);
  await page.keyboard.press('Space');
  await expect(announcement(page)).toHaveText(`Moved ${name} to Completed and to owner ${bob!.name}.`);
  await expect(cardIn(page, bob!.name, 'Completed', name)).toBeVisible();
  await expect.poll(async () => (await getTask(task.Gsid)).Status).toBe('Completed');
  expect((await getTask(task.Gsid)).OwnerId).toBe(bob!.id);
  // The keyboard user stays on the card they moved.
  await expect(cardIn(page, bob!.name, 'Completed', name).getByRole('button', { name: `Move ${name}`, exact: true })).toBeFocused();
});

test('group by company: a drag to another company lane changes the status only, and says the company stays', async ({ page }) => {
  const p = uniquePrefix();
  const [acme, next] = await seen('CompanyId', 'CompanyName');
  const name = `${p} company`;
  const task = await createTask({ Name: name, CTAId: acme!.cta });
  await page.goto(`/board?q=${p}&group=company`);
  const from = cardIn(page, acme!.name, 'Not Started', name);
  await expect(from).toBeVisible();

  await dropOnCell(page, from, name, next!.name, 'In Progress');
  await expect(announcement(page)).toHaveText(
    `Moved ${name} to In Progress. A move does not change the company: it stays in ${acme!.name}.`,
  );
  await expect(cardIn(page, acme!.name, 'In Progress', name)).toBeVisible();
  await expect.poll(async () => (await getTask(task.Gsid)).Status).toBe('In Progress');
  expect((await getTask(task.Gsid)).CompanyId).toBe(acme!.id);
});

test('a bad group in a link is said; the grouped board has no axe violations', async ({ page, axe }) => {
  await page.goto('/board?group=colour');
  await expect(page.getByRole('alert').filter({ hasText: 'Unknown grouping "colour"' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Not Started', exact: true })).toBeVisible();

  const p = uniquePrefix();
  await createTask({ Name: `${p} axe` });
  await page.goto(`/board?q=${p}&group=owner`);
  await expect(page.getByRole('article', { name: `${p} axe` })).toBeVisible();
  await axe('/board grouped by owner');
  await page.goto(`/board?group=priority`);
  await expect(lane(page, 'High').getByRole('article').first()).toBeVisible();
  await axe('/board grouped by priority');
});
