/**
 * The whole sign-in flow against a real OpenID provider (oidc-provider 8.8, in-process on a
 * loopback port), driven over HTTP with a cookie jar, through a small Fastify app that stands in
 * for the team server: `registerAuth`, a `/v1/ping` GET and POST, `/healthz`, and the SPA.
 */
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveAuthConfig, type AuthConfig } from './auth-config.ts';
import { registerAuth } from './plugin.ts';
import { locationOf, TestBrowser } from '../../test-support/test-browser.ts';
import { freePort, startTestProvider, type TestProvider } from '../../test-support/oidc-provider.ts';

const SESSION_SECRET = 'test-session-secret-that-is-long-enough-1234';
const MINUTE = 60_000;

interface TestApp {
  app: FastifyInstance;
  origin: string;
  /** Requests that reached a /v1 handler. */
  upstream: { method: string; user: unknown }[];
}

async function startApp(config: AuthConfig, port: number, now?: () => number): Promise<TestApp> {
  const app = Fastify();
  const upstream: TestApp['upstream'] = [];
  await registerAuth(app, config, { now });
  const ping = async (request: import('fastify').FastifyRequest) => {
    upstream.push({ method: request.method, user: request.user });
    return { result: true, errorCode: null, errorDesc: null, requestId: request.id, data: { user: request.user }, message: null };
  };
  app.get('/v1/ping', ping);
  app.post('/v1/ping', ping);
  app.get('/healthz', async () => 'ok');
  // The SPA: its HTML for every other path, open so the page can load and send the user to sign in.
  app.get('/*', async (request, reply) => reply.type('text/html').send(`<!doctype html><title>board</title><p>${request.url}</p>`));
  await app.listen({ port, host: '127.0.0.1' });
  return { app, origin: `http://127.0.0.1:${port}`, upstream };
}

function oidcConfig(provider: TestProvider, origin: string, extra: Record<string, string> = {}): AuthConfig {
  return resolveAuthConfig({
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    PUBLIC_URL: origin,
    SESSION_SECRET,
    ...extra,
  });
}

let provider: TestProvider;
let main: TestApp;
let logoutApp: TestApp;
let clock = Date.now();
const apps: FastifyInstance[] = [];
const providers: TestProvider[] = [];

beforeAll(async () => {
  const [mainPort, logoutPort] = [await freePort(), await freePort()];
  const mainOrigin = `http://127.0.0.1:${mainPort}`;
  const logoutOrigin = `http://127.0.0.1:${logoutPort}`;
  provider = await startTestProvider({
    redirectUris: [`${mainOrigin}/auth/callback`, `${logoutOrigin}/auth/callback`],
    postLogoutRedirectUris: [`${logoutOrigin}/`],
    accounts: { ana: { name: 'Ana Souza', email: 'ana@acme.example' } },
  });
  providers.push(provider);
  main = await startApp(oidcConfig(provider, mainOrigin), mainPort, () => clock);
  logoutApp = await startApp(oidcConfig(provider, logoutOrigin, { OIDC_LOGOUT: 'provider' }), logoutPort);
  apps.push(main.app, logoutApp.app);
});

afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await Promise.all(providers.map((p) => p.stop()));
});

/** Signs in to the main app as `login`, asking for `returnTo`; returns the browser and the hops. */
async function signedIn(login = 'ana', returnTo = '/board?view=mine') {
  const browser = new TestBrowser();
  const hops = await browser.signIn(`${main.origin}/auth/login?returnTo=${encodeURIComponent(returnTo)}`, login);
  return { browser, hops, last: hops.at(-1)! };
}

const json = (body: string) => JSON.parse(body) as Record<string, unknown>;

describe('sign-in with a real OpenID provider', () => {
  it('signs in and lands on the page asked for, with name and email at /auth/me', async () => {
    const { browser, hops, last } = await signedIn();
    expect(last.url).toBe(`${main.origin}/board?view=mine`);
    expect(last.response.status).toBe(200);
    // The authorization request used PKCE (S256), state and nonce, and went to the provider.
    const authorize = new URL(locationOf(hops[0]!)!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toBeTruthy();
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    expect(authorize.searchParams.get('scope')).toBe('openid email profile');

    const me = await browser.request(`${main.origin}/auth/me`);
    expect(me.response.status).toBe(200);
    expect(json(me.body)).toEqual({ name: 'Ana Souza', email: 'ana@acme.example' });
    const ping = await browser.request(`${main.origin}/v1/ping`);
    expect(ping.response.status).toBe(200);
    expect(json(ping.body).data).toEqual({ user: { sub: 'ana', name: 'Ana Souza', email: 'ana@acme.example' } });
  });

  it('sets an HttpOnly, SameSite=Lax, Path=/ session cookie (no Secure over http) and drops the login cookie', async () => {
    const { browser } = await signedIn();
    const session = browser.setCookies.find((c) => c.header.startsWith('cb_session=') && !/max-age=0/i.test(c.header));
    expect(session?.header).toMatch(/; Max-Age=3600; Path=\/; HttpOnly; SameSite=Lax$/);
    expect(session?.header).not.toMatch(/Secure/);
    expect(browser.cookie(main.origin, 'cb_login')).toBeUndefined();
    expect(browser.cookie(main.origin, 'cb_session')).toMatch(/^v1\./);
  });

  it('answers the API 401 with the Gainsight envelope without a session; the page, /healthz and static paths stay open', async () => {
    const browser = new TestBrowser();
    const before = main.upstream.length;
    for (const path of ['/v1/ping', '/v1', '/%761/ping', '//v1/ping', '/V1/ping', '/events']) {
      const hop = await browser.request(`${main.origin}${path}`);
      expect(hop.response.status, path).toBe(401);
      const body = json(hop.body);
      expect(body).toMatchObject({ result: false, errorCode: 'AUTH_401', data: null, message: null });
      expect(body.errorDesc).toMatch(/^Sign in/);
      expect(typeof body.requestId).toBe('string');
      expect(hop.response.headers.get('cache-control')).toBe('no-store');
    }
    const post = await browser.request(`${main.origin}/v1/ping`, {
      method: 'POST',
      headers: { origin: main.origin, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(post.response.status).toBe(401);
    expect(main.upstream.length).toBe(before);
    for (const path of ['/', '/board', '/healthz', '/assets/app.js'])
      expect((await browser.request(`${main.origin}${path}`)).response.status, path).toBe(200);
    const me = await browser.request(`${main.origin}/auth/me`);
    expect(me.response.status).toBe(401);
    expect(json(me.body).errorCode).toBe('AUTH_401');
  });

  it('refuses a cross-origin write (403) and lets a same-origin one through', async () => {
    const { browser } = await signedIn();
    const before = main.upstream.length;
    const write = (headers: Record<string, string>) =>
      browser.request(`${main.origin}/v1/ping`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: '{"Name":"x"}',
      });

    const evil = await write({ origin: 'https://evil.example' });
    expect(evil.response.status).toBe(403);
    expect(json(evil.body)).toMatchObject({ result: false, errorCode: 'AUTH_403', data: null });
    expect((await write({})).response.status).toBe(403);
    expect((await write({ origin: 'null' })).response.status).toBe(403);
    expect((await write({ origin: main.origin, 'sec-fetch-site': 'cross-site' })).response.status).toBe(403);
    expect(main.upstream.length).toBe(before);

    expect((await write({ origin: main.origin })).response.status).toBe(200);
    expect((await write({ 'x-requested-with': 'cockpit-board' })).response.status).toBe(200);
    expect(main.upstream.length).toBe(before + 2);
  });

  it('refuses a tampered cookie, one sealed with another secret, and the login cookie used as a session', async () => {
    const { browser } = await signedIn();
    const good = browser.cookie(main.origin, 'cb_session')!;
    const i = 20;
    browser.setCookie(main.origin, 'cb_session', good.slice(0, i) + (good[i] === 'A' ? 'B' : 'A') + good.slice(i + 1));
    const tampered = await browser.request(`${main.origin}/v1/ping`);
    expect(tampered.response.status).toBe(401);
    expect(tampered.response.headers.getSetCookie().join()).toMatch(/cb_session=; Max-Age=0/);

    const other = new TestBrowser();
    const login = await other.request(`${main.origin}/auth/login`);
    expect(login.response.status).toBe(303);
    browser.setCookie(main.origin, 'cb_session', other.cookie(main.origin, 'cb_login'));
    expect((await browser.request(`${main.origin}/v1/ping`)).response.status).toBe(401);
    browser.setCookie(main.origin, 'cb_session', 'v1.' + 'A'.repeat(120));
    expect((await browser.request(`${main.origin}/auth/me`)).response.status).toBe(401);
  });

  it('slides the idle expiry (re-issuing the cookie at most once a minute) and ends an idle session', async () => {
    const { browser } = await signedIn();
    const ping = () => browser.request(`${main.origin}/v1/ping`);
    clock += 30_000;
    let hop = await ping();
    expect(hop.response.status).toBe(200);
    expect(hop.response.headers.getSetCookie()).toEqual([]);
    clock += 40 * MINUTE;
    hop = await ping();
    expect(hop.response.status).toBe(200);
    expect(hop.response.headers.getSetCookie().join()).toMatch(/^cb_session=v1\./);
    clock += 40 * MINUTE; // 80 minutes after sign-in, 40 after the last use: still signed in
    expect((await ping()).response.status).toBe(200);
    clock += 61 * MINUTE;
    hop = await ping();
    expect(hop.response.status).toBe(401);
    expect((await browser.request(`${main.origin}/auth/me`)).response.status).toBe(401);
  });

  it('ends a session at the absolute limit however busy', async () => {
    const { browser } = await signedIn();
    const start = clock;
    while (clock - start < 12 * 60 * MINUTE - 50 * MINUTE) {
      clock += 50 * MINUTE;
      expect((await browser.request(`${main.origin}/v1/ping`)).response.status).toBe(200);
    }
    clock += 50 * MINUTE;
    expect((await browser.request(`${main.origin}/v1/ping`)).response.status).toBe(401);
  });

  it('signs out with a same-origin POST; a cross-origin sign-out is refused', async () => {
    const { browser } = await signedIn();
    const evil = await browser.request(`${main.origin}/auth/logout`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    });
    expect(evil.response.status).toBe(403);
    expect(evil.body).toContain('Sign-out refused');
    expect((await browser.request(`${main.origin}/v1/ping`)).response.status).toBe(200);

    const out = await browser.request(`${main.origin}/auth/logout`, {
      method: 'POST',
      headers: { origin: main.origin, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(out.response.status).toBe(303);
    expect(out.response.headers.get('location')).toBe('/');
    expect(browser.cookie(main.origin, 'cb_session')).toBeUndefined();
    expect((await browser.request(`${main.origin}/v1/ping`)).response.status).toBe(401);
    expect((await browser.request(`${main.origin}/auth/me`)).response.status).toBe(401);
  });

  it('signs out through the app (JSON) and, with OIDC_LOGOUT=provider, at the provider', async () => {
    const browser = new TestBrowser();
    const hops = await browser.signIn(`${logoutApp.origin}/auth/login`, 'bea');
    expect(hops.at(-1)!.url).toBe(`${logoutApp.origin}/`);
    const out = await browser.request(`${logoutApp.origin}/auth/logout`, {
      method: 'POST',
      headers: { 'x-requested-with': 'cockpit-board' },
    });
    expect(out.response.status).toBe(200);
    const redirectTo = new URL((json(out.body).data as { redirectTo: string }).redirectTo);
    expect(redirectTo.origin).toBe(provider.issuer);
    expect(redirectTo.searchParams.get('post_logout_redirect_uri')).toBe(`${logoutApp.origin}/`);
    expect(redirectTo.searchParams.get('id_token_hint')).toBeTruthy();
    expect(redirectTo.searchParams.get('client_id')).toBe(provider.clientId);
    expect((await browser.request(`${logoutApp.origin}/v1/ping`)).response.status).toBe(401);
    // The provider shows its sign-out confirmation for this request.
    const page = await browser.request(redirectTo.href);
    expect(page.response.status).toBe(200);
  });

  it.each(['https://evil.example/x', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/auth/login'])(
    'returnTo=%s lands on / (no open redirect)',
    async (returnTo) => {
      const { last, hops } = await signedIn('ana', returnTo);
      expect(last.url).toBe(`${main.origin}/`);
      for (const hop of hops) {
        const location = locationOf(hop);
        if (location) expect(new URL(location).origin).toMatch(new RegExp(`^(${main.origin}|${provider.issuer})$`));
      }
    },
  );

  it('sends a signed-in user straight back from /auth/login', async () => {
    const { browser } = await signedIn();
    const again = await browser.request(`${main.origin}/auth/login?returnTo=%2Ftasks`);
    expect(again.response.status).toBe(303);
    expect(again.response.headers.get('location')).toBe('/tasks');
  });
});

describe('a sign-in that goes wrong', () => {
  const expectErrorPage = (hop: { response: Response; body: string }, status: number, text: RegExp) => {
    expect(hop.response.status).toBe(status);
    expect(hop.response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(hop.body).toMatch(text);
    expect(hop.body).toMatch(/<a href="\/auth\/login[^"]*">Try again<\/a>/);
    expect(hop.body).not.toMatch(/at .*\.(ts|js):\d+|Error:/);
  };

  it('refuses a callback whose state is not the one this browser started', async () => {
    const browser = new TestBrowser();
    await browser.request(`${main.origin}/auth/login?returnTo=%2Fboard`);
    const hop = await browser.request(
      `${main.origin}/auth/callback?code=forged&state=not-the-state&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expectErrorPage(hop, 400, /does not belong to the sign-in this browser started/);
    expect(hop.body).toContain('href="/auth/login?returnTo=%2Fboard"');
    expect(browser.cookie(main.origin, 'cb_session')).toBeUndefined();
  });

  it('refuses a callback with no sign-in in flight', async () => {
    const hop = await new TestBrowser().request(`${main.origin}/auth/callback?code=abc&state=def`);
    expectErrorPage(hop, 400, /No sign-in is in progress in this browser/);
  });

  it('refuses a replayed callback, with or without the old login cookie', async () => {
    const browser = new TestBrowser();
    const isCallback = (url: string) => url.startsWith(`${main.origin}/auth/callback`);
    const hops = await browser.signIn(`${main.origin}/auth/login?returnTo=%2Fboard`, 'ana', isCallback);
    const callback = locationOf(hops.at(-1)!)!;
    expect(isCallback(callback)).toBe(true);
    const loginCookie = browser.cookie(main.origin, 'cb_login')!;
    expect(loginCookie).toBeTruthy();

    const first = await browser.request(callback);
    expect(first.response.status).toBe(303);
    expect(first.response.headers.get('location')).toBe('/board');

    const replay = new TestBrowser();
    expectErrorPage(await replay.request(callback), 400, /No sign-in is in progress/);
    // Even with the in-flight cookie copied, the provider will not take the code twice.
    replay.setCookie(main.origin, 'cb_login', loginCookie);
    expectErrorPage(await replay.request(callback), 400, /already used or has expired/);
    expect(replay.cookie(main.origin, 'cb_session')).toBeUndefined();
    expect((await replay.request(`${main.origin}/v1/ping`)).response.status).toBe(401);
  });

  it('shows the provider refusing (access_denied) as a page', async () => {
    const browser = new TestBrowser();
    const login = await browser.request(`${main.origin}/auth/login`);
    const state = new URL(locationOf(login)!).searchParams.get('state')!;
    const hop = await browser.request(
      `${main.origin}/auth/callback?error=access_denied&error_description=${encodeURIComponent('<b>no</b>')}&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
    );
    expectErrorPage(hop, 400, /did not sign you in \(access_denied: &#60;b&#62;no&#60;\/b&#62;\)/);
  });

  it('answers 502 while the provider is down, and signs in once it is up (discovery is retried)', async () => {
    const port = await freePort();
    const appPort = await freePort();
    const origin = `http://127.0.0.1:${appPort}`;
    const late = await startTestProvider({ port, redirectUris: [`${origin}/auth/callback`], listen: false });
    providers.push(late);
    const app = await startApp(oidcConfig(late, origin), appPort);
    apps.push(app.app);
    const browser = new TestBrowser();

    const down = await browser.request(`${origin}/auth/login?returnTo=%2Fboard`);
    expectErrorPage(down, 502, /could not be reached/);
    expect(down.body).toContain('href="/auth/login?returnTo=%2Fboard"');

    await late.start();
    const isCallback = (url: string) => url.startsWith(`${origin}/auth/callback`);
    const hops = await browser.signIn(`${origin}/auth/login?returnTo=%2Fboard`, 'cid', isCallback);
    const callback = locationOf(hops.at(-1)!)!;
    expect(isCallback(callback)).toBe(true);

    // Down again before the code is exchanged: a 502 page, no session.
    await late.stop();
    expectErrorPage(await browser.request(callback), 502, /could not be reached/);
    expect(browser.cookie(origin, 'cb_session')).toBeUndefined();
    expect((await browser.request(`${origin}/v1/ping`)).response.status).toBe(401);
    expect(app.upstream).toEqual([]);
  });

  it('answers 502 for an issuer that is not an OpenID provider', async () => {
    const appPort = await freePort();
    const origin = `http://127.0.0.1:${appPort}`;
    // The app itself is no provider: its discovery document is the SPA's HTML.
    const app = await startApp(
      resolveAuthConfig({ OIDC_ISSUER: origin, OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y', PUBLIC_URL: origin, SESSION_SECRET }),
      appPort,
    );
    apps.push(app.app);
    expectErrorPage(await new TestBrowser().request(`${origin}/auth/login`), 502, /answered unexpectedly/);
  });
});

describe('cookies over https and sign-in off', () => {
  it('marks the cookies Secure with the __Host- prefix when PUBLIC_URL is https', async () => {
    const app = Fastify();
    await registerAuth(app, oidcConfig(provider, 'https://board.acme.example'));
    app.get('/v1/ping', async () => ({ ok: true }));
    apps.push(app);
    const login = await app.inject({ url: '/auth/login?returnTo=%2Fboard' });
    expect(login.statusCode).toBe(303);
    const cookie = String(login.headers['set-cookie']);
    expect(cookie).toMatch(/^__Host-cb_login=v1\.[\w-]+; Max-Age=600; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    const authorize = new URL(String(login.headers.location));
    expect(authorize.searchParams.get('redirect_uri')).toBe('https://board.acme.example/auth/callback');
  });

  it('guards routes registered before it and inside child plugins, and accepts an app that already has @fastify/cookie', async () => {
    const app = Fastify();
    apps.push(app);
    await app.register(fastifyCookie);
    app.register(async (child) => {
      child.all('/v1/*', async () => ({ reached: true }));
    });
    app.get('/events', async () => 'stream');
    await registerAuth(app, oidcConfig(provider, 'https://board.acme.example'));
    for (const url of ['/v1/tasks/T-1', '/events']) expect((await app.inject({ url })).statusCode, url).toBe(401);
    expect((await app.inject({ url: '/auth/me' })).statusCode).toBe(401);
  });

  it('with sign-in off, lets everything through with request.user null and keeps /auth inert', async () => {
    const port = await freePort();
    const app = await startApp({ kind: 'off' }, port);
    apps.push(app.app);
    const browser = new TestBrowser();
    const ping = await browser.request(`${app.origin}/v1/ping`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(ping.response.status).toBe(200);
    expect(json(ping.body).data).toEqual({ user: null });
    const me = await browser.request(`${app.origin}/auth/me`);
    expect(me.response.status).toBe(404);
    expect(json(me.body).errorCode).toBe('AUTH_OFF');
    const login = await browser.request(`${app.origin}/auth/login?returnTo=%2Fboard`);
    expect(login.response.status).toBe(303);
    expect(login.response.headers.get('location')).toBe('/board');
    const evil = await browser.request(`${app.origin}/auth/login?returnTo=https%3A%2F%2Fevil.example`);
    expect(evil.response.headers.get('location')).toBe('/');
  });
});
