/**
 * `GET /auth/session` on the team server: always 200 with `Cache-Control: no-store`, saying
 * whether sign-in is on, who is signed in, and whether the server keeps team views (its mirror is
 * on), for sign-in off and on (signed out and signed in) with the mirror on and off. `/auth/me`
 * stays as it was.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import type { SessionAnswer } from '../src/lib/team/server-session.ts';
import { resolveAuthConfig } from './auth/auth-config.ts';
import type { AuthConfig } from './auth/auth-config.ts';
import { freePort, startTestProvider, type TestProvider } from '../test-support/oidc-provider.ts';
import { TestBrowser } from '../test-support/test-browser.ts';
import { createTeamServer } from './team-server.ts';
import { FakeClock } from './test-support/fake-clock.ts';

let sandbox: Sandbox;
let provider: TestProvider;
const servers: FastifyInstance[] = [];
/** The origins of four team servers: sign-in on or off, mirror on or off. */
const origins: Record<'off' | 'offMirror' | 'on' | 'onMirror', string> = { off: '', offMirror: '', on: '', onMirror: '' };

async function start(key: keyof typeof origins, signIn: boolean, mirror: boolean, port: number) {
  const origin = `http://127.0.0.1:${port}`;
  const auth: AuthConfig = signIn
    ? resolveAuthConfig({
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        PUBLIC_URL: origin,
        SESSION_SECRET: 'session-route-test-session-secret-0123456789abcdef',
      })
    : { kind: 'off' };
  const team = await createTeamServer({
    backend: { target: sandbox.url, accessKey: sandbox.accessKey },
    logger: false,
    auth,
    clock: new FakeClock(),
    ...(mirror ? { mirror: { dbPath: ':memory:' } } : {}),
  });
  await team.app.listen({ port, host: '127.0.0.1' });
  servers.push(team.app);
  origins[key] = origin;
}

beforeAll(async () => {
  sandbox = await startSandbox({ tasks: 5, seed: 3 });
  const [on, onMirror] = [await freePort(), await freePort()];
  provider = await startTestProvider({
    redirectUris: [on, onMirror].map((port) => `http://127.0.0.1:${port}/auth/callback`),
    accounts: { ana: { name: 'Ana Souza', email: 'ana@acme.example' } },
  });
  await start('off', false, false, await freePort());
  await start('offMirror', false, true, await freePort());
  await start('on', true, false, on);
  await start('onMirror', true, true, onMirror);
});

afterAll(async () => {
  for (const app of servers) await app.close();
  await provider?.stop();
  await sandbox?.close();
});

async function session(origin: string, browser?: TestBrowser): Promise<{ status: number; cache: string | null; body: SessionAnswer }> {
  if (browser) {
    const hop = await browser.request(`${origin}/auth/session`);
    return { status: hop.response.status, cache: hop.response.headers.get('cache-control'), body: JSON.parse(hop.body) as SessionAnswer };
  }
  const res = await fetch(`${origin}/auth/session`);
  return { status: res.status, cache: res.headers.get('cache-control'), body: (await res.json()) as SessionAnswer };
}

describe('GET /auth/session', () => {
  it('with sign-in off: 200, no user, and team views only with the mirror on', async () => {
    expect(await session(origins.off)).toEqual({ status: 200, cache: 'no-store', body: { signIn: false, user: null, teamViews: false } });
    expect(await session(origins.offMirror)).toEqual({
      status: 200,
      cache: 'no-store',
      body: { signIn: false, user: null, teamViews: true },
    });
    // /auth/me is unchanged.
    const me = await fetch(`${origins.off}/auth/me`);
    expect(me.status).toBe(404);
    expect(await me.json()).toMatchObject({ errorCode: 'AUTH_OFF' });
  });

  it('with sign-in on and nobody signed in: 200 with no user (not 401), mirror on and off', async () => {
    expect(await session(origins.on)).toEqual({ status: 200, cache: 'no-store', body: { signIn: true, user: null, teamViews: false } });
    expect(await session(origins.onMirror)).toEqual({
      status: 200,
      cache: 'no-store',
      body: { signIn: true, user: null, teamViews: true },
    });
    expect((await fetch(`${origins.on}/auth/me`)).status).toBe(401);
  });

  it('with sign-in on and a session: the user, mirror on and off', async () => {
    for (const [origin, teamViews] of [
      [origins.on, false],
      [origins.onMirror, true],
    ] as const) {
      const browser = new TestBrowser();
      await browser.signIn(`${origin}/auth/login?returnTo=%2Fboard`, 'ana');
      expect(await session(origin, browser)).toEqual({
        status: 200,
        cache: 'no-store',
        body: { signIn: true, user: { name: 'Ana Souza', email: 'ana@acme.example' }, teamViews },
      });
    }
  });
});
