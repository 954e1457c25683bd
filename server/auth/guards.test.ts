import { describe, expect, it } from 'vitest';
import { escapeHtml, renderErrorPage } from './error-page.ts';
import { DEFAULT_PROTECTED_PATHS, isProtectedRequest, isSameOriginWrite, isWriteMethod, redactAuthUrl, safeReturnTo } from './guards.ts';
import { deriveKey, seal, unseal } from './seal.ts';
import { checkSession, CookieSealer, LOGIN_TTL_MS, refreshAfterMs, sessionCookieMaxAge, type SessionData } from './session.ts';

describe('safeReturnTo', () => {
  it.each([
    ['/', '/'],
    ['/board', '/board'],
    ['/board?view=mine&q=a%20b', '/board?view=mine&q=a%20b'],
    ['/tasks/T-1#notes', '/tasks/T-1#notes'],
  ])('keeps the same-origin path %j', (raw, expected) => {
    expect(safeReturnTo(raw)).toBe(expected);
  });

  it.each([
    'https://evil.example/',
    'http://evil.example',
    '//evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/a\\..\\..\\evil',
    'javascript:alert(1)',
    'board',
    '',
    '/\tevil',
    '/x\r\nSet-Cookie: a=b',
    '/a/..//evil.example',
    '/auth/login?returnTo=/board',
    '/auth/logout',
    `/${'a'.repeat(3000)}`,
  ])('sends %j to /', (raw) => {
    expect(safeReturnTo(raw)).toBe('/');
  });

  it('sends anything that is not a string to /', () => {
    expect(safeReturnTo(undefined)).toBe('/');
    expect(safeReturnTo(['/a', '/b'])).toBe('/');
  });
});

describe('isProtectedRequest', () => {
  const list = DEFAULT_PROTECTED_PATHS;
  it.each(['/v1', '/v1/', '/v1/tasks/T-1', '/v1/tasks/search?x=1', '/api/x', '/events', '/events/stream'])('protects %s', (path) => {
    expect(isProtectedRequest(path, undefined, list)).toBe(true);
  });

  it.each(['/%761/tasks', '//v1/tasks', '/V1/tasks', '/v1%2Ftasks', '/%E0%A4%A'])('protects the disguised or undecodable %s', (path) => {
    expect(isProtectedRequest(path, undefined, list)).toBe(true);
  });

  it.each(['/', '/board', '/assets/index-abc.js', '/healthz', '/readyz', '/metrics', '/v10', '/eventsx', '/auth/login', '/calendar.ics'])(
    'leaves %s open',
    (path) => {
      expect(isProtectedRequest(path, undefined, list)).toBe(false);
    },
  );

  it('protects whatever reaches a protected route, however the target was written', () => {
    expect(isProtectedRequest('/weird', '/v1/*', list)).toBe(true);
    expect(isProtectedRequest('/board', '/*', list)).toBe(false);
  });
});

describe('isSameOriginWrite', () => {
  const origin = 'https://board.acme.com';
  it('accepts the public origin, or no Origin with the app header', () => {
    expect(isSameOriginWrite({ origin }, origin)).toBe(true);
    expect(isSameOriginWrite({ origin, 'sec-fetch-site': 'same-origin' }, origin)).toBe(true);
    expect(isSameOriginWrite({ 'x-requested-with': 'cockpit-board' }, origin)).toBe(true);
  });

  it('refuses another origin, null, a missing proof, or a cross-site fetch', () => {
    expect(isSameOriginWrite({ origin: 'https://evil.example' }, origin)).toBe(false);
    expect(isSameOriginWrite({ origin: 'https://evil.example', 'x-requested-with': 'cockpit-board' }, origin)).toBe(false);
    expect(isSameOriginWrite({ origin: 'null' }, origin)).toBe(false);
    expect(isSameOriginWrite({ origin: 'http://board.acme.com' }, origin)).toBe(false);
    expect(isSameOriginWrite({}, origin)).toBe(false);
    expect(isSameOriginWrite({ 'x-requested-with': 'XMLHttpRequest' }, origin)).toBe(false);
    expect(isSameOriginWrite({ origin, 'sec-fetch-site': 'same-site' }, origin)).toBe(false);
    expect(isSameOriginWrite({ 'x-requested-with': 'cockpit-board', 'sec-fetch-site': 'cross-site' }, origin)).toBe(false);
  });

  it('knows which methods write', () => {
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'post'].every(isWriteMethod)).toBe(true);
    expect(['GET', 'HEAD', 'OPTIONS'].some(isWriteMethod)).toBe(false);
  });
});

describe('redactAuthUrl', () => {
  it('hides the callback query only', () => {
    expect(redactAuthUrl('/auth/callback?code=abc&state=def')).toBe('/auth/callback?[redacted]');
    expect(redactAuthUrl('/v1/tasks?x=1')).toBe('/v1/tasks?x=1');
    expect(redactAuthUrl('/auth/callback')).toBe('/auth/callback');
  });
});

describe('error page', () => {
  it('escapes its text', () => {
    expect(escapeHtml(`<script>"x" & 'y'</script>`)).toBe('&#60;script&#62;&#34;x&#34; &#38; &#39;y&#39;&#60;/script&#62;');
    const html = renderErrorPage({
      title: 'Sign-in did not work',
      message: '<img src=x onerror=alert(1)>',
      retryHref: '/auth/login?returnTo=%2F"',
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('href="/auth/login?returnTo=%2F&#34;"');
    expect(html).toContain('>Try again</a>');
  });
});

describe('seal', () => {
  const key = deriveKey('s'.repeat(32), 'session');
  it('round-trips and refuses tampering, another key, another purpose or other associated data', () => {
    const sealed = seal(key, 'hello', 'cb_session');
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(unseal(key, sealed, 'cb_session')).toBe('hello');
    const flipped = sealed.slice(0, 10) + (sealed[10] === 'A' ? 'B' : 'A') + sealed.slice(11);
    expect(unseal(key, flipped, 'cb_session')).toBeNull();
    expect(unseal(key, sealed, 'cb_login')).toBeNull();
    expect(unseal(deriveKey('t'.repeat(32), 'session'), sealed, 'cb_session')).toBeNull();
    expect(unseal(deriveKey('s'.repeat(32), 'login'), sealed, 'cb_session')).toBeNull();
    for (const junk of [undefined, '', 'v1.', 'v1.!!', 'v2.abc', 'v1.' + 'A'.repeat(20), 'v1.' + 'A'.repeat(5000)])
      expect(unseal(key, junk, 'cb_session')).toBeNull();
  });

  it('keeps the key out of JSON', () => {
    expect(JSON.stringify(key)).toBe('{"purpose":"session"}');
  });
});

describe('session times', () => {
  const times = { idleMs: 60 * 60_000, maxAgeMs: 12 * 3_600_000 };
  const t0 = 1_800_000_000_000;
  const data: SessionData = { sub: 'u1', name: 'Ana', email: 'ana@acme.com', iat: t0, seen: t0 };

  it('is valid until the idle limit, refreshing at most once a minute', () => {
    expect(refreshAfterMs(times)).toBe(60_000);
    expect(checkSession(data, t0 + 1000, times)).toEqual({ valid: true, refresh: false });
    expect(checkSession(data, t0 + 60_000, times)).toEqual({ valid: true, refresh: true });
    expect(checkSession(data, t0 + times.idleMs - 1, times)).toEqual({ valid: true, refresh: true });
    expect(checkSession(data, t0 + times.idleMs, times)).toEqual({ valid: false, reason: 'idle' });
  });

  it('ends at the absolute limit whatever the activity', () => {
    const busy = { ...data, seen: t0 + times.maxAgeMs - 1000 };
    expect(checkSession(busy, t0 + times.maxAgeMs, times)).toEqual({ valid: false, reason: 'absolute' });
  });

  it('refuses a cookie from the future', () => {
    expect(checkSession({ ...data, iat: t0 + 3_600_000, seen: t0 + 3_600_000 }, t0, times)).toEqual({ valid: false, reason: 'future' });
  });

  it('gives the cookie the idle period, cut at the absolute end', () => {
    expect(sessionCookieMaxAge(data, t0, times)).toBe(3600);
    expect(sessionCookieMaxAge(data, t0 + times.maxAgeMs - 90_000, times)).toBe(90);
  });

  it('seals both cookies apart and expires the login in flight', () => {
    const sealer = new CookieSealer('s'.repeat(40));
    const session = sealer.sealSession('cb_session', data);
    expect(sealer.openSession('cb_session', session)).toEqual(data);
    expect(sealer.openLogin('cb_session', session, t0)).toBeNull();
    const login = sealer.sealLogin('cb_login', { state: 's', nonce: 'n', verifier: 'v', returnTo: '/board', t: t0 });
    expect(sealer.openLogin('cb_login', login, t0 + 1000)).toMatchObject({ returnTo: '/board' });
    expect(sealer.openLogin('cb_login', login, t0 + LOGIN_TTL_MS)).toBeNull();
    expect(sealer.openSession('cb_login', login)).toBeNull();
  });
});
