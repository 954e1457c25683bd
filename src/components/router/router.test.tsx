import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPath, memoryHistory } from '../../lib/router/history.ts';
import { createRouter, type Router } from '../../lib/router/router.ts';
import {
  createMemoryRouter,
  Link,
  NavLink,
  RouterProvider,
  useBlocker,
  useLocation,
  useNavigate,
  useNavigation,
  useNavigationType,
  useParams,
  useSearchParams,
} from './router.tsx';
import { deferred } from '../../../test-support/deferred.ts';

/** The page: a heading naming where the user is. */
function Here() {
  const location = useLocation();
  return <h1>Page {createPath(location)}</h1>;
}

const heading = (path: string) => screen.getByRole('heading', { level: 1, name: `Page ${path}` });

/** `ui` under a router in memory at the last of `entries`. */
function renderAt(entries: string[], ui: ReactNode): Router {
  const router = createMemoryRouter({ initialEntries: entries });
  render(<RouterProvider router={router}>{ui}</RouterProvider>);
  return router;
}

const at = (router: Router) => createPath(router.state.location);

/**
 * Whether the last click reached the document with its default action still on (the browser
 * would follow the link itself). The listener then cancels it, as jsdom cannot navigate. Only
 * a link's: a canceled click on a checkbox would leave it unticked.
 */
let browserFollows: boolean | undefined;
const onDocumentClick = (event: MouseEvent) => {
  if (!(event.target instanceof Element && event.target.closest('a'))) return;
  browserFollows = !event.defaultPrevented;
  event.preventDefault();
};

beforeEach(() => {
  browserFollows = undefined;
  document.addEventListener('click', onDocumentClick);
});

afterEach(() => {
  document.removeEventListener('click', onDocumentClick);
});

describe('Link', () => {
  it('navigates in place on a click: the router moves and the page shows the new location', async () => {
    const user = userEvent.setup();
    const router = renderAt(
      ['/board'],
      <>
        <Link to="/search?q=late">Search late tasks</Link>
        <Here />
      </>,
    );
    expect(heading('/board')).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'Search late tasks' }));

    expect(at(router)).toBe('/search?q=late');
    expect(router.state.historyAction).toBe('PUSH');
    expect(heading('/search?q=late')).toBeVisible();
    expect(browserFollows).toBe(false);
  });

  it('is followed from the keyboard', async () => {
    const user = userEvent.setup();
    const router = renderAt(
      ['/board'],
      <>
        <Link to="/calendar">Calendar</Link>
        <Here />
      </>,
    );

    await user.tab();
    expect(screen.getByRole('link', { name: 'Calendar' })).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(at(router)).toBe('/calendar');
    expect(heading('/calendar')).toBeVisible();
  });

  it('replaces the entry rather than adding one when it leads where the user already is', async () => {
    const user = userEvent.setup();
    const router = renderAt(
      ['/search', '/board'],
      <>
        <Link to="/board">Board</Link>
        <Here />
      </>,
    );

    await user.click(screen.getByRole('link', { name: 'Board' }));

    expect(at(router)).toBe('/board');
    expect(router.state.historyAction).toBe('REPLACE');
    // No entry was added: one step back is the page before.
    act(() => router.navigate(-1));
    expect(heading('/search')).toBeVisible();
  });

  it.each([
    ['Control', '{Control>}'],
    ['Meta', '{Meta>}'],
    ['Shift', '{Shift>}'],
  ])('leaves a %s-click to the browser', async (_key, hold) => {
    const user = userEvent.setup();
    const router = renderAt(
      ['/board'],
      <>
        <Link to="/search">Search</Link>
        <Here />
      </>,
    );

    await user.keyboard(hold);
    await user.click(screen.getByRole('link', { name: 'Search' }));

    expect(at(router)).toBe('/board');
    expect(heading('/board')).toBeVisible();
    expect(browserFollows).toBe(true);
  });

  it('leaves a link with target="_blank" to the browser', async () => {
    const user = userEvent.setup();
    const router = renderAt(
      ['/board'],
      <>
        <Link to="/search" target="_blank">
          Search in a new tab
        </Link>
        <Here />
      </>,
    );
    const link = screen.getByRole('link', { name: 'Search in a new tab' });
    expect(link).toHaveAttribute('target', '_blank');

    await user.click(link);

    expect(at(router)).toBe('/board');
    expect(browserFollows).toBe(true);
  });

  it('does not navigate when its onClick prevents the default', async () => {
    const user = userEvent.setup();
    const clicks: string[] = [];
    const router = renderAt(
      ['/board'],
      <>
        <Link
          to="/search"
          onClick={(event) => {
            clicks.push('clicked');
            event.preventDefault();
          }}
        >
          Search
        </Link>
        <Here />
      </>,
    );

    await user.click(screen.getByRole('link', { name: 'Search' }));

    expect(clicks).toEqual(['clicked']);
    expect(at(router)).toBe('/board');
    expect(heading('/board')).toBeVisible();
  });

  it('calls its onClick and then navigates when the onClick lets it', async () => {
    const user = userEvent.setup();
    const clicks: string[] = [];
    const router = renderAt(
      ['/board'],
      <Link to="/search" onClick={() => clicks.push('clicked')}>
        Search
      </Link>,
    );

    await user.click(screen.getByRole('link', { name: 'Search' }));

    expect(clicks).toEqual(['clicked']);
    expect(at(router)).toBe('/search');
  });

  it('writes the href for a path, a path in parts and a query on the current path', () => {
    renderAt(
      ['/board?q=1#col'],
      <>
        <Link to="/playbooks/p1">Playbook</Link>
        <Link to={{ pathname: '/search', search: 'q=late', hash: 'top' }}>Search parts</Link>
        <Link to={{ search: '?page=2' }}>Next page</Link>
        <Link to="?q=late">Late</Link>
        <Link to="/tasks/a%20b">Task</Link>
      </>,
    );

    expect(screen.getByRole('link', { name: 'Playbook' })).toHaveAttribute('href', '/playbooks/p1');
    expect(screen.getByRole('link', { name: 'Search parts' })).toHaveAttribute('href', '/search?q=late#top');
    expect(screen.getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/board?page=2');
    expect(screen.getByRole('link', { name: 'Late' })).toHaveAttribute('href', '/board?q=late');
    expect(screen.getByRole('link', { name: 'Task' })).toHaveAttribute('href', '/tasks/a%20b');
  });

  it('follows a query-only link on the current path', async () => {
    const user = userEvent.setup();
    const router = renderAt(
      ['/board?q=1'],
      <>
        <Link to="?q=late">Late</Link>
        <Here />
      </>,
    );

    await user.click(screen.getByRole('link', { name: 'Late' }));

    expect(at(router)).toBe('/board?q=late');
    expect(router.state.historyAction).toBe('PUSH');
    expect(heading('/board?q=late')).toBeVisible();
  });

  it('passes its state to the new entry', async () => {
    const user = userEvent.setup();
    const router = renderAt(
      ['/board'],
      <Link to="/tasks/1" state={{ from: 'board' }}>
        Task
      </Link>,
    );

    await user.click(screen.getByRole('link', { name: 'Task' }));

    expect(router.state.location).toMatchObject({ pathname: '/tasks/1', state: { from: 'board' } });
  });
});

describe('NavLink', () => {
  it.each([
    ['/playbooks', true],
    ['/playbooks/', true],
    ['/Playbooks', true],
    ['/PLAYBOOKS/', true],
    ['/playbooks/p1', true],
    ['/playbooks/p1/steps', true],
    ['/playbooksx', false],
    ['/playbook', false],
    ['/board', false],
  ])('at %s is the current page: %s', (path, current) => {
    renderAt([path], <NavLink to="/playbooks">Playbooks</NavLink>);
    const link = screen.getByRole('link', { name: 'Playbooks' });
    if (current) expect(link).toHaveAttribute('aria-current', 'page');
    else expect(link).not.toHaveAttribute('aria-current');
  });

  it.each([
    ['/', true],
    ['/board', false],
  ])('to "/" at %s is the current page: %s (every path is under "/")', (path, current) => {
    renderAt([path], <NavLink to="/">Home</NavLink>);
    const link = screen.getByRole('link', { name: 'Home' });
    if (current) expect(link).toHaveAttribute('aria-current', 'page');
    else expect(link).not.toHaveAttribute('aria-current');
  });

  it('ignores case and a trailing slash in its own path too', () => {
    renderAt(['/playbooks/p1'], <NavLink to="/Playbooks/">Playbooks</NavLink>);
    expect(screen.getByRole('link', { name: 'Playbooks' })).toHaveAttribute('aria-current', 'page');
  });

  it('hands a className function whether it is active, and follows the user', async () => {
    const user = userEvent.setup();
    const className = ({ isActive }: { isActive: boolean }) => (isActive ? 'nav-on' : 'nav-off');
    renderAt(
      ['/board'],
      <nav aria-label="Main">
        <NavLink to="/board" className={className}>
          Board
        </NavLink>
        <NavLink to="/search" className={className}>
          Search
        </NavLink>
      </nav>,
    );
    const board = screen.getByRole('link', { name: 'Board' });
    const search = screen.getByRole('link', { name: 'Search' });
    expect(board).toHaveClass('nav-on');
    expect(board).toHaveAttribute('aria-current', 'page');
    expect(search).toHaveClass('nav-off');

    await user.click(search);

    expect(search).toHaveClass('nav-on');
    expect(search).toHaveAttribute('aria-current', 'page');
    expect(board).toHaveClass('nav-off');
    expect(board).not.toHaveAttribute('aria-current');
  });

  it('takes a plain className', () => {
    renderAt(
      ['/board'],
      <NavLink to="/board" className="nav">
        Board
      </NavLink>,
    );
    expect(screen.getByRole('link', { name: 'Board' })).toHaveClass('nav');
  });
});

describe('useSearchParams', () => {
  /** Every setter the component was handed, one per render. */
  let setters: unknown[];

  function Filters() {
    const [params, setParams] = useSearchParams();
    useEffect(() => {
      setters.push(setParams);
    });
    return (
      <>
        <output aria-label="Filter">{params.get('q') ?? 'none'}</output>
        <output aria-label="Page">{params.get('page') ?? '1'}</output>
        <button type="button" onClick={() => setParams({ q: 'late' })}>
          Late
        </button>
        <button
          type="button"
          onClick={() =>
            setParams((current) => {
              current.set('page', String(Number(current.get('page') ?? '1') + 1));
              return current;
            })
          }
        >
          Next page
        </button>
        <button type="button" onClick={() => setParams({ q: 'soon' }, { replace: true })}>
          Soon, in place
        </button>
        <button type="button" onClick={() => setParams({})}>
          Clear
        </button>
      </>
    );
  }

  beforeEach(() => {
    setters = [];
  });

  it('reads the query string', () => {
    renderAt(['/board?q=overdue&page=3'], <Filters />);
    expect(screen.getByRole('status', { name: 'Filter' })).toHaveTextContent('overdue');
    expect(screen.getByRole('status', { name: 'Page' })).toHaveTextContent('3');
  });

  it('sets new parameters on the same path (an object), adding an entry', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/board?q=1&page=3#col'], <Filters />);

    await user.click(screen.getByRole('button', { name: 'Late' }));

    expect(at(router)).toBe('/board?q=late');
    expect(router.state.historyAction).toBe('PUSH');
    expect(screen.getByRole('status', { name: 'Filter' })).toHaveTextContent('late');
    expect(screen.getByRole('status', { name: 'Page' })).toHaveTextContent('1');
  });

  it('hands a function the current parameters', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/search?q=late'], <Filters />);

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(at(router)).toBe('/search?q=late&page=3');
    expect(screen.getByRole('status', { name: 'Page' })).toHaveTextContent('3');
    expect(screen.getByRole('status', { name: 'Filter' })).toHaveTextContent('late');
  });

  it('replaces the entry with { replace: true }', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/search', '/board?q=1'], <Filters />);

    await user.click(screen.getByRole('button', { name: 'Soon, in place' }));

    expect(at(router)).toBe('/board?q=soon');
    expect(router.state.historyAction).toBe('REPLACE');
    act(() => router.navigate(-1));
    expect(at(router)).toBe('/search');
  });

  it('clears the query with no parameters', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/board?q=1'], <Filters />);

    await user.click(screen.getByRole('button', { name: 'Clear' }));

    expect(at(router)).toBe('/board');
    expect(screen.getByRole('status', { name: 'Filter' })).toHaveTextContent('none');
  });

  it('hands the same setter on every render', async () => {
    const user = userEvent.setup();
    renderAt(['/board'], <Filters />);

    await user.click(screen.getByRole('button', { name: 'Late' }));
    await user.click(screen.getByRole('button', { name: 'Next page' }));

    expect(setters.length).toBeGreaterThanOrEqual(3);
    expect(new Set(setters).size).toBe(1);
  });
});

describe('useNavigate', () => {
  let navigates: unknown[];

  /** Draws again on each navigation (it reads the location). */
  function Controls() {
    const navigate = useNavigate();
    const location = useLocation();
    useEffect(() => {
      navigates.push(navigate);
    });
    return (
      <>
        <button type="button" onClick={() => navigate('/search?q=late')}>
          Search
        </button>
        <button type="button" onClick={() => navigate('/calendar', { replace: true })}>
          Calendar instead
        </button>
        <button type="button" onClick={() => navigate(-1)}>
          Back
        </button>
        <h1>Page {createPath(location)}</h1>
      </>
    );
  }

  beforeEach(() => {
    navigates = [];
  });

  it('navigates, goes back with -1, and stays the same function throughout', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/board'], <Controls />);

    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(heading('/search?q=late')).toBeVisible();
    expect(router.state.historyAction).toBe('PUSH');

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(heading('/board')).toBeVisible();
    expect(at(router)).toBe('/board');
    expect(router.state.historyAction).toBe('POP');

    expect(navigates.length).toBeGreaterThanOrEqual(3);
    expect(new Set(navigates).size).toBe(1);
  });

  it('replaces the entry with { replace: true }', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/board', '/search'], <Controls />);

    await user.click(screen.getByRole('button', { name: 'Calendar instead' }));
    expect(heading('/calendar')).toBeVisible();
    expect(router.state.historyAction).toBe('REPLACE');

    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(heading('/board')).toBeVisible();
  });
});

describe('useParams', () => {
  function TaskTitle() {
    const { taskId, playbookId } = useParams();
    return (
      <h1>
        Task {taskId ?? '(none)'}, playbook {playbookId ?? '(none)'}
      </h1>
    );
  }

  it('gives the path parameters of the route table, decoded', () => {
    renderAt(['/tasks/a%20b'], <TaskTitle />);
    expect(screen.getByRole('heading', { name: 'Task a b, playbook (none)' })).toBeVisible();
  });

  it('follows the location, and gives none on a page without parameters', async () => {
    const user = userEvent.setup();
    renderAt(
      ['/playbooks/p%2F1'],
      <>
        <Link to="/board">Board</Link>
        <TaskTitle />
      </>,
    );
    expect(screen.getByRole('heading', { name: 'Task (none), playbook p/1' })).toBeVisible();

    await user.click(screen.getByRole('link', { name: 'Board' }));
    expect(screen.getByRole('heading', { name: 'Task (none), playbook (none)' })).toBeVisible();
  });
});

describe('useNavigationType', () => {
  function NavigationType() {
    return <output aria-label="Navigation type">{useNavigationType()}</output>;
  }

  it('is POP on the first render and PUSH after a link', async () => {
    const user = userEvent.setup();
    renderAt(
      ['/board'],
      <>
        <Link to="/search">Search</Link>
        <NavigationType />
      </>,
    );
    const type = screen.getByRole('status', { name: 'Navigation type' });
    expect(type).toHaveTextContent('POP');

    await user.click(screen.getByRole('link', { name: 'Search' }));
    expect(type).toHaveTextContent('PUSH');
  });
});

describe('useBlocker', () => {
  /** An edit: a box marks it unsaved; an unsaved edit asks before the user leaves the page. */
  function Editor() {
    const [unsaved, setUnsaved] = useState(false);
    const blocker = useBlocker(({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname);
    return (
      <>
        <label>
          <input type="checkbox" checked={unsaved} onChange={(event) => setUnsaved(event.target.checked)} />
          Unsaved changes
        </label>
        {blocker.state === 'blocked' && (
          <div role="alertdialog" aria-label="Leave without saving?">
            <p>Leave for {blocker.location?.pathname}?</p>
            <button type="button" onClick={blocker.reset}>
              Stay
            </button>
            <button type="button" onClick={blocker.proceed}>
              Leave
            </button>
          </div>
        )}
      </>
    );
  }

  /** The editor (which the user can close), a link away and the page. */
  function EditPage() {
    const [editing, setEditing] = useState(true);
    return (
      <>
        <Link to="/search">Search</Link>
        <Link to="/tasks/1?tab=notes">Notes</Link>
        {editing && (
          <button type="button" onClick={() => setEditing(false)}>
            Close editor
          </button>
        )}
        {editing && <Editor />}
        <Here />
      </>
    );
  }

  const confirm = () => screen.queryByRole('alertdialog', { name: 'Leave without saving?' });

  it('lets the user stay: the link is blocked, the page stays, and "Stay" drops the navigation', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/tasks/1'], <EditPage />);
    await user.click(screen.getByRole('checkbox', { name: 'Unsaved changes' }));

    await user.click(screen.getByRole('link', { name: 'Search' }));

    expect(confirm()).toBeVisible();
    expect(confirm()).toHaveTextContent('Leave for /search?');
    expect(at(router)).toBe('/tasks/1');
    expect(heading('/tasks/1')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Stay' }));

    expect(confirm()).not.toBeInTheDocument();
    expect(at(router)).toBe('/tasks/1');
    expect(heading('/tasks/1')).toBeVisible();
    expect(screen.getByRole('checkbox', { name: 'Unsaved changes' })).toBeChecked();
  });

  it('lets the user leave: "Leave" goes where the link led', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/tasks/1'], <EditPage />);
    await user.click(screen.getByRole('checkbox', { name: 'Unsaved changes' }));
    await user.click(screen.getByRole('link', { name: 'Search' }));
    expect(confirm()).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Leave' }));

    expect(at(router)).toBe('/search');
    expect(router.state.historyAction).toBe('PUSH');
    expect(heading('/search')).toBeVisible();
    expect(confirm()).not.toBeInTheDocument();
    expect(router.state.blockers.size).toBe(0);
  });

  it('blocks Back too, and "Leave" goes back', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/board', '/tasks/1'], <EditPage />);
    await user.click(screen.getByRole('checkbox', { name: 'Unsaved changes' }));

    act(() => router.navigate(-1));

    expect(confirm()).toBeVisible();
    expect(confirm()).toHaveTextContent('Leave for /board?');
    expect(heading('/tasks/1')).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Leave' }));

    expect(heading('/board')).toBeVisible();
    expect(router.state.historyAction).toBe('POP');
  });

  it('blocks nothing while nothing is unsaved', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/tasks/1'], <EditPage />);

    await user.click(screen.getByRole('link', { name: 'Search' }));

    expect(confirm()).not.toBeInTheDocument();
    expect(at(router)).toBe('/search');
    expect(heading('/search')).toBeVisible();
  });

  it('lets through what its function allows (the same page with another query)', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/tasks/1'], <EditPage />);
    await user.click(screen.getByRole('checkbox', { name: 'Unsaved changes' }));

    await user.click(screen.getByRole('link', { name: 'Notes' }));

    expect(confirm()).not.toBeInTheDocument();
    expect(at(router)).toBe('/tasks/1?tab=notes');
  });

  it('blocks nothing once the blocking component has unmounted', async () => {
    const user = userEvent.setup();
    const router = renderAt(['/tasks/1'], <EditPage />);
    await user.click(screen.getByRole('checkbox', { name: 'Unsaved changes' }));
    await user.click(screen.getByRole('button', { name: 'Close editor' }));
    expect(screen.queryByRole('checkbox', { name: 'Unsaved changes' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Search' }));

    expect(confirm()).not.toBeInTheDocument();
    expect(at(router)).toBe('/search');
    expect(heading('/search')).toBeVisible();
  });
});

describe('RouterProvider', () => {
  it('draws nothing until the router has its first location ready', async () => {
    const ready = deferred();
    const router = createRouter({ history: memoryHistory(['/board']), prepare: () => ready.promise });
    const { container } = render(
      <RouterProvider router={router}>
        <Here />
      </RouterProvider>,
    );

    expect(router.state.initialized).toBe(false);
    expect(container).toBeEmptyDOMElement();
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();

    await act(async () => ready.resolve());

    expect(router.state.initialized).toBe(true);
    expect(heading('/board')).toBeVisible();
  });

  it('keeps the page while the next one is prepared, and tells useNavigation it is loading', async () => {
    const user = userEvent.setup();
    const slow = deferred();
    const router = createRouter({
      history: memoryHistory(['/board']),
      prepare: (next) => (next.pathname === '/calendar' ? slow.promise : undefined),
    });
    function Busy() {
      const navigation = useNavigation();
      return navigation.state === 'loading' ? <p role="status">Loading {navigation.location?.pathname}…</p> : null;
    }
    render(
      <RouterProvider router={router}>
        <Link to="/calendar">Calendar</Link>
        <Busy />
        <Here />
      </RouterProvider>,
    );

    await user.click(screen.getByRole('link', { name: 'Calendar' }));

    expect(screen.getByRole('status')).toHaveTextContent('Loading /calendar…');
    expect(heading('/board')).toBeVisible();
    expect(at(router)).toBe('/board');

    await act(async () => slow.resolve());

    expect(heading('/calendar')).toBeVisible();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('makes the hooks throw outside it', () => {
    function Outside() {
      useLocation();
      return null;
    }
    const quiet = (event: ErrorEvent) => event.preventDefault();
    window.addEventListener('error', quiet);
    const original = console.error;
    console.error = () => undefined;
    try {
      expect(() => render(<Outside />)).toThrow('A router hook is used outside <RouterProvider>.');
    } finally {
      console.error = original;
      window.removeEventListener('error', quiet);
    }
  });
});
