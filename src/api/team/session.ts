/**
 * Sign-in as the app sees it (the team server's sign-in, server/auth/README.md): who is signed in
 * and what the server offers (`GET /auth/session`), signing out (`POST /auth/logout`), and where
 * to send the user when the API answers that a session is needed (401 `AUTH_401`, which is not a
 * rejected access key). Loaded after the first page (the header's account, the team's views).
 */
import { queryOptions } from '@tanstack/react-query';
import { SESSION_PATH } from '../../lib/team/server-session.ts';
import { memoryStorage } from '../../lib/safe-storage.ts';
import { appRequestHeaders } from '../client.ts';
import { sessionKeys, TEAM_SERVER_META } from '../query-keys.ts';

interface SignedInUser {
  name: string;
  email: string | null;
}

export type SessionState =
  /** Signed in (`/auth/session` named the user). */
  | { kind: 'signed-in'; user: SignedInUser }
  /** The server has no sign-in (`/auth/session` says so; an older server without it answers 404). */
  | { kind: 'off' }
  /** Sign-in is on and there is no session. */
  | { kind: 'signed-out' }
  /** Not known: the server could not be asked, or answered something else. */
  | { kind: 'unknown' };

/** What the team server says about the session and itself. */
export interface ServerSession {
  session: SessionState;
  /** Whether it keeps team views (its mirror is on); null when not known (an older server, a failure). */
  teamViews: boolean | null;
}

/**
 * `/auth/login`, asking to come back to the page at `location` (path and query). Only a path on
 * this origin is sent: never another host (`//host`, `/\host`), nor a page under /auth/.
 */
export function signInHref(location: Pick<Location, 'pathname' | 'search'>): string {
  const target = `${location.pathname}${location.search}`;
  const samePath = target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') && !/^\/auth(\/|$|\?)/.test(target);
  return samePath && target !== '/' ? `/auth/login?returnTo=${encodeURIComponent(target)}` : '/auth/login';
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;
const defaultFetch: Fetch = (input, init) => globalThis.fetch(input, init);

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

const notKnown: ServerSession = { session: { kind: 'unknown' }, teamViews: null };

function readUser(value: unknown): SignedInUser | null {
  if (!isRecord(value) || typeof value.name !== 'string' || value.name.trim() === '') return null;
  return { name: value.name, email: typeof value.email === 'string' && value.email !== '' ? value.email : null };
}

/**
 * Asks the team server who is signed in and whether it keeps team views (`GET /auth/session`,
 * always 200 when the server works). Never throws, except the caller's own abort.
 */
export async function loadServerSession(signal?: AbortSignal, fetchFn: Fetch = defaultFetch): Promise<ServerSession> {
  let response: Response;
  try {
    response = await fetchFn(SESSION_PATH, { headers: appRequestHeaders(), credentials: 'same-origin', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return notKnown;
  }
  // Read the answer whatever it is: a body left unread keeps the request open in the browser.
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    return notKnown;
  }
  // An older team server has no /auth/session: its 404 means what its /auth/me's 404 meant, no sign-in.
  if (response.status === 404) return { session: { kind: 'off' }, teamViews: null };
  if (response.status === 401) return { session: { kind: 'signed-out' }, teamViews: null };
  if (!response.ok) return notKnown;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return notKnown;
  }
  if (!isRecord(body) || typeof body.signIn !== 'boolean') return notKnown;
  const teamViews = typeof body.teamViews === 'boolean' ? body.teamViews : null;
  if (!body.signIn) return { session: { kind: 'off' }, teamViews };
  if (body.user === null) return { session: { kind: 'signed-out' }, teamViews };
  const user = readUser(body.user);
  return user ? { session: { kind: 'signed-in', user }, teamViews } : notKnown;
}

/**
 * The session, asked once for the page (the header's account and the team's views share it):
 * signing in or out loads the page anew, and a session that ends meanwhile shows as the API's
 * 401, which sends the user to sign in.
 */
export function serverSessionQueryOptions() {
  return queryOptions({
    queryKey: sessionKeys.current(),
    meta: TEAM_SERVER_META,
    queryFn: ({ signal }) => loadServerSession(signal),
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * Where a redirect the server gave may take the browser: a path on this origin, or an http(s) URL
 * (the provider's sign-out page); anything else (`javascript:`, garbage) goes to `/`.
 */
export function safeRedirectTarget(raw: unknown, base: string): string {
  if (typeof raw !== 'string' || raw === '') return '/';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return '/';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return '/';
  return url.origin === new URL(base).origin ? url.pathname + url.search + url.hash : url.href;
}

/**
 * Ends the session (`POST /auth/logout` with the app's header) and returns where to go next: `/`,
 * or the provider's sign-out page when the server ends the session there too. Throws when the
 * server did not sign out.
 */
export async function requestSignOut(fetchFn: Fetch = defaultFetch, base: string = location.href): Promise<string> {
  const response = await fetchFn('/auth/logout', { method: 'POST', headers: appRequestHeaders(), credentials: 'same-origin' });
  if (!response.ok) {
    await response.text().catch(() => '');
    throw new Error(`Signing out failed: the server answered HTTP ${response.status}.`);
  }
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a redirect to the page was followed): the session is gone all the same.
  }
  const redirectTo = isRecord(body) && isRecord(body.data) ? body.data.redirectTo : '/';
  return safeRedirectTarget(redirectTo, base);
}

/**
 * "This tab signed out": kept for the tab (sessionStorage), so that the board then says "You are
 * signed out" with a Sign in button instead of going to the provider at once, which, while the
 * provider still has its own session, would sign the same user straight back in.
 */
const SIGNED_OUT_KEY = 'cockpit-board:signed-out';

function sessionStore(): Storage {
  try {
    return window.sessionStorage;
  } catch {
    return memoryStorage();
  }
}

export function markSignedOut(storage: Storage = sessionStore()): void {
  try {
    storage.setItem(SIGNED_OUT_KEY, '1');
  } catch {
    // Storage full or blocked: the board then goes straight to sign-in, which is fine.
  }
}

export function wasSignedOut(storage: Storage = sessionStore()): boolean {
  try {
    return storage.getItem(SIGNED_OUT_KEY) === '1';
  } catch {
    return false;
  }
}

export function clearSignedOut(storage: Storage = sessionStore()): void {
  try {
    storage.removeItem(SIGNED_OUT_KEY);
  } catch {
    // Nothing to clear.
  }
}
