import type { QueryClient } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentType } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../api/query-client.ts';
import { Link, RouterProvider, useLocation, useParams } from '../components/router/router.tsx';
import { createPath, memoryHistory, type RouterHistory } from '../lib/router/history.ts';
import type { Router } from '../lib/router/router.ts';
import { createAppRouter, Page, type AppRouter } from './router.tsx';
import { deferred } from '../../test-support/deferred.ts';

type PageModule = { Component: ComponentType };

/** Small fake pages in place of the app's: their code loads and their data starts through spies. */
const { ROUTES } = vi.hoisted(() => {
  const route = (path: string) => ({
    path,
    load: vi.fn<() => Promise<{ Component: ComponentType }>>(),
    prefetch: vi.fn<(queryClient: unknown, visit: { url: string; params: Readonly<Record<string, string | undefined>> }) => void>(),
  });
  return {
    ROUTES: {
      board: route('board'),
      search: route('search'),
      calendar: route('calendar'),
      playbooks: route('playbooks'),
      playbook: route('playbooks/:playbookId'),
      task: route('tasks/:taskId'),
    },
  };
});
vi.mock('./routes.ts', () => ({ ROUTES }));

type Key = keyof typeof ROUTES;

function BoardPage() {
  return <h1>Board</h1>;
}
function SearchPage() {
  return <h1>Search {useLocation().search}</h1>;
}
function CalendarPage() {
  return <h1>Calendar</h1>;
}
function PlaybooksPage() {
  return <h1>Playbooks</h1>;
}
function PlaybookPage() {
  return <h1>Playbook {useParams().playbookId}</h1>;
}
function TaskPage() {
  return <h1>Task {useParams().taskId}</h1>;
}

const PAGES: Record<Key, ComponentType> = {
  board: BoardPage,
  search: SearchPage,
  calendar: CalendarPage,
  playbooks: PlaybooksPage,
  playbook: PlaybookPage,
  task: TaskPage,
};

let queryClient: QueryClient;
const routers: Router[] = [];

beforeEach(() => {
  queryClient = createQueryClient();
  for (const key of Object.keys(ROUTES) as Key[]) {
    ROUTES[key].load.mockReset().mockResolvedValue({ Component: PAGES[key] });
    ROUTES[key].prefetch.mockReset();
  }
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  routers.splice(0).forEach((router) => router.dispose());
  queryClient.clear();
});

/** The app's router over a history in memory at the last of `entries`. */
function start(entries: string[]): AppRouter & { history: RouterHistory } {
  const history = memoryHistory(entries);
  const app = createAppRouter(queryClient, history);
  routers.push(app.router);
  return { ...app, history };
}

/** Once the router shows its first page (its code loaded). */
const initialized = (router: Router) => waitFor(() => expect(router.state.initialized).toBe(true));

const at = (router: Router) => createPath(router.state.location);

/** The app's page under the router, with links the user follows. */
function renderApp({ router, pageCode }: AppRouter) {
  return render(
    <RouterProvider router={router}>
      <nav aria-label="Main">
        <Link to="/board">Board</Link>
        <Link to="/search?q=late">Search</Link>
        <Link to="/search?q=soon">Search soon</Link>
        <Link to="/calendar">Calendar</Link>
        <Link to="/playbooks">Playbooks</Link>
        <Link to="/nowhere">Nowhere</Link>
      </nav>
      <main>
        <Page pageCode={pageCode} />
      </main>
    </RouterProvider>,
  );
}

/** The app at `entries` (the last one current), drawn once its first page's code is in. */
async function open(entries: string[]) {
  const app = start(entries);
  await initialized(app.router);
  renderApp(app);
  return app;
}

const pageHeading = (name: string | RegExp) => screen.findByRole('heading', { level: 1, name });
const linkIn = (name: string) => screen.getByRole('link', { name });
const visit = (path: string) => `${window.location.origin}${path}`;

describe('createAppRouter', () => {
  it('redirects / to the board, replacing the entry', async () => {
    const { router, history } = start(['/search', '/']);
    await initialized(router);

    expect(at(router)).toBe('/board');
    expect(router.state.historyAction).toBe('REPLACE');
    expect(history.location.pathname).toBe('/board');
    expect(ROUTES.board.prefetch).toHaveBeenCalledExactlyOnceWith(queryClient, { url: visit('/board'), params: {} });

    // The `/` entry is gone: one step back is the page before it.
    router.navigate(-1);
    await waitFor(() => expect(at(router)).toBe('/search'));
  });

  it('redirects a link to / to the board, as a new entry', async () => {
    const { router } = start(['/search']);
    await initialized(router);

    router.navigate('/?q=late');
    await waitFor(() => expect(at(router)).toBe('/board'));
    expect(router.state.historyAction).toBe('PUSH');
  });

  it('starts the first page’s data with its full URL and path parameters', async () => {
    const { router } = start(['/tasks/a%20b?tab=notes#due']);
    await initialized(router);

    expect(ROUTES.task.prefetch).toHaveBeenCalledExactlyOnceWith(queryClient, {
      url: visit('/tasks/a%20b?tab=notes#due'),
      params: { taskId: 'a b' },
    });
    expect(ROUTES.task.load).toHaveBeenCalledOnce();
  });

  it('starts a page’s data each time the path changes, not when only the query changes', async () => {
    const { router } = start(['/search?q=late']);
    await initialized(router);
    expect(ROUTES.search.prefetch).toHaveBeenCalledExactlyOnceWith(queryClient, { url: visit('/search?q=late'), params: {} });

    router.navigate('/search?q=soon&page=2');
    await waitFor(() => expect(at(router)).toBe('/search?q=soon&page=2'));
    expect(ROUTES.search.prefetch).toHaveBeenCalledOnce();

    router.navigate('/playbooks/p1?tab=steps');
    await waitFor(() => expect(at(router)).toBe('/playbooks/p1?tab=steps'));
    expect(ROUTES.playbook.prefetch).toHaveBeenCalledExactlyOnceWith(queryClient, {
      url: visit('/playbooks/p1?tab=steps'),
      params: { playbookId: 'p1' },
    });

    router.navigate('/playbooks/p2');
    await waitFor(() => expect(at(router)).toBe('/playbooks/p2'));
    expect(ROUTES.playbook.prefetch).toHaveBeenCalledTimes(2);
    expect(ROUTES.playbook.prefetch).toHaveBeenLastCalledWith(queryClient, { url: visit('/playbooks/p2'), params: { playbookId: 'p2' } });

    // Back to a page seen before: its data is started again (it may be stale).
    router.navigate(-1);
    await waitFor(() => expect(at(router)).toBe('/playbooks/p1?tab=steps'));
    expect(ROUTES.playbook.prefetch).toHaveBeenCalledTimes(3);
    router.navigate('/search?q=late');
    await waitFor(() => expect(at(router)).toBe('/search?q=late'));
    expect(ROUTES.search.prefetch).toHaveBeenCalledTimes(2);
  });

  it('does not let a page’s failing prefetch stop the navigation', async () => {
    ROUTES.calendar.prefetch.mockImplementation(() => Promise.reject(new Error('offline')) as unknown as void);
    const { router } = start(['/calendar']);
    await initialized(router);
    expect(at(router)).toBe('/calendar');
  });

  // A prefetch "never blocks anything" (routes.ts), and a rejected one is ignored: one that throws
  // before returning must not keep the page's code from loading either (else the page is blank).
  it('still loads and shows a page whose prefetch throws at once', async () => {
    ROUTES.calendar.prefetch.mockImplementation(() => {
      throw new Error('Cannot parse the calendar’s link');
    });
    await open(['/calendar']);

    expect(ROUTES.calendar.load).toHaveBeenCalledOnce();
    expect(await pageHeading('Calendar')).toBeVisible();
  });

  it('changes the location only once the next page’s code has loaded, the page on screen staying meanwhile', async () => {
    const user = userEvent.setup();
    const code = deferred<PageModule>();
    ROUTES.playbooks.load.mockReturnValueOnce(code.promise);
    const app = await open(['/board']);
    expect(await pageHeading('Board')).toBeVisible();

    await user.click(linkIn('Playbooks'));

    expect(ROUTES.playbooks.prefetch).toHaveBeenCalledOnce();
    expect(app.router.state.navigation.state).toBe('loading');
    expect(app.router.state.navigation.location?.pathname).toBe('/playbooks');
    expect(at(app.router)).toBe('/board');
    expect(app.history.location.pathname).toBe('/board');
    expect(screen.getByRole('heading', { level: 1, name: 'Board' })).toBeVisible();

    await act(async () => code.resolve({ Component: PlaybooksPage }));

    expect(await pageHeading('Playbooks')).toBeVisible();
    expect(at(app.router)).toBe('/playbooks');
    expect(app.history.location.pathname).toBe('/playbooks');
    expect(app.router.state.navigation.state).toBe('idle');
  });

  it('loads a page’s code once', async () => {
    const user = userEvent.setup();
    await open(['/board']);
    await pageHeading('Board');

    await user.click(linkIn('Search'));
    expect(await pageHeading('Search ?q=late')).toBeVisible();
    await user.click(linkIn('Board'));
    expect(await pageHeading('Board')).toBeVisible();
    await user.click(linkIn('Search soon'));
    expect(await pageHeading('Search ?q=soon')).toBeVisible();

    expect(ROUTES.board.load).toHaveBeenCalledOnce();
    expect(ROUTES.search.load).toHaveBeenCalledOnce();
  });

  it('shows the first page’s content', async () => {
    await open(['/playbooks/p%201']);
    expect(await pageHeading('Playbook p 1')).toBeVisible();
  });

  it('shows the not-found page at an unknown path, and no route’s data or code is asked for', async () => {
    await open(['/nowhere/at/all']);

    expect(await pageHeading('Page not found')).toBeVisible();
    expect(screen.getByText('There is nothing at this address.')).toBeVisible();
    for (const route of Object.values(ROUTES)) {
      expect(route.prefetch).not.toHaveBeenCalled();
      expect(route.load).not.toHaveBeenCalled();
    }
  });

  it('shows the not-found page after a link to an unknown path, and leaves it through its link', async () => {
    const user = userEvent.setup();
    const app = await open(['/board']);
    await pageHeading('Board');

    await user.click(linkIn('Nowhere'));
    expect(await pageHeading('Page not found')).toBeVisible();
    expect(at(app.router)).toBe('/nowhere');

    await user.click(screen.getByRole('link', { name: 'Back to the board' }));
    expect(await pageHeading('Board')).toBeVisible();
  });

  describe('a page whose code fails to load', () => {
    const failure = () => new Error('Failed to fetch dynamically imported module: /assets/calendar-route.js');

    it('shows RouteError with the error once the retries are spent (first page)', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      ROUTES.calendar.load.mockRejectedValue(failure());
      const app = start(['/calendar']);
      await vi.advanceTimersByTimeAsync(5_000);
      vi.useRealTimers();

      expect(ROUTES.calendar.load).toHaveBeenCalledTimes(3);
      expect(app.router.state.initialized).toBe(true);
      expect(at(app.router)).toBe('/calendar');
      renderApp(app);

      expect(screen.getByRole('heading', { level: 1, name: 'This page ran into a problem' })).toBeVisible();
      expect(screen.getByRole('alert')).toHaveTextContent('Failed to fetch dynamically imported module: /assets/calendar-route.js');
    });

    it('shows RouteError after a link, and tries the code again on the next visit', async () => {
      const user = userEvent.setup();
      ROUTES.calendar.load.mockRejectedValueOnce(failure()).mockRejectedValueOnce(failure()).mockRejectedValueOnce(failure());
      const app = await open(['/board']);
      await pageHeading('Board');

      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      await act(async () => {
        app.router.navigate('/calendar');
        await vi.advanceTimersByTimeAsync(5_000);
      });
      vi.useRealTimers();

      expect(at(app.router)).toBe('/calendar');
      expect(screen.getByRole('heading', { level: 1, name: 'This page ran into a problem' })).toBeVisible();
      expect(screen.getByRole('alert')).toHaveTextContent('Failed to fetch dynamically imported module');
      expect(ROUTES.calendar.load).toHaveBeenCalledTimes(3);

      await user.click(screen.getByRole('link', { name: 'Back to the board' }));
      expect(await pageHeading('Board')).toBeVisible();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();

      // The network is back: the next visit loads the code.
      await user.click(linkIn('Calendar'));
      expect(await pageHeading('Calendar')).toBeVisible();
      expect(ROUTES.calendar.load).toHaveBeenCalledTimes(4);
    });

    it('shows the page when a retry succeeds', async () => {
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      ROUTES.calendar.load.mockRejectedValueOnce(failure());
      const app = start(['/calendar']);
      await vi.advanceTimersByTimeAsync(5_000);
      vi.useRealTimers();

      expect(ROUTES.calendar.load).toHaveBeenCalledTimes(2);
      renderApp(app);
      expect(screen.getByRole('heading', { level: 1, name: 'Calendar' })).toBeVisible();
    });
  });

  describe('a page that throws while drawing', () => {
    function BrokenSearch(): never {
      throw new Error('Cannot read properties of undefined (reading "rows")');
    }

    beforeEach(() => {
      // React reports the error it caught; the test reads it on the page.
      vi.spyOn(console, 'error').mockImplementation(() => undefined);
      ROUTES.search.load.mockResolvedValue({ Component: BrokenSearch });
    });

    it('shows RouteError with the error, the rest of the app staying', async () => {
      await open(['/search?q=late']);

      expect(await pageHeading('This page ran into a problem')).toBeVisible();
      expect(screen.getByRole('alert')).toHaveTextContent('Cannot read properties of undefined (reading "rows")');
      expect(screen.getByRole('navigation', { name: 'Main' })).toBeVisible();
    });

    it('clears RouteError on a navigation to another page', async () => {
      const user = userEvent.setup();
      const app = await open(['/search?q=late']);
      await pageHeading('This page ran into a problem');

      await user.click(screen.getByRole('link', { name: 'Back to the board' }));

      expect(await pageHeading('Board')).toBeVisible();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      expect(at(app.router)).toBe('/board');
    });

    it('clears RouteError after a page thrown from a link, when the user goes on through the menu', async () => {
      const user = userEvent.setup();
      await open(['/board']);
      await pageHeading('Board');

      await user.click(linkIn('Search'));
      expect(await pageHeading('This page ran into a problem')).toBeVisible();

      await user.click(linkIn('Playbooks'));
      expect(await pageHeading('Playbooks')).toBeVisible();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });

    it('draws the page again on the next navigation, even on the same page', async () => {
      const user = userEvent.setup();
      let broken = true;
      function FlakySearch() {
        if (broken) throw new Error('Search results are malformed');
        return <h1>Search works</h1>;
      }
      ROUTES.search.load.mockResolvedValue({ Component: FlakySearch });
      await open(['/search?q=late']);
      expect(await pageHeading('This page ran into a problem')).toBeVisible();

      broken = false;
      await user.click(linkIn('Search soon'));

      expect(await pageHeading('Search works')).toBeVisible();
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
  });
});
