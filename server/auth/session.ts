/**
 * What the two auth cookies hold, and the session's time rules, as pure functions of `now`.
 *
 * - The session: who signed in, when (absolute expiry) and when the cookie was last re-issued
 *   (idle expiry, sliding). It is re-issued on use, at most once per `refreshAfterMs`, so not
 *   every request carries a Set-Cookie; the idle limit is therefore exact to within that interval.
 * - The login in flight: state, nonce and PKCE verifier of one authorization request, and where
 *   to go afterwards; valid for LOGIN_TTL_MS.
 */
import { deriveKey, seal, unseal, type SealKey } from './seal.ts';

/** The signed-in user, as decorated on the request (`request.user`). */
export interface AuthUser {
  /** The provider's stable subject identifier. */
  sub: string;
  /** Display name: the `name` claim, else `preferred_username`, else the email, else `sub`. */
  name: string;
  email: string | null;
}

export interface SessionData extends AuthUser {
  /** Sign-in time (ms since epoch). */
  iat: number;
  /** Last time the cookie was issued (ms since epoch). */
  seen: number;
  /** The ID token, kept only with OIDC_LOGOUT=provider (as id_token_hint for the provider's logout). */
  idt?: string;
}

export interface LoginData {
  state: string;
  nonce: string;
  verifier: string;
  returnTo: string;
  /** Start time (ms since epoch). */
  t: number;
}

export interface SessionTimes {
  idleMs: number;
  maxAgeMs: number;
}

/** How long a started sign-in may take at the provider. */
export const LOGIN_TTL_MS = 10 * 60_000;
/** Tolerated clock step backwards before a cookie "from the future" is refused. */
const FUTURE_SKEW_MS = 5 * 60_000;

export function refreshAfterMs(times: SessionTimes): number {
  return Math.min(60_000, Math.max(1_000, Math.floor(times.idleMs / 10)));
}

export type SessionCheck = { valid: true; refresh: boolean } | { valid: false; reason: 'idle' | 'absolute' | 'future' };

export function checkSession(data: SessionData, now: number, times: SessionTimes): SessionCheck {
  if (data.iat > now + FUTURE_SKEW_MS || data.seen > now + FUTURE_SKEW_MS) return { valid: false, reason: 'future' };
  if (now - data.iat >= times.maxAgeMs) return { valid: false, reason: 'absolute' };
  if (now - data.seen >= times.idleMs) return { valid: false, reason: 'idle' };
  return { valid: true, refresh: now - data.seen >= refreshAfterMs(times) };
}

/** Max-Age (seconds) for a session cookie issued at `now`: the idle period, cut at the absolute end. */
export function sessionCookieMaxAge(data: SessionData, now: number, times: SessionTimes): number {
  return Math.max(1, Math.ceil(Math.min(times.idleMs, data.iat + times.maxAgeMs - now) / 1000));
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

function parseJsonObject(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function parseSessionData(text: string | null): SessionData | null {
  const o = parseJsonObject(text);
  if (!o || !isString(o.sub) || o.sub === '' || !isString(o.name) || !(o.email === null || isString(o.email))) return null;
  if (!isTime(o.iat) || !isTime(o.seen) || !(o.idt === undefined || isString(o.idt))) return null;
  const data: SessionData = { sub: o.sub, name: o.name, email: o.email, iat: o.iat, seen: o.seen };
  if (o.idt !== undefined) data.idt = o.idt;
  return data;
}

function parseLoginData(text: string | null): LoginData | null {
  const o = parseJsonObject(text);
  if (!o || !isString(o.state) || !isString(o.nonce) || !isString(o.verifier) || !isString(o.returnTo) || !isTime(o.t)) return null;
  return { state: o.state, nonce: o.nonce, verifier: o.verifier, returnTo: o.returnTo, t: o.t };
}

/** Seals and opens both cookies with keys derived from SESSION_SECRET. */
export class CookieSealer {
  readonly #session: SealKey;
  readonly #login: SealKey;

  constructor(sessionSecret: string) {
    this.#session = deriveKey(sessionSecret, 'session');
    this.#login = deriveKey(sessionSecret, 'login');
  }

  sealSession(name: string, data: SessionData): string {
    return seal(this.#session, JSON.stringify(data), name);
  }

  openSession(name: string, value: string | undefined): SessionData | null {
    return parseSessionData(unseal(this.#session, value, name));
  }

  sealLogin(name: string, data: LoginData): string {
    return seal(this.#login, JSON.stringify(data), name);
  }

  /** The login in flight, or null when absent, tampered with, or older than LOGIN_TTL_MS. */
  openLogin(name: string, value: string | undefined, now: number): LoginData | null {
    const data = parseLoginData(unseal(this.#login, value, name));
    if (!data || now - data.t >= LOGIN_TTL_MS || data.t > now + FUTURE_SKEW_MS) return null;
    return data;
  }
}
