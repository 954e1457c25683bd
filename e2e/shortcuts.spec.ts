/**
 * Keyboard shortcuts (issue 16, item 5): `?` the help, `/` the page's search, `n` New task, `g`
 * then b/s/p/c to a page, and on the board `j`/`k`, `m` and Enter from the focused card. None acts
 * while typing in a field or with Ctrl, Alt or Meta held.
 *
 * The shortcuts load once the first page has settled; their header button ("Keyboard shortcuts")
 * shows when they are ready, so each test waits for it before pressing keys, except the one for
 * a key pressed before they have come (kept, and acted on when they come).
 */
import type { Page } from '@playwright/test';
import { card, createTask, expectColumn, isoDay, uniquePrefix } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';
import { holdBack } from './hold-back.ts';

const helpButton = (page: Page) => page.getByRole('button', { name: 'Keyboard shortcuts' });
const help = (page: Page) => page.getByRole('dialog', { name: 'Keyboard shortcuts' });
const newTask = (page: Page) => page.getByRole('dialog', { name: 'New task' });

async function open(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(helpButton(page)).toBeVisible();
}

test('? opens the help listing every shortcut by group, with no axe violations; Escape closes it and gives the focus back', async ({
  page,
  axe,
}) => {
  const p = uniquePrefix();
  const name = `${p} Renewal call`;
  await createTask({ Name: name });
  await open(page, `/board?q=${p}`, 'Board');
  await expectColumn(page, 'Not Started', [name]);
  const link = card(page, 'Not Started', name).getByRole('link', { name, exact: true });
  await link.focus();

  await page.keyboard.press('?');
  const dialog = help(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  const global = dialog.getByRole('table', { name: 'Global' });
  for (const row of [
    '? Show or hide these shortcuts',
    "/ Go to the page's search or filter",
    'n New task',
    'g then b Go to the Board',
    'g then s Go to Search',
    'g then p Go to Playbooks',
    'g then c Go to the Calendar',
  ]) {
    await expect(global.getByRole('row', { name: row, exact: true })).toBeVisible();
  }
  const board = dialog.getByRole('table', { name: 'Board' });
  for (const row of [
    'j or Down arrow Next card in the column (from nowhere: the first card)',
    'k or Up arrow Previous card in the column',
    'Enter Open the focused card',
    "m Open the focused card's Move to menu",
    'x Select the focused card',
  ]) {
    await expect(board.getByRole('row', { name: row, exact: true })).toBeVisible();
  }
  await axe('keyboard shortcuts help');

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();

  // `?` again opens it, and `?` in it closes it.
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('?');
  await expect(dialog).toBeHidden();
  await expect(link).toBeFocused();

  // Mouse users find it in the header; Close gives the focus back to the button.
  await helpButton(page).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  await expect(helpButton(page)).toBeFocused();
});

test('a key pressed before the shortcuts have loaded acts when they come: ? opens the help', async ({ page }) => {
  const code = await holdBack(page, /\/assets\/keyboard-shortcuts-[\w-]+\.js$/);
  await page.goto('/board');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await expect.poll(code.requested).toBe(true);
  await page.keyboard.press('?');
  await expect(helpButton(page)).toBeHidden();
  await code.release();
  await expect(help(page)).toBeVisible();
});

test('a key pressed in the help acts after closing it: g then s goes to Search', async ({ page }) => {
  await open(page, '/board', 'Board');
  await page.keyboard.press('?');
  await expect(help(page)).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page).toHaveURL(/\/search$/);
  await expect(help(page)).toBeHidden();
});

test('a key pressed in the help acts where the focus went back: j goes on from the card that had it, / then typing fills the search', async ({
  page,
}) => {
  const p = uniquePrefix();
  const names = [`${p} first`, `${p} second`];
  for (const [i, name] of names.entries()) await createTask({ Name: name, DueDate: isoDay(i + 1) });
  await open(page, `/board?q=${p}`, 'Board');
  await expectColumn(page, 'Not Started', names);
  const link = (name: string) => card(page, 'Not Started', name).getByRole('link', { name, exact: true });
  await link(names[0]!).focus();
  await page.keyboard.press('?');
  await expect(help(page)).toBeVisible();
  await page.keyboard.press('j');
  await expect(help(page)).toBeHidden();
  await expect(link(names[1]!)).toBeFocused();

  await page.keyboard.press('?');
  await expect(help(page)).toBeVisible();
  await page.keyboard.press('/');
  const boardSearch = page.getByRole('searchbox', { name: 'Search names' });
  await expect(boardSearch).toBeFocused();
  // What comes next is text in the search, not shortcuts (n would open New task).
  await page.keyboard.type('new');
  await expect(boardSearch).toHaveValue(/new$/);
  await expect(page.getByRole('dialog', { name: 'New task' })).toHaveCount(0);
});

test('g then b, s, p or c goes to the Board, Search, Playbooks or the Calendar', async ({ page }) => {
  await open(page, '/board', 'Board');
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page).toHaveURL(/\/search$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(page).toHaveURL(/\/playbooks$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Playbooks' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('b');
  await expect(page).toHaveURL(/\/board$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('c');
  await expect(page).toHaveURL(/\/calendar$/);
});

test('/ focuses the page’s search or filter: the board’s name search, the search’s first condition, the playbooks filter', async ({
  page,
}) => {
  await open(page, '/board', 'Board');
  await page.keyboard.press('/');
  const boardSearch = page.getByRole('searchbox', { name: 'Search names' });
  await expect(boardSearch).toBeFocused();
  // The slash itself is not typed into it.
  await expect(boardSearch).toHaveValue('');

  await page.keyboard.press('Escape');
  await page.locator('main').focus();
  await page.keyboard.press('g');
  await page.keyboard.press('p');
  await expect(page.getByRole('heading', { level: 1, name: 'Playbooks' })).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Filter by text' })).toBeFocused();

  await page.locator('main').focus();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await page.keyboard.press('/');
  // No condition yet: Add condition; with one, the first condition's value.
  const conditions = page.getByRole('form', { name: 'Conditions' });
  const add = conditions.getByRole('button', { name: 'Add condition' });
  await expect(add).toBeFocused();
  await add.click();
  const first = conditions.getByRole('group', { name: 'Condition A' });
  await expect(first).toBeVisible();
  await page.locator('main').focus();
  await page.keyboard.press('/');
  await expect(first.locator('input:focus')).toHaveCount(1);
});

test('letters typed into the board’s name search or the New task form are text, not shortcuts', async ({ page }) => {
  await open(page, '/board', 'Board');
  const boardSearch = page.getByRole('searchbox', { name: 'Search names' });
  await boardSearch.focus();
  await page.keyboard.type('gs?njk/m x');
  await expect(boardSearch).toHaveValue('gs?njk/m x');
  await expect(page).toHaveURL(/\/board/);
  await expect(page).not.toHaveURL(/\/search/);
  await expect(newTask(page)).toHaveCount(0);
  await expect(help(page)).toHaveCount(0);

  // n, from the page (not a field), opens New task; in its Name field every key is text.
  await page.locator('main').focus();
  await page.keyboard.press('n');
  const dialog = newTask(page);
  await expect(dialog).toBeVisible();
  const name = dialog.getByRole('textbox', { name: 'Name' });
  await expect(name).toBeFocused();
  await page.keyboard.type('gb?n/');
  await expect(name).toHaveValue('gb?n/');
  await expect(help(page)).toHaveCount(0);
  await expect(newTask(page)).toHaveCount(1);
  // From a button in the dialog too: the page behind a dialog is not the shortcuts' to change.
  await dialog.getByRole('button', { name: 'Cancel' }).focus();
  await page.keyboard.press('g');
  await page.keyboard.press('s');
  await page.keyboard.press('?');
  await expect(page).toHaveURL(/\/board/);
  await expect(help(page)).toHaveCount(0);
});

test('no shortcut acts with Ctrl, Alt or Meta held', async ({ page }) => {
  await open(page, '/board', 'Board');
  await page.locator('main').focus();
  await page.keyboard.press('Control+Slash');
  await page.keyboard.press('Alt+n');
  await page.keyboard.press('Control+g');
  await page.keyboard.press('s');
  await page.keyboard.press('Alt+g');
  await page.keyboard.press('p');
  await page.keyboard.press('Control+Shift+Slash');
  // Nothing moved: then a plain `?` proves the keys were listened to all along.
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL(/\/board$/);
  await expect(newTask(page)).toHaveCount(0);
  await expect(help(page)).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(help(page)).toBeVisible();
});

test('on the board: j and k go between a column’s cards, m opens the focused card’s Move to menu, Enter opens the card', async ({
  page,
}) => {
  const p = uniquePrefix();
  const names = [`${p} first`, `${p} second`, `${p} third`];
  for (const [i, name] of names.entries()) await createTask({ Name: name, DueDate: isoDay(i + 1) });
  await open(page, `/board?q=${p}`, 'Board');
  await expectColumn(page, 'Not Started', names);
  const link = (name: string) => card(page, 'Not Started', name).getByRole('link', { name, exact: true });

  // From outside any card, j goes to the first one.
  await page.locator('main').focus();
  await page.keyboard.press('j');
  await expect(link(names[0]!)).toBeFocused();
  await page.keyboard.press('j');
  await expect(link(names[1]!)).toBeFocused();
  await page.keyboard.press('j');
  await expect(link(names[2]!)).toBeFocused();
  // At the end it stays.
  await page.keyboard.press('j');
  await expect(link(names[2]!)).toBeFocused();
  await page.keyboard.press('k');
  await expect(link(names[1]!)).toBeFocused();
  // The arrows still do the same.
  await page.keyboard.press('ArrowUp');
  await expect(link(names[0]!)).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(link(names[1]!)).toBeFocused();
  // From any part of a card: its Quick look button.
  await card(page, 'Not Started', names[1]!)
    .getByRole('button', { name: `Quick look: ${names[1]}`, exact: true })
    .focus();
  await page.keyboard.press('k');
  await expect(link(names[0]!)).toBeFocused();

  // m: the focused card's Move to menu, keys in it are the menu's own.
  await page.keyboard.press('m');
  const menu = page.getByRole('menu', { name: `Move ${names[0]} to` });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'In Progress' })).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('m');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: 'In Progress' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(card(page, 'Not Started', names[0]!).getByRole('button', { name: 'Move to' })).toBeFocused();

  // Enter on the focused card opens its page.
  await page.keyboard.press('j');
  await expect(link(names[1]!)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: names[1] })).toBeVisible();
});

test('the single-key shortcuts can be turned off in the help, and on again', async ({ page }) => {
  await open(page, '/board', 'Board');
  await helpButton(page).click();
  const on = help(page).getByRole('checkbox', { name: 'Single-key shortcuts' });
  await expect(on).toBeChecked();
  await on.uncheck();
  await page.keyboard.press('Escape');
  await expect(help(page)).toBeHidden();

  await page.locator('main').focus();
  await page.keyboard.press('n');
  await page.keyboard.press('?');
  await expect(newTask(page)).toHaveCount(0);
  await expect(help(page)).toHaveCount(0);
  // Kept in this browser.
  await page.reload();
  await expect(helpButton(page)).toBeVisible();
  await page.locator('main').focus();
  await page.keyboard.press('n');
  await expect(newTask(page)).toHaveCount(0);

  await helpButton(page).click();
  await help(page).getByRole('checkbox', { name: 'Single-key shortcuts' }).check();
  await help(page).getByRole('button', { name: 'Close' }).click();
  await page.locator('main').focus();
  await page.keyboard.press('n');
  await expect(newTask(page)).toBeVisible();
});
