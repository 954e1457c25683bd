/**
 * Which backend the dev server's `/v1` proxy talks to, from the environment (the caller passes
 * Vite's `loadEnv(mode, root, '')`, i.e. .env files and the process environment):
 *
 * - `GAINSIGHT_DOMAIN=acme` + `GAINSIGHT_ACCESS_KEY`   -> https://acme.gainsightcloud.com/v1
 * - `GAINSIGHT_BASE_URL=https://host/path` + `GAINSIGHT_ACCESS_KEY` -> that URL
 * - none of the three                                  -> the local sandbox server
 *
 * A variable counts as set when it is defined, even if empty, so a half-filled .env is reported
 * instead of silently falling back to the sandbox. Messages never include the access key.
 */

export type Backend = { kind: 'tenant'; target: string; accessKey: string; label: string } | { kind: 'sandbox' };

export class BackendConfigError extends Error {
  override readonly name = 'BackendConfigError';
}

const DOMAIN = 'GAINSIGHT_DOMAIN';
const BASE_URL = 'GAINSIGHT_BASE_URL';
const ACCESS_KEY = 'GAINSIGHT_ACCESS_KEY';

const DOMAIN_EXAMPLE = `e.g. ${DOMAIN}=acme for https://acme.gainsightcloud.com`;
const BASE_URL_EXAMPLE = `e.g. ${BASE_URL}=https://acme.gainsightcloud.com/v1`;
const TO_USE_SANDBOX = `remove it to use the local sandbox`;

/** One DNS label: letters, digits and inner hyphens, 1 to 63 characters. */
const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Printable ASCII without spaces: what can go in an HTTP header value as it is. */
const HEADER_SAFE = /^[\x21-\x7e]+$/;

export function resolveBackend(env: Record<string, string | undefined>): Backend {
  const domain = env[DOMAIN];
  const baseUrl = env[BASE_URL];
  const accessKey = env[ACCESS_KEY];

  if (domain !== undefined && baseUrl !== undefined) {
    throw new BackendConfigError(
      `Both ${DOMAIN} and ${BASE_URL} are set; set only one: ${DOMAIN} for a *.gainsightcloud.com tenant, ${BASE_URL} for any other address.`,
    );
  }
  if (domain === undefined && baseUrl === undefined) {
    if (accessKey !== undefined) {
      throw new BackendConfigError(
        `${ACCESS_KEY} is set but neither ${DOMAIN} nor ${BASE_URL} is: set one of them to say which tenant the key is for (${DOMAIN_EXAMPLE}), or ${TO_USE_SANDBOX}.`,
      );
    }
    return { kind: 'sandbox' };
  }

  const tenant = domain !== undefined ? fromDomain(domain) : fromBaseUrl(baseUrl ?? '');

  checkAccessKey(accessKey, tenant.variable);
  return {
    kind: 'tenant',
    target: tenant.target,
    accessKey: accessKey ?? '',
    label: `${tenant.name} (${tenant.target})`,
  };
}

function fromDomain(domain: string) {
  const label = checkDomain(domain);
  return { target: `https://${label}.gainsightcloud.com/v1`, name: `Gainsight tenant ${label}`, variable: DOMAIN };
}

function fromBaseUrl(baseUrl: string) {
  return { target: checkBaseUrl(baseUrl), name: 'Gainsight API', variable: BASE_URL };
}

function checkDomain(domain: string): string {
  if (domain.trim() === '') {
    throw new BackendConfigError(`${DOMAIN} is empty: set it to your tenant's subdomain (${DOMAIN_EXAMPLE}), or ${TO_USE_SANDBOX}.`);
  }
  if (/[/:]/.test(domain)) {
    throw new BackendConfigError(
      `${DOMAIN} must be only your tenant's subdomain, not a URL (${DOMAIN_EXAMPLE}); got ${JSON.stringify(domain)}. To give a full URL, set ${BASE_URL} instead.`,
    );
  }
  if (domain.includes('.')) {
    throw new BackendConfigError(
      `${DOMAIN} must be only your tenant's subdomain, without dots (${DOMAIN_EXAMPLE}); got ${JSON.stringify(domain)}. For another host, set ${BASE_URL} instead.`,
    );
  }
  if (!DNS_LABEL.test(domain)) {
    throw new BackendConfigError(
      `${DOMAIN} must be a single DNS label: letters, digits and hyphens, no spaces, not starting or ending with a hyphen, at most 63 characters (${DOMAIN_EXAMPLE}); got ${JSON.stringify(domain)}.`,
    );
  }
  return domain.toLowerCase();
}

function checkBaseUrl(raw: string): string {
  if (raw.trim() === '') {
    throw new BackendConfigError(`${BASE_URL} is empty: set it to the API's base URL (${BASE_URL_EXAMPLE}), or ${TO_USE_SANDBOX}.`);
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new BackendConfigError(`${BASE_URL} is not a URL: ${JSON.stringify(raw)}. Give an absolute http(s) URL (${BASE_URL_EXAMPLE}).`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new BackendConfigError(
      `${BASE_URL} must be an http or https URL; got ${JSON.stringify(url.protocol.replace(/:$/, ''))} (${BASE_URL_EXAMPLE}).`,
    );
  }
  if (url.username !== '' || url.password !== '') {
    throw new BackendConfigError(`${BASE_URL} must not contain a user name or password; put the access key in ${ACCESS_KEY}.`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new BackendConfigError(`${BASE_URL} must not have a ?query or #fragment, as API paths are appended to it (${BASE_URL_EXAMPLE}).`);
  }
  return url.href.replace(/\/+$/, '');
}

function checkAccessKey(accessKey: string | undefined, variable: string): void {
  if (accessKey === undefined || accessKey.trim() === '') {
    throw new BackendConfigError(
      `${variable} is set but ${ACCESS_KEY} is ${accessKey === undefined ? 'not' : 'empty'}: set it to the tenant's REST API access key, or remove ${variable} to use the local sandbox.`,
    );
  }
  if (!HEADER_SAFE.test(accessKey)) {
    throw new BackendConfigError(`${ACCESS_KEY} contains spaces or characters that cannot be sent in an HTTP header; copy the key again.`);
  }
}
