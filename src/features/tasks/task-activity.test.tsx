import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import type { ActivityAnswer } from '../../lib/live-events.ts';
import { createFakeTeamServer, type FakeTeamServer, type FakeTeamServerOptions } from '../../test/fake-team-server.ts';
import { TaskActivity } from './task-activity.tsx';

const NOW = new Date('2026-08-19T12:00:00.000Z');
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

const HISTORY: ActivityAnswer = {
  taskId: '1T1',
  retentionDays: 90,
  available: true,
  entries: [
    { at: minutesAgo(60 * 26), source: 'outside', actor: null, kind: 'created', changes: [] },
    {
      at: minutesAgo(2),
      source: 'cockpit',
      actor: 'Ana',
      kind: 'changed',
      changes: [{ field: 'Status', from: 'Not Started', to: 'Completed' }],
    },
    {
      at: minutesAgo(60 * 3),
      source: 'outside',
      actor: null,
      kind: 'changed',
      changes: [{ field: 'DueDate', from: '2026-08-12', to: '2026-08-19' }],
    },
  ],
};

let queryClient: QueryClient;
let server: FakeTeamServer;

function serve(options: FakeTeamServerOptions) {
  server = createFakeTeamServer(options);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => (await server.handle(request)) ?? new Response('unexpected', { status: 500 })),
  );
}

function renderActivity(version = '2026-08-19T11:58:00.000Z') {
  const view = render(
    <QueryClientProvider client={queryClient}>
      <TaskActivity taskId="1T1" version={version} />
    </QueryClientProvider>,
  );
  return {
    rerender: (next: string) =>
      view.rerender(
        <QueryClientProvider client={queryClient}>
          <TaskActivity taskId="1T1" version={next} />
        </QueryClientProvider>,
      ),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  queryClient = createQueryClient();
});

afterEach(() => {
  queryClient.clear();
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('the Activity section', () => {
  it('lists what happened, newest first: who, what, and when (relative, the exact time as its title)', async () => {
    serve({ activity: { '1T1': HISTORY } });
    renderActivity();
    const section = await screen.findByRole('region', { name: 'Activity' });
    const list = await within(section).findByRole('list', { name: 'Activity' });
    const items = within(list)
      .getAllByRole('listitem')
      .filter((li) => li.parentElement === list);
    expect(items.map((li) => li.textContent)).toEqual([
      'Ana moved it to Completed, 2 minutes agoStatus: Not Started → Completed',
      'Changed outside Cockpit Board, 3 hours agoDue date: Aug 12 → Aug 19',
      'Created outside Cockpit Board, yesterday',
    ]);
    const time = within(items[0]!).getByText('2 minutes ago');
    expect(time.tagName).toBe('TIME');
    expect(time).toHaveAttribute('datetime', minutesAgo(2));
    expect(time.getAttribute('title')).toMatch(/Aug 19, 2026/);
    expect(within(section).getByText('History is kept for 90 days.')).toBeInTheDocument();
  });

  it('says so when nothing is recorded yet, and for how long history is kept', async () => {
    serve({ activity: { '1T1': { taskId: '1T1', entries: [], retentionDays: 30, available: true } } });
    renderActivity();
    expect(await screen.findByText('No changes recorded yet. History is kept for 30 days.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Activity' })).toBeInTheDocument();
  });

  it('says it needs the mirror when the team server keeps no history', async () => {
    serve({ activity: { '1T1': { taskId: '1T1', entries: [], retentionDays: 90, available: false } } });
    renderActivity();
    expect(await screen.findByText("Activity needs the team server's mirror, which is turned off.")).toBeInTheDocument();
  });

  it.each([
    ['a 404', true],
    ["the app's page (an SPA fallback)", 'spa-fallback'],
  ] as const)('shows nothing at all on a team server without the endpoint (%s)', async (_how, missing) => {
    serve({ missing });
    renderActivity();
    expect(screen.getByRole('status')).toHaveTextContent('Loading the activity…');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Activity' })).not.toBeInTheDocument());
    expect(server.seen).toEqual(['GET /api/tasks/1T1/activity']);
  });

  it('says why it failed, and tries again on request', async () => {
    serve({ activity: { '1T1': HISTORY } });
    server.answerNext('GET', '/api/tasks/1T1/activity', () => server.refuse(400, 'ACT_400', 'The history store is being rebuilt.'));
    renderActivity();
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Could not load the task's activity");
    expect(alert).toHaveTextContent('The history store is being rebuilt.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Ana moved it to Completed,', { exact: false })).toBeInTheDocument();
  });

  it('is read again when the task comes back newer', async () => {
    serve({ activity: { '1T1': HISTORY } });
    const { rerender } = renderActivity('2026-08-19T11:58:00.000Z');
    await screen.findByRole('list', { name: 'Activity' });
    expect(server.seen).toHaveLength(1);
    rerender('2026-08-19T11:58:00.000Z');
    rerender('2026-08-19T11:59:30.000Z');
    await waitFor(() => expect(server.seen).toHaveLength(2));
  });
});
