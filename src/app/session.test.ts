import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { memoryStorage } from '../lib/safe-storage.ts';
import { clearSignedOut, loadSession, markSignedOut, requestSignOut, safeRedirectTarget, signInHref, wasSignedOut } from './session.ts';
import { isSignInRequired } from './sign-in-error.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('isSignInRequired', () => {
  it('is a 401 with AUTH_401 only, not a rejected access key', () => {
    expect(isSignInRequired(new ApiError({ kind: 'api', status: 401, errorCode: 'AUTH_401', errorDesc: 'Sign in' }))).toBe(true);
    expect(isSignInRequired(new ApiError({ kind: 'api', status: 401, errorCode: 'GS_APIG_2401', errorDesc: 'Unauthorized' }))).toBe(false);
    expect(isSignInRequired(new ApiError({ kind: 'api', status: 401, errorDesc: 'Unauthorized' }))).toBe(false);
    expect(isSignInRequired(new ApiError({ kind: 'api', status: 403, errorCode: 'AUTH_403', errorDesc: 'Refused' }))).toBe(false);
    expect(isSignInRequired(new Error('AUTH_401'))).toBe(false);
  });
});

describe('signInHref', () => {
  it('asks to come back to the current path and query', () => {
    expect(signInHref({ pathname: '/board', search: '?view=mine&sort=due' })).toBe(
      '/auth/login?returnTo=%2Fboard%3Fview%3Dmine%26sort%3Ddue',
    );
    expect(signInHref({ pathname: '/tasks/1T0001', search: '' })).toBe('/auth/login?returnTo=%2Ftasks%2F1T0001');
  });

  it('sends no returnTo for /, another host or a page under /auth/', () => {
    expect(signInHref({ pathname: '/', search: '' })).toBe('/auth/login');
    expect(signInHref({ pathname: '//evil.example/x', search: '' })).toBe('/auth/login');
    expect(signInHref({ pathname: '/\\evil.example', search: '' })).toBe('/auth/login');
    expect(signInHref({ pathname: '/auth/login', search: '?returnTo=%2Fboard' })).toBe('/auth/login');
    expect(signInHref({ pathname: '/authors', search: '' })).toBe('/auth/login?returnTo=%2Fauthors');
  });
});

describe('loadSession', () => {
  it('asks GET /auth/me with the app header and reads the user', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const session = await loadSession(undefined, async (url, init) => {
      calls.push([url, init]);
      return json(200, { name: 'Ana Souza', email: 'ana@acme.example' });
    });
    expect(session).toEqual({ kind: 'signed-in', user: { name: 'Ana Souza', email: 'ana@acme.example' } });
    expect(calls[0]![0]).toBe('/auth/me');
    expect(calls[0]![1]?.method ?? 'GET').toBe('GET');
    expect((calls[0]![1]?.headers as Record<string, string>)['X-Requested-With']).toBe('cockpit-board');
  });

  it('tells sign-in off (404), nobody signed in (401) and anything else (unknown) apart', async () => {
    expect(await loadSession(undefined, async () => json(404, { errorCode: 'AUTH_OFF' }))).toEqual({ kind: 'off' });
    expect(await loadSession(undefined, async () => json(401, { errorCode: 'AUTH_401' }))).toEqual({ kind: 'signed-out' });
    expect(await loadSession(undefined, async () => json(500, {}))).toEqual({ kind: 'unknown' });
    expect(await loadSession(undefined, async () => new Response('<html>', { status: 200 }))).toEqual({ kind: 'unknown' });
    expect(await loadSession(undefined, async () => json(200, { name: '' }))).toEqual({ kind: 'unknown' });
    expect(await loadSession(undefined, async () => Promise.reject(new TypeError('Failed to fetch')))).toEqual({ kind: 'unknown' });
    expect(await loadSession(undefined, async () => json(200, { name: 'sub-123', email: null }))).toEqual({
      kind: 'signed-in',
      user: { name: 'sub-123', email: null },
    });
  });

  it('reads every answer to the end (a body left unread keeps the request open in the browser)', async () => {
    for (const status of [200, 401, 404, 500]) {
      const response = json(status, status === 200 ? { name: 'Ana' } : { errorCode: 'X' });
      await loadSession(undefined, async () => response);
      expect(response.bodyUsed, String(status)).toBe(true);
    }
  });

  it("rethrows the caller's abort", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(loadSession(controller.signal, async () => Promise.reject(new DOMException('aborted', 'AbortError')))).rejects.toThrow(
      'aborted',
    );
  });
});

describe('requestSignOut', () => {
  const base = 'http://127.0.0.1:4173/board';

  it('POSTs /auth/logout with the app header and goes where the server says', async () => {
    let seen: RequestInit | undefined;
    const next = await requestSignOut(async (url, init) => {
      expect(url).toBe('/auth/logout');
      seen = init;
      return json(200, { result: true, data: { redirectTo: '/' } });
    }, base);
    expect(next).toBe('/');
    expect(seen?.method).toBe('POST');
    expect((seen?.headers as Record<string, string>)['X-Requested-With']).toBe('cockpit-board');
    const provider = await requestSignOut(
      async () => json(200, { result: true, data: { redirectTo: 'https://sso.acme.example/logout?id_token_hint=x' } }),
      base,
    );
    expect(provider).toBe('https://sso.acme.example/logout?id_token_hint=x');
  });

  it('fails when the server refused, and never goes to a script URL', async () => {
    const refused = json(403, { errorCode: 'AUTH_403' });
    await expect(requestSignOut(async () => refused, base)).rejects.toThrow('HTTP 403');
    expect(refused.bodyUsed).toBe(true);
    expect(await requestSignOut(async () => json(200, { data: { redirectTo: 'javascript:alert(1)' } }), base)).toBe('/');
    expect(await requestSignOut(async () => new Response('<html>', { status: 200 }), base)).toBe('/');
  });
});

describe('safeRedirectTarget', () => {
  it('keeps same-origin paths and http(s) URLs only', () => {
    const base = 'http://127.0.0.1:4173/x';
    expect(safeRedirectTarget('/board?x=1', base)).toBe('/board?x=1');
    expect(safeRedirectTarget('http://127.0.0.1:4173/a', base)).toBe('/a');
    expect(safeRedirectTarget('https://sso.example/end', base)).toBe('https://sso.example/end');
    for (const bad of ['javascript:alert(1)', 'data:text/html,x', '', 42, null]) expect(safeRedirectTarget(bad, base)).toBe('/');
  });
});

describe('the signed-out mark', () => {
  it('is set, read and cleared for the tab', () => {
    const storage = memoryStorage();
    expect(wasSignedOut(storage)).toBe(false);
    markSignedOut(storage);
    expect(wasSignedOut(storage)).toBe(true);
    clearSignedOut(storage);
    expect(wasSignedOut(storage)).toBe(false);
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem() {
        throw new Error('blocked');
      },
      setItem() {
        throw new Error('blocked');
      },
      removeItem() {
        throw new Error('blocked');
      },
    } as unknown as Storage;
    expect(() => markSignedOut(broken)).not.toThrow();
    expect(wasSignedOut(broken)).toBe(false);
    expect(() => clearSignedOut(broken)).not.toThrow();
  });
});
