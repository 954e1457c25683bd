import { lazy, Suspense, useId, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { NavLink, useLocation, useNavigation } from '../components/router/router.tsx';
import { getLiveStatus, subscribeLiveStatus } from '../api/live-status.ts';
import { useApiHealth } from './api-health.ts';
import { ConnectionBanner } from './connection-banner.tsx';
import { AfterFirstPage } from './first-page.tsx';
import { loadWithRetry } from '../components/lazy-load.ts';
import { lazyPart } from '../components/lazy-part.tsx';
import { Toasts } from '../components/toast/toasts.tsx';
import { useNewTask } from '../components/new-task/new-task-context.tsx';
import { Button } from '../components/ui/button.tsx';
import { useBulkRunPresent } from '../components/bulk/bulk-presence.ts';

// Shown only when the team server asks for a sign-in or rejects the key: a page of their own,
// whose code waits for the network (an error page if it never comes).
const SignInRequired = lazy(() => loadWithRetry(() => import('./sign-in-required.tsx')).then((m) => ({ default: m.SignInRequired })));
const AuthErrorPage = lazy(() => loadWithRetry(() => import('./auth-error-page.tsx')).then((m) => ({ default: m.AuthErrorPage })));

// Parts of the shell (lazyPart: left out if their code never comes, never an error that takes the
// page and the connection banner away): the theme choice and account, and the keyboard shortcuts
// with their header button, after the first page; the live status and its banner once live
// updates start (after the first page, app.tsx); a bulk change's progress while there is one.
const HeaderAccount = lazyPart(() => import('./header-account.tsx').then((m) => m.HeaderAccount));
const KeyboardShortcuts = lazyPart(() => import('../components/shortcuts/keyboard-shortcuts.tsx').then((m) => m.KeyboardShortcuts));
const LiveIndicator = lazyPart(() => import('./live/live-indicator.tsx').then((m) => m.LiveIndicator));
const StaleDataBanner = lazyPart(() => import('./live/live-indicator.tsx').then((m) => m.StaleDataBanner));
const BulkRunIndicator = lazyPart(() => import('../components/bulk/run-indicator.tsx').then((m) => m.BulkRunIndicator));
const liveStarted = () => getLiveStatus().stream !== 'idle';

const NAV = [
  { to: '/board', label: 'Board' },
  { to: '/search', label: 'Search' },
  { to: '/playbooks', label: 'Playbooks' },
  { to: '/calendar', label: 'Calendar' },
];

/** The header, the banners and the toasts around the current page (`children`). */
export function Layout({ children }: { children: ReactNode }) {
  const health = useApiHealth();
  const navigation = useNavigation();
  const { openNewTask } = useNewTask();
  const live = useSyncExternalStore(subscribeLiveStatus, liveStarted, liveStarted);
  const bulkRun = useBulkRunPresent();
  const { open: menuOpen, setOpen: setMenuOpen, id: menuId, button: menuButton } = usePhoneMenu();
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
      >
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-[1600px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <span className="text-lg font-semibold tracking-tight text-slate-900">Cockpit Board</span>
          <nav aria-label="Main">
            <ul className="flex gap-1">
              {NAV.map((item) => (
                <li key={item.to}>
                  <NavLink
                    to={item.to}
                    className={({ isActive }) =>
                      `rounded px-2.5 py-1.5 text-sm font-medium ${isActive ? 'bg-blue-50 text-blue-800' : 'text-slate-700 hover:bg-slate-100'}`
                    }
                  >
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="ml-auto flex items-center gap-3">
            {navigation.state === 'loading' && (
              <span role="status" className="text-sm text-slate-600">
                Loading…
              </span>
            )}
            {bulkRun && (
              <Suspense fallback={null}>
                <BulkRunIndicator />
              </Suspense>
            )}
            <Button variant="primary" size="toolbar" onClick={() => openNewTask()}>
              New task
            </Button>
            <Button
              ref={menuButton}
              size="toolbar"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              onClick={() => setMenuOpen(!menuOpen)}
              className="sm:hidden"
            >
              Menu
            </Button>
          </div>
          {/* On a phone the live status, the theme and the account sit behind "Menu" (New task stays in view). */}
          <div
            id={menuId}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && menuOpen) {
                setMenuOpen(false);
                menuButton.current?.focus();
              }
            }}
            className={`${menuOpen ? 'flex' : 'hidden'} w-full flex-wrap items-center justify-end gap-3 pb-1 sm:flex sm:w-auto sm:pb-0`}
          >
            {live && (
              <Suspense fallback={null}>
                <LiveIndicator />
              </Suspense>
            )}
            <Suspense fallback={null}>
              <AfterFirstPage>
                <KeyboardShortcuts />
              </AfterFirstPage>
            </Suspense>
            <Suspense fallback={null}>
              <AfterFirstPage>
                <HeaderAccount />
              </AfterFirstPage>
            </Suspense>
          </div>
        </div>
      </header>
      <ConnectionBanner />
      {live && (
        <Suspense fallback={null}>
          <StaleDataBanner />
        </Suspense>
      )}
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-[1600px] flex-1 px-4 py-4 focus:outline-none">
        {health.signInRequired ? (
          <Suspense fallback={null}>
            <SignInRequired />
          </Suspense>
        ) : health.unauthorized ? (
          <Suspense fallback={null}>
            <AuthErrorPage error={health.unauthorized} />
          </Suspense>
        ) : (
          children
        )}
      </main>
      <Toasts />
    </div>
  );
}

/** The phone header's menu: open or not, closed again whenever the page changes. */
function usePhoneMenu() {
  const { pathname } = useLocation();
  // Open on one page: the page it was opened on.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const setOpen = (open: boolean) => setOpenOn(open ? pathname : null);
  return { open: openOn === pathname, setOpen, id, button };
}
