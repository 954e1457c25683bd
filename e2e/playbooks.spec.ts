import type { Locator, Page } from '@playwright/test';
import { test, expect, sandboxApi, stageBudgetRefusal } from './fixtures.ts';

interface Template {
  name: string;
  description?: string;
  order: number;
  daysFromCreation: number;
}
interface Playbook {
  Gsid: string;
  Name: string;
  IsActive: boolean;
  TaskTemplates: Template[];
}
interface Task {
  Gsid: string;
  Name: string;
  CTAId: string;
  CompanyName?: string;
  OwnerId?: string;
  OwnerName?: string;
  Status: string;
  DueDate?: string;
  Order?: number;
  PlaybookId?: string;
}

const eq = (name: string, value: string | number) => ({ name, operator: 'EQ', value: [value] });

async function playbooks() {
  const res = await sandboxApi.call<Playbook[]>('GET', '/v1/playbooks');
  expect(res.status).toBe(200);
  return res.data;
}

async function playbookNamed(name: string) {
  const found = (await playbooks()).find((p) => p.Name === name);
  if (!found) throw new Error(`no playbook named ${name}`);
  return found;
}

/** All tasks matching the conditions (one page is enough for the sample data). */
async function searchTasks(conditions: object[], select: string[]): Promise<Task[]> {
  const res = await sandboxApi.call<{ records: Task[]; totalCount: number }>('POST', '/v1/tasks/search', {
    select,
    where: { conditions },
    limit: 5000,
  });
  expect(res.status).toBe(200);
  expect(res.data.totalCount).toBeLessThanOrEqual(5000);
  return res.data.records;
}

/** The playbook's tasks on a CTA. */
const tasksOn = (playbookId: string, ctaId: string) =>
  searchTasks([eq('PlaybookId', playbookId), eq('CTAId', ctaId)], ['Gsid', 'Name', 'Order', 'DueDate', 'Status', 'OwnerId']);

/**
 * A CTA (with its company) and an owner seen in tasks, different for each caller; with a playbook,
 * one that has no task from it yet (applying it again asks what to create).
 */
let ctaPick = 0;
async function someCta(playbook?: Playbook) {
  const tasks = await searchTasks([eq('Status', 'Not Started')], ['CTAId', 'CompanyName', 'OwnerId', 'OwnerName']);
  const taken = new Set(playbook ? (await searchTasks([eq('PlaybookId', playbook.Gsid)], ['CTAId'])).map((t) => t.CTAId) : []);
  const ctas = [...new Map(tasks.filter((t) => t.CompanyName && t.OwnerName && !taken.has(t.CTAId)).map((t) => [t.CTAId, t])).values()];
  const task = ctas[(ctaPick++ * 7) % ctas.length]!;
  return { ctaId: task.CTAId, companyName: task.CompanyName!, ownerId: task.OwnerId!, ownerName: task.OwnerName! };
}

/** Local calendar maths, as the app does it (UTC inside so no time zone shifts a day). */
function addDays(iso: string, days: number) {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}
function todayIso() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

const sortedTemplates = (p: Playbook) =>
  [...p.TaskTemplates].sort((a, b) => a.order - b.order || a.name.localeCompare(b.name, 'en', { sensitivity: 'base', numeric: true }));

async function openApplyDialog(page: Page, playbook: Playbook) {
  await page.goto(`/playbooks/${playbook.Gsid}`);
  await expect(page.getByRole('heading', { level: 1, name: playbook.Name })).toBeVisible();
  await page.getByRole('button', { name: 'Apply to a CTA' }).click();
  const dialog = page.getByRole('dialog', { name: `Apply “${playbook.Name}” to a CTA` });
  await expect(dialog).toBeVisible();
  return dialog;
}

async function fillApplyForm(dialog: Locator, { ctaId, startDate }: { ctaId: string; startDate: string }) {
  await dialog.getByRole('combobox', { name: 'CTA' }).fill(ctaId);
  await dialog.getByLabel('Start date').fill(startDate);
}

test.afterEach(async () => {
  await sandboxApi.clearFaults();
});

test('the list shows every playbook, filters, sorts, and a row opens the playbook', async ({ page, axe }) => {
  const all = await playbooks();
  const inactive = all.filter((p) => !p.IsActive);
  expect(inactive.length).toBeGreaterThan(0);

  await page.goto('/playbooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Playbooks' })).toBeVisible();
  const table = page.getByRole('table', { name: /Playbooks/ });
  const bodyRows = table.getByRole('row').filter({ has: page.getByRole('cell') });
  await expect(bodyRows).toHaveCount(all.length);
  await axe('/playbooks');

  // One row's figures, from the API.
  const onboarding = await playbookNamed('Enterprise Onboarding');
  const row = bodyRows.filter({ has: page.getByRole('link', { name: onboarding.Name, exact: true }) });
  await expect(row.getByRole('cell').nth(3)).toHaveText('Active');
  await expect(row.getByRole('cell').nth(4)).toHaveText(String(onboarding.TaskTemplates.length));
  await expect(row.getByRole('cell').nth(5)).toHaveText(`${Math.max(...onboarding.TaskTemplates.map((t) => t.daysFromCreation))} days`);

  // Filter by state, then by text; the state survives a reload (it is in the URL).
  const stateFilter = page.getByRole('group', { name: 'Status' });
  await stateFilter.getByText('Inactive', { exact: true }).click();
  await expect(page.getByRole('radio', { name: 'Inactive' })).toBeChecked();
  await expect(bodyRows).toHaveCount(inactive.length);
  for (const p of inactive) await expect(table.getByRole('link', { name: p.Name, exact: true })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'Active', exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Inactive' })).toBeChecked();
  await expect(bodyRows).toHaveCount(inactive.length);
  await stateFilter.getByText('All', { exact: true }).click();
  await page.getByLabel('Filter by text').fill('onboarding');
  const onboardings = all.filter((p) => /onboarding/i.test(`${p.Name}`)).map((p) => p.Name);
  await expect(bodyRows).toHaveCount(onboardings.length);
  await page.getByLabel('Filter by text').fill('no such playbook at all');
  await expect(page.getByText('No playbook matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(bodyRows).toHaveCount(all.length);

  // Sort by clicking headers: by task count, then descending.
  const tasksHeader = table.getByRole('columnheader', { name: 'Tasks' });
  await expect(table.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  await tasksHeader.getByRole('button').click();
  await expect(tasksHeader).toHaveAttribute('aria-sort', 'ascending');
  const counts = async () => (await bodyRows.locator('td:nth-child(5)').allTextContents()).map(Number);
  const ascending = all.map((p) => p.TaskTemplates.length).sort((a, b) => a - b);
  expect(await counts()).toEqual(ascending);
  await tasksHeader.getByRole('button').click();
  await expect(tasksHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await counts()).toEqual([...ascending].reverse());

  // A click on the row (not only on the name) opens the playbook; the name link works by keyboard.
  await row.getByRole('cell').nth(4).click();
  await expect(page).toHaveURL(new RegExp(`/playbooks/${onboarding.Gsid}$`));
  await expect(page.getByRole('heading', { level: 1, name: onboarding.Name })).toBeVisible();
  await page.goBack();
  await table.getByRole('link', { name: 'Churn Save', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Churn Save' })).toBeVisible();
});

test('the templates are in playbook order however the reply orders them, with steps, days and a timeline', async ({ page, axe }) => {
  const playbook = await playbookNamed('Expansion Opportunity');
  const expected = sortedTemplates(playbook);
  // Serve the templates reversed: the page must sort them itself.
  await page.route(`**/v1/playbooks/${playbook.Gsid}`, async (route) => {
    const response = await route.fetch();
    const body = await response.json();
    body.data.TaskTemplates.reverse();
    expect(body.data.TaskTemplates[0].order).toBeGreaterThan(body.data.TaskTemplates.at(-1).order);
    await route.fulfill({ response, json: body });
  });

  await page.goto(`/playbooks/${playbook.Gsid}`);
  const list = page.getByRole('list', { name: 'Task templates' });
  const items = list.getByRole('listitem');
  await expect(items).toHaveCount(expected.length);
  await expect(items.getByRole('heading', { level: 3 })).toHaveText(expected.map((t) => t.name));
  for (const [i, t] of expected.entries()) {
    await expect(items.nth(i)).toContainText(`Step ${i + 1} of ${expected.length}`);
    await expect(items.nth(i)).toContainText(`Day ${t.daysFromCreation}`);
  }
  const span = Math.max(...expected.map((t) => t.daysFromCreation));
  await expect(
    page.getByRole('img', { name: `Timeline of ${expected.length} tasks over ${span} days from the CTA's creation` }),
  ).toBeVisible();
  await axe('playbook detail');

  await page.goto('/playbooks/1PNOSUCHPLAYBOOK');
  await expect(page.getByRole('heading', { level: 1, name: 'Playbook not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the playbooks' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Playbooks' })).toBeVisible();
});

test('the adoption figures match the tasks the API holds for the playbook', async ({ page }) => {
  // The playbook with the most tasks.
  const withPlaybook = await searchTasks([{ name: 'PlaybookId', operator: 'IS_NOT_NULL', value: [] }], ['PlaybookId']);
  const perPlaybook = new Map<string, number>();
  for (const t of withPlaybook) perPlaybook.set(t.PlaybookId!, (perPlaybook.get(t.PlaybookId!) ?? 0) + 1);
  const [playbookId] = [...perPlaybook.entries()].sort((a, b) => b[1] - a[1])[0]!;
  const playbook = (await playbooks()).find((p) => p.Gsid === playbookId)!;
  const tasks = await searchTasks([eq('PlaybookId', playbookId)], ['Gsid', 'CTAId', 'Status', 'DueDate', 'Order', 'Name']);

  const today = todayIso();
  const isDone = (t: Task) => t.Status === 'Completed' || t.Status === 'Skipped';
  const isOverdue = (t: Task) => !isDone(t) && !!t.DueDate && t.DueDate < today;
  const done = tasks.filter(isDone).length;
  const overdue = tasks.filter(isOverdue).length;
  expect(tasks.length).toBeGreaterThan(5);

  await page.goto(`/playbooks/${playbookId}`);
  const adoption = page.getByRole('region', { name: 'Adoption' });
  const figure = (label: string) => adoption.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd[1]');
  await expect(figure('Tasks created')).toHaveText(String(tasks.length));
  await expect(figure('Done (Completed or Skipped)')).toHaveText(String(done));
  await expect(figure('Completion rate')).toHaveText(`${Math.round((done / tasks.length) * 100)}%`);
  await expect(figure('Open and past due')).toHaveText(String(overdue));

  const byStatus = adoption.getByRole('table', { name: 'By status' });
  for (const status of ['Not Started', 'In Progress', 'Completed', 'Skipped']) {
    const row = byStatus.getByRole('row').filter({ has: page.getByRole('rowheader', { name: status, exact: true }) });
    await expect(row.getByRole('cell')).toHaveText(String(tasks.filter((t) => t.Status === status).length));
  }

  const byTemplate = adoption.getByRole('table', { name: 'By template' });
  for (const template of sortedTemplates(playbook)) {
    const mine = tasks.filter((t) => t.Order === template.order);
    const row = byTemplate.getByRole('row').filter({ has: page.getByRole('rowheader', { name: template.name, exact: true }) });
    // Step, then Tasks, Done, Open, Overdue.
    await expect(row.getByRole('cell')).toHaveText([
      /\d+/,
      String(mine.length),
      String(mine.filter(isDone).length),
      String(mine.filter((t) => !isDone(t)).length),
      String(mine.filter(isOverdue).length),
    ]);
  }

  const ctaIds = new Set(tasks.map((t) => t.CTAId));
  const ctaTable = adoption.getByRole('table', { name: /CTAs using this playbook/ });
  await expect(ctaTable.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(ctaIds.size);
  const someCtaId = tasks[0]!.CTAId;
  const ctaTasks = tasks.filter((t) => t.CTAId === someCtaId);
  const ctaRow = ctaTable.getByRole('row').filter({ hasText: someCtaId });
  await expect(ctaRow).toContainText(`${ctaTasks.filter(isDone).length} of ${ctaTasks.length}`);
  // Named by company, playbooks, tasks and age; the id is secondary text (issue 15).
  const company = (await searchTasks([eq('CTAId', someCtaId)], ['CompanyName']))[0]!.CompanyName!;
  await expect(ctaRow.getByRole('rowheader')).toHaveText(
    new RegExp(`^${company} · .*${playbook.Name}.* · \\d+\\+? tasks · since .*CTA id ${someCtaId}$`),
  );

  await adoption.getByRole('link', { name: 'Show on board' }).click();
  await expect(page).toHaveURL(new RegExp(`/board\\?playbook=${playbookId}$`));
});

test('applying a playbook creates one task per template with the right due dates, shown on the board', async ({ page, axe }) => {
  const playbook = await playbookNamed('Churn Save');
  const templates = sortedTemplates(playbook);
  const { ctaId, companyName, ownerId, ownerName } = await someCta(playbook);
  const before = await tasksOn(playbook.Gsid, ctaId);

  const dialog = await openApplyDialog(page, playbook);
  await expect(dialog.getByLabel('Start date')).toHaveValue(todayIso());
  await axe('apply dialog');

  // Escape closes it (nothing is running) and the focus goes back to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Apply to a CTA' })).toBeFocused();
  await page.getByRole('button', { name: 'Apply to a CTA' }).click();

  // Choose the CTA by its company, an owner by name, and a start date whose tasks cross Feb 29.
  const cta = dialog.getByRole('combobox', { name: 'CTA' });
  await cta.fill(companyName);
  await dialog.getByRole('option', { name: new RegExp(ctaId) }).click();
  // Named by what its tasks tell, the id as secondary text (issue 15).
  await expect(cta).toHaveValue(new RegExp(`^${companyName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));
  await expect(cta).toHaveAccessibleDescription(`CTA id ${ctaId}`);
  await dialog.getByRole('combobox', { name: 'Owner (optional)' }).fill(ownerName);
  await dialog
    .getByRole('option', { name: new RegExp(`^${ownerName}`) })
    .first()
    .click();
  const startDate = '2028-02-20';
  await dialog.getByLabel('Start date').fill(startDate);

  const preview = dialog.getByRole('table', { name: /Tasks to create/ });
  const dueDates = templates.map((t) => addDays(startDate, t.daysFromCreation));
  expect(dueDates).toEqual(['2028-02-20', '2028-02-27', '2028-03-12']);
  await expect(preview.locator('time')).toHaveText(['Feb 20, 2028', 'Feb 27, 2028', 'Mar 12, 2028']);
  await expect(preview.locator('tbody tr td:nth-child(2)')).toHaveText(templates.map((t) => t.name));

  await dialog.getByRole('button', { name: `Create ${templates.length} tasks` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `All ${templates.length} tasks were created.` })).toBeVisible();
  await expect(dialog.getByRole('progressbar', { name: 'Tasks created' })).toHaveAttribute('aria-valuenow', String(templates.length));
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('aria-valuetext', `${templates.length} of ${templates.length}`);
  await axe('apply dialog, done');

  const after = await tasksOn(playbook.Gsid, ctaId);
  const known = new Set(before.map((t) => t.Gsid));
  const created = after.filter((t) => !known.has(t.Gsid)).sort((a, b) => a.Order! - b.Order!);
  expect(created.map((t) => [t.Order, t.Name, t.DueDate, t.Status, t.OwnerId])).toEqual(
    templates.map((t, i) => [t.order, t.name, dueDates[i], 'Not Started', ownerId]),
  );

  // The adoption figures count them once the dialog closes.
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Apply to a CTA' })).toBeFocused();

  // On the board, filtered to the playbook and the task's name, each new task is in Not Started.
  for (const task of created) {
    await page.goto(`/board?playbook=${playbook.Gsid}&q=${encodeURIComponent(task.Name)}`);
    const column = page.getByRole('region', { name: 'Not Started' });
    await expect(column.getByRole('link', { name: task.Name }).and(page.locator(`[href="/tasks/${task.Gsid}"]`))).toBeVisible();
  }
});

/** Counts the task creates (POST /v1/tasks) the page sends. */
function watchCreates(page: Page) {
  let count = 0;
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/v1/tasks') count++;
  });
  return () => count;
}

test('Enter in the CTA picker never sends the form: "Kestrel" then Enter creates nothing; arrows and Enter choose a CTA', async ({
  page,
  axe,
}) => {
  test.slow(); // many steps, each through the UI
  const playbook = await playbookNamed('Renewal - 120 Days Out');
  const kestrelCtas = new Set((await searchTasks([eq('CompanyName', 'Kestrel Aerospace')], ['CTAId'])).map((t) => t.CTAId));
  expect(kestrelCtas.size, 'the sample data has several Kestrel Aerospace CTAs').toBeGreaterThan(1);
  const creates = watchCreates(page);

  const dialog = await openApplyDialog(page, playbook);
  const cta = dialog.getByRole('combobox', { name: 'CTA' });
  const ctaOptions = dialog.getByRole('listbox', { name: 'CTA' }).getByRole('option');
  await cta.pressSequentially('Kestrel');
  await expect(ctaOptions).toHaveCount(kestrelCtas.size);
  await expect(ctaOptions.first()).toHaveAccessibleName(/^Kestrel Aerospace · .* · since .*CTA id 1C/);
  await axe('apply dialog with the CTA suggestions open');
  await cta.press('Enter');
  await expect(cta).toHaveAccessibleDescription(`${kestrelCtas.size} CTAs match: choose one with the arrow keys, or type more.`);
  await expect(cta).toHaveAttribute('aria-expanded', 'true');
  await expect(dialog.getByRole('table', { name: /Tasks to create/ })).toBeVisible();
  expect(creates(), 'Enter with the list open sends nothing').toBe(0);

  // Leaving with "Kestrel" chooses nothing, and Create says to choose a CTA.
  await page.keyboard.press('Tab');
  await expect(cta).toHaveValue('');
  await expect(cta).toHaveAccessibleDescription(
    `“Kestrel” matches ${kestrelCtas.size} CTAs: choose one from the list. Nothing was chosen.`,
  );
  await dialog.getByRole('button', { name: /^Create \d+ tasks$/ }).click();
  await expect(cta).toBeFocused();
  await expect(cta).toHaveAccessibleDescription(/Choose a CTA, or type its id\./);
  expect(creates()).toBe(0);

  // Down and Enter choose the first Kestrel CTA; that Enter sends nothing either.
  await cta.pressSequentially('Kestrel');
  await cta.press('ArrowDown');
  await cta.press('Enter');
  await expect(cta).toHaveValue(/^Kestrel Aerospace · /);
  await expect(cta).toHaveAttribute('aria-expanded', 'false');
  await expect(cta).toHaveAccessibleDescription(/^CTA id 1C[0-9A-Z]{34}$/);
  expect(creates()).toBe(0);
});

test('applying a playbook again warns, lists the tasks the CTA has from it, and creates only the missing templates', async ({
  page,
  axe,
}) => {
  test.slow(); // two applications through the dialog
  const playbook = await playbookNamed('Enterprise Onboarding');
  const templates = sortedTemplates(playbook);
  expect(templates.length).toBeGreaterThan(3);
  const { ctaId } = await someCta(playbook);
  // The CTA already has the first two templates' tasks, as an earlier application left them.
  const had = [];
  for (const t of templates.slice(0, 2)) {
    const res = await sandboxApi.call<Task>('POST', '/v1/tasks', {
      Name: t.name,
      CTAId: ctaId,
      DueDate: '2030-01-01',
      Status: 'In Progress',
      PlaybookId: playbook.Gsid,
      Order: t.order,
    });
    expect(res.status).toBe(200);
    had.push(res.data);
  }
  const creates = watchCreates(page);

  const dialog = await openApplyDialog(page, playbook);
  await fillApplyForm(dialog, { ctaId, startDate: '2030-02-01' });
  const warning = dialog.getByRole('region', { name: 'This CTA already has 2 tasks from this playbook' });
  await expect(warning).toBeVisible();
  await expect(warning.getByRole('listitem')).toHaveText(
    had.map((t, i) => `${t.Name} (opens in a new tab) · In Progress · due Jan 1, 2030 · Step ${i + 1} of ${templates.length}`),
  );
  await expect(warning.getByRole('link', { name: had[0]!.Name })).toHaveAttribute('href', `/tasks/${had[0]!.Gsid}`);
  const missing = templates.length - 2;
  await expect(warning.getByRole('radio', { name: `Only the ${missing} missing templates` })).toBeChecked();
  const preview = dialog.getByRole('table', { name: `Tasks to create (${missing})` });
  await expect(preview.locator('tbody tr td:nth-child(2)')).toHaveText(templates.slice(2).map((t) => t.name));
  await axe('apply dialog warning about existing tasks');

  await dialog.getByRole('button', { name: `Create ${missing} tasks` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `All ${missing} tasks were created.` })).toBeVisible();
  expect(creates()).toBe(missing);
  const after = await tasksOn(playbook.Gsid, ctaId);
  expect(after.map((t) => t.Order).sort((a, b) => a! - b!)).toEqual(templates.map((t) => t.order));
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Once more: every template has a task. Nothing is created unless asked for all of them again.
  await page.getByRole('button', { name: 'Apply to a CTA' }).click();
  await fillApplyForm(dialog, { ctaId, startDate: '2030-02-01' });
  const again = dialog.getByRole('region', { name: `This CTA already has ${templates.length} tasks from this playbook` });
  await expect(again.getByRole('radio', { name: 'Nothing: every template already has a task on this CTA' })).toBeChecked();
  await expect(dialog.getByRole('button', { name: 'Nothing to create' })).toBeDisabled();
  await again.getByRole('radio', { name: `All ${templates.length} templates again (the CTA will have duplicates)` }).check();
  await dialog.getByRole('button', { name: `Create ${templates.length} tasks` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `All ${templates.length} tasks were created.` })).toBeVisible();
  expect(creates()).toBe(missing + templates.length);
  expect(await tasksOn(playbook.Gsid, ctaId)).toHaveLength(templates.length * 2);
});

test('after a partial failure, Retry failed leaves exactly one task per template', async ({ page, axe }) => {
  const playbook = await playbookNamed('Adoption Health Check');
  const templates = sortedTemplates(playbook);
  const { ctaId } = await someCta(playbook);
  const before = await tasksOn(playbook.Gsid, ctaId);

  const dialog = await openApplyDialog(page, playbook);
  await fillApplyForm(dialog, { ctaId, startDate: todayIso() });
  // The 2nd and 3rd creates fail with a 500.
  await sandboxApi.faults({ rules: [{ method: 'POST', path: '/tasks', status: 500, times: 2, skip: 1 }] });
  await dialog.getByRole('button', { name: `Create ${templates.length} tasks` }).click();

  const status = dialog.getByRole('status').filter({ hasText: /created/ });
  await expect(status).toHaveText(`${templates.length - 2} of ${templates.length} tasks created; 2 failed.`);
  const results = dialog.locator('tbody tr');
  await expect(results.nth(0)).toContainText('Created');
  for (const i of [1, 2]) {
    await expect(results.nth(i)).toContainText('Failed (outcome unknown)');
    await expect(results.nth(i)).toContainText('Injected fault');
  }
  await expect(dialog.getByRole('progressbar')).toHaveAttribute('aria-valuetext', `${templates.length - 2} of ${templates.length}`);
  await axe('apply dialog, partial failure');

  await dialog.getByRole('button', { name: 'Retry failed (2)' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `All ${templates.length} tasks were created.` })).toBeVisible();

  const after = await tasksOn(playbook.Gsid, ctaId);
  const known = new Set(before.map((t) => t.Gsid));
  const created = after.filter((t) => !known.has(t.Gsid));
  expect(created.map((t) => t.Order).sort((a, b) => a! - b!)).toEqual(templates.map((t) => t.order));
});

test('a reply lost after the create is found by the retry, never created twice', async ({ page }) => {
  const playbook = await playbookNamed('Churn Save');
  const templates = sortedTemplates(playbook);
  const { ctaId } = await someCta(playbook);
  const before = await tasksOn(playbook.Gsid, ctaId);

  const dialog = await openApplyDialog(page, playbook);
  await fillApplyForm(dialog, { ctaId, startDate: '2027-12-31' });
  // The first create happens, but its reply is a 502.
  await sandboxApi.faults({ rules: [{ method: 'POST', path: '/tasks', status: 502, times: 1, when: 'after' }] });
  await dialog.getByRole('button', { name: `Create ${templates.length} tasks` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: /created/ })).toHaveText(
    `${templates.length - 1} of ${templates.length} tasks created; 1 failed.`,
  );
  await dialog.getByRole('button', { name: 'Retry failed (1)' }).click();
  await expect(dialog.getByRole('status').filter({ hasText: `All ${templates.length} tasks were created.` })).toBeVisible();
  await expect(dialog.locator('tbody tr').nth(0)).toContainText('Its reply was lost; found on the server.');

  const after = await tasksOn(playbook.Gsid, ctaId);
  expect(after.length - before.length).toBe(templates.length);
});

/**
 * Applies "Churn Save" to a CTA with the second create held back by the rate limit (the team
 * server's own budget refusal, see stageBudgetRefusal), then presses Escape while the run waits.
 */
async function escapeDuringRun(page: Page) {
  const playbook = await playbookNamed('Churn Save');
  const templates = sortedTemplates(playbook);
  const { ctaId } = await someCta(playbook);
  const before = await tasksOn(playbook.Gsid, ctaId);
  const dialog = await openApplyDialog(page, playbook);
  await fillApplyForm(dialog, { ctaId, startDate: todayIso() });
  await stageBudgetRefusal(page, '**/v1/tasks', 2);
  await dialog.getByRole('button', { name: `Create ${templates.length} tasks` }).click();
  await expect(dialog.getByRole('status').filter({ hasText: 'Waiting for the rate limit…' })).toBeVisible();
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('alertdialog', { name: 'Stop creating tasks?' });
  return { playbook, templates, ctaId, before, dialog, confirm };
}

test('a 429 waits for the rate limit and goes on; Escape during a run asks first', async ({ page }) => {
  const { playbook, templates, ctaId, before, dialog, confirm } = await escapeDuringRun(page);
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Keep creating' }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeVisible();

  await expect(dialog.getByRole('status').filter({ hasText: `All ${templates.length} tasks were created.` })).toBeVisible({
    timeout: 20_000,
  });
  const after = await tasksOn(playbook.Gsid, ctaId);
  expect(after.length - before.length).toBe(templates.length);
});

test('"Stop and close" during a run closes the question and the dialog, and gives the focus back to "Apply to a CTA"', async ({ page }) => {
  const { dialog, confirm } = await escapeDuringRun(page);
  await confirm.getByRole('button', { name: 'Stop and close' }).click();
  await expect(confirm).toBeHidden();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Apply to a CTA' })).toBeFocused();
});

test('an inactive playbook cannot be applied, and says why', async ({ page, axe }) => {
  const inactive = (await playbooks()).find((p) => !p.IsActive)!;
  await page.goto(`/playbooks/${inactive.Gsid}`);
  await expect(page.getByRole('heading', { level: 1, name: inactive.Name })).toBeVisible();
  await expect(page.getByText('Inactive', { exact: true }).first()).toBeVisible();
  await expect(page.getByText('This playbook is inactive, so it cannot be applied to a CTA.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Apply/ })).toHaveCount(0);
  await axe('inactive playbook');
});
