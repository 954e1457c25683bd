import { describe, expect, it } from 'vitest';
import { BackendConfigError, resolveBackend } from './backend.ts';

const KEY = 'a1b2c3d4-secret-key';

function errorOf(env: Record<string, string | undefined>): BackendConfigError {
  try {
    resolveBackend(env);
  } catch (error) {
    expect(error).toBeInstanceOf(BackendConfigError);
    const e = error as BackendConfigError;
    expect(e.name).toBe('BackendConfigError');
    expect(e.message).not.toContain(KEY);
    return e;
  }
  throw new Error('expected resolveBackend to throw');
}

describe('resolveBackend', () => {
  it('uses the sandbox when nothing is set', () => {
    expect(resolveBackend({})).toEqual({ kind: 'sandbox' });
    expect(resolveBackend({ GAINSIGHT_DOMAIN: undefined, PATH: '/usr/bin' })).toEqual({ kind: 'sandbox' });
  });

  it('builds the tenant URL from GAINSIGHT_DOMAIN', () => {
    expect(resolveBackend({ GAINSIGHT_DOMAIN: 'acme', GAINSIGHT_ACCESS_KEY: KEY })).toEqual({
      kind: 'tenant',
      target: 'https://acme.gainsightcloud.com/v1',
      accessKey: KEY,
      label: 'Gainsight tenant acme (https://acme.gainsightcloud.com/v1)',
    });
  });

  it('accepts hyphens and digits in the domain and lower-cases it', () => {
    const backend = resolveBackend({ GAINSIGHT_DOMAIN: 'Acme-EU2', GAINSIGHT_ACCESS_KEY: KEY });
    expect(backend).toMatchObject({ target: 'https://acme-eu2.gainsightcloud.com/v1' });
  });

  it('uses GAINSIGHT_BASE_URL as given, keeping its path and dropping a trailing slash', () => {
    expect(resolveBackend({ GAINSIGHT_BASE_URL: 'https://gs.example.com/api/v1/', GAINSIGHT_ACCESS_KEY: KEY })).toEqual({
      kind: 'tenant',
      target: 'https://gs.example.com/api/v1',
      accessKey: KEY,
      label: 'Gainsight API (https://gs.example.com/api/v1)',
    });
    expect(resolveBackend({ GAINSIGHT_BASE_URL: 'http://localhost:4010', GAINSIGHT_ACCESS_KEY: KEY })).toMatchObject({
      target: 'http://localhost:4010',
    });
  });

  it('never puts the key in the label', () => {
    const backend = resolveBackend({ GAINSIGHT_DOMAIN: 'acme', GAINSIGHT_ACCESS_KEY: KEY });
    expect(backend.kind === 'tenant' && backend.label).not.toContain(KEY);
  });

  describe('a domain that is not a single DNS label', () => {
    it('a full host name', () => {
      expect(errorOf({ GAINSIGHT_DOMAIN: 'acme.gainsightcloud.com', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(
        'GAINSIGHT_DOMAIN must be only your tenant\'s subdomain, without dots (e.g. GAINSIGHT_DOMAIN=acme for https://acme.gainsightcloud.com); got "acme.gainsightcloud.com". For another host, set GAINSIGHT_BASE_URL instead.',
      );
    });

    it('a URL', () => {
      expect(errorOf({ GAINSIGHT_DOMAIN: 'https://acme', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(
        'GAINSIGHT_DOMAIN must be only your tenant\'s subdomain, not a URL (e.g. GAINSIGHT_DOMAIN=acme for https://acme.gainsightcloud.com); got "https://acme". To give a full URL, set GAINSIGHT_BASE_URL instead.',
      );
    });

    it('a space or another character a host name cannot have', () => {
      const message =
        'GAINSIGHT_DOMAIN must be a single DNS label: letters, digits and hyphens, no spaces, not starting or ending with a hyphen, at most 63 characters (e.g. GAINSIGHT_DOMAIN=acme for https://acme.gainsightcloud.com); got "a b".';
      expect(errorOf({ GAINSIGHT_DOMAIN: 'a b', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(message);
      expect(errorOf({ GAINSIGHT_DOMAIN: '-acme', GAINSIGHT_ACCESS_KEY: KEY }).message).toContain('got "-acme"');
      expect(errorOf({ GAINSIGHT_DOMAIN: 'acme_corp', GAINSIGHT_ACCESS_KEY: KEY }).message).toContain('single DNS label');
      expect(errorOf({ GAINSIGHT_DOMAIN: 'a'.repeat(64), GAINSIGHT_ACCESS_KEY: KEY }).message).toContain('at most 63');
    });

    it('empty', () => {
      expect(errorOf({ GAINSIGHT_DOMAIN: '', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(
        "GAINSIGHT_DOMAIN is empty: set it to your tenant's subdomain (e.g. GAINSIGHT_DOMAIN=acme for https://acme.gainsightcloud.com), or remove it to use the local sandbox.",
      );
    });
  });

  describe('a base URL that is not an http(s) URL', () => {
    it('not a URL', () => {
      expect(errorOf({ GAINSIGHT_BASE_URL: 'acme.gainsightcloud.com/v1', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(
        'GAINSIGHT_BASE_URL is not a URL: "acme.gainsightcloud.com/v1". Give an absolute http(s) URL (e.g. GAINSIGHT_BASE_URL=https://acme.gainsightcloud.com/v1).',
      );
    });

    it('another scheme', () => {
      expect(errorOf({ GAINSIGHT_BASE_URL: 'ftp://gs.example.com/v1', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(
        'GAINSIGHT_BASE_URL must be an http or https URL; got "ftp" (e.g. GAINSIGHT_BASE_URL=https://acme.gainsightcloud.com/v1).',
      );
    });

    it('empty', () => {
      expect(errorOf({ GAINSIGHT_BASE_URL: '', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(
        "GAINSIGHT_BASE_URL is empty: set it to the API's base URL (e.g. GAINSIGHT_BASE_URL=https://acme.gainsightcloud.com/v1), or remove it to use the local sandbox.",
      );
    });

    it('with credentials, which the label would print', () => {
      expect(errorOf({ GAINSIGHT_BASE_URL: 'https://me:pw@gs.example.com/v1', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(
        'GAINSIGHT_BASE_URL must not contain a user name or password; put the access key in GAINSIGHT_ACCESS_KEY.',
      );
    });

    it('with a query or fragment, which paths cannot be appended to', () => {
      const message =
        'GAINSIGHT_BASE_URL must not have a ?query or #fragment, as API paths are appended to it (e.g. GAINSIGHT_BASE_URL=https://acme.gainsightcloud.com/v1).';
      expect(errorOf({ GAINSIGHT_BASE_URL: 'https://gs.example.com/v1?x=1', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(message);
      expect(errorOf({ GAINSIGHT_BASE_URL: 'https://gs.example.com/v1#top', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(message);
    });
  });

  it('refuses both GAINSIGHT_DOMAIN and GAINSIGHT_BASE_URL', () => {
    expect(errorOf({ GAINSIGHT_DOMAIN: 'acme', GAINSIGHT_BASE_URL: 'https://gs.example.com/v1', GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(
      'Both GAINSIGHT_DOMAIN and GAINSIGHT_BASE_URL are set; set only one: GAINSIGHT_DOMAIN for a *.gainsightcloud.com tenant, GAINSIGHT_BASE_URL for any other address.',
    );
  });

  describe('a tenant without a key', () => {
    it('domain, key not set', () => {
      expect(errorOf({ GAINSIGHT_DOMAIN: 'acme' }).message).toBe(
        "GAINSIGHT_DOMAIN is set but GAINSIGHT_ACCESS_KEY is not: set it to the tenant's REST API access key, or remove GAINSIGHT_DOMAIN to use the local sandbox.",
      );
    });

    it('base URL, key empty', () => {
      expect(errorOf({ GAINSIGHT_BASE_URL: 'https://gs.example.com/v1', GAINSIGHT_ACCESS_KEY: '' }).message).toBe(
        "GAINSIGHT_BASE_URL is set but GAINSIGHT_ACCESS_KEY is empty: set it to the tenant's REST API access key, or remove GAINSIGHT_BASE_URL to use the local sandbox.",
      );
    });
  });

  it('refuses a key that cannot go in an HTTP header, without printing it', () => {
    expect(errorOf({ GAINSIGHT_DOMAIN: 'acme', GAINSIGHT_ACCESS_KEY: `${KEY} x` }).message).toBe(
      'GAINSIGHT_ACCESS_KEY contains spaces or characters that cannot be sent in an HTTP header; copy the key again.',
    );
  });

  it('refuses a key with no tenant', () => {
    expect(errorOf({ GAINSIGHT_ACCESS_KEY: KEY }).message).toBe(
      'GAINSIGHT_ACCESS_KEY is set but neither GAINSIGHT_DOMAIN nor GAINSIGHT_BASE_URL is: set one of them to say which tenant the key is for (e.g. GAINSIGHT_DOMAIN=acme for https://acme.gainsightcloud.com), or remove it to use the local sandbox.',
    );
  });
});
