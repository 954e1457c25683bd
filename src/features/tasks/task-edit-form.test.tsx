import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from '../../components/router/router.tsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { taskQueryOptions, useTask } from '../../api/tasks.ts';
import type { Task, TaskInput } from '../../api/types.ts';
import { TaskEditForm } from './task-edit-form.tsx';
import { errorResponse, okResponse } from '../../../test-support/api-envelope.ts';
import { savedTask } from '../../../test-support/api-tasks.ts';
import { fakeApi } from '../../../test-support/fake-api.ts';

/** 1T1 "Kickoff call", described "Agenda", Not Started, Medium, modified 2026-02-01T10:00:00.000Z. */
const OPENED: Task = savedTask();

let queryClient: QueryClient;
let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
let onServer: Task;
/** PUTs wait here until the test answers them. */
let pendingPut: { body: TaskInput; answer: (response: Response) => void } | null;
const onSaved = vi.fn<(task: Task, merged: unknown[]) => void>();

const puts = () => fetchMock.mock.calls.filter(([r]) => r.method === 'PUT');

beforeEach(() => {
  queryClient = createQueryClient();
  queryClient.setQueryData(taskQueryOptions('1T1').queryKey, OPENED);
  onServer = OPENED;
  pendingPut = null;
  onSaved.mockReset();
  fetchMock = vi.fn(
    fakeApi({
      getTask: (id) => (id === '1T1' ? onServer : undefined),
      updateTask: (id, body) =>
        id === '1T1'
          ? new Promise<Response>((resolve) => {
              pendingPut = { body, answer: resolve };
            })
          : undefined,
    }),
  );
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

/** The form as the task page has it: `liveTask` is the cached task. */
function Harness() {
  const { data } = useTask('1T1');
  return data ? <TaskEditForm task={OPENED} liveTask={data} onSaved={onSaved} onCancel={() => {}} /> : null;
}

function renderForm() {
  const router = createMemoryRouter();
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router}>
        <Harness />
      </RouterProvider>
    </QueryClientProvider>,
  );
}

/** Answers the PUT in flight as the server would: it saves what was sent. */
async function answerPut() {
  await waitFor(() => expect(pendingPut).not.toBeNull());
  const { body, answer } = pendingPut!;
  pendingPut = null;
  onServer = { ...OPENED, ...body, ModifiedDate: new Date(Date.parse(onServer.ModifiedDate!) + 60_000).toISOString() };
  await act(async () => answer(okResponse(onServer)));
}

const description = () => screen.getByRole('textbox', { name: 'Description' });
const nameField = () => screen.getByRole('textbox', { name: 'Name' });

describe('TaskEditForm', () => {
  it('keeps the form open with what was typed while the save ran, and saves it next time', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.clear(description());
    await user.type(description(), 'Sent');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByRole('button', { name: 'Saving…' })).toBeDisabled();

    // Typed while the PUT is on its way: the fields are still editable.
    await user.type(description(), ' and more');
    await user.clear(nameField());
    await user.type(nameField(), 'Kickoff call (moved)');
    await answerPut();

    expect(puts()).toHaveLength(1);
    expect(onServer).toMatchObject({ Description: 'Sent', Name: 'Kickoff call' });
    expect(onSaved).not.toHaveBeenCalled();
    expect(await screen.findByText(/What you typed while it was saving is not saved yet/)).toBeVisible();
    expect(description()).toHaveValue('Sent and more');
    expect(nameField()).toHaveValue('Kickoff call (moved)');
    expect(screen.getByText('Unsaved changes')).toBeVisible();
    // The saved version is the form's base now: the next save does not see it as someone else's.
    expect(screen.queryByText(/Someone else saved this task/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await answerPut();
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ Description: 'Sent and more', Name: 'Kickoff call (moved)' });
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
  });

  it('closes (calls onSaved) when nothing was typed while saving', async () => {
    const user = userEvent.setup();
    renderForm();
    await user.type(description(), ' and goals');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await answerPut();
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0]![0]).toMatchObject({ Description: 'Agenda and goals' });
  });

  it("shows the server's errorDesc for a refused save (400) next to the form, and keeps every value", async () => {
    const user = userEvent.setup();
    renderForm();
    await user.clear(nameField());
    await user.type(nameField(), 'Renamed');
    await user.type(description(), ' v2');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'In Progress');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Priority' }), 'High');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(pendingPut).not.toBeNull());
    await act(async () => pendingPut!.answer(errorResponse(400, 'COCKPIT_5104', 'Invalid references - OwnerId: no user with id "U1"')));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your changes were not saved');
    expect(alert).toHaveTextContent('Invalid references - OwnerId: no user with id "U1"');
    expect(nameField()).toHaveValue('Renamed');
    expect(description()).toHaveValue('Agenda v2');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('In Progress');
    expect(screen.getByRole('combobox', { name: 'Priority' })).toHaveValue('High');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeEnabled();
    expect(onSaved).not.toHaveBeenCalled();
  });
});
