/**
 * The router in React: `RouterProvider` over a router (src/lib/router/router.ts), the hooks pages
 * use (location, navigate, search parameters, path parameters, blockers) and `Link` / `NavLink`.
 * A page's path parameters come from the route table (`matchRoute`), the same rule the entry and
 * the team server use. Navigations reach React as transitions, so the page on screen stays until
 * the next one can draw.
 */
import {
  createContext,
  startTransition,
  use,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
  type Ref,
} from 'react';
import { createPath, memoryHistory, resolveTo, type NavigationAction, type RouterLocation, type To } from '../../lib/router/history.ts';
import {
  createRouter,
  UNBLOCKED,
  type Blocker,
  type BlockerFunction,
  type NavigateOptions,
  type Router,
  type RouterState,
} from '../../lib/router/router.ts';
import { matchRoute } from '../../lib/route-table.ts';

const RouterContext = createContext<Router | null>(null);
const LocationContext = createContext<{ location: RouterLocation; action: NavigationAction } | null>(null);
const NavigationContext = createContext<RouterState['navigation']>({ state: 'idle' });
const BlockersContext = createContext<RouterState['blockers']>(new Map());

function useRouter(): Router {
  const router = use(RouterContext);
  if (!router) throw new Error('A router hook is used outside <RouterProvider>.');
  return router;
}

/** Provides the router's state to `children` (drawn once the first location is ready). */
export function RouterProvider({ router, children }: { router: Router; children: ReactNode }) {
  const [state, setState] = useState(router.state);
  useLayoutEffect(() => {
    const show = (next: RouterState) => startTransition(() => setState(next));
    const stop = router.subscribe(show);
    // A change between the first render and now (the same state draws nothing again).
    show(router.state);
    return stop;
  }, [router]);
  const here = useMemo(() => ({ location: state.location, action: state.historyAction }), [state.location, state.historyAction]);
  if (!state.initialized) return null;
  return (
    <RouterContext value={router}>
      <LocationContext value={here}>
        <NavigationContext value={state.navigation}>
          <BlockersContext value={state.blockers}>{children}</BlockersContext>
        </NavigationContext>
      </LocationContext>
    </RouterContext>
  );
}

/** A router over entries in memory (the last one current): for tests. */
export function createMemoryRouter({
  initialEntries = ['/'],
  initialIndex,
}: { initialEntries?: string[]; initialIndex?: number } = {}): Router {
  return createRouter({ history: memoryHistory(initialEntries, initialIndex) });
}

/** `children` under a router in memory: for tests. */
export function MemoryRouter({ initialEntries, children }: { initialEntries?: string[]; children: ReactNode }) {
  const [router] = useState(() => createMemoryRouter({ initialEntries }));
  return <RouterProvider router={router}>{children}</RouterProvider>;
}

function useHere() {
  const here = use(LocationContext);
  if (!here) throw new Error('A router hook is used outside <RouterProvider>.');
  return here;
}

export const useLocation = (): RouterLocation => useHere().location;

/** How the current location was reached: `POP` for Back, Forward and the first load. */
export const useNavigationType = (): NavigationAction => useHere().action;

/** Whether a navigation waits for its page's code. */
export const useNavigation = () => use(NavigationContext);

/** The current page's path parameters (`:taskId`…), decoded. */
export function useParams(): Readonly<Record<string, string | undefined>> {
  const { pathname } = useLocation();
  return useMemo(() => matchRoute(pathname)?.params ?? {}, [pathname]);
}

/** `navigate(to, { replace, state })` or `navigate(-1)`; stable. */
export function useNavigate(): (to: To | number, options?: NavigateOptions) => void {
  const router = useRouter();
  return useCallback((to: To | number, options?: NavigateOptions) => router.navigate(to, options), [router]);
}

type ParamsInit = URLSearchParams | string | Record<string, string> | [string, string][];

/**
 * The query string's parameters, and a stable setter that navigates to the current path with new
 * ones (a function is handed the current ones).
 */
export function useSearchParams(): [
  URLSearchParams,
  (next: ParamsInit | ((current: URLSearchParams) => ParamsInit), options?: NavigateOptions) => void,
] {
  const router = useRouter();
  const { search } = useLocation();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const setParams = useCallback(
    (next: ParamsInit | ((current: URLSearchParams) => ParamsInit), options?: NavigateOptions) => {
      const value = typeof next === 'function' ? next(new URLSearchParams(router.state.location.search)) : next;
      const text = new URLSearchParams(value).toString();
      router.navigate(`?${text}`, options);
    },
    [router],
  );
  return [params, setParams];
}

/**
 * While `shouldBlock` says so for a navigation, that navigation waits: the blocker is `blocked`
 * until `proceed` (it goes on) or `reset` (it is dropped). Back and Forward are undone meanwhile.
 */
export function useBlocker(shouldBlock: BlockerFunction): Blocker {
  const router = useRouter();
  const id = useId();
  const latest = useRef(shouldBlock);
  useLayoutEffect(() => {
    latest.current = shouldBlock;
  });
  useEffect(() => {
    router.setBlocker(id, (args) => latest.current(args));
    return () => router.deleteBlocker(id);
  }, [router, id]);
  return use(BlockersContext).get(id) ?? UNBLOCKED;
}

type AnchorProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>;

export interface LinkProps extends AnchorProps {
  to: To;
  replace?: boolean;
  state?: unknown;
  ref?: Ref<HTMLAnchorElement>;
}

const plainClick = (event: MouseEvent<HTMLAnchorElement>, target: string | undefined) =>
  event.button === 0 && (!target || target === '_self') && !event.metaKey && !event.altKey && !event.ctrlKey && !event.shiftKey;

/** A link the router follows in place (a modified click, another target: the browser's). */
export function Link({ to, replace, state, onClick, target, ref, ...rest }: LinkProps) {
  const router = useRouter();
  const location = useLocation();
  const href = createPath(resolveTo(to, location));
  return (
    <a
      {...rest}
      ref={ref}
      href={href}
      target={target}
      onClick={(event) => {
        onClick?.(event);
        if (event.defaultPrevented || !plainClick(event, target)) return;
        event.preventDefault();
        // A link to where the user already is replaces the entry rather than adding one.
        router.navigate(to, { replace: replace ?? createPath(location) === href, state });
      }}
    />
  );
}

export interface NavLinkProps extends Omit<LinkProps, 'className'> {
  className?: string | ((state: { isActive: boolean }) => string);
}

/** A `Link` that knows it is the current page's (`aria-current="page"`), the path or one under it, ignoring case. */
export function NavLink({ className, ...props }: NavLinkProps) {
  const location = useLocation();
  const here = location.pathname.toLowerCase();
  const target = resolveTo(props.to, location).pathname.toLowerCase().replace(/\/+$/, '');
  // `/` is active only there (every path is under it).
  const isActive = target === '' ? here === '/' : here === target || here.startsWith(`${target}/`);
  return (
    <Link
      {...props}
      aria-current={isActive ? 'page' : undefined}
      className={typeof className === 'function' ? className({ isActive }) : className}
    />
  );
}
