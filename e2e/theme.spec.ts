/**
 * Dark mode: it follows the system unless a theme is chosen in the header, every page is dark in
 * it, and axe (colour contrast included) finds nothing in either theme.
 */
import type { Page } from '@playwright/test';
import { appPages } from './app-pages.ts';
import { expect, test } from './fixtures.ts';

/** The relative luminance (0 black, 1 white) of the page's background. */
const background = (page: Page) =>
  page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    canvas.fillStyle = getComputedStyle(document.body).backgroundColor;
    canvas.fillRect(0, 0, 1, 1);
    const [r, g, b] = [...canvas.getImageData(0, 0, 1, 1).data].map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  });

test.describe('with the system in dark mode', () => {
  test.use({ colorScheme: 'dark' });

  test('every page is dark and axe finds nothing', async ({ page, axe }) => {
    // An axe scan per page, every page of the app (app-pages.ts) in one test: more time than one page's test.
    test.slow();
    for (const [path, heading] of await appPages()) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(await background(page), `${path} background`).toBeLessThan(0.05);
      await axe(`${path} in the dark theme`);
    }
    // A dialog and a menu too.
    await page.goto('/board');
    await page.getByRole('button', { name: 'New task', exact: true }).click();
    await expect(page.getByRole('dialog', { name: 'New task' })).toBeVisible();
    await axe('the New task dialog in the dark theme');
  });

  test('Light in the header wins over the system, and stays after a reload; System follows it again', async ({ page }) => {
    await page.goto('/board');
    await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
    const theme = page.getByRole('combobox', { name: 'Theme' });
    await expect(theme).toHaveValue('system');
    expect(await background(page)).toBeLessThan(0.05);
    await theme.selectOption('Light');
    await expect.poll(() => background(page)).toBeGreaterThan(0.9);
    await page.reload();
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
    expect(await background(page)).toBeGreaterThan(0.9);
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('System');
    await expect.poll(() => background(page)).toBeLessThan(0.05);
  });
});

test('Dark in the header over a light system', async ({ page, axe }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/search');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  expect(await background(page)).toBeGreaterThan(0.9);
  await page.getByRole('combobox', { name: 'Theme' }).selectOption('Dark');
  await expect.poll(() => background(page)).toBeLessThan(0.05);
  await axe('/search, Dark chosen');
});
