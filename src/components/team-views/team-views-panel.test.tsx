import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, useLocation } from '../router/router.tsx';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { VIEW_NAME_MAX } from '../../lib/live-events.ts';
import { createFakeTeamServer, type FakeTeamServer, type FakeTeamServerOptions, type StoredView } from '../../test/fake-team-server.ts';
import { TeamViewsPanel, type TeamViewsPanelProps } from './team-views-panel.tsx';

const AT = '2026-08-19T10:00:00.000Z';
const VIEWS: StoredView[] = [
  { id: 'v1', kind: 'search', name: 'Overdue renewals', params: 's=%7B%22c%22%3A1%7D', author: 'Ana', createdAt: AT, updatedAt: AT },
  { id: 'v2', kind: 'search', name: 'High priority', params: 's=%7B%22c%22%3A2%7D', author: 'Ben', createdAt: AT, updatedAt: AT },
  { id: 'v3', kind: 'board', name: 'My board', params: 'quick=mine', author: 'Ana', createdAt: AT, updatedAt: AT },
];

let queryClient: QueryClient;
let server: FakeTeamServer;

function serve(options: FakeTeamServerOptions = {}) {
  server = createFakeTeamServer({ views: VIEWS, ...options });
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => (await server.handle(request)) ?? new Response('unexpected', { status: 500 })),
  );
}

function Where() {
  const location = useLocation();
  return <p data-testid="where">{`${location.pathname}${location.search}`}</p>;
}

function renderPanel(props: Partial<TeamViewsPanelProps> = {}) {
  const panel = (
    <>
      <TeamViewsPanel
        kind="search"
        title="Team searches"
        headingId="team-title"
        path="/search"
        currentParams="s=%7B%22c%22%3A3%7D"
        {...props}
      />
      <Where />
    </>
  );
  const router = createMemoryRouter({ initialEntries: ['/search'] });
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router}>{panel}</RouterProvider>
    </QueryClientProvider>,
  );
}

const list = () => screen.findByRole('list', { name: 'Team searches' });
const names = async () =>
  within(await list())
    .getAllByRole('link')
    .map((a) => a.textContent);

beforeEach(() => {
  queryClient = createQueryClient();
});

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

describe('the team views panel', () => {
  it("lists the team's views of its kind with their authors; only your own can be renamed or deleted", async () => {
    serve({ user: 'Ana' });
    renderPanel();
    expect(screen.getByRole('heading', { name: 'Team searches' })).toBeInTheDocument();
    expect(await names()).toEqual(['High priority', 'Overdue renewals']);
    const [ben, ana] = within(await list()).getAllByRole('listitem');
    expect(ben).toHaveTextContent('by Ben');
    expect(within(ben!).queryByText('yours')).not.toBeInTheDocument();
    expect(within(ben!).queryByRole('button')).not.toBeInTheDocument();
    expect(ana).toHaveTextContent('by Ana');
    expect(within(ana!).getByText('yours')).toBeInTheDocument();
    expect(within(ana!).getByRole('button', { name: 'Rename Overdue renewals' })).toBeInTheDocument();
    expect(within(ana!).getByRole('button', { name: 'Delete Overdue renewals' })).toBeInTheDocument();
  });

  it('opens a view: the page with its params', async () => {
    serve();
    renderPanel();
    const link = within(await list()).getByRole('link', { name: 'High priority' });
    expect(link).toHaveAttribute('href', '/search?s=%7B%22c%22%3A2%7D');
    await userEvent.click(link);
    expect(screen.getByTestId('where')).toHaveTextContent('/search?s=%7B%22c%22%3A2%7D');
  });

  it('saves the page for the team, checking the name first', async () => {
    serve({ user: 'Ana' });
    renderPanel();
    await list();
    await userEvent.click(screen.getByRole('button', { name: 'Save for the team…' }));
    const form = screen.getByRole('form', { name: 'Save for the team' });
    const name = within(form).getByRole('textbox', { name: 'Name for the team' });
    await waitFor(() => expect(name).toHaveFocus());

    await userEvent.click(within(form).getByRole('button', { name: 'Save for the team' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Give the view a name.');
    expect(name).toHaveAttribute('aria-invalid', 'true');

    await userEvent.type(name, 'x'.repeat(VIEW_NAME_MAX + 1));
    await userEvent.click(within(form).getByRole('button', { name: 'Save for the team' }));
    expect(within(form).getByRole('alert')).toHaveTextContent(
      `A name has at most ${VIEW_NAME_MAX} characters (this one has ${VIEW_NAME_MAX + 1}).`,
    );
    expect(server.seen.filter((s) => s.startsWith('POST'))).toEqual([]);

    await userEvent.clear(name);
    await userEvent.type(name, '  Due this   week ');
    await userEvent.click(within(form).getByRole('button', { name: 'Save for the team' }));
    expect(await screen.findByText('Shared “Due this week” with the team.')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Save for the team' })).not.toBeInTheDocument();
    expect(await names()).toEqual(['Due this week', 'High priority', 'Overdue renewals']);
    const saved = [...server.views.values()].find((v) => v.name === 'Due this week');
    expect(saved).toMatchObject({ kind: 'search', params: 's=%7B%22c%22%3A3%7D', author: 'Ana' });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Save for the team…' })).toHaveFocus());
  });

  it("keeps what was typed when the server refuses the save, and shows the server's words", async () => {
    serve();
    server.answerNext('POST', '/api/views', () => server.refuse(403, 'VIEW_403', 'Saving team views is turned off for this team.'));
    renderPanel({ startSaving: true });
    const name = await screen.findByRole('textbox', { name: 'Name for the team' });
    await userEvent.type(name, 'Renewals');
    await userEvent.click(screen.getByRole('button', { name: 'Save for the team' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Could not save it for the team: Saving team views is turned off for this team.',
    );
    expect(name).toHaveValue('Renewals');
    await userEvent.click(screen.getByRole('button', { name: 'Save for the team' }));
    expect(await screen.findByText('Shared “Renewals” with the team.')).toBeInTheDocument();
  });

  it('says there is nothing to share when the page shows its defaults', async () => {
    serve();
    renderPanel({ startSaving: true, currentParams: '', nothingToShare: 'Change the search first.' });
    const name = await screen.findByRole('textbox', { name: 'Name for the team' });
    await userEvent.type(name, 'Everything{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Change the search first.');
    expect(server.seen).toEqual(['GET /auth/session', 'GET /api/views']);
  });

  it('renames your own view; Escape leaves the name as it was', async () => {
    serve({ user: 'Ana' });
    renderPanel();
    await userEvent.click(await screen.findByRole('button', { name: 'Rename Overdue renewals' }));
    const field = screen.getByRole('textbox', { name: 'New name for Overdue renewals' });
    expect(field).toHaveValue('Overdue renewals');
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'New name for Overdue renewals' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Rename Overdue renewals' })).toHaveFocus();

    await userEvent.click(screen.getByRole('button', { name: 'Rename Overdue renewals' }));
    await userEvent.clear(screen.getByRole('textbox', { name: 'New name for Overdue renewals' }));
    await userEvent.type(screen.getByRole('textbox', { name: 'New name for Overdue renewals' }), 'Late renewals');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByText('Renamed “Overdue renewals” to “Late renewals”.')).toBeInTheDocument();
    expect(await names()).toEqual(['High priority', 'Late renewals']);
    expect(server.views.get('v1')?.name).toBe('Late renewals');
    expect(screen.getByRole('button', { name: 'Rename Late renewals' })).toHaveFocus();
  });

  it("keeps the typed name with the server's 403 when a rename is refused", async () => {
    serve({ user: 'Ana' });
    server.answerNext('PUT', '/api/views/v1', () => server.refuse(403, 'VIEW_403', 'Only its author can change it.'));
    renderPanel();
    await userEvent.click(await screen.findByRole('button', { name: 'Rename Overdue renewals' }));
    const field = screen.getByRole('textbox', { name: 'New name for Overdue renewals' });
    await userEvent.clear(field);
    await userEvent.type(field, 'Mine now');
    await userEvent.click(screen.getByRole('button', { name: 'Save name' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not rename it: Only its author can change it.');
    expect(field).toHaveValue('Mine now');
    expect(field).toHaveAccessibleDescription('Could not rename it: Only its author can change it.');
    expect(server.views.get('v1')?.name).toBe('Overdue renewals');
  });

  it('deletes your own view only once confirmed', async () => {
    serve({ user: 'Ana' });
    renderPanel();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Overdue renewals' }));
    const confirm = screen.getByRole('alertdialog', { name: 'Delete “Overdue renewals” for the whole team?' });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(server.views.has('v1')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: 'Delete Overdue renewals' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete for everyone' }));
    expect(await screen.findByText('Deleted “Overdue renewals” for the team.')).toBeInTheDocument();
    expect(await names()).toEqual(['High priority']);
    expect(server.views.has('v1')).toBe(false);
  });

  it("shows the server's reason when a delete is refused, and keeps the view", async () => {
    serve({ user: 'Ana' });
    server.answerNext('DELETE', '/api/views/v1', () => server.refuse(403, 'VIEW_403', 'Only its author can change it.'));
    renderPanel();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete Overdue renewals' }));
    await userEvent.click(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Delete for everyone' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not delete “Overdue renewals”: Only its author can change it.');
    expect(await names()).toEqual(['High priority', 'Overdue renewals']);
  });

  it('lets everyone change every view when sign-in is off, with no author to show', async () => {
    serve({ user: null, views: [{ ...VIEWS[0]!, author: null }] });
    renderPanel();
    const [item] = within(await list()).getAllByRole('listitem');
    expect(item).not.toHaveTextContent('by');
    expect(within(item!).queryByText('yours')).not.toBeInTheDocument();
    expect(within(item!).getByRole('button', { name: 'Rename Overdue renewals' })).toBeInTheDocument();
  });

  it.each([
    ['a 404', true],
    ["the app's page (an SPA fallback)", 'spa-fallback'],
  ] as const)('explains, instead of failing, on a server without team views (%s)', async (_how, missing) => {
    serve({ missing });
    renderPanel();
    expect(await screen.findByText('This server does not keep team views (it may be an older version).')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save for the team…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('explains, without asking for the list, on a server whose mirror is off', async () => {
    serve({ teamViews: false });
    renderPanel();
    expect(
      await screen.findByText('This server does not keep team views: they are kept by its mirror, which is off (GAINSIGHT_MIRROR=off).'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save for the team…' })).not.toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(server.seen).toEqual(['GET /auth/session']);
  });

  it('asks to sign in when the server needs a session', async () => {
    serve({ signInRequired: true });
    renderPanel();
    expect(await screen.findByText("Sign in to see and share the team's views.")).toBeInTheDocument();
  });

  it('says when there are none yet', async () => {
    serve({ views: [] });
    renderPanel();
    expect(await screen.findByText('None yet. A view saved for the team is listed here for everyone.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save for the team…' })).toBeInTheDocument();
  });
});
