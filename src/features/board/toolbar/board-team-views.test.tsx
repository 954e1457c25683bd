import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from '../../../components/router/router.tsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../../api/query-client.ts';
import { createFakeTeamServer, type FakeTeamServer } from '../../../test/fake-team-server.ts';
import { BoardTeamViews } from './board-team-views.tsx';

const AT = '2026-08-19T10:00:00.000Z';
let queryClient: QueryClient;
let server: FakeTeamServer;

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

function renderBoard(params = 'priority=High&sort=priority', nothingToShare: string | null = null) {
  const page = (
    <>
      <BoardTeamViews params={params} nothingToShare={nothingToShare} />
      <Where />
    </>
  );
  const router = createMemoryRouter({ initialEntries: ['/board'] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router}>{page}</RouterProvider>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  queryClient = createQueryClient();
  server = createFakeTeamServer({
    user: 'Ana',
    views: [
      { id: 'v1', kind: 'board', name: 'Overdue, mine', params: 'quick=mine,overdue', author: 'Ben', createdAt: AT, updatedAt: AT },
      { id: 'v2', kind: 'search', name: 'A search', params: 's=%7B%7D', author: 'Ana', createdAt: AT, updatedAt: AT },
    ],
  });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => (await server.handle(request)) ?? new Response('unexpected', { status: 500 })),
  );
});

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

describe("the board's team views", () => {
  it('asks the team server nothing until a button is used', () => {
    renderBoard();
    expect(screen.getByRole('button', { name: 'Team views' })).toHaveAttribute('aria-haspopup', 'dialog');
    expect(screen.getByRole('button', { name: 'Share these filters with the team' })).toBeInTheDocument();
    expect(server.seen).toEqual([]);
  });

  it('"Team views" lists the board views in a dialog; opening one goes there and closes it', async () => {
    renderBoard();
    await userEvent.click(screen.getByRole('button', { name: 'Team views' }));
    const dialog = await screen.findByRole('dialog', { name: 'Team board views' });
    const link = await within(dialog).findByRole('link', { name: 'Overdue, mine' });
    expect(within(dialog).queryByRole('link', { name: 'A search' })).not.toBeInTheDocument();
    await userEvent.click(link);
    expect(screen.getByTestId('where')).toHaveTextContent('/board?quick=mine,overdue');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('"Share these filters with the team" opens at the name field and saves the board\'s params', async () => {
    renderBoard();
    await userEvent.click(screen.getByRole('button', { name: 'Share these filters with the team' }));
    const dialog = await screen.findByRole('dialog', { name: 'Team board views' });
    const name = await within(dialog).findByRole('textbox', { name: 'Name for the team' });
    await waitFor(() => expect(name).toHaveFocus());
    await userEvent.type(name, 'High first{Enter}');
    expect(await within(dialog).findByText('Shared “High first” with the team.')).toBeInTheDocument();
    expect([...server.views.values()].find((v) => v.name === 'High first')).toMatchObject({
      kind: 'board',
      params: 'priority=High&sort=priority',
    });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('Escape in the save form closes the form, not the dialog', async () => {
    renderBoard();
    await userEvent.click(screen.getByRole('button', { name: 'Share these filters with the team' }));
    const dialog = await screen.findByRole('dialog', { name: 'Team board views' });
    await within(dialog).findByRole('textbox', { name: 'Name for the team' });
    await userEvent.keyboard('{Escape}');
    expect(within(dialog).queryByRole('textbox', { name: 'Name for the team' })).not.toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'Team board views' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });
});
