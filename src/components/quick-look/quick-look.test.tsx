import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from '../router/router.tsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import type { Task, TaskInput } from '../../api/types.ts';
import { QuickLookButton, QuickLookHost } from './quick-look.tsx';
import { lookIdOf, withLook } from './quick-look-url.ts';
import { errorResponse, okResponse } from '../../../test-support/api-envelope.ts';
import { savedTask } from '../../../test-support/api-tasks.ts';
import { fakeApi } from '../../../test-support/fake-api.ts';

/** 1T1 "Kickoff call" at Kestrel Aerospace, owned by Ada, Not Started, Medium, due 2030-03-01. */
const TASK: Task = savedTask({ CompanyName: 'Kestrel Aerospace' });

let queryClient: QueryClient;
let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
/** The task the server has (GET answers it; a successful PUT replaces it). */
let onServer: Task;
/** Answers a PUT; default: saves the body. */
let answerPut: (body: TaskInput) => Response;

const puts = () => fetchMock.mock.calls.filter(([r]) => r.method === 'PUT');

beforeEach(() => {
  queryClient = createQueryClient();
  onServer = TASK;
  answerPut = (body) => {
    onServer = { ...TASK, ...body, Description: body.Description, ModifiedDate: '2026-02-01T11:00:00.000Z' };
    return okResponse(onServer);
  };
  fetchMock = vi.fn(
    fakeApi({
      getTask: (id) => (id === '1T1' ? onServer : undefined),
      updateTask: (id, body) => (id === '1T1' ? answerPut(body) : undefined),
    }),
  );
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

/** The board with a quick look, or the task page. */
function BoardOrTaskPage() {
  return useLocation().pathname.startsWith('/tasks/') ? (
    <p>Task page</p>
  ) : (
    <QuickLookHost>
      <QuickLookButton taskId="1T1" taskName="Kickoff call" />
    </QuickLookHost>
  );
}

function renderPage(url = '/board?q=call') {
  const router = createMemoryRouter({ initialEntries: ['/search', url], initialIndex: 1 });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router}>
        <BoardOrTaskPage />
      </RouterProvider>
    </QueryClientProvider>,
  );
  return router;
}

// The panel's code loads on demand: the first time takes a while.
const panel = () => screen.findByRole('dialog', { name: 'Quick look: Kickoff call' }, { timeout: 5000 });

async function openFromButton(user: ReturnType<typeof userEvent.setup>) {
  const button = screen.getByRole('button', { name: 'Quick look: Kickoff call' });
  await user.click(button);
  return { button, dialog: await panel() };
}

describe('quick look URL', () => {
  it('adds and removes the look parameter, keeping the others', () => {
    expect(withLook('?q=call&sort=due', '1T1')).toBe('?q=call&sort=due&look=1T1');
    expect(withLook('?q=call&look=1T1', null)).toBe('?q=call');
    expect(withLook('?look=1T1', null)).toBe('');
    expect(lookIdOf('?look=%201T1%20')).toBe('1T1');
    expect(lookIdOf('?look=')).toBeNull();
  });
});

describe('QuickLookButton', () => {
  it('draws nothing without a host', () => {
    render(
      <RouterProvider router={createMemoryRouter()}>
        <QuickLookButton taskId="1T1" taskName="Kickoff call" />
      </RouterProvider>,
    );
    expect(screen.queryByRole('button')).toBeNull();
  });
});

describe('QuickLookHost', () => {
  it('opens from a button into the URL, names the panel by the task and shows its fields', async () => {
    const user = userEvent.setup();
    const router = renderPage();
    const { dialog } = await openFromButton(user);
    expect(router.state.location.search).toBe('?q=call&look=1T1');
    expect(router.state.historyAction).toBe('PUSH');
    expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    expect(within(dialog).getAllByText('Kestrel Aerospace').length).toBeGreaterThan(0);
    expect(within(dialog).getByText('Agenda')).toBeInTheDocument();
    expect(within(dialog).getByRole('combobox', { name: 'Status' })).toHaveValue('Not Started');
    expect(within(dialog).getByRole('combobox', { name: 'Priority' })).toHaveValue('Medium');
    expect(within(dialog).getByLabelText('Due date')).toHaveValue('2030-03-01');
    expect(within(dialog).getByRole('combobox', { name: 'Owner' })).toHaveValue('Ada');
    expect(within(dialog).getByRole('link', { name: 'Open task page' })).toHaveAttribute('href', '/tasks/1T1');
  });

  it('closes with Escape by going back, and gives the focus back to the opener', async () => {
    const user = userEvent.setup();
    const router = renderPage();
    const { button } = await openFromButton(user);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.search).toBe('?q=call');
    expect(router.state.historyAction).toBe('POP');
    await waitFor(() => expect(button).toHaveFocus());
  });

  it('opens from the URL (a reload, a shared link); Close removes the parameter in place', async () => {
    const user = userEvent.setup();
    const router = renderPage('/board?q=call&look=1T1');
    const dialog = await panel();
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.pathname).toBe('/board');
    expect(router.state.location.search).toBe('?q=call');
    expect(router.state.historyAction).toBe('REPLACE');
  });

  it('says so when the task does not exist', async () => {
    renderPage('/board?look=9T9');
    const dialog = await screen.findByRole('dialog', { name: 'Quick look: task not found' });
    expect(await within(dialog).findByText('This task no longer exists.')).toBeInTheDocument();
  });
});

describe('QuickLookPanel edit', () => {
  it('asks before closing with a change not saved, and keeps it on "Keep editing"', async () => {
    const user = userEvent.setup();
    const router = renderPage();
    const { dialog } = await openFromButton(user);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Priority' }), 'High');
    await user.keyboard('{Escape}');
    const ask = await screen.findByRole('alertdialog', { name: 'Discard your changes?' });
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    expect(router.state.location.search).toBe('?q=call&look=1T1');
    expect(within(dialog).getByRole('combobox', { name: 'Priority' })).toHaveValue('High');

    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await user.click(
      within(await screen.findByRole('alertdialog', { name: 'Discard your changes?' })).getByRole('button', { name: 'Discard changes' }),
    );
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(router.state.location.search).toBe('?q=call');
    expect(puts()).toHaveLength(0);
  });

  it('saves priority and due date with the rest of the task as it is, and says saved', async () => {
    const user = userEvent.setup();
    renderPage('/board?look=1T1');
    const dialog = await panel();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Priority' }), 'High');
    const due = within(dialog).getByLabelText('Due date');
    await user.clear(due);
    await user.type(due, '2030-04-15');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Saved.')).toBeInTheDocument();
    expect(puts()).toHaveLength(1);
    expect(await puts()[0]![0].json()).toEqual({
      Name: 'Kickoff call',
      Description: 'Agenda',
      CTAId: '1C1',
      OwnerId: 'U1',
      Status: 'Not Started',
      Priority: 'High',
      DueDate: '2030-04-15',
    });
    expect(within(dialog).getByRole('combobox', { name: 'Priority' })).toHaveValue('High');
  });

  it('keeps what was chosen when the save fails and says why', async () => {
    const user = userEvent.setup();
    answerPut = () => errorResponse(500, 'GS_5000', 'The tenant is down for maintenance.');
    renderPage('/board?look=1T1');
    const dialog = await panel();
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Status' }), 'In Progress');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Priority' }), 'Low');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Your changes were not saved');
    expect(alert).toHaveTextContent('The tenant is down for maintenance.');
    expect(within(dialog).getByRole('combobox', { name: 'Status' })).toHaveValue('In Progress');
    expect(within(dialog).getByRole('combobox', { name: 'Priority' })).toHaveValue('Low');
  });

  it("keeps someone else's change to another field (merged per field) and tells so", async () => {
    const user = userEvent.setup();
    renderPage('/board?look=1T1');
    const dialog = await panel();
    onServer = { ...TASK, Description: 'Their agenda', ModifiedDate: '2026-02-01T10:30:00.000Z' };
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Priority' }), 'High');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Saved, with the description someone else saved meanwhile.')).toBeInTheDocument();
    expect(await puts()[0]![0].json()).toMatchObject({ Description: 'Their agenda', Priority: 'High' });
  });

  it('asks when both changed the same field, and sends nothing until the user chooses', async () => {
    const user = userEvent.setup();
    renderPage('/board?look=1T1');
    const dialog = await panel();
    onServer = { ...TASK, Priority: 'Low', ModifiedDate: '2026-02-01T10:30:00.000Z' };
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Priority' }), 'High');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Someone else changed this task' });
    expect(puts()).toHaveLength(0);
    await user.click(within(ask).getByRole('radio', { name: /Yours/ }));
    await user.click(within(ask).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText('Saved.')).toBeInTheDocument();
    expect(await puts()[0]![0].json()).toMatchObject({ Priority: 'High' });
  });
});
