import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import type { SearchRequest, SearchResult, Task } from '../../api/types.ts';
import { ToastContext } from '../toast/toasts.tsx';
import { createToastStore, type ToastStore } from '../toast/toast-store.ts';
import { useNewTask } from './new-task-context.tsx';
import { NewTaskProvider } from './new-task-provider.tsx';
import { errorResponse, okResponse } from '../../../test-support/api-envelope.ts';
import { fakeApi } from '../../../test-support/fake-api.ts';

const CTA = '1CACME000000000000000000000000000001';
const UNKNOWN_CTA = '1CNOPE000000000000000000000000000009';
const CREATED: Task = { Gsid: '1T-NEW', Name: 'Renewal call', CTAId: CTA, Status: 'In Progress' };

/** The tasks the searches find: one on CTA (so it is suggested and known), none on UNKNOWN_CTA. */
function searchAnswer(body: SearchRequest): SearchResult {
  const asked = (body.where?.conditions?.[0]?.value as string[] | undefined)?.[0];
  const records = asked === undefined || asked === CTA ? [{ CTAId: CTA, CompanyName: 'Acme Corp' }] : [];
  return { records, totalCount: records.length };
}

let queryClient: QueryClient;
let toasts: ToastStore;
let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
/** Resolves the pending create (so a test can act while it is in flight). */
let answerCreate: (response: Response) => void;

const creates = () => fetchMock.mock.calls.filter(([r]) => r.method === 'POST' && new URL(r.url).pathname === '/v1/tasks');

beforeEach(() => {
  queryClient = createQueryClient();
  toasts = createToastStore();
  fetchMock = vi.fn(
    fakeApi({
      searchTasks: searchAnswer,
      createTask: () =>
        new Promise<Response>((resolve) => {
          answerCreate = resolve;
        }),
    }),
  );
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
    await user.type(screen.getByRole('combobox', { name: 'CTA' }), CTA);
    await user.tab();
    const form = nameField().closest('form')!;
    // Two submits in the same tick: the button has not re-rendered disabled yet.
    act(() => {
      fireEvent.submit(form);
      fireEvent.submit(form);
    });
    await waitFor(() => expect(creates()).toHaveLength(1));
    expect(screen.getByRole('button', { name: 'Creating…' })).toBeDisabled();
    fireEvent.submit(form);
    await act(async () => answerCreate(okResponse(CREATED)));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(creates()).toHaveLength(1);
    expect(await creates()[0]![0].json()).toEqual({ Name: 'Renewal call', CTAId: CTA, Status: 'Not Started', Priority: 'Medium' });
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
    await user.type(screen.getByRole('combobox', { name: 'CTA' }), CTA);
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
    await act(async () => answerCreate(errorResponse(400, 'COCKPIT_5104', `Invalid references - CTAId: no CTA with id "${CTA}"`)));
    await waitFor(() => {
      for (const field of fields) expect(field).toBeEnabled();
    });
    expect(nameField()).toHaveValue('Renewal call');
  });

  it("a CTA typed as a name or an unknown id is not sent; a confirmed id is, and the server's refusal keeps every input", async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('button', { name: 'New task' }));
    await user.type(nameField(), 'Renewal call');
    const cta = screen.getByRole('combobox', { name: 'CTA' });
    // A name that is not a CTA: Enter settles it (nothing chosen) and sends nothing.
    await user.type(cta, 'Kestrel');
    await user.keyboard('{Enter}');
    expect(cta).toHaveAccessibleDescription(/No CTAs match “Kestrel”/);
    expect(cta).toHaveValue('');
    expect(creates()).toHaveLength(0);

    // A well-formed id no task names: refused until confirmed.
    await user.type(cta, UNKNOWN_CTA);
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    const confirm = await screen.findByRole('checkbox', { name: `Use CTA id ${UNKNOWN_CTA} anyway` });
    await waitFor(() => expect(cta).toHaveFocus());
    expect(cta).toHaveAccessibleDescription(/No task names this CTA id: choose a CTA from the list, or confirm the id below/);
    expect(creates()).toHaveLength(0);

    await user.click(confirm);
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    await waitFor(() => expect(creates()).toHaveLength(1));
    expect(await creates()[0]![0].clone().json()).toMatchObject({ CTAId: UNKNOWN_CTA });
    await act(async () => answerCreate(errorResponse(400, 'COCKPIT_5104', `Invalid references - CTAId: no CTA with id "${UNKNOWN_CTA}"`)));
    expect(await screen.findByRole('alert')).toHaveTextContent(`CTAId: no CTA with id "${UNKNOWN_CTA}"`);
    expect(dialog()).toBeVisible();
    expect(nameField()).toHaveValue('Renewal call');
    expect(cta).toHaveValue(UNKNOWN_CTA);
    expect(screen.getByRole('checkbox', { name: `Use CTA id ${UNKNOWN_CTA} anyway` })).toBeChecked();
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
