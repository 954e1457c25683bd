import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import type { Task } from '../../api/types.ts';
import { ToastContext } from '../toast/toasts.tsx';
import { createToastStore, type ToastStore } from '../toast/toast-store.ts';
import { useNewTask } from './new-task-context.tsx';
import { NewTaskProvider } from './new-task-provider.tsx';

function envelope(data: unknown, status = 200, errorDesc: string | null = null): Response {
  return new Response(JSON.stringify({ result: status === 200, errorCode: errorDesc ? 'COCKPIT_5104' : null, errorDesc, requestId: 'r1', data }), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

const CREATED: Task = { Gsid: '1T-NEW', Name: 'Renewal call', CTAId: '1C-1', Status: 'In Progress' };

let queryClient: QueryClient;
let toasts: ToastStore;
let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
/** Resolves the pending create (so a test can act while it is in flight). */
let answerCreate: (response: Response) => void;

const creates = () => fetchMock.mock.calls.filter(([r]) => r.method === 'POST' && new URL(r.url).pathname === '/v1/tasks');

beforeEach(() => {
  queryClient = createQueryClient();
  toasts = createToastStore();
  fetchMock = vi.fn<(request: Request) => Promise<Response>>(async (request) => {
    if (new URL(request.url).pathname === '/v1/tasks/search') return envelope({ records: [], totalCount: 0 });
    return new Promise<Response>((resolve) => {
      answerCreate = resolve;
    });
  });
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  cleanup();
  queryClient.clear();
  vi.unstubAllGlobals();
});

function Openers() {
  const { openNewTask } = useNewTask();
  return (
    <>
      <button type="button" onClick={() => openNewTask()}>
        New task
      </button>
      <button type="button" onClick={() => openNewTask({ Status: 'In Progress' })}>
        New In Progress task
      </button>
    </>
  );
}

function renderApp() {
  return render(
    <QueryClientProvider client={queryClient}>
      <ToastContext value={toasts}>
        <NewTaskProvider>
          <Openers />
        </NewTaskProvider>
      </ToastContext>
    </QueryClientProvider>,
  );
}

const dialog = () => screen.getByRole('dialog', { name: 'New task' });
const nameField = () => screen.getByRole('textbox', { name: 'Name' });

describe('New task dialog', () => {
  it('opens with the name focused and the preset status', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'New In Progress task' }));
    expect(dialog()).toBeVisible();
    expect(nameField()).toHaveFocus();
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('In Progress');
  });

  it('refuses a blank name and a missing CTA before sending anything', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'New task' }));
    await user.type(nameField(), '   ');
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    expect(nameField()).toHaveFocus();
    expect(nameField()).toHaveAccessibleDescription('Enter a name for the task.');
    expect(screen.getByRole('combobox', { name: 'CTA' })).toHaveAccessibleDescription(/Choose a CTA or type its id/);
    expect(creates()).toHaveLength(0);
  });

  it('sends one create however many times the form is submitted while it is in flight', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'New task' }));
    await user.type(nameField(), 'Renewal call');
    await user.type(screen.getByRole('combobox', { name: 'CTA' }), '1C-1');
    const form = nameField().closest('form')!;
    // Two submits in the same tick: the button has not re-rendered disabled yet.
    act(() => {
      fireEvent.submit(form);
      fireEvent.submit(form);
    });
    await waitFor(() => expect(creates()).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeDisabled();
    fireEvent.submit(form);
    await act(async () => answerCreate(envelope(CREATED)));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(creates()).toHaveLength(1);
    expect(await creates()[0]![0].json()).toEqual({ Name: 'Renewal call', CTAId: '1C-1', Status: 'Not Started', Priority: 'Medium' });
    expect(toasts.get()).toEqual([
      expect.objectContaining({ message: 'Task created', tone: 'success', link: { label: 'Open Renewal call', to: '/tasks/1T-NEW' } }),
    ]);
    expect(screen.getByRole('button', { name: 'New task' })).toHaveFocus();
  });

  it('locks every field while the create runs, so nothing typed then is silently dropped', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'New task' }));
    await user.type(nameField(), 'Renewal call');
    await user.type(screen.getByRole('combobox', { name: 'CTA' }), '1C-1');
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    await waitFor(() => expect(creates()).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeDisabled();
    const fields = [
      nameField(),
      screen.getByRole('combobox', { name: 'CTA' }),
      screen.getByRole('combobox', { name: 'Owner' }),
      screen.getByRole('combobox', { name: 'Status' }),
      screen.getByRole('combobox', { name: 'Priority' }),
      screen.getByLabelText('Due date'),
      screen.getByRole('textbox', { name: 'Description' }),
    ];
    for (const field of fields) expect(field).toBeDisabled();
    await user.type(screen.getByRole('textbox', { name: 'Description' }), 'typed while creating');
    expect(screen.getByRole('textbox', { name: 'Description' })).toHaveValue('');

    // A refused create unlocks the form with everything in it.
    await act(async () => answerCreate(envelope(null, 400, 'Invalid references - CTAId: no CTA with id "1C-1"')));
    for (const field of fields) expect(field).toBeEnabled();
    expect(nameField()).toHaveValue('Renewal call');
  });

  it("shows the server's message when the create is refused, and keeps every input", async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'New task' }));
    await user.type(nameField(), 'Renewal call');
    await user.type(screen.getByRole('combobox', { name: 'CTA' }), '1C-NOPE');
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    await act(async () => answerCreate(envelope(null, 400, 'Invalid references - CTAId: no CTA with id "1C-NOPE"')));
    expect(await screen.findByRole('alert')).toHaveTextContent('CTAId: no CTA with id "1C-NOPE"');
    expect(dialog()).toBeVisible();
    expect(nameField()).toHaveValue('Renewal call');
    expect(screen.getByRole('combobox', { name: 'CTA' })).toHaveValue('1C-NOPE');
    expect(screen.getByRole('button', { name: 'Create task' })).toBeEnabled();
  });

  it('asks before Escape drops what was typed, and closes at once when nothing was', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'New task' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New task' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'New task' }));
    await user.type(nameField(), 'Half done');
    await user.keyboard('{Escape}');
    const confirm = screen.getByRole('alertdialog', { name: 'Discard this new task?' });
    expect(screen.getByRole('button', { name: 'Keep editing' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Keep editing' }));
    expect(confirm).not.toBeInTheDocument();
    expect(nameField()).toHaveValue('Half done');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(screen.getByRole('button', { name: 'Discard' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
