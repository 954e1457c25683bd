import type { Browser, Page } from '@playwright/test';
import { test, expect, sandboxApi } from './fixtures.ts';
import type { ApiTask } from './board-helpers.ts';
import { E2E } from './env.ts';
import { holdBack } from './hold-back.ts';

let counter = 0;
/** A name no seeded task has, so searches by name find only what a test made. */
const uniqueName = (label: string) => `${label} ${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A seeded task with a CTA, a company and an owner, to borrow them from. */
async function seededTask(): Promise<ApiTask> {
  const res = await sandboxApi.call<{ records: ApiTask[] }>('POST', '/v1/tasks/search', {
    where: {
      conditions: [
        { name: 'OwnerId', operator: 'IS_NOT_NULL', value: [] },
        { name: 'CompanyName', operator: 'EQ', value: ['Acme Corp'] },
      ],
    },
    limit: 1,
  });
  const task = res.data.records[0];
  if (!task) throw new Error('the seed has no Acme Corp task with an owner');
  return task;
}

async function tasksNamed(name: string): Promise<ApiTask[]> {
  const res = await sandboxApi.call<{ records: ApiTask[] }>('POST', '/v1/tasks/search', {
    where: { conditions: [{ name: 'Name', operator: 'EQ', value: [name] }] },
    limit: 10,
  });
  return res.data.records;
}

async function getTask(id: string): Promise<ApiTask> {
  return (await sandboxApi.call<ApiTask>('GET', `/v1/tasks/${id}`)).data;
}

/** A fresh task to edit (tests never change the seeded ones). */
async function makeTask(label: string): Promise<ApiTask> {
  const seed = await seededTask();
  const res = await sandboxApi.call<ApiTask>('POST', '/v1/tasks', {
    Name: uniqueName(label),
    Description: 'Agenda: goals, timeline',
    CTAId: seed.CTAId,
    OwnerId: seed.OwnerId,
    Status: 'Not Started',
    Priority: 'Medium',
    DueDate: '2030-01-10',
  });
  expect(res.status).toBe(200);
  return res.data;
}

/** Counts the task writes (PUT) and reads of one task the page sends. */
function watchTaskCalls(page: Page, id: string) {
  const calls: string[] = [];
  page.on('request', (req) => {
    if (req.url().includes(`/v1/tasks/${id}`)) calls.push(req.method());
  });
  return { puts: () => calls.filter((m) => m === 'PUT').length, all: () => calls.length };
}

/** Counts the task creates (POST /v1/tasks) the page sends. */
function watchCreates(page: Page) {
  let count = 0;
  page.on('request', (req) => {
    if (req.method() === 'POST' && new URL(req.url()).pathname === '/v1/tasks') count++;
  });
  return () => count;
}

async function openEditForm(page: Page, task: ApiTask) {
  await page.goto(`/tasks/${task.Gsid}`);
  await expect(page.getByRole('heading', { level: 1, name: task.Name })).toBeVisible();
  await page.getByRole('button', { name: 'Edit task' }).click();
  const form = page.getByRole('form', { name: 'Edit task' });
  await expect(form.getByRole('textbox', { name: 'Name' })).toBeFocused();
  return form;
}

test.afterEach(async () => {
  await sandboxApi.clearFaults();
});

test('the task page shows every field, its playbook step, and a not-found page for an unknown id', async ({ page, axe }) => {
  const res = await sandboxApi.call<{ records: (ApiTask & { PlaybookId: string; Order: number })[] }>('POST', '/v1/tasks/search', {
    where: {
      conditions: [
        { name: 'PlaybookId', operator: 'IS_NOT_NULL', value: [] },
        { name: 'DueDate', operator: 'IS_NOT_NULL', value: [] },
      ],
    },
    limit: 1,
  });
  const task = res.data.records[0]!;
  const playbook = (await sandboxApi.call<{ Name: string; TaskTemplates: { order: number }[] }>('GET', `/v1/playbooks/${task.PlaybookId}`))
    .data;
  const position = [...playbook.TaskTemplates].sort((a, b) => a.order - b.order).findIndex((t) => t.order === task.Order) + 1;

  await page.goto(`/tasks/${task.Gsid}`);
  await expect(page.getByRole('heading', { level: 1, name: task.Name })).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  const about = page.getByRole('region', { name: 'About this task' });
  await expect(details.getByRole('definition').filter({ hasText: task.Status })).toBeVisible();
  await expect(details.locator(`time[datetime="${task.DueDate}"]`)).toBeVisible();
  await expect(details.getByText(/overdue by|due today|due tomorrow|due in|was due/)).toBeVisible();
  await expect(about.getByText(task.CTAId)).toBeVisible();
  await expect(about.getByRole('link', { name: playbook.Name })).toHaveAttribute('href', `/playbooks/${task.PlaybookId}`);
  await expect(about.getByText(`Step ${position} of ${playbook.TaskTemplates.length}`)).toBeVisible();
  await axe('task page');

  await page.goto('/tasks/1TNOSUCHTASK');
  await expect(page.getByRole('heading', { level: 1, name: 'Task not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to the board' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
});

test('the task page names its CTA by what its tasks tell, the id as secondary text', async ({ page }) => {
  const task = await makeTask('E2E CTA name');
  const onCta = await sandboxApi.call<{ records: (ApiTask & { PlaybookId?: string })[]; totalCount: number }>('POST', '/v1/tasks/search', {
    select: ['CTAId', 'PlaybookId'],
    where: { conditions: [{ name: 'CTAId', operator: 'EQ', value: [task.CTAId] }] },
    limit: 5000,
  });
  const count = onCta.data.totalCount;
  expect(count).toBeGreaterThan(1);
  const playbookIds = new Set(onCta.data.records.flatMap((t) => (t.PlaybookId ? [t.PlaybookId] : [])));
  const playbooks = (await sandboxApi.call<{ Gsid: string; Name: string }[]>('GET', '/v1/playbooks')).data.filter((p) =>
    playbookIds.has(p.Gsid),
  );

  await page.goto(`/tasks/${task.Gsid}`);
  const cta = page.getByRole('region', { name: 'About this task' }).getByRole('definition').filter({ hasText: 'CTA id' });
  await expect(cta).toContainText(new RegExp(`^${task.CompanyName} · .*${count} tasks · since [A-Z][a-z]{2} \\d{1,2}`));
  for (const p of playbooks.slice(0, 1)) await expect(cta).toContainText(p.Name);
  await expect(cta).toContainText(`CTA id ${task.CTAId}`);
});

test('creates a task from the header: it is on the board at once, and a toast links to it', async ({ page, axe }) => {
  const seed = await seededTask();
  const name = uniqueName('E2E created');
  await page.goto('/board');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  const opener = page.getByRole('button', { name: 'New task' });
  await opener.click();

  const dialog = page.getByRole('dialog', { name: 'New task' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toBeFocused();
  await axe('New task dialog');
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);

  const cta = dialog.getByRole('combobox', { name: 'CTA' });
  await cta.fill('acme');
  await expect(cta).toHaveAttribute('aria-expanded', 'true');
  const ctaOption = dialog.getByRole('option', { name: new RegExp(`Acme Corp.*${seed.CTAId}`) });
  await expect(ctaOption).toBeVisible();
  await axe('New task dialog with the CTA suggestions open');
  await ctaOption.click();
  // Named by what its tasks tell, the id as secondary text (issue 15).
  await expect(cta).toHaveValue(/^Acme Corp · .*\d+ tasks? · since /);
  await expect(cta).toHaveAccessibleDescription(`CTA id ${seed.CTAId}`);

  const owner = dialog.getByRole('combobox', { name: 'Owner' });
  await owner.fill(seed.OwnerName!);
  await owner.press('ArrowDown');
  await expect(owner).toHaveAttribute('aria-activedescendant', /.+/);
  await owner.press('Enter');
  await expect(owner).toHaveValue(seed.OwnerName!);

  await dialog.getByLabel('Status').selectOption('In Progress');
  await dialog.getByLabel('Priority').selectOption('High');
  await dialog.getByLabel('Due date').fill('2001-01-15');
  await dialog.getByLabel('Description').fill('Made by the e2e test');
  await dialog.getByRole('button', { name: 'Create task' }).click();

  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
  const toast = page.getByRole('status').filter({ hasText: 'Task created' });
  await expect(toast.getByRole('link', { name: `Open ${name}` })).toBeVisible();
  // On the board without a reload, in its column.
  await expect(page.getByRole('region', { name: 'In Progress' }).getByText(name)).toBeVisible();

  const [stored] = await tasksNamed(name);
  expect(stored).toMatchObject({
    CTAId: seed.CTAId,
    OwnerId: seed.OwnerId,
    Status: 'In Progress',
    Priority: 'High',
    DueDate: '2001-01-15',
    Description: 'Made by the e2e test',
  });

  await toast.getByRole('link', { name: `Open ${name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${stored!.Gsid}$`));
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
});

test('Enter in the New task CTA picker chooses or explains, and never sends the form', async ({ page }) => {
  await page.goto('/board');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  const creates = watchCreates(page);
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(uniqueName('E2E Enter in the picker'));
  const cta = dialog.getByRole('combobox', { name: 'CTA' });
  const ctaOptions = dialog.getByRole('listbox', { name: 'CTA' }).getByRole('option');
  const kestrel = await sandboxApi.call<{ records: ApiTask[] }>('POST', '/v1/tasks/search', {
    select: ['CTAId'],
    where: { conditions: [{ name: 'CompanyName', operator: 'EQ', value: ['Kestrel Aerospace'] }] },
    limit: 5000,
  });
  const matches = new Set(kestrel.data.records.map((t) => t.CTAId)).size;
  expect(matches).toBeGreaterThan(1);
  await cta.pressSequentially('Kestrel');
  await expect(ctaOptions).toHaveCount(matches);
  await cta.press('Enter');
  await expect(cta).toHaveAccessibleDescription(`${matches} CTAs match: choose one with the arrow keys, or type more.`);
  await expect(dialog).toBeVisible();
  expect(creates()).toBe(0);
  // Typing on until one CTA is left, Enter picks it.
  const only = (await ctaOptions.first().textContent())!;
  const id = /CTA id (1C[0-9A-Z]{34})/.exec(only)![1]!;
  await cta.pressSequentially(` ${id.slice(0, 20)}`);
  await expect(ctaOptions).toHaveCount(1);
  await cta.press('Enter');
  await expect(cta).toHaveAccessibleDescription(`CTA id ${id}`);
  await expect(dialog).toBeVisible();
  expect(creates()).toBe(0);
});

test('a board column opens the dialog with its status preset', async ({ page }) => {
  await page.goto('/board');
  const columnButton = page.getByRole('region', { name: 'Completed' }).getByRole('button', { name: 'Add task to Completed' });
  await columnButton.click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await expect(dialog.getByLabel('Status')).toHaveValue('Completed');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(columnButton).toBeFocused();
});

test('an unknown CTA id is sent only once confirmed, then shows the server message and keeps the form; Escape asks before dropping it', async ({
  page,
  axe,
}) => {
  const name = uniqueName('E2E unknown CTA');
  const unknownCta = '1CNOSUCHCTA'.padEnd(36, '0');
  await page.goto('/search');
  const opener = page.getByRole('button', { name: 'New task' });
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  const cta = dialog.getByRole('combobox', { name: 'CTA' });
  await cta.fill(unknownCta);
  await expect(cta).toHaveAccessibleDescription(/No CTA seen in tasks matches/);
  // The id's look-up has answered when the confirm box shows below the field: it moves the Create
  // button down, so a click made while it appears could land beside the button.
  const confirmId = dialog.getByRole('checkbox', { name: `Use CTA id ${unknownCta} anyway` });
  await expect(confirmId).toBeVisible();
  const creates = watchCreates(page);
  await dialog.getByRole('button', { name: 'Create task' }).click();

  // No task names it: nothing is sent until the user confirms the id.
  await expect(cta).toBeFocused();
  await expect(cta).toHaveAccessibleDescription(/No task names this CTA id: choose a CTA from the list, or confirm the id below/);
  await axe('New task dialog asking to confirm a CTA id');
  expect(creates()).toBe(0);
  await confirmId.check();
  await dialog.getByRole('button', { name: 'Create task' }).click();

  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('The task was not created');
  await expect(alert).toContainText(`CTAId: no CTA with id "${unknownCta}"`);
  expect(creates()).toBe(1);
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
  await expect(cta).toHaveValue(unknownCta);
  expect(await tasksNamed(name)).toHaveLength(0);
  await axe('New task dialog with a server error');

  // Escape with inputs asks first; keeping goes back to the form untouched.
  await page.keyboard.press('Escape');
  const confirm = page.getByRole('alertdialog', { name: 'Discard this new task?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  await axe('discard confirmation');
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(dialog.getByRole('textbox', { name: 'Name' })).toHaveValue(name);
  await page.keyboard.press('Escape');
  await confirm.getByRole('button', { name: 'Discard' }).click();
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // An untouched dialog closes on Escape at once.
  await opener.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();
});

test('a double click or a double Enter creates exactly one task', async ({ page }) => {
  const seed = await seededTask();
  // Slow answers keep the first create in flight while the second press lands.
  await sandboxApi.faults({ latencyMs: 600 });
  await page.goto('/playbooks');
  await expect(page.getByRole('heading', { level: 1, name: 'Playbooks' })).toBeVisible();

  const byClick = uniqueName('E2E double click');
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(byClick);
  await dialog.getByRole('combobox', { name: 'CTA' }).fill(seed.CTAId);
  await dialog.getByRole('button', { name: 'Create task' }).dblclick();
  await expect(page.getByRole('status').getByRole('link', { name: `Open ${byClick}` })).toBeVisible();
  await expect(dialog).toBeHidden();

  const byEnter = uniqueName('E2E double Enter');
  await page.getByRole('button', { name: 'New task' }).click();
  await dialog.getByRole('combobox', { name: 'CTA' }).fill(seed.CTAId);
  const nameField = dialog.getByRole('textbox', { name: 'Name' });
  await nameField.fill(byEnter);
  await nameField.press('Enter');
  await nameField.press('Enter');
  await expect(page.getByRole('status').getByRole('link', { name: `Open ${byEnter}` })).toBeVisible();

  await sandboxApi.clearFaults();
  expect(await tasksNamed(byClick)).toHaveLength(1);
  expect(await tasksNamed(byEnter)).toHaveLength(1);
});

test('the dialog closes as soon as the create is done, while the board is still refreshing', async ({ page }) => {
  const seed = await seededTask();
  const name = uniqueName('E2E closes at once');
  await page.goto('/board');
  const column = page.getByRole('region', { name: 'Not Started' });
  await expect(column.getByRole('button', { name: 'Add task to Not Started' })).toBeVisible();
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  const cta = dialog.getByRole('combobox', { name: 'CTA' });
  await cta.fill(seed.CTAId);
  await dialog.getByLabel('Due date').fill('2001-01-15'); // first in the column (sorted by due date)
  // The CTA is recognised before the searches are held below.
  await expect(cta).toHaveAccessibleDescription(`CTA id ${seed.CTAId}`);

  // From now on the board's searches are held: its refresh cannot finish until released.
  const searches = await holdBack(page, '**/v1/tasks/search');
  await dialog.getByRole('button', { name: 'Create task' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').getByRole('link', { name: `Open ${name}` })).toBeVisible();
  await expect.poll(searches.requested, { message: 'the board refreshes its columns' }).toBe(true);

  await searches.release();
  await expect(column.getByText(name)).toBeVisible();
});

test('the New task fields are locked while the create runs, so nothing typed then is lost', async ({ page }) => {
  const seed = await seededTask();
  const name = uniqueName('E2E locked while creating');
  await page.goto('/board');
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  await page.getByRole('button', { name: 'New task' }).click();
  const dialog = page.getByRole('dialog', { name: 'New task' });
  const nameField = dialog.getByRole('textbox', { name: 'Name' });
  const description = dialog.getByLabel('Description');
  await nameField.fill(name);
  await dialog.getByRole('combobox', { name: 'CTA' }).fill(seed.CTAId);
  await description.fill('Sent with the create');

  await sandboxApi.faults({ latencyMs: 1500 });
  await dialog.getByRole('button', { name: 'Create task' }).click();
  await expect(dialog.getByRole('button', { name: 'Creating…' })).toBeDisabled();
  for (const field of [
    nameField,
    dialog.getByRole('combobox', { name: 'CTA' }),
    dialog.getByRole('combobox', { name: 'Owner' }),
    dialog.getByLabel('Status'),
    dialog.getByLabel('Priority'),
    dialog.getByLabel('Due date'),
    description,
  ]) {
    await expect(field).toBeDisabled();
  }
  await page.keyboard.type(' typed while creating');
  await expect(description).toHaveValue('Sent with the create');

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').getByRole('link', { name: `Open ${name}` })).toBeVisible();
  await sandboxApi.clearFaults();
  const created = await tasksNamed(name);
  expect(created).toHaveLength(1);
  expect(created[0]!.Description).toBe('Sent with the create');
});

test('an edit is saved with every field and survives a reload', async ({ page, axe }) => {
  const task = await makeTask('E2E edit');
  const other = (
    await sandboxApi.call<{ records: ApiTask[] }>('POST', '/v1/tasks/search', {
      where: {
        conditions: [
          { name: 'OwnerId', operator: 'NE', value: [task.OwnerId] },
          { name: 'OwnerId', operator: 'IS_NOT_NULL', value: [] },
        ],
      },
      limit: 1,
    })
  ).data.records[0]!;
  const form = await openEditForm(page, task);
  await axe('task edit form');

  const newName = uniqueName('E2E edited');
  await form.getByRole('textbox', { name: 'Name' }).fill(newName);
  await form.getByLabel('Description').fill('Line one\nLine two');
  const owner = form.getByRole('combobox', { name: 'Owner' });
  await expect(owner).toHaveValue(task.OwnerName!);
  await owner.fill(other.OwnerName!);
  await form.getByRole('option', { name: other.OwnerName!, exact: true }).click();
  await form.getByLabel('Status').selectOption('Completed');
  await form.getByLabel('Priority').selectOption('Low');
  await form.getByLabel('Due date').fill('2030-06-15');
  await form.getByRole('button', { name: 'Save changes' }).click();

  await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();
  await expect(form).toBeHidden();
  await expect(page.getByRole('button', { name: 'Edit task' })).toBeFocused();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: newName })).toBeVisible();
  const details = page.getByRole('region', { name: 'Details' });
  await expect(details.getByText('Line one')).toBeVisible();
  await expect(details.getByText('Low', { exact: true })).toBeVisible();
  await expect(details.getByText('Completed', { exact: true })).toBeVisible();
  await expect(details.getByText(other.OwnerName!, { exact: true })).toBeVisible();
  await expect(details.locator('time[datetime="2030-06-15"]')).toContainText('Jun 15, 2030');
  await expect(page.getByRole('region', { name: 'About this task' }).getByText(task.CTAId)).toBeVisible();

  expect(await getTask(task.Gsid)).toMatchObject({
    Name: newName,
    Description: 'Line one\nLine two',
    CTAId: task.CTAId,
    OwnerId: other.OwnerId,
    Status: 'Completed',
    Priority: 'Low',
    DueDate: '2030-06-15',
  });
});

test('a blank name or a partial date is refused before anything is sent', async ({ page }) => {
  const task = await makeTask('E2E blank');
  const form = await openEditForm(page, task);
  const calls = watchTaskCalls(page, task.Gsid);
  const nameField = form.getByRole('textbox', { name: 'Name' });
  await nameField.fill('   ');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(nameField).toBeFocused();
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription('Enter a name for the task.');

  await nameField.fill('Still here');
  const due = form.getByLabel('Due date');
  await due.fill('');
  await due.click();
  await page.keyboard.type('03');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(due).toBeFocused();
  await expect(due).toHaveAccessibleDescription(/Enter a real date/);

  expect(calls.puts()).toBe(0);
  expect(calls.all()).toBe(0);
  expect((await getTask(task.Gsid)).Name).toBe(task.Name);
});

test('a failed save shows the server message and keeps what was typed', async ({ page }) => {
  const task = await makeTask('E2E failed save');
  const form = await openEditForm(page, task);
  await sandboxApi.faults({ rules: [{ method: 'PUT', path: '/tasks/*', status: 500, times: 1 }] });
  await form.getByLabel('Description').fill('Typed before the failure');
  await form.getByRole('button', { name: 'Save changes' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Your changes were not saved');
  await expect(form.getByLabel('Description')).toHaveValue('Typed before the failure');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  expect((await getTask(task.Gsid)).Description).toBe('Typed before the failure');
});

test("an edit refused with a 400 shows the server's message next to the form and keeps every typed value", async ({ page, axe }) => {
  const task = await makeTask('E2E refused');
  const other = (
    await sandboxApi.call<{ records: ApiTask[] }>('POST', '/v1/tasks/search', {
      where: {
        conditions: [
          { name: 'OwnerId', operator: 'NE', value: [task.OwnerId] },
          { name: 'OwnerId', operator: 'IS_NOT_NULL', value: [] },
        ],
      },
      limit: 1,
    })
  ).data.records[0]!;
  const form = await openEditForm(page, task);
  const newName = uniqueName('E2E refused edit');
  const nameField = form.getByRole('textbox', { name: 'Name' });
  const owner = form.getByRole('combobox', { name: 'Owner' });
  await nameField.fill(newName);
  await form.getByLabel('Description').fill('Typed before the refusal');
  await owner.fill(other.OwnerName!);
  await form.getByRole('option', { name: other.OwnerName!, exact: true }).click();
  await form.getByLabel('Status').selectOption('In Progress');
  await form.getByLabel('Priority').selectOption('High');
  await form.getByLabel('Due date').fill('2030-07-20');

  // The sandbox refuses the next PUT with a 400 (an API error with its own errorDesc).
  await sandboxApi.faults({ rules: [{ method: 'PUT', path: '/tasks/*', status: 400, times: 1 }] });
  const calls = watchTaskCalls(page, task.Gsid);
  await form.getByRole('button', { name: 'Save changes' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Your changes were not saved');
  await expect(alert).toContainText('Injected fault: the sandbox was told to answer 400');
  await expect(form.getByText('Everything you typed is still in the form.')).toBeVisible();
  await expect(nameField).toHaveValue(newName);
  await expect(form.getByLabel('Description')).toHaveValue('Typed before the refusal');
  await expect(owner).toHaveValue(other.OwnerName!);
  await expect(form.getByLabel('Status')).toHaveValue('In Progress');
  await expect(form.getByLabel('Priority')).toHaveValue('High');
  await expect(form.getByLabel('Due date')).toHaveValue('2030-07-20');
  await expect(form.getByText('Unsaved changes')).toBeVisible();
  expect(calls.puts(), 'a 400 is not retried').toBe(1);
  expect((await getTask(task.Gsid)).Name).toBe(task.Name);
  await axe('task edit form with a refused save');

  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  expect(await getTask(task.Gsid)).toMatchObject({
    Name: newName,
    Description: 'Typed before the refusal',
    OwnerId: other.OwnerId,
    Status: 'In Progress',
    Priority: 'High',
    DueDate: '2030-07-20',
  });
});

test('what is typed while a save runs is kept: the form stays open with it, and the next save sends it', async ({ page }) => {
  const task = await makeTask('E2E typed while saving');
  const form = await openEditForm(page, task);
  const description = form.getByLabel('Description');
  const nameField = form.getByRole('textbox', { name: 'Name' });
  await description.fill('Sent with the save');

  await sandboxApi.faults({ latencyMs: 1500 });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('button', { name: /^(Checking for changes|Saving)…$/ })).toBeDisabled();
  const typedName = uniqueName('E2E typed meanwhile');
  await description.fill('Typed while saving');
  await nameField.fill(typedName);

  await expect(form.getByText('What you typed while it was saving is not saved yet')).toBeVisible();
  await expect(form).toBeVisible();
  await expect(description).toHaveValue('Typed while saving');
  await expect(nameField).toHaveValue(typedName);
  await expect(form.getByText('Unsaved changes')).toBeVisible();
  await sandboxApi.clearFaults();
  // The first save carried what the form held when Save was pressed.
  expect(await getTask(task.Gsid)).toMatchObject({ Name: task.Name, Description: 'Sent with the save' });

  // The saved version is the form's base now: saving again asks nothing and sends the rest.
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: typedName })).toBeVisible();
  expect(await getTask(task.Gsid)).toMatchObject({ Name: typedName, Description: 'Typed while saving' });
});

/** A second browser context opens the task's edit form, renames it, lowers its priority and saves. */
async function theyRenameAndLowerPriority(browser: Browser, task: ApiTask) {
  const theirs = uniqueName('E2E theirs');
  const context = await browser.newContext({ baseURL: E2E.appUrl });
  const other = await context.newPage();
  const otherForm = await openEditForm(other, task);
  await otherForm.getByRole('textbox', { name: 'Name' }).fill(theirs);
  await otherForm.getByLabel('Priority').selectOption('Low');
  await otherForm.getByRole('button', { name: 'Save changes' }).click();
  await expect(other.getByRole('heading', { level: 1, name: theirs })).toBeVisible();
  await context.close();
  return theirs;
}

test('an edit merges per field: fields only they changed keep theirs, fields only I changed keep mine, without asking', async ({
  page,
  browser,
}) => {
  const task = await makeTask('E2E merge');
  const form = await openEditForm(page, task);
  await form.getByLabel('Description').fill('Mine: new agenda');
  await form.getByLabel('Status').selectOption('In Progress');
  const theirs = await theyRenameAndLowerPriority(browser, task);

  const calls = watchTaskCalls(page, task.Gsid);
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: theirs })).toBeVisible();
  await expect(
    page.getByRole('status').filter({ hasText: `Saved "${theirs}", with the name and priority someone else saved meanwhile` }),
  ).toBeVisible();
  expect(calls.puts()).toBe(1);
  expect(await getTask(task.Gsid)).toMatchObject({ Name: theirs, Priority: 'Low', Description: 'Mine: new agenda', Status: 'In Progress' });
});

/**
 * Page A renames the task and edits the description; meanwhile a second browser context renames
 * it too and lowers its priority; then A saves: only the name, which both changed, is asked.
 */
async function arrangeConflict(page: Page, browser: Browser) {
  const task = await makeTask('E2E conflict');
  const form = await openEditForm(page, task);
  const mine = uniqueName('E2E mine');
  await form.getByRole('textbox', { name: 'Name' }).fill(mine);
  await form.getByLabel('Description').fill('Mine: new agenda');
  const theirs = await theyRenameAndLowerPriority(browser, task);

  const calls = watchTaskCalls(page, task.Gsid);
  await form.getByRole('button', { name: 'Save changes' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Someone else changed this task' });
  await expect(dialog).toBeVisible();
  // Asked: the name only. Their priority is kept; my description is saved as I left it.
  const name = dialog.getByRole('group', { name: 'Name' });
  await expect(name.getByRole('radio')).toHaveCount(2);
  await expect(name.getByRole('radio', { name: `Theirs (saved now): ${theirs}` })).toBeFocused();
  await expect(name.getByRole('radio', { name: `Yours: ${mine}` })).not.toBeChecked();
  await expect(dialog.getByRole('group')).toHaveCount(1);
  await expect(dialog.getByRole('listitem')).toHaveText(['Priority: Low']);
  await expect(dialog.getByText('Description')).toHaveCount(0);
  expect(calls.puts(), 'nothing is saved before the user chooses').toBe(0);
  return { task, mine, theirs, form, dialog, name, calls };
}

test('an edit conflict asks only about the field both changed; mine there, theirs and mine elsewhere', async ({ page, browser, axe }) => {
  const { task, mine, dialog, name, form, calls } = await arrangeConflict(page, browser);
  await axe('conflict dialog');
  // Save without choosing says what is missing.
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Choose theirs or yours for: Name.');
  expect(calls.puts()).toBe(0);
  await name.getByRole('radio', { name: `Yours: ${mine}` }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: mine })).toBeVisible();
  expect(await getTask(task.Gsid)).toMatchObject({ Name: mine, Priority: 'Low', Description: 'Mine: new agenda' });
});

test('an edit conflict: choosing theirs for the field both changed keeps their name, and still saves my description', async ({
  page,
  browser,
}) => {
  const { task, theirs, dialog, name, form } = await arrangeConflict(page, browser);
  await name.getByRole('radio', { name: `Theirs (saved now): ${theirs}` }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: theirs })).toBeVisible();
  expect(await getTask(task.Gsid)).toMatchObject({ Name: theirs, Priority: 'Low', Description: 'Mine: new agenda' });
});

test('an edit conflict: "Cancel" goes back to my form, saves nothing, and asks again on the next save', async ({ page, browser }) => {
  const { task, mine, theirs, dialog, form, calls } = await arrangeConflict(page, browser);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(form.getByRole('button', { name: 'Save changes' })).toBeFocused();
  await expect(form.getByLabel('Description')).toHaveValue('Mine: new agenda');
  await expect(form.getByRole('textbox', { name: 'Name' })).toHaveValue(mine);
  expect(calls.puts()).toBe(0);
  expect(await getTask(task.Gsid)).toMatchObject({ Name: theirs, Priority: 'Low' });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(dialog).toBeVisible();
  expect(calls.puts()).toBe(0);
});

test('leaving with unsaved changes asks first', async ({ page, axe }) => {
  const task = await makeTask('E2E leave');
  const form = await openEditForm(page, task);
  const nav = page.getByRole('navigation', { name: 'Main' });

  // Nothing changed yet: leaving does not ask.
  await nav.getByRole('link', { name: 'Search' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  await page.goBack();
  await page.getByRole('button', { name: 'Edit task' }).click();

  await form.getByLabel('Description').fill('Not saved yet');
  await nav.getByRole('link', { name: 'Board' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Leave without saving?' });
  await expect(confirm).toBeVisible();
  await axe('leave confirmation');
  await confirm.getByRole('button', { name: 'Stay on this page' }).click();
  await expect(page).toHaveURL(new RegExp(`/tasks/${task.Gsid}$`));
  await expect(form.getByLabel('Description')).toHaveValue('Not saved yet');

  // Cancel asks too.
  await form.getByRole('button', { name: 'Cancel' }).click();
  const discard = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await discard.getByRole('button', { name: 'Keep editing' }).click();
  await expect(form.getByLabel('Description')).toHaveValue('Not saved yet');

  // Reloading or closing the tab gets the browser's prompt.
  const prompt = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const beforeUnload = await prompt;
  expect(beforeUnload.type()).toBe('beforeunload');
  await beforeUnload.dismiss();
  await expect(form.getByLabel('Description')).toHaveValue('Not saved yet');

  await nav.getByRole('link', { name: 'Board' }).click();
  await confirm.getByRole('button', { name: 'Leave without saving' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();
  expect((await getTask(task.Gsid)).Description).toBe('Agenda: goals, timeline');
});
