import { describe, expect, it } from 'vitest';
import { isLoopbackHost, readSettings, SettingsError } from './settings.ts';

const tenant = { GAINSIGHT_DOMAIN: 'acme', GAINSIGHT_ACCESS_KEY: 'secret-key-1' };

describe('team server settings', () => {
  it('has defaults that need no configuration', () => {
    const s = readSettings({});
    expect(s).toMatchObject({ host: '127.0.0.1', port: 8080, distDir: 'dist', backend: { kind: 'sandbox' }, metricsToken: null, logLevel: 'info' });
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
    [{ GAINSIGHT_INSTANCES: '3', GAINSIGHT_BUDGET_PER_MIN: '2' }, /GAINSIGHT_BUDGET_PER_MIN \(2\) must be at least GAINSIGHT_INSTANCES \(3\)/],
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
