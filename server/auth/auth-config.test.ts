import { describe, expect, it } from 'vitest';
import { AuthConfigError, checkExposure, isLoopbackHost, parseAllowAnonymous, resolveAuthConfig, type AuthConfig } from './auth-config.ts';

const CLIENT_SECRET = 'client-secret-do-not-print';
const SESSION_SECRET = 'session-secret-0123456789-abcdefghij';
const FULL = {
  OIDC_ISSUER: 'https://acme.okta.com',
  OIDC_CLIENT_ID: 'cockpit-board',
  OIDC_CLIENT_SECRET: CLIENT_SECRET,
  PUBLIC_URL: 'https://board.acme.com',
  SESSION_SECRET,
};

function errorOf(env: Record<string, string | undefined>): AuthConfigError {
  try {
    resolveAuthConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthConfigError);
    const e = error as AuthConfigError;
    expect(e.message).not.toContain(CLIENT_SECRET);
    expect(e.message).not.toContain(SESSION_SECRET);
    return e;
  }
  throw new Error('expected resolveAuthConfig to throw');
}

describe('resolveAuthConfig', () => {
  it('is off when nothing is set, and PUBLIC_URL alone does not turn it on', () => {
    expect(resolveAuthConfig({})).toEqual({ kind: 'off' });
    // Without sign-in, PUBLIC_URL still names the address the server hands out (the calendar feed's).
    expect(resolveAuthConfig({ PATH: '/usr/bin', PUBLIC_URL: 'https://board.acme.com/' })).toEqual({
      kind: 'off',
      publicOrigin: 'https://board.acme.com',
    });
    expect(resolveAuthConfig({ PUBLIC_URL: '  ' })).toEqual({ kind: 'off' });
    expect(() => resolveAuthConfig({ PUBLIC_URL: 'https://board.acme.com/cockpit' })).toThrow(
      /^PUBLIC_URL must be the server's origin only/,
    );
  });

  it('reads a full configuration with the defaults', () => {
    const config = resolveAuthConfig(FULL);
    expect(config).toMatchObject({
      kind: 'oidc',
      clientId: 'cockpit-board',
      publicOrigin: 'https://board.acme.com',
      redirectUri: 'https://board.acme.com/auth/callback',
      postLogoutRedirectUri: 'https://board.acme.com/',
      idleMs: 60 * 60_000,
      maxAgeMs: 12 * 3_600_000,
      secureCookies: true,
      providerLogout: false,
      clientAuth: 'auto',
      insecureIssuer: false,
    });
    if (config.kind !== 'oidc') throw new Error('expected oidc');
    expect(config.issuer.href).toBe('https://acme.okta.com/');
    expect(config.clientSecret).toBe(CLIENT_SECRET);
    expect(config.sessionSecret).toBe(SESSION_SECRET);
  });

  it('keeps the secrets out of JSON and of enumeration', () => {
    const config = resolveAuthConfig(FULL);
    const text = JSON.stringify(config);
    expect(text).not.toContain(CLIENT_SECRET);
    expect(text).not.toContain(SESSION_SECRET);
    expect(Object.keys(config)).not.toContain('clientSecret');
  });

  it('reads the session limits, logout mode and client authentication', () => {
    const config = resolveAuthConfig({
      ...FULL,
      SESSION_IDLE_MIN: '15',
      SESSION_MAX_HOURS: '8',
      OIDC_LOGOUT: 'provider',
      OIDC_CLIENT_AUTH: 'post',
    });
    expect(config).toMatchObject({ idleMs: 15 * 60_000, maxAgeMs: 8 * 3_600_000, providerLogout: true, clientAuth: 'post' });
  });

  it('drops a trailing slash from PUBLIC_URL and allows http (no Secure cookies then)', () => {
    expect(resolveAuthConfig({ ...FULL, PUBLIC_URL: 'http://board.lan:8080/' })).toMatchObject({
      publicOrigin: 'http://board.lan:8080',
      redirectUri: 'http://board.lan:8080/auth/callback',
      secureCookies: false,
    });
  });

  it('allows an http issuer only on a loopback host', () => {
    expect(resolveAuthConfig({ ...FULL, OIDC_ISSUER: 'http://127.0.0.1:9000' })).toMatchObject({ insecureIssuer: true });
    expect(errorOf({ ...FULL, OIDC_ISSUER: 'http://idp.acme.com' }).message).toMatch(/OIDC_ISSUER must be an https URL/);
  });

  it('reports a partial configuration, naming what is missing and what is set', () => {
    const e = errorOf({ OIDC_ISSUER: 'https://acme.okta.com', SESSION_SECRET });
    expect(e.message).toContain('OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL are not set');
    expect(e.message).toContain('while OIDC_ISSUER, SESSION_SECRET are');
    expect(errorOf({ ...FULL, PUBLIC_URL: undefined }).message).toMatch(/PUBLIC_URL is not set/);
    expect(errorOf({ ...FULL, OIDC_CLIENT_ID: '  ' }).message).toMatch(/OIDC_CLIENT_ID is not set \(or empty\)/);
  });

  it('treats an empty variable as set (a half-filled .env is reported)', () => {
    expect(errorOf({ OIDC_ISSUER: '' }).message).toMatch(/half configured/);
  });

  it('refuses sign-in-only variables without sign-in', () => {
    expect(errorOf({ SESSION_IDLE_MIN: '30' }).message).toMatch(/SESSION_IDLE_MIN is set but sign-in is not configured/);
    expect(errorOf({ OIDC_LOGOUT: 'provider' }).message).toMatch(/OIDC_LOGOUT is set/);
  });

  it('refuses malformed URLs, naming the variable', () => {
    expect(errorOf({ ...FULL, OIDC_ISSUER: 'acme.okta.com' }).message).toMatch(/^OIDC_ISSUER is not a URL/);
    expect(errorOf({ ...FULL, OIDC_ISSUER: 'ftp://acme.okta.com' }).message).toMatch(/^OIDC_ISSUER must be an https URL/);
    expect(errorOf({ ...FULL, OIDC_ISSUER: 'https://acme.okta.com?x=1' }).message).toMatch(/^OIDC_ISSUER must not have a \?query/);
    expect(errorOf({ ...FULL, PUBLIC_URL: 'board.acme.com' }).message).toMatch(/^PUBLIC_URL is not a URL/);
    expect(errorOf({ ...FULL, PUBLIC_URL: 'https://board.acme.com/cockpit' }).message).toMatch(
      /^PUBLIC_URL must be the server's origin only/,
    );
    expect(errorOf({ ...FULL, PUBLIC_URL: 'https://u:p@board.acme.com' }).message).toMatch(/^PUBLIC_URL must not contain a user name/);
  });

  it('refuses a short session secret, saying how long and how to make one', () => {
    const e = errorOf({ ...FULL, SESSION_SECRET: 'short-secret' });
    expect(e.message).toMatch(/^SESSION_SECRET is too short \(12 characters\): .* at least 32 characters/);
    expect(e.message).toContain('openssl rand');
  });

  it('refuses a session secret equal to the client secret', () => {
    const same = 'x'.repeat(40);
    expect(() => resolveAuthConfig({ ...FULL, OIDC_CLIENT_SECRET: same, SESSION_SECRET: same })).toThrow(
      /SESSION_SECRET must not be the same as OIDC_CLIENT_SECRET/,
    );
  });

  it('refuses bad session limits', () => {
    expect(errorOf({ ...FULL, SESSION_IDLE_MIN: 'ten' }).message).toMatch(
      /^SESSION_IDLE_MIN must be a whole number of minutes from 1 to 1440/,
    );
    expect(errorOf({ ...FULL, SESSION_IDLE_MIN: '0' }).message).toMatch(/^SESSION_IDLE_MIN must be from 1 to 1440/);
    expect(errorOf({ ...FULL, SESSION_MAX_HOURS: '1.5' }).message).toMatch(/^SESSION_MAX_HOURS must be a whole number of hours/);
    expect(errorOf({ ...FULL, SESSION_MAX_HOURS: '1000' }).message).toMatch(/^SESSION_MAX_HOURS must be from 1 to 720/);
    expect(errorOf({ ...FULL, SESSION_IDLE_MIN: '120', SESSION_MAX_HOURS: '1' }).message).toMatch(/idle limit must fit/);
  });

  it('refuses unknown OIDC_LOGOUT and OIDC_CLIENT_AUTH values', () => {
    expect(errorOf({ ...FULL, OIDC_LOGOUT: 'yes' }).message).toMatch(/^OIDC_LOGOUT must be "local"/);
    expect(errorOf({ ...FULL, OIDC_CLIENT_AUTH: 'jwt' }).message).toMatch(/^OIDC_CLIENT_AUTH must be "basic"/);
  });

  it('refuses a client id with spaces', () => {
    expect(errorOf({ ...FULL, OIDC_CLIENT_ID: 'cockpit board' }).message).toMatch(/^OIDC_CLIENT_ID contains spaces/);
  });
});

describe('parseAllowAnonymous', () => {
  it('reads 1/true/0/false/empty and refuses anything else', () => {
    expect(parseAllowAnonymous({})).toBe(false);
    expect(parseAllowAnonymous({ ALLOW_ANONYMOUS: '' })).toBe(false);
    expect(parseAllowAnonymous({ ALLOW_ANONYMOUS: '0' })).toBe(false);
    expect(parseAllowAnonymous({ ALLOW_ANONYMOUS: 'false' })).toBe(false);
    expect(parseAllowAnonymous({ ALLOW_ANONYMOUS: '1' })).toBe(true);
    expect(parseAllowAnonymous({ ALLOW_ANONYMOUS: 'TRUE' })).toBe(true);
    expect(() => parseAllowAnonymous({ ALLOW_ANONYMOUS: 'yes' })).toThrow(/^ALLOW_ANONYMOUS must be 1/);
  });
});

describe('isLoopbackHost', () => {
  it.each(['127.0.0.1', '127.1.2.3', '::1', '[::1]', '0:0:0:0:0:0:0:1', '::ffff:127.0.0.1', 'localhost', 'LOCALHOST'])(
    '%s is loopback',
    (host) => {
      expect(isLoopbackHost(host)).toBe(true);
    },
  );
  it.each([
    '0.0.0.0',
    '::',
    '',
    '192.168.1.10',
    '10.0.0.1',
    '128.0.0.1',
    '::ffff:10.0.0.1',
    'board.acme.com',
    'localhost.acme.com',
    '127.0.0.1.nip.io',
  ])('%j is not loopback', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});

describe('checkExposure', () => {
  const oidc = resolveAuthConfig(FULL);
  const off: AuthConfig = { kind: 'off' };

  it('starts on loopback without sign-in (npm start stays zero-config)', () => {
    expect(checkExposure({ host: '127.0.0.1', tenantConfigured: true, auth: off, allowAnonymous: false })).toEqual({
      start: true,
      warning: null,
    });
    expect(checkExposure({ host: 'localhost', tenantConfigured: true, auth: off, allowAnonymous: false })).toEqual({
      start: true,
      warning: null,
    });
  });

  it('starts on the network with the sandbox (no tenant data)', () => {
    expect(checkExposure({ host: '0.0.0.0', tenantConfigured: false, auth: off, allowAnonymous: false })).toEqual({
      start: true,
      warning: null,
    });
  });

  it('starts on the network with sign-in', () => {
    expect(checkExposure({ host: '0.0.0.0', tenantConfigured: true, auth: oidc, allowAnonymous: false })).toEqual({
      start: true,
      warning: null,
    });
  });

  it('refuses a tenant on the network without sign-in, saying what to set', () => {
    for (const host of ['0.0.0.0', '::', '', '192.168.1.10', 'board.acme.com']) {
      const verdict = checkExposure({ host, tenantConfigured: true, auth: off, allowAnonymous: false });
      expect(verdict.start).toBe(false);
      if (verdict.start) continue;
      expect(verdict.message).toContain('Refusing to serve the Gainsight tenant');
      expect(verdict.message).toContain('OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL and SESSION_SECRET');
      expect(verdict.message).toContain('HOST=127.0.0.1');
      expect(verdict.message).toContain('ALLOW_ANONYMOUS=1');
    }
  });

  it('lets ALLOW_ANONYMOUS=1 override, with a warning for the log', () => {
    const verdict = checkExposure({ host: '0.0.0.0', tenantConfigured: true, auth: off, allowAnonymous: true });
    expect(verdict.start).toBe(true);
    if (!verdict.start) return;
    expect(verdict.warning).toMatch(/^ALLOW_ANONYMOUS=1: serving the Gainsight tenant on "0.0.0.0" without sign-in/);
  });

  it('warns that ALLOW_ANONYMOUS has no effect with sign-in configured', () => {
    const verdict = checkExposure({ host: '0.0.0.0', tenantConfigured: true, auth: oidc, allowAnonymous: true });
    expect(verdict).toMatchObject({ start: true, warning: expect.stringMatching(/has no effect/) });
  });
});
