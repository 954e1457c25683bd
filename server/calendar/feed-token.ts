/**
 * The calendar feed's token: what lets a calendar app (which cannot sign in) read one owner's
 * feed on a user's behalf when sign-in is on. It is derived, not stored: an HMAC-SHA256 over the
 * signed-in user's subject and the owner, keyed with a key derived by HKDF from SESSION_SECRET
 * for this purpose only (so it is neither the cookie keys nor usable as one). The token carries
 * the subject (base64url) so the server can check it without remembering anything:
 *
 *   token = base64url(sub) + "." + base64url(HMAC(key, "calendar-feed v1\n" + sub + "\n" + owner))
 *
 * A token opens only the feed of the owner it was made for. It stays valid until SESSION_SECRET
 * changes (which also signs everyone out): that is how every feed address is revoked at once.
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const KEY_INFO = 'calendar feed token v1';
const MAC_CONTEXT = 'calendar-feed v1';
/** A subject is at most 255 characters (OpenID Connect Core, 2): its base64url, and some room. */
const MAX_TOKEN_LENGTH = 512;

export interface FeedTokenKey {
  /** Not enumerable: kept out of logs and JSON. */
  readonly key: Buffer;
}

export function deriveFeedTokenKey(sessionSecret: string): FeedTokenKey {
  const key = Buffer.from(hkdfSync('sha256', Buffer.from(sessionSecret, 'utf8'), 'cockpit-board calendar feed', KEY_INFO, 32));
  const out = {} as FeedTokenKey;
  Object.defineProperty(out, 'key', { value: key, enumerable: false });
  return out;
}

function mac(key: FeedTokenKey, sub: string, owner: string): Buffer {
  return createHmac('sha256', key.key).update(`${MAC_CONTEXT}\n${sub}\n${owner}`, 'utf8').digest();
}

/** The token that lets `sub` subscribe to `owner`'s feed. */
export function makeFeedToken(key: FeedTokenKey, sub: string, owner: string): string {
  return `${Buffer.from(sub, 'utf8').toString('base64url')}.${mac(key, sub, owner).toString('base64url')}`;
}

export type FeedTokenCheck = { valid: true; sub: string } | { valid: false; reason: string };

/** Whether `token` was made by this server for `owner`, and for whom. */
export function checkFeedToken(key: FeedTokenKey, token: string, owner: string): FeedTokenCheck {
  const malformed = { valid: false, reason: 'the token in the address is not one this server makes (it is cut short or changed)' } as const;
  if (token.length > MAX_TOKEN_LENGTH) return malformed;
  const m = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return malformed;
  const sub = Buffer.from(m[1]!, 'base64url').toString('utf8');
  // base64url that does not round-trip is not what makeFeedToken wrote.
  if (sub === '' || Buffer.from(sub, 'utf8').toString('base64url') !== m[1]) return malformed;
  const given = Buffer.from(m[2]!, 'base64url');
  const expected = mac(key, sub, owner);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return {
      valid: false,
      reason:
        "the token does not match this owner's feed (it was made for another owner, or the server's SESSION_SECRET has changed since)",
    };
  }
  return { valid: true, sub };
}

/** A request URL fit for a log line: a calendar feed's token replaced (it opens the feed like a password). */
export function redactFeedToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}
