import { describe, expect, it } from 'vitest';
import { exposureVerdict, isLoopbackHost, mirrorOptionsOf, readSettings, SettingsError } from './settings.ts';

const tenant = { GAINSIGHT_DOMAIN: 'acme', GAINSIGHT_ACCESS_KEY: 'secret-key-1' };

describe('team server settings', () => {
  it('has defaults that need no configuration', () => {
    const s = readSettings({});
    expect(s).toMatchObject({
      host: '127.0.0.1',
      port: 8080,
      distDir: 'dist',
      backend: { kind: 'sandbox' },
      metricsToken: null,
      logLevel: 'info',
    });
    expect(s.budget).toEqual({ perMinute: 80, perDay: 80_000, instances: 1, maxWaitMs: 20_000 });
    expect(s.upstreamTimeoutMs).toBe(30_000);
  });

  it('divides the budget by the instance count', () => {
    const s = readSettings({ ...tenant, GAINSIGHT_BUDGET_PER_MIN: '90', GAINSIGHT_BUDGET_PER_DAY: '90000', GAINSIGHT_INSTANCES: '4' });
    expect(s.budget).toMatchObject({ perMinute: 22, perDay: 22_500, instances: 4 });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT must be the port to listen on, a whole number/],
    [{ PORT: '70000' }, /PORT must be the port to listen on, from 0 to 65535; got 70000/],
    [{ GAINSIGHT_BUDGET_PER_MIN: '150' }, /GAINSIGHT_BUDGET_PER_MIN .* from 1 to 100; got 150/],
    [{ GAINSIGHT_BUDGET_PER_MIN: '-5' }, /GAINSIGHT_BUDGET_PER_MIN .*a whole number/],
    [{ GAINSIGHT_BUDGET_PER_DAY: '0' }, /GAINSIGHT_BUDGET_PER_DAY .* from 1 to 100000; got 0/],
    [
      { GAINSIGHT_INSTANCES: '3', GAINSIGHT_BUDGET_PER_MIN: '2' },
      /GAINSIGHT_BUDGET_PER_MIN \(2\) must be at least GAINSIGHT_INSTANCES \(3\)/,
    ],
    [{ BUDGET_MAX_WAIT_S: '1.5' }, /BUDGET_MAX_WAIT_S/],
    [{ UPSTREAM_TIMEOUT_S: '0' }, /UPSTREAM_TIMEOUT_S/],
    [{ METRICS_TOKEN: 'short' }, /METRICS_TOKEN must be at least 16/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of/],
    [{ HOST: 'http://0.0.0.0' }, /HOST must be an address/],
    [{ GAINSIGHT_DOMAIN: 'acme' }, /GAINSIGHT_ACCESS_KEY is not/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => readSettings(env)).toThrow(SettingsError);
    expect(() => readSettings(env)).toThrow(message);
  });

  it('never puts the access key in a message', () => {
    try {
      readSettings({ ...tenant, GAINSIGHT_DOMAIN: 'a.b', GAINSIGHT_ACCESS_KEY: 'visible-key-zz' });
      expect.unreachable();
    } catch (e) {
      expect(String(e)).not.toContain('visible-key-zz');
    }
  });

  it('knows loopback hosts', () => {
    for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]']) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ['0.0.0.0', '::', '10.0.0.5', 'example.com', '128.0.0.1']) expect(isLoopbackHost(h), h).toBe(false);
  });
});

describe('team server settings: sign-in, ALLOW_ANONYMOUS and AUDIT_LOG', () => {
  const signIn = {
    OIDC_ISSUER: 'https://sso.acme.example',
    OIDC_CLIENT_ID: 'board',
    OIDC_CLIENT_SECRET: 'client-secret-value',
    PUBLIC_URL: 'https://board.acme.example',
    SESSION_SECRET: 'a-session-secret-of-more-than-32-characters',
  };

  it('has sign-in off, anonymous use on loopback only, and the audit on stdout by default', () => {
    const s = readSettings({});
    expect(s.auth).toEqual({ kind: 'off' });
    expect(s.allowAnonymous).toBe(false);
    expect(s.auditLog).toBeNull();
  });

  it('reads the sign-in configuration, ALLOW_ANONYMOUS and AUDIT_LOG', () => {
    const s = readSettings({ ...signIn, ALLOW_ANONYMOUS: '1', AUDIT_LOG: ' /var/log/board/audit.jsonl ' });
    expect(s.auth).toMatchObject({
      kind: 'oidc',
      clientId: 'board',
      publicOrigin: 'https://board.acme.example',
      redirectUri: 'https://board.acme.example/auth/callback',
    });
    expect(s.allowAnonymous).toBe(true);
    expect(s.auditLog).toBe('/var/log/board/audit.jsonl');
  });

  it.each([
    [{ OIDC_ISSUER: 'https://sso.acme.example' }, /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL, SESSION_SECRET are not set/],
    [{ ...signIn, SESSION_SECRET: 'short' }, /SESSION_SECRET is too short/],
    [{ ...signIn, PUBLIC_URL: 'board.acme.example' }, /PUBLIC_URL is not a URL/],
    [{ ALLOW_ANONYMOUS: 'yes' }, /ALLOW_ANONYMOUS must be 1/],
    [{ AUDIT_LOG: ' ' }, /AUDIT_LOG is empty/],
  ])('refuses %o with a SettingsError naming the variable', (env, message) => {
    expect(() => readSettings(env)).toThrow(SettingsError);
    expect(() => readSettings(env)).toThrow(message);
  });

  it('never puts a secret in a message', () => {
    try {
      readSettings({
        ...signIn,
        OIDC_CLIENT_SECRET: 'the-client-secret-zz-0123456789abcdef',
        SESSION_SECRET: 'the-client-secret-zz-0123456789abcdef',
      });
      expect.unreachable();
    } catch (e) {
      expect(String(e)).toMatch(/SESSION_SECRET must not be the same as OIDC_CLIENT_SECRET/);
      expect(String(e)).not.toContain('the-client-secret-zz');
    }
  });

  it('applies the start-up rule to the address listened on', () => {
    const open = readSettings({ ...tenant, HOST: '0.0.0.0' });
    const refused = exposureVerdict(open, open.host);
    expect(refused.start).toBe(false);
    expect(!refused.start && refused.message).toMatch(/Set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL and SESSION_SECRET/);
    expect(exposureVerdict(open, '127.0.0.1')).toEqual({ start: true, warning: null });
    expect(exposureVerdict(readSettings({ HOST: '0.0.0.0' }), '0.0.0.0')).toEqual({ start: true, warning: null }); // the sandbox
    expect(exposureVerdict(readSettings({ ...tenant, ...signIn }), '0.0.0.0')).toEqual({ start: true, warning: null });
    const anonymous = exposureVerdict(readSettings({ ...tenant, ALLOW_ANONYMOUS: '1' }), '10.0.0.5');
    expect(anonymous.start && anonymous.warning).toMatch(/ALLOW_ANONYMOUS=1: serving the Gainsight tenant on "10.0.0.5" without sign-in/);
  });
});

describe('team server settings: the mirror', () => {
  it('is on by default, in .cockpit/mirror.db, polling every 10 s, resyncing hourly, keeping 90 days of history', () => {
    expect(readSettings({}).mirror).toEqual({
      dbPath: '.cockpit/mirror.db',
      dbPathSet: false,
      pollSeconds: 10,
      resyncMinutes: 60,
      historyDays: 90,
    });
    expect(
      readSettings({
        GAINSIGHT_MIRROR: 'on',
        GAINSIGHT_MIRROR_DB: '/var/lib/cockpit/m.db',
        MIRROR_POLL_S: '5',
        MIRROR_RESYNC_MIN: '30',
        MIRROR_HISTORY_DAYS: '7',
      }).mirror,
    ).toEqual({
      dbPath: '/var/lib/cockpit/m.db',
      dbPathSet: true,
      pollSeconds: 5,
      resyncMinutes: 30,
      historyDays: 7,
    });
    expect(readSettings({ GAINSIGHT_MIRROR: 'off' }).mirror).toBeNull();
    expect(readSettings({ GAINSIGHT_MIRROR: 'OFF' }).mirror).toBeNull();
  });

  it.each([
    [{ GAINSIGHT_MIRROR: 'maybe' }, /GAINSIGHT_MIRROR must be on or off .*got "maybe"/],
    [{ MIRROR_POLL_S: '0' }, /MIRROR_POLL_S must be the seconds between delta syncs .* from 1 to 3600; got 0/],
    [{ MIRROR_POLL_S: 'fast' }, /MIRROR_POLL_S .*a whole number/],
    [{ MIRROR_RESYNC_MIN: '100000' }, /MIRROR_RESYNC_MIN .* from 1 to 10080/],
    [{ MIRROR_HISTORY_DAYS: '-1' }, /MIRROR_HISTORY_DAYS .*a whole number/],
    [{ GAINSIGHT_MIRROR_DB: 'a\u0001b' }, /GAINSIGHT_MIRROR_DB must be a file path/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => readSettings(env)).toThrow(SettingsError);
    expect(() => readSettings(env)).toThrow(message);
  });

  it('gives createTeamServer its mirror options: in memory against the built-in sandbox unless a file is named', () => {
    expect(mirrorOptionsOf(readSettings(tenant), 'tenant')).toEqual({
      dbPath: '.cockpit/mirror.db',
      pollSeconds: 10,
      resyncMinutes: 60,
      historyDays: 90,
    });
    expect(mirrorOptionsOf(readSettings({}), 'sandbox')).toMatchObject({ dbPath: ':memory:' });
    expect(mirrorOptionsOf(readSettings({ GAINSIGHT_MIRROR_DB: 'demo.db' }), 'sandbox')).toMatchObject({ dbPath: 'demo.db' });
    expect(mirrorOptionsOf(readSettings({ ...tenant, GAINSIGHT_MIRROR: 'off' }), 'tenant')).toBeUndefined();
  });
});
