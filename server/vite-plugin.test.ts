import { describe, expect, it } from 'vitest';
import { readSettings } from './settings.ts';
import { checkViteExposure, viteListenHost } from './vite-plugin.ts';

const tenant = { GAINSIGHT_DOMAIN: 'acme', GAINSIGHT_ACCESS_KEY: 'secret-key-1' };

describe('the start-up rule for npm start and npm run preview', () => {
  it("reads the address from Vite's host setting", () => {
    expect(viteListenHost(true)).toBe('0.0.0.0');
    expect(viteListenHost(undefined)).toBe('localhost');
    expect(viteListenHost(false)).toBe('localhost');
    expect(viteListenHost('192.168.1.20')).toBe('192.168.1.20');
  });

  it('stays zero-config on loopback, with the sandbox or a tenant', () => {
    expect(checkViteExposure(readSettings({}), '127.0.0.1')).toBeNull();
    expect(checkViteExposure(readSettings(tenant), '127.0.0.1')).toBeNull();
    expect(checkViteExposure(readSettings({}), true)).toBeNull();
  });

  it('refuses a tenant on every address (--host) without sign-in, saying what to set; ALLOW_ANONYMOUS=1 warns', () => {
    expect(() => checkViteExposure(readSettings(tenant), true)).toThrow(
      /Refusing to serve the Gainsight tenant on "0.0.0.0".*Set OIDC_ISSUER/,
    );
    expect(checkViteExposure(readSettings({ ...tenant, ALLOW_ANONYMOUS: '1' }), '0.0.0.0')).toMatch(/^ALLOW_ANONYMOUS=1/);
  });
});
