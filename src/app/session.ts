/**
 * Sign-in as the app sees it (the team server's sign-in, server/auth/README.md): who is signed in
 * (`GET /auth/me`), signing out (`POST /auth/logout`), and where to send the user when the API
 * answers that a session is needed (401 `AUTH_401`, which is not a rejected access key).
 */
import { appRequestHeaders } from '../api/client.ts';
import { memoryStorage } from '../lib/safe-storage.ts';

interface SignedInUser {
  name: string;
  email: string | null;
}

export type SessionState =
  /** Signed in (`/auth/me` answered 200). */
  | { kind: 'signed-in'; user: SignedInUser }
  /** The server has no sign-in (`/auth/me` answered 404 `AUTH_OFF`). */
  | { kind: 'off' }
  /** Sign-in is on and there is no session. */
  | { kind: 'signed-out' }
  /** Not known: the server could not be asked, or answered something else. */
  | { kind: 'unknown' };

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

/** Asks the server who is signed in. Never throws, except the caller's own abort. */
export async function loadSession(signal?: AbortSignal, fetchFn: Fetch = defaultFetch): Promise<SessionState> {
  let response: Response;
  try {
    response = await fetchFn('/auth/me', { headers: appRequestHeaders(), credentials: 'same-origin', signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind: 'unknown' };
  }
  // Read the answer whatever it is: a body left unread keeps the request open in the browser.
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    return { kind: 'unknown' };
  }
  if (response.status === 404) return { kind: 'off' };
  if (response.status === 401) return { kind: 'signed-out' };
  if (!response.ok) return { kind: 'unknown' };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { kind: 'unknown' };
  }
  if (!isRecord(body) || typeof body.name !== 'string' || body.name.trim() === '') return { kind: 'unknown' };
  return { kind: 'signed-in', user: { name: body.name, email: typeof body.email === 'string' && body.email !== '' ? body.email : null } };
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
