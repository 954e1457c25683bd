/**
 * Touch: a task dragged with a finger on its Move handle, on the board (to another column) and on
 * the calendar (to another day), checked through the API; and a swipe that starts on a card's body
 * scrolls its column instead of dragging the card (touch drags by the handle, whose touch-action
 * is none; the body leaves the touch to the browser).
 *
 * The touches are real: sent through the DevTools protocol (see touch-helpers.ts), so Chromium's
 * gesture handling decides, as on a touchscreen, whether a touch pans (pointercancel) or reaches
 * dnd-kit's pointer sensor. A touch drag begun before the drag code has come (it loads when a drag
 * can start) still moves the card, as the mouse's and the keyboard's do (board-first-load.spec.ts).
 */
import type { Locator, Page } from '@playwright/test';
import { dayName } from '../src/features/calendar/calendar-grid.ts';
import { addDays } from '../src/lib/dates.ts';
import {
  announcement,
  card,
  column,
  DRAG_CODE,
  createTask,
  expectColumn,
  getTask,
  handleOf,
  toast,
  uniquePrefix,
} from './board-helpers.ts';
import { chip, day, quietWednesday } from './calendar-helpers.ts';
import { expect, test } from './fixtures.ts';
import { holdBack } from './hold-back.ts';
import { centre, Finger, recordPointerAndSpeech, recorded } from './touch-helpers.ts';

test.use({ hasTouch: true, isMobile: false });

/** dnd-kit is bound to the handle (it gives it its instructions): a press now goes straight to its sensor. */
const dndKitOn = /^DndDescribedBy-/;

/**
 * Once dnd-kit is bound to `handle`, records the pointer events and the speech from now on, puts
 * a finger on the handle and moves it past the start distance: the pick-up is heard as `heard`.
 */
async function pickUpByTouch(page: Page, handle: Locator, heard: string): Promise<Finger> {
  await expect(handle).toHaveAttribute('aria-describedby', dndKitOn);
  await recordPointerAndSpeech(page);
  const finger = await Finger.on(page);
  const start = await centre(handle);
  await finger.down(start);
  await finger.move({ x: start.x + 8, y: start.y + 8 }, 4);
  await expect(announcement(page)).toHaveText(heard);
  return finger;
}

/** Slides a card picked up by `finger` over In Progress and lifts the finger there: heard as over it, then dropped. */
async function dropInProgress(page: Page, finger: Finger) {
  const target = (await column(page, 'In Progress').boundingBox())!;
  await finger.move({ x: target.x + target.width / 2, y: target.y + 140 }, 20);
  await expect(announcement(page)).toHaveText('Over In Progress.');
  await finger.up();
  await expect(announcement(page)).toHaveText('Dropped in In Progress.');
}

test('board: a card dragged by touch on its handle goes to another column, on the server too', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Touch drag`;
  const task = await createTask({ Name: name });
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);
  const handle = handleOf(card(page, 'Not Started', name), name);
  const finger = await pickUpByTouch(page, handle, `Picked up task ${name}.`);
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await dropInProgress(page, finger);

  await expectColumn(page, 'In Progress', [name]);
  await expectColumn(page, 'Not Started', []);
  await expect(toast(page, `Moved "${name}" to In Progress.`)).toBeVisible();
  await expect.poll(async () => (await getTask(task.Gsid)).Status).toBe('In Progress');

  // It was the touchscreen's doing, and the browser left the whole touch to the page.
  const log = await recorded(page);
  expect(log.pointers).toContain('pointerdown:touch');
  expect(log.pointers).toContain('pointerup:touch');
  expect(log.pointers.filter((e) => !e.endsWith(':touch') || e.startsWith('pointercancel'))).toEqual([]);
});

test('board: a touch drag begun before the drag code has loaded still moves the card, on the server too', async ({ page }) => {
  const p = uniquePrefix();
  const name = `${p} Early touch drag`;
  const task = await createTask({ Name: name });
  const dragCode = await holdBack(page, DRAG_CODE);
  await page.goto(`/board?q=${p}`);
  await expectColumn(page, 'Not Started', [name]);
  const handle = handleOf(card(page, 'Not Started', name), name);

  // The finger goes down on the handle and moves past the start distance while the code is on its way.
  const finger = await Finger.on(page);
  const start = await centre(handle);
  await finger.down(start);
  await finger.move({ x: start.x + 10, y: start.y + 10 }, 4);
  await expect.poll(dragCode.requested).toBe(true);
  await expect(announcement(page)).toHaveCount(0);

  await dragCode.release();
  await expect(announcement(page)).toHaveText(`Picked up task ${name}.`);
  await expect(handle).toHaveAttribute('aria-pressed', 'true');
  await dropInProgress(page, finger);
  await expectColumn(page, 'In Progress', [name]);
  await expect.poll(async () => (await getTask(task.Gsid)).Status).toBe('In Progress');
});

test("board: a swipe on a card's body scrolls its column and picks nothing up", async ({ page }) => {
  await page.goto('/board');
  const col = column(page, 'Not Started');
  const first = col.getByRole('article').first();
  await expect(first.getByRole('button', { name: /^Move (?!to$)/ })).toHaveAttribute('aria-describedby', dndKitOn);
  const scroller = col.getByRole('feed').locator('..');
  expect(await scroller.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeGreaterThan(400);
  expect(await scroller.evaluate((el) => el.scrollTop)).toBe(0);
  await recordPointerAndSpeech(page);

  // Up the column, from the card's facts (not its link, handle or buttons).
  const box = (await first.boundingBox())!;
  const start = { x: box.x + box.width / 2, y: box.y + box.height - 8 };
  const finger = await Finger.on(page);
  await finger.down(start);
  await finger.move({ x: start.x, y: start.y - 200 }, 10);
  await finger.up();

  await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  const log = await recorded(page);
  // The browser took the touch for a scroll, and dnd-kit was never told of a drag.
  expect(log.pointers).toContain('pointerdown:touch');
  expect(log.pointers).toContain('pointercancel:touch');
  expect(log.speech).toEqual([]);
  await expect(col.locator('[aria-pressed="true"]')).toHaveCount(0);
});

/** Drags a task by touch on its Move handle from its day to `days` later, and checks the day, the speech and the API. */
async function touchDragToAnotherDay(page: Page, days: number) {
  const p = uniquePrefix();
  const name = `${p} touch`;
  const date = quietWednesday();
  const task = await createTask({ Name: name, DueDate: date });
  await page.goto(`/calendar?view=week&date=${date}`);
  const handle = chip(page, date, name).getByRole('button', { name: `Move ${name}` });
  const finger = await pickUpByTouch(page, handle, `Picked up task ${name}, due ${dayName(date)}.`);
  const to = addDays(date, days);
  await finger.move(await centre(day(page, to)), 20);
  await expect(announcement(page)).toHaveText(`Over ${dayName(to)}.`);
  await finger.up();
  await expect(announcement(page)).toHaveText(`Dropped on ${dayName(to)}.`);

  await expect(chip(page, to, name)).toBeVisible();
  await expect(day(page, date).getByRole('listitem')).toHaveCount(0);
  await expect.poll(async () => (await getTask(task.Gsid)).DueDate).toBe(to);
  const log = await recorded(page);
  expect(log.pointers).toContain('pointerdown:touch');
  expect(log.pointers.filter((e) => !e.endsWith(':touch') || e.startsWith('pointercancel'))).toEqual([]);
}

test('calendar: a task dragged by touch on its handle to another day gets that due date, on the server too', async ({ page }) => {
  await touchDragToAnotherDay(page, 2);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true });

  test('calendar: a task dragged by touch to the next day gets that due date', async ({ page }) => {
    await touchDragToAnotherDay(page, 1);
  });
});
