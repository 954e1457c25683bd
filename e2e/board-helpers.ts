/** Helpers for the board's end-to-end tests: test data through the API, columns, cards, drags. */
import type { Locator, Page } from '@playwright/test';
import type { TaskStatus } from '../src/api/types.ts';
import type { SavedTask } from '../test-support/api-tasks.ts';
import { expect, sandboxApi } from './fixtures.ts';

export type Status = TaskStatus;

/** A task as the API answers it, typed from the generated schema. */
export type ApiTask = SavedTask;

/** A word no seeded task has, so a name search for it shows only this test's tasks. */
export function uniquePrefix(): string {
  return `zq${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export function isoDay(offsetDays: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offsetDays);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

let template: ApiTask | undefined;

/** Creates a task on an existing CTA and owner (fields given win). */
export async function createTask(fields: Partial<ApiTask> & { Name: string }): Promise<ApiTask> {
  if (!template) {
    const found = await sandboxApi.call<{ records: ApiTask[] }>('POST', '/v1/tasks/search', {
      where: { conditions: [{ name: 'OwnerId', operator: 'IS_NOT_NULL', value: [] }] },
      limit: 1,
    });
    template = found.data.records[0]!;
  }
  const body = {
    CTAId: template.CTAId,
    OwnerId: template.OwnerId,
    Status: 'Not Started',
    Priority: 'Medium',
    DueDate: isoDay(7),
    Description: 'Created by the board tests.',
    ...fields,
  };
  const res = await sandboxApi.call<ApiTask>('POST', '/v1/tasks', body);
  expect(res.status, res.errorDesc ?? '').toBe(200);
  return res.data;
}

export async function getTask(id: string): Promise<ApiTask> {
  const res = await sandboxApi.call<ApiTask>('GET', `/v1/tasks/${id}`);
  expect(res.status, res.errorDesc ?? '').toBe(200);
  return res.data;
}

/** Every field but the ones a move may change. */
export function unchangedByMove(task: ApiTask) {
  const { Status: _s, CompletedDate: _c, ModifiedDate: _m, ...rest } = task;
  return rest;
}

export const column = (page: Page, status: Status) => page.getByRole('region', { name: status, exact: true });
export const card = (page: Page, status: Status, name: string) => column(page, status).getByRole('article', { name, exact: true });
export const handleOf = (scope: Locator | Page, name: string) => scope.getByRole('button', { name: `Move ${name}`, exact: true });
/** What dnd-kit's live region last told screen readers. */
/** The board's drag-and-drop code (dnd-kit and its binding), loaded when a drag can start. */
export const DRAG_CODE = /\/assets\/board-dnd-[\w-]+\.js$/;
export const announcement = (page: Page) => page.locator('[id^="DndLiveRegion"]');
export const toast = (page: Page, text: string) => page.getByRole('region', { name: 'Notifications' }).getByText(text, { exact: true });

/**
 * Picks up the focused card with `key` and waits until dnd-kit listens for the arrow keys (it
 * starts listening in a zero-delay timer after the pick-up; a page timer queued now runs after it).
 */
export async function pickUp(page: Page, name: string, key: 'Space' | 'Enter' = 'Space') {
  await page.keyboard.press(key);
  await expect(announcement(page)).toHaveText(`Picked up task ${name}.`);
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** The board shows exactly these cards in this column (and "No tasks" when none). */
export async function expectColumn(page: Page, status: Status, names: string[]) {
  const col = column(page, status);
  if (names.length === 0) {
    await expect(col.getByText('No tasks', { exact: true })).toBeVisible();
  } else {
    await expect(col.getByRole('article')).toHaveCount(names.length);
    for (const name of names) await expect(card(page, status, name)).toBeVisible();
  }
  const count = names.length === 1 ? '1 task' : `${names.length} tasks`;
  await expect(col.getByRole('heading', { level: 2 })).toHaveText(`${status}, ${count}`);
}

/**
 * Drags a card with the mouse to another column: press on its handle, move past the activation
 * distance, glide there in many small steps, and check that the drag started and that the target
 * column is the one under the pointer before releasing.
 */
export async function dragWithMouse(page: Page, from: Status, name: string, to: Status) {
  const handle = handleOf(card(page, from, name), name);
  const box = (await handle.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 8, y + 8, { steps: 4 });
  await expect(announcement(page)).toHaveText(`Picked up task ${name}.`);
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  const target = (await column(page, to).boundingBox())!;
  await page.mouse.move(target.x + target.width / 2, target.y + 140, { steps: 20 });
  await expect(announcement(page)).toHaveText(`Over ${to}.`);
  await page.mouse.up();
  await expect(announcement(page)).toHaveText(`Dropped in ${to}.`);
}
