/**
 * A live change to a task whose page has an edit in progress: the page's read-only parts show the
 * new values, the form keeps what the user typed, and saving still checks for the other change
 * (a field both changed is the user's choice; a field only they changed is kept).
 */
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from '../../components/router/router.tsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetLiveStatus } from '../../api/live-status.ts';
import { createQueryClient } from '../../api/query-client.ts';
import type { Task } from '../../api/types.ts';
import { ToastContext } from '../../components/toast/toasts.tsx';
import { createToastStore } from '../../components/toast/toast-store.ts';
import { Component as TaskRoute } from '../../features/tasks/task-route.tsx';
import { fakeEventSources } from '../../test/fake-event-source.ts';
import { savedTask } from '../../../test-support/api-tasks.ts';
import { fakeApi } from '../../../test-support/fake-api.ts';
import { startLiveUpdates } from './live-updates.ts';

/** 1T1 "Kickoff call", described "Agenda", Not Started, Medium, on 1C1. */
const OPENED: Task = savedTask({ ModifiedDate: '2026-12-01T10:00:00.000Z' });

let queryClient: QueryClient;
let onServer: Task;
let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
let stop: () => void;

const puts = () => fetchMock.mock.calls.filter(([r]) => r.method === 'PUT');

beforeEach(() => {
  resetLiveStatus();
  queryClient = createQueryClient();
  onServer = OPENED;
  fetchMock = vi.fn(
    fakeApi({
      getTask: (id) => (id === '1T1' ? onServer : undefined),
      updateTask: (id, body) => {
        if (id !== '1T1') return undefined;
        onServer = { ...onServer, ...body, ModifiedDate: '2026-12-01T10:09:00.000Z' };
        return onServer;
      },
    }),
  );
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  stop();
  queryClient.clear();
  resetLiveStatus();
  vi.unstubAllGlobals();
});

async function openTaskPageLive() {
  const sources = fakeEventSources();
  stop = startLiveUpdates(queryClient, {
    createSource: sources.create,
    probe: async () => 'gone',
    debounceMs: 20,
    maxWaitMs: 100,
    idle: () => {},
  });
  const router = createMemoryRouter({ initialEntries: ['/tasks/1T1'] });
  render(
    <QueryClientProvider client={queryClient}>
      <ToastContext value={createToastStore()}>
        <RouterProvider router={router}>
          <TaskRoute />
        </RouterProvider>
      </ToastContext>
    </QueryClientProvider>,
  );
  await screen.findByRole('heading', { level: 1, name: 'Kickoff call' });
  sources.last().open();
  sources.last().emit('hello', { serverId: 's1', sync: { state: 'live', lastSyncAt: '2026-12-01T10:00:00.000Z', pollSeconds: 10 } });
  return sources.last();
}

/** Someone else saves the task; the stream says so. */
function theyChange(stream: ReturnType<typeof fakeEventSources>['made'][number], patch: Partial<Task>) {
  const previousStatus = onServer.Status ?? null;
  onServer = { ...onServer, ...patch, ModifiedDate: '2026-12-01T10:05:00.000Z' };
  stream.emit('tasks', {
    source: 'write',
    changes: [{ id: '1T1', status: onServer.Status, previousStatus, modifiedDate: onServer.ModifiedDate, playbookId: null, ctaId: '1C1' }],
  });
}

const nameField = () => screen.getByRole('textbox', { name: 'Name' });

// Typing and a page render each: slow on a busy machine.
describe('a live change to a task being edited', { timeout: 15_000 }, () => {
  it('updates the page but not what the user typed, and the save still asks about the field both changed', async () => {
    const user = userEvent.setup({ delay: null });
    const stream = await openTaskPageLive();
    await user.click(screen.getByRole('button', { name: 'Edit task' }));
    await user.clear(nameField());
    await user.type(nameField(), 'CFO call');

    theyChange(stream, { Name: 'Kickoff meeting', Status: 'In Progress' });

    // The page's heading and status line show their save…
    expect(await screen.findByRole('heading', { level: 1, name: 'Kickoff meeting' })).toBeVisible();
    expect(screen.getByText('In Progress', { selector: 'p' })).toBeVisible();
    // …the form keeps what was typed and what it was opened with, and says someone else saved.
    expect(nameField()).toHaveValue('CFO call');
    expect(screen.getByRole('combobox', { name: 'Status' })).toHaveValue('Not Started');
    expect(screen.getByText(/Someone else saved this task after you started editing/)).toBeVisible();

    // Saving: both changed the name, so the user chooses; nothing is sent meanwhile.
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Someone else changed this task' });
    expect(dialog).toHaveTextContent('Kickoff meeting');
    expect(dialog).toHaveTextContent('CFO call');
    expect(puts()).toHaveLength(0);
    // The check read the task fresh from the tenant.
    const reads = fetchMock.mock.calls.filter(([r]) => r.method === 'GET' && new URL(r.url).pathname === '/v1/tasks/1T1');
    expect(reads.at(-1)![0].headers.get('X-Cockpit-Fresh')).toBe('1');
  });

  it('keeps their change to a field the user left alone when the user saves', async () => {
    const user = userEvent.setup({ delay: null });
    const stream = await openTaskPageLive();
    await user.click(screen.getByRole('button', { name: 'Edit task' }));
    await user.type(screen.getByRole('textbox', { name: 'Description' }), ' and goals');

    theyChange(stream, { Priority: 'High', Status: 'In Progress' });
    await screen.findByText(/Someone else saved this task after you started editing/);
    expect(screen.getByRole('textbox', { name: 'Description' })).toHaveValue('Agenda and goals');

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(puts()).toHaveLength(1));
    expect(await puts()[0]![0].json()).toMatchObject({
      Description: 'Agenda and goals',
      Priority: 'High',
      Status: 'In Progress',
      Name: 'Kickoff call',
    });
  });
});
