import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { memoryStorage } from '../../lib/safe-storage.ts';
import {
  clearSignedOut,
  loadServerSession,
  markSignedOut,
  requestSignOut,
  safeRedirectTarget,
  serverSessionQueryOptions,
  signInHref,
  wasSignedOut,
} from './session.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

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

describe('loadServerSession', () => {
  const answer = (body: unknown) => async () => json(200, body);

  it('asks GET /auth/session with the app header and reads the user and the team views', async () => {
    const calls: [string, RequestInit | undefined][] = [];
    const session = await loadServerSession(undefined, async (url, init) => {
      calls.push([url, init]);
      return json(200, { signIn: true, user: { name: 'Ana Souza', email: 'ana@acme.example' }, teamViews: true });
    });
    expect(session).toEqual({ session: { kind: 'signed-in', user: { name: 'Ana Souza', email: 'ana@acme.example' } }, teamViews: true });
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe('/auth/session');
    expect(calls[0]![1]?.method ?? 'GET').toBe('GET');
    expect((calls[0]![1]?.headers as Record<string, string>)['X-Requested-With']).toBe('cockpit-board');
  });

  it('reads sign-in off, nobody signed in and the team views from the answer', async () => {
    expect(await loadServerSession(undefined, answer({ signIn: false, user: null, teamViews: false }))).toEqual({
      session: { kind: 'off' },
      teamViews: false,
    });
    expect(await loadServerSession(undefined, answer({ signIn: false, user: null, teamViews: true }))).toEqual({
      session: { kind: 'off' },
      teamViews: true,
    });
    expect(await loadServerSession(undefined, answer({ signIn: true, user: null, teamViews: true }))).toEqual({
      session: { kind: 'signed-out' },
      teamViews: true,
    });
    expect(await loadServerSession(undefined, answer({ signIn: true, user: { name: 'sub-123', email: null }, teamViews: false }))).toEqual({
      session: { kind: 'signed-in', user: { name: 'sub-123', email: null } },
      teamViews: false,
    });
    // An answer without teamViews (a server that says nothing of them): not known, so the list is asked for.
    expect(await loadServerSession(undefined, answer({ signIn: false, user: null }))).toEqual({
      session: { kind: 'off' },
      teamViews: null,
    });
  });

  it('reads an older server (404, as its /auth/me said with sign-in off) as sign-in off, team views not known', async () => {
    expect(await loadServerSession(undefined, async () => json(404, { message: 'Route GET:/auth/session not found' }))).toEqual({
      session: { kind: 'off' },
      teamViews: null,
    });
    expect(await loadServerSession(undefined, async () => json(401, { errorCode: 'AUTH_401' }))).toEqual({
      session: { kind: 'signed-out' },
      teamViews: null,
    });
  });

  it('is unknown for a failure or an answer it cannot read', async () => {
    const unknown = { session: { kind: 'unknown' }, teamViews: null };
    expect(await loadServerSession(undefined, async () => json(500, {}))).toEqual(unknown);
    expect(await loadServerSession(undefined, async () => json(503, { signIn: false, user: null, teamViews: false }))).toEqual(unknown);
    expect(await loadServerSession(undefined, async () => new Response('<html>', { status: 200 }))).toEqual(unknown);
    expect(await loadServerSession(undefined, async () => Promise.reject(new TypeError('Failed to fetch')))).toEqual(unknown);
    expect(await loadServerSession(undefined, answer({ signIn: true, user: { name: '' }, teamViews: true }))).toEqual(unknown);
    expect(await loadServerSession(undefined, answer({ signIn: true, user: 'ana', teamViews: true }))).toEqual(unknown);
    expect(await loadServerSession(undefined, answer({ signIn: 'yes', user: null, teamViews: true }))).toEqual(unknown);
    expect(await loadServerSession(undefined, answer([]))).toEqual(unknown);
  });

  it('reads every answer to the end (a body left unread keeps the request open in the browser)', async () => {
    for (const status of [200, 401, 404, 500]) {
      const response = json(status, status === 200 ? { signIn: false, user: null, teamViews: false } : { errorCode: 'X' });
      await loadServerSession(undefined, async () => response);
      expect(response.bodyUsed, String(status)).toBe(true);
    }
  });

  it("rethrows the caller's abort", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      loadServerSession(controller.signal, async () => Promise.reject(new DOMException('aborted', 'AbortError'))),
    ).rejects.toThrow('aborted');
  });
});

describe('serverSessionQueryOptions', () => {
  it('asks once for the page, however many ask, and never retries', async () => {
    const fetchMock = vi.fn(async () => json(200, { signIn: false, user: null, teamViews: true }));
    vi.stubGlobal('fetch', fetchMock);
    try {
      const queryClient = new QueryClient();
      const [a, b] = await Promise.all([
        queryClient.fetchQuery(serverSessionQueryOptions()),
        queryClient.fetchQuery(serverSessionQueryOptions()),
      ]);
      expect(await queryClient.fetchQuery(serverSessionQueryOptions())).toEqual(a);
      expect(b).toEqual({ session: { kind: 'off' }, teamViews: true });
      expect(fetchMock).toHaveBeenCalledTimes(1);
      expect(serverSessionQueryOptions().retry).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
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
