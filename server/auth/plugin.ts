/**
 * Sign-in for the team server, as one Fastify plugin: `registerAuth(app, config, deps?)`.
 *
 * It registers at the root (no encapsulation), so its `onRequest` hook guards every route of the
 * server, and adds:
 * - `GET /auth/login?returnTo=/path`: authorization code flow with PKCE, `state` and `nonce`;
 *   the in-flight values travel in a short-lived encrypted cookie;
 * - `GET /auth/callback`: checks the response, exchanges the code, sets the session cookie and
 *   goes back to `returnTo` (same-origin paths only);
 * - `POST /auth/logout` (same-origin only): clears the session; with OIDC_LOGOUT=provider also
 *   ends it at the provider (RP-initiated logout) when the provider supports it;
 * - `GET /auth/me`: `{ name, email }`, or 401;
 * - `request.user`: `{ sub, name, email }` for a valid session, else null;
 * - the gate: with sign-in on, protected paths (`/v1`, ...) answer 401 (Gainsight envelope,
 *   `AUTH_401`) without a valid session, and writes to them answer 403 (`AUTH_403`) unless
 *   same-origin.
 * With sign-in off, only `request.user` (always null) and inert /auth routes are added.
 */
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import * as client from 'openid-client';
import type { AuthConfig, OidcAuthConfig } from './auth-config.ts';
import { renderErrorPage } from './error-page.ts';
import {
  APP_REQUEST_HEADER,
  APP_REQUEST_HEADER_VALUE,
  AUTH_REQUIRED_CODE,
  CROSS_ORIGIN_CODE,
  DEFAULT_PROTECTED_PATHS,
  errorEnvelope,
  isProtectedRequest,
  isSameOriginWrite,
  isWriteMethod,
  safeReturnTo,
} from './guards.ts';
import { describeOidcError, OidcClient, SCOPES, type OidcClientOptions, type OidcFailure } from './oidc-client.ts';
import { checkSession, CookieSealer, LOGIN_TTL_MS, sessionCookieMaxAge, type AuthUser, type SessionData } from './session.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user (valid session), or null: no session, or sign-in is off. Set by registerAuth. */
    user: AuthUser | null;
  }
}

export interface AuthDeps {
  /** Clock for session expiry (ms since epoch). Default Date.now. */
  now?: () => number;
  /** Paths (each with everything below it) that need a session. Default DEFAULT_PROTECTED_PATHS. */
  protectedPaths?: readonly string[];
  /** Timeout and fetch for requests to the provider. */
  oidc?: OidcClientOptions;
}

interface PluginOptions {
  config: AuthConfig;
  deps: AuthDeps;
}

/** Sessions bigger than this drop the stored ID token (provider logout then goes without id_token_hint). */
const MAX_SESSION_COOKIE = 3800;
const NO_STORE = 'no-store';

/**
 * Registers sign-in on `app` (the root instance, before the routes it guards or after: the hook
 * applies to all). Returns what `app.register` returns, so it can be awaited. Registers
 * @fastify/cookie unless the app already has it (then do not register it again afterwards).
 */
export function registerAuth(app: FastifyInstance, config: AuthConfig, deps: AuthDeps = {}) {
  return app.register(authPlugin, { config, deps });
}

const authPlugin: FastifyPluginAsync<PluginOptions> = async (app, { config, deps }) => {
  if (!app.hasReplyDecorator('setCookie')) await app.register(fastifyCookie);
  app.decorateRequest('user', null);
  if (config.kind === 'off') registerOff(app);
  else registerOidc(app, config, deps);
};
// Like fastify-plugin: no encapsulation, so the hook and decorations reach every route.
Object.assign(authPlugin, { [Symbol.for('skip-override')]: true, [Symbol.for('fastify.display-name')]: 'cockpit-board-auth' });

function readCookie(app: FastifyInstance, request: FastifyRequest, name: string): string | undefined {
  const cookies = request.cookies ?? app.parseCookie(request.headers.cookie ?? '');
  return cookies[name];
}

function sendPage(reply: FastifyReply, status: number, title: string, message: string, retryHref: string, linkText?: string) {
  return reply
    .code(status)
    .header('cache-control', NO_STORE)
    .type('text/html; charset=utf-8')
    .send(renderErrorPage({ title, message, retryHref, linkText }));
}

const loginHref = (returnTo: string) => (returnTo === '/' ? '/auth/login' : `/auth/login?returnTo=${encodeURIComponent(returnTo)}`);

function query(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

/** A form POST (urlencoded) to /auth/logout must parse; the body itself is ignored. */
function allowFormBody(app: FastifyInstance) {
  const type = 'application/x-www-form-urlencoded';
  if (!app.hasContentTypeParser(type))
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, done) => done(null, null));
}

function registerOff(app: FastifyInstance) {
  app.get('/auth/login', async (request, reply) =>
    reply.header('cache-control', NO_STORE).redirect(safeReturnTo(query(request).returnTo), 303),
  );
  app.get('/auth/callback', async (_request, reply) =>
    sendPage(reply, 404, 'Sign-in is not configured', 'This server does not use sign-in.', '/', 'Open the board'),
  );
  app.get('/auth/me', async (request, reply) =>
    reply
      .code(404)
      .header('cache-control', NO_STORE)
      .send(errorEnvelope('AUTH_OFF', 'Sign-in is not configured on this server', request.id)),
  );
  void app.register(async (scope) => {
    allowFormBody(scope);
    scope.post('/auth/logout', { bodyLimit: 1024 }, async (_request, reply) => reply.header('cache-control', NO_STORE).redirect('/', 303));
  });
}

function registerOidc(app: FastifyInstance, config: OidcAuthConfig, deps: AuthDeps) {
  const now = deps.now ?? Date.now;
  const protectedPaths = deps.protectedPaths ?? DEFAULT_PROTECTED_PATHS;
  const sealer = new CookieSealer(config.sessionSecret);
  const oidc = new OidcClient(config, deps.oidc);
  const times = { idleMs: config.idleMs, maxAgeMs: config.maxAgeMs };
  // `__Host-` cookies are bound to this exact origin (Secure, Path=/, no Domain), over https only.
  const prefix = config.secureCookies ? '__Host-' : '';
  const sessionCookie = `${prefix}cb_session`;
  const loginCookie = `${prefix}cb_login`;
  const cookieBase = { path: '/', httpOnly: true, sameSite: 'lax', secure: config.secureCookies } as const;

  const setSession = (reply: FastifyReply, data: SessionData, at: number) => {
    let sealed = sealer.sealSession(sessionCookie, data);
    if (sealed.length > MAX_SESSION_COOKIE && data.idt !== undefined) {
      delete data.idt;
      sealed = sealer.sealSession(sessionCookie, data);
    }
    reply.setCookie(sessionCookie, sealed, { ...cookieBase, maxAge: sessionCookieMaxAge(data, at, times) });
  };

  /** Reads and checks the session cookie; re-issues it when due; clears a bad or expired one. */
  const readSession = (request: FastifyRequest, reply: FastifyReply): SessionData | null => {
    const raw = readCookie(app, request, sessionCookie);
    if (raw === undefined || raw === '') return null;
    const data = sealer.openSession(sessionCookie, raw);
    const at = now();
    const check = data ? checkSession(data, at, times) : null;
    if (!data || !check?.valid) {
      reply.clearCookie(sessionCookie, cookieBase);
      return null;
    }
    if (check.refresh) setSession(reply, { ...data, seen: at }, at);
    return data;
  };

  const sessions = new WeakMap<FastifyRequest, SessionData>();

  app.addHook('onRequest', async (request, reply) => {
    const session = readSession(request, reply);
    if (session) {
      request.user = { sub: session.sub, name: session.name, email: session.email };
      sessions.set(request, session);
    }
    if (!isProtectedRequest(request.url, request.routeOptions.url, protectedPaths)) return;
    if (!request.user) {
      return reply
        .code(401)
        .header('cache-control', NO_STORE)
        .send(errorEnvelope(AUTH_REQUIRED_CODE, 'Sign in to use Cockpit Board: open /auth/login', request.id));
    }
    if (isWriteMethod(request.method) && !isSameOriginWrite(request.headers, config.publicOrigin)) {
      return reply
        .code(403)
        .header('cache-control', NO_STORE)
        .send(errorEnvelope(CROSS_ORIGIN_CODE, "Write refused: it did not come from this board's own page", request.id));
    }
  });

  const providerDown = (request: FastifyRequest, reply: FastifyReply, error: unknown, returnTo: string) => {
    const failure = describeOidcError(error);
    request.log.warn({ signIn: 'discovery', code: failure.logCode }, 'sign-in provider unavailable');
    const message =
      failure.status === 502 ? failure.message : 'The sign-in provider could not be reached or is not set up correctly. Try again later.';
    return sendPage(reply, 502, 'Sign-in is unavailable', message, loginHref(returnTo));
  };

  const signInFailed = (request: FastifyRequest, reply: FastifyReply, failure: OidcFailure, returnTo: string) => {
    request.log.warn({ signIn: 'callback', code: failure.logCode }, 'sign-in failed');
    return sendPage(reply, failure.status, 'Sign-in did not work', failure.message, loginHref(returnTo));
  };

  app.get('/auth/login', async (request, reply) => {
    const returnTo = safeReturnTo(query(request).returnTo);
    if (request.user) return reply.header('cache-control', NO_STORE).redirect(returnTo, 303);
    let configuration: client.Configuration;
    try {
      configuration = await oidc.configuration();
    } catch (error) {
      return providerDown(request, reply, error, returnTo);
    }
    const state = client.randomState();
    const nonce = client.randomNonce();
    const verifier = client.randomPKCECodeVerifier();
    const challenge = await client.calculatePKCECodeChallenge(verifier);
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: config.redirectUri,
      scope: SCOPES,
      response_type: 'code',
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    reply.setCookie(loginCookie, sealer.sealLogin(loginCookie, { state, nonce, verifier, returnTo, t: now() }), {
      ...cookieBase,
      maxAge: LOGIN_TTL_MS / 1000,
    });
    return reply.header('cache-control', NO_STORE).redirect(url.href, 303);
  });

  app.get('/auth/callback', async (request, reply) => {
    // One use: the in-flight values go whatever happens next, so a replayed callback finds none.
    const login = sealer.openLogin(loginCookie, readCookie(app, request, loginCookie), now());
    reply.clearCookie(loginCookie, cookieBase);
    if (!login) {
      return sendPage(
        reply,
        400,
        'Sign-in did not work',
        'No sign-in is in progress in this browser: it expired, was already completed, or was started at another address. Sign in again.',
        '/auth/login',
      );
    }
    const q = request.url.indexOf('?');
    const search = q === -1 ? '' : request.url.slice(q);
    if (new URLSearchParams(search).get('state') !== login.state) {
      return sendPage(
        reply,
        400,
        'Sign-in did not work',
        'This sign-in response does not belong to the sign-in this browser started (it may come from another tab or an old link). Sign in again.',
        loginHref(login.returnTo),
      );
    }
    let configuration: client.Configuration;
    try {
      configuration = await oidc.configuration();
    } catch (error) {
      return providerDown(request, reply, error, login.returnTo);
    }
    const currentUrl = new URL(config.redirectUri);
    currentUrl.search = search;
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: login.verifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      return signInFailed(request, reply, describeOidcError(error), login.returnTo);
    }
    const claims = tokens.claims();
    if (!claims)
      return signInFailed(
        request,
        reply,
        { status: 400, message: 'The sign-in provider sent no ID token. Sign in again.', logCode: 'no_id_token' },
        login.returnTo,
      );
    let profile: Record<string, unknown> = { ...claims };
    const hasName = typeof claims.name === 'string' || typeof claims.preferred_username === 'string';
    if ((!hasName || typeof claims.email !== 'string') && configuration.serverMetadata().userinfo_endpoint && tokens.access_token) {
      try {
        profile = { ...(await client.fetchUserInfo(configuration, tokens.access_token, claims.sub)), ...profile };
      } catch (error) {
        request.log.warn(
          { signIn: 'userinfo', code: describeOidcError(error).logCode },
          'userinfo unavailable; signing in with the ID token claims',
        );
      }
    }
    const user = userFromClaims(claims.sub, profile);
    const at = now();
    const session: SessionData = { ...user, iat: at, seen: at };
    if (config.providerLogout && tokens.id_token) session.idt = tokens.id_token;
    setSession(reply, session, at);
    request.log.info({ signIn: 'ok', sub: user.sub }, 'signed in');
    return reply.header('cache-control', NO_STORE).redirect(safeReturnTo(login.returnTo), 303);
  });

  app.get('/auth/me', async (request, reply) => {
    reply.header('cache-control', NO_STORE);
    if (!request.user) return reply.code(401).send(errorEnvelope(AUTH_REQUIRED_CODE, 'Not signed in', request.id));
    return { name: request.user.name, email: request.user.email };
  });

  void app.register(async (scope) => {
    allowFormBody(scope);
    scope.post('/auth/logout', { bodyLimit: 1024 }, async (request, reply) => {
      reply.header('cache-control', NO_STORE);
      if (!isSameOriginWrite(request.headers, config.publicOrigin)) {
        return sendPage(
          reply,
          403,
          'Sign-out refused',
          "This sign-out request did not come from the board's own page.",
          '/',
          'Open the board',
        );
      }
      const session = sessions.get(request);
      reply.clearCookie(sessionCookie, cookieBase);
      reply.clearCookie(loginCookie, cookieBase);
      let location = '/';
      if (config.providerLogout) {
        try {
          const configuration = await oidc.configuration();
          if (configuration.serverMetadata().end_session_endpoint) {
            const parameters: Record<string, string> = { post_logout_redirect_uri: config.postLogoutRedirectUri };
            if (session?.idt) parameters.id_token_hint = session.idt;
            location = client.buildEndSessionUrl(configuration, parameters).href;
          }
        } catch (error) {
          request.log.warn(
            { signIn: 'logout', code: describeOidcError(error).logCode },
            'provider logout unavailable; signed out of the board only',
          );
        }
      }
      if (request.user) request.log.info({ signIn: 'logout', sub: request.user.sub }, 'signed out');
      if (request.headers[APP_REQUEST_HEADER] === APP_REQUEST_HEADER_VALUE) {
        return { result: true, errorCode: null, errorDesc: null, requestId: request.id, data: { redirectTo: location }, message: null };
      }
      return reply.redirect(location, 303);
    });
  });
}

const claimString = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);

/** Name and email from the ID token (and userinfo) claims; an email the provider marks unverified is not used. */
function userFromClaims(sub: string, claims: Record<string, unknown>): AuthUser {
  const email = claims.email_verified === false ? null : claimString(claims.email);
  const name = claimString(claims.name) ?? claimString(claims.preferred_username) ?? email ?? sub;
  return { sub, name, email };
}
