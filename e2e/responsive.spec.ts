/**
 * Small screens: the narrowest phone (320x640), a phone (390x844) and a small laptop (1024x768).
 * No page scrolls sideways, the header's New task button is on screen, and axe finds nothing; at
 * 1024 px the board shows its four columns whole; on a phone it shows one column at a time with a
 * switcher, its filters sit behind a button, and the header's live status and account behind Menu.
 */
import type { Page } from '@playwright/test';
import { appPages } from './app-pages.ts';
import { column } from './board-helpers.ts';
import { expect, test } from './fixtures.ts';

const STATUSES = ['Not Started', 'In Progress', 'Completed', 'Skipped'] as const;

/** How far the page scrolls sideways (0: not at all). */
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const [width, height] of [
  [320, 640],
  [390, 844],
  [1024, 768],
] as const) {
  test.describe(`at ${width}x${height}`, () => {
    test.use({ viewport: { width, height } });

    test('no page scrolls sideways, New task is on screen, and axe finds nothing', async ({ page, axe }) => {
      // An axe scan per page, every page of the app (app-pages.ts) in one test: more time than one page's test.
      test.slow();
      for (const [path, heading] of await appPages()) {
        await page.goto(path);
        await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
        await page.waitForLoadState('networkidle');
        expect(await sideways(page), `${path} scrolls sideways`).toBeLessThanOrEqual(0);
        await expect(page.getByRole('button', { name: 'New task', exact: true })).toBeInViewport({ ratio: 1 });
        await axe(`${path} at ${width} px`);
      }
    });
  });
}

test.describe('at 1024x768', () => {
  test.use({ viewport: { width: 1024, height: 768 } });

  test('the board shows its four columns whole', async ({ page }) => {
    await page.goto('/board');
    for (const status of STATUSES) {
      await expect(column(page, status).getByRole('article').first()).toBeVisible();
      await expect(column(page, status)).toBeInViewport({ ratio: 1 });
    }
  });
});

test.describe('at 390x844', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the board shows one column at a time, switched by status; the filters open from a button', async ({ page, axe }) => {
    await page.goto('/board');
    const switcher = page.getByRole('group', { name: 'Column shown' });
    await expect(switcher.getByRole('button', { name: 'Not Started' })).toHaveAttribute('aria-pressed', 'true');
    await expect(column(page, 'Not Started').getByRole('article').first()).toBeVisible();
    for (const hidden of STATUSES.slice(1)) await expect(column(page, hidden)).toBeHidden();

    await switcher.getByRole('button', { name: 'Completed' }).click();
    await expect(column(page, 'Completed').getByRole('article').first()).toBeVisible();
    await expect(column(page, 'Not Started')).toBeHidden();
    await expect(column(page, 'Completed')).toBeInViewport();

    // The filters are behind a button; opened, they work as on a desktop.
    const filters = page.getByRole('search', { name: 'Board filters' });
    await expect(filters).toBeHidden();
    const toggle = page.getByRole('button', { name: 'Filters', exact: true });
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await toggle.click();
    await expect(filters).toBeVisible();
    await filters.getByRole('button', { name: 'Overdue', exact: true }).click();
    await expect(page).toHaveURL(/quick=overdue/);
    await page.getByRole('button', { name: 'Hide filters', exact: true }).click();
    await expect(filters).toBeHidden();
    await expect(page.getByRole('button', { name: 'Filters (on)', exact: true })).toBeVisible();
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await axe('/board at 390 px, filters on');
  });

  test('the header keeps New task in view and puts the live status and account behind Menu', async ({ page, axe }) => {
    await page.goto('/board');
    await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
    const live = page.getByRole('status', { name: 'Live updates', includeHidden: true });
    await expect(live).toBeAttached();
    await expect(live).toBeHidden();
    const menu = page.getByRole('button', { name: 'Menu', exact: true });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await expect(live).toBeVisible();
    await axe('/board at 390 px, menu open');
    // Its controls follow Menu in the Tab order; Escape closes it and gives the focus back to Menu.
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: 'About live updates' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(live).toBeHidden();
    await expect(menu).toBeFocused();
    // Another page closes it.
    await menu.click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await expect(page.getByRole('button', { name: 'New task', exact: true })).toBeInViewport({ ratio: 1 });
  });
});
