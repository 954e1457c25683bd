/**
 * The search page: time from pressing Search to the first row of a 3-condition search.
 * Page scripts are text (no DOM library in the bench's type-check).
 */
import type { Browser, Page } from '@playwright/test';
import type { Sandbox } from '../../sandbox/index.ts';
import { todayIso } from '../../src/lib/dates.ts';
import { VIEWPORT } from './board.ts';

const DEFAULT_SELECT = ['Gsid', 'Name', 'Status', 'Priority', 'DueDate', 'CompanyName', 'OwnerName'];

/** A Status is any of Not Started / In Progress, B Due date before today, C Priority is High; A AND (B OR C). */
function threeConditionRequest(today = todayIso()) {
  return {
    select: DEFAULT_SELECT,
    limit: 25,
    offset: 0,
    where: {
      conditions: [
        { name: 'Status', alias: 'A', operator: 'IN', value: ['Not Started', 'In Progress'] },
        { name: 'DueDate', alias: 'B', operator: 'LT', value: [today] },
        { name: 'Priority', alias: 'C', operator: 'EQ', value: ['High'] },
      ],
      expression: 'A AND (B OR C)',
    },
  };
}

/** How many tasks the search matches, asked of the API directly. */
export async function threeConditionCount(sandbox: Sandbox): Promise<number> {
  const res = await fetch(`${sandbox.url}/tasks/search`, {
    method: 'POST',
    headers: { accessKey: sandbox.accessKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(threeConditionRequest()),
  });
  const json = (await res.json()) as { data: { totalCount: number } };
  return json.data.totalCount;
}

/** Builds the three conditions in the builder, as a user does. */
async function buildThreeConditions(page: Page) {
  const condition = (letter: string) => page.getByRole('group', { name: `Condition ${letter}`, exact: true });
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Add condition' }).click();
  const a = condition('A');
  await a.getByLabel('Field', { exact: true }).selectOption('Status');
  await a.getByLabel('Operator', { exact: true }).selectOption('IN');
  const statuses = a.getByRole('group', { name: 'Value', exact: true });
  await statuses.getByRole('checkbox', { name: 'Not Started' }).check();
  await statuses.getByRole('checkbox', { name: 'In Progress' }).check();
  const b = condition('B');
  await b.getByLabel('Field', { exact: true }).selectOption('DueDate');
  await b.getByLabel('Operator', { exact: true }).selectOption('LT');
  await b.getByLabel('Value type', { exact: true }).selectOption('Today');
  const c = condition('C');
  await c.getByLabel('Field', { exact: true }).selectOption('Priority');
  await c.getByLabel('Operator', { exact: true }).selectOption('EQ');
  // Priority is a list of the values seen in tasks (issue 15), no longer a text box.
  await c.getByLabel('Value', { exact: true }).selectOption('High');
  await page.getByRole('radio', { name: 'Custom logic' }).check();
  await page.getByLabel('Custom logic expression').fill('A AND (B OR C)');
}

/**
 * Arms the timing: from the click on Search (capture phase, first to see it) to the results table
 * showing the new search's rows (its caption names the new count, it is not busy, a row is drawn),
 * then the next frame.
 */
const armSearchTiming = (caption: string) => `
  (() => {
    let pressedAt = 0;
    window.addEventListener('click', (e) => {
      const button = e.target.closest('button[type=submit]');
      if (button && button.textContent.trim() === 'Search') pressedAt = performance.now();
    }, { capture: true });
    window.__searched = new Promise((resolve) => {
      const done = () => {
        const table = document.querySelector('table');
        return pressedAt && table && table.getAttribute('aria-busy') !== 'true'
          && table.querySelector('caption')?.textContent === ${JSON.stringify(caption)}
          && table.querySelector('tbody tr');
      };
      const observer = new MutationObserver(() => {
        if (!done()) return;
        observer.disconnect();
        requestAnimationFrame(() => resolve(performance.now() - pressedAt));
      });
      observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
    });
  })()
`;

/** One run in a fresh browser context (empty cache): open /search, build the search, press Search. */
export async function measureSearch(browser: Browser, appUrl: string, total: number): Promise<number> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(`${appUrl}/search`);
    await page.getByRole('table', { name: /^Search results/ }).waitFor({ timeout: 60_000 });
    await buildThreeConditions(page);
    await page.waitForLoadState('networkidle');
    await page.evaluate(armSearchTiming(`Search results, 1–${Math.min(25, total)} of ${total.toLocaleString('en-US')}`));
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    return await page.evaluate<number>('window.__searched');
  } finally {
    await context.close();
  }
}
