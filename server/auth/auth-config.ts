/**
 * Sign-in configuration, read from the environment (the caller passes an env record, e.g.
 * `process.env` merged with .env files), and the start-up exposure check.
 *
 * Sign-in is on when any of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET or SESSION_SECRET is
 * set, and then all of them and PUBLIC_URL must be set and valid. PUBLIC_URL alone does not turn
 * sign-in on (other parts of the server may use it). As in config/backend.ts, a variable counts as
 * set when it is defined, even if empty, so a half-filled .env is reported instead of silently
 * running without sign-in. Messages never include a secret.
 */
import { isIPv4, isIPv6 } from 'node:net';

export interface OidcAuthConfig {
  kind: 'oidc';
  /** The provider's issuer identifier (discovery reads `${issuer}/.well-known/openid-configuration`). */
  issuer: URL;
  clientId: string;
  /** Not enumerable: JSON.stringify and console.log of the config leave it out. */
  clientSecret: string;
  /** The origin the browser uses for this server, e.g. `https://board.acme.com` (no trailing slash). */
  publicOrigin: string;
  /** `${publicOrigin}/auth/callback`: register it at the provider. */
  redirectUri: string;
  /** Where the provider sends the browser after a provider sign-out: `${publicOrigin}/`. */
  postLogoutRedirectUri: string;
  /** Not enumerable. At least 32 characters; the cookie keys are derived from it. */
  sessionSecret: string;
  /** Session ends after this long without a request (sliding). */
  idleMs: number;
  /** Session ends this long after sign-in, whatever the activity. */
  maxAgeMs: number;
  /** Cookies get `Secure` (and the `__Host-` prefix) when PUBLIC_URL is https. */
  secureCookies: boolean;
  /** OIDC_LOGOUT=provider: /auth/logout also ends the session at the provider (RP-initiated logout). */
  providerLogout: boolean;
  /** How the client secret goes to the token endpoint: `auto` = client_secret_basic unless the provider lists only client_secret_post. */
  clientAuth: 'auto' | 'basic' | 'post';
  /** http issuer on a loopback host (local testing only): openid-client's HTTPS-only rule is lifted. */
  insecureIssuer: boolean;
}

/**
 * Sign-in off. `publicOrigin` is PUBLIC_URL's origin when it is set (behind a reverse proxy, the
 * address people open): addresses the server hands out (the calendar feed's) use it.
 */
interface NoAuthConfig {
  kind: 'off';
  publicOrigin?: string;
}

export type AuthConfig = NoAuthConfig | OidcAuthConfig;

export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';
}

const SESSION_IDLE_MIN_DEFAULT = 60;
const SESSION_MAX_HOURS_DEFAULT = 12;
const SESSION_SECRET_MIN_LENGTH = 32;

const REQUIRED = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PUBLIC_URL', 'SESSION_SECRET'] as const;
/** Any of these set means "the operator wants sign-in". */
const TURNS_ON = ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'SESSION_SECRET'] as const;
/** Only meaningful with sign-in on. */
const SIGN_IN_ONLY = ['SESSION_IDLE_MIN', 'SESSION_MAX_HOURS', 'OIDC_LOGOUT', 'OIDC_CLIENT_AUTH'] as const;

const SECRET_HINT = `e.g. the output of \`openssl rand -base64 48\``;

type Env = Record<string, string | undefined>;

export function resolveAuthConfig(env: Env): AuthConfig {
  const on = TURNS_ON.filter((name) => env[name] !== undefined);
  if (on.length === 0) {
    const stray = SIGN_IN_ONLY.find((name) => env[name] !== undefined);
    if (stray) {
      throw new AuthConfigError(
        `${stray} is set but sign-in is not configured: set ${REQUIRED.join(', ')} to turn sign-in on, or remove ${stray}.`,
      );
    }
    const publicUrl = env.PUBLIC_URL?.trim();
    return publicUrl ? { kind: 'off', publicOrigin: parsePublicUrl(publicUrl).origin } : { kind: 'off' };
  }
  const missing = REQUIRED.filter((name) => env[name] === undefined || env[name].trim() === '');
  if (missing.length > 0) {
    throw new AuthConfigError(
      `Sign-in is half configured: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not set (or empty) while ${on.join(', ')} ${on.length === 1 ? 'is' : 'are'}. ` +
        `Set all of ${REQUIRED.join(', ')} to turn sign-in on (see server/auth/README.md), or remove ${on.join(', ')} to run without sign-in.`,
    );
  }

  const issuer = parseIssuer(env.OIDC_ISSUER!.trim());
  const publicUrl = parsePublicUrl(env.PUBLIC_URL!.trim());
  const clientId = env.OIDC_CLIENT_ID!.trim();
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\s\x00-\x1f\x7f]/.test(clientId)) {
    throw new AuthConfigError(`OIDC_CLIENT_ID contains spaces or control characters; copy the client id from the provider again.`);
  }
  const clientSecret = env.OIDC_CLIENT_SECRET!;
  const sessionSecret = env.SESSION_SECRET!;
  if (sessionSecret.length < SESSION_SECRET_MIN_LENGTH) {
    throw new AuthConfigError(
      `SESSION_SECRET is too short (${sessionSecret.length} characters): set it to a random string of at least ${SESSION_SECRET_MIN_LENGTH} characters, ${SECRET_HINT}.`,
    );
  }
  if (sessionSecret === clientSecret) {
    throw new AuthConfigError(
      `SESSION_SECRET must not be the same as OIDC_CLIENT_SECRET: set it to its own random string, ${SECRET_HINT}.`,
    );
  }
  const idleMin = parseWhole(env, 'SESSION_IDLE_MIN', SESSION_IDLE_MIN_DEFAULT, 1, 24 * 60, 'minutes');
  const maxHours = parseWhole(env, 'SESSION_MAX_HOURS', SESSION_MAX_HOURS_DEFAULT, 1, 30 * 24, 'hours');
  if (idleMin > maxHours * 60) {
    throw new AuthConfigError(
      `SESSION_IDLE_MIN (${idleMin} minutes) is longer than SESSION_MAX_HOURS (${maxHours} hours): the idle limit must fit in the absolute one; lower SESSION_IDLE_MIN or raise SESSION_MAX_HOURS.`,
    );
  }
  const logout = env.OIDC_LOGOUT?.trim().toLowerCase() ?? 'local';
  if (logout !== 'local' && logout !== 'provider') {
    throw new AuthConfigError(
      `OIDC_LOGOUT must be "local" (sign out of the board only, the default) or "provider" (also end the session at the identity provider); got ${JSON.stringify(env.OIDC_LOGOUT)}.`,
    );
  }
  const clientAuth = env.OIDC_CLIENT_AUTH?.trim().toLowerCase() || 'auto';
  if (clientAuth !== 'auto' && clientAuth !== 'basic' && clientAuth !== 'post') {
    throw new AuthConfigError(
      `OIDC_CLIENT_AUTH must be "basic" (client_secret_basic) or "post" (client_secret_post), as registered at the provider; remove it to choose from the provider's metadata. Got ${JSON.stringify(env.OIDC_CLIENT_AUTH)}.`,
    );
  }

  const config = {
    kind: 'oidc',
    issuer,
    clientId,
    publicOrigin: publicUrl.origin,
    redirectUri: `${publicUrl.origin}/auth/callback`,
    postLogoutRedirectUri: `${publicUrl.origin}/`,
    idleMs: idleMin * 60_000,
    maxAgeMs: maxHours * 3_600_000,
    secureCookies: publicUrl.protocol === 'https:',
    providerLogout: logout === 'provider',
    clientAuth,
    insecureIssuer: issuer.protocol === 'http:',
  } as OidcAuthConfig;
  Object.defineProperty(config, 'clientSecret', { value: clientSecret, enumerable: false });
  Object.defineProperty(config, 'sessionSecret', { value: sessionSecret, enumerable: false });
  return config;
}

/** ALLOW_ANONYMOUS: unset, "", "0" or "false" = no; "1" or "true" = yes; anything else is an error. */
export function parseAllowAnonymous(env: Env): boolean {
  const raw = env.ALLOW_ANONYMOUS?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false') return false;
  if (raw === '1' || raw === 'true') return true;
  throw new AuthConfigError(
    `ALLOW_ANONYMOUS must be 1 (or true) to allow use without sign-in, or 0; got ${JSON.stringify(env.ALLOW_ANONYMOUS)}.`,
  );
}

function parseUrl(name: string, raw: string, example: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AuthConfigError(`${name} is not a URL: ${JSON.stringify(raw)}. Give an absolute https URL (${example}).`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AuthConfigError(`${name} must be an https URL; got ${JSON.stringify(url.protocol.replace(/:$/, ''))} (${example}).`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new AuthConfigError(`${name} must not contain a user name or password (${example}).`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new AuthConfigError(`${name} must not have a ?query or #fragment (${example}).`);
  }
  return url;
}

function parseIssuer(raw: string): URL {
  const example = 'e.g. OIDC_ISSUER=https://acme.okta.com or https://login.microsoftonline.com/<tenant-id>/v2.0';
  const url = parseUrl('OIDC_ISSUER', raw, example);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new AuthConfigError(
      `OIDC_ISSUER must be an https URL (http is accepted only for a provider on this machine, for testing); got ${JSON.stringify(raw)} (${example}).`,
    );
  }
  return url;
}

function parsePublicUrl(raw: string): URL {
  const example = 'e.g. PUBLIC_URL=https://board.acme.com, the address people open in their browser';
  const url = parseUrl('PUBLIC_URL', raw, example);
  if (url.pathname !== '/') {
    throw new AuthConfigError(
      `PUBLIC_URL must be the server's origin only, without a path (the board is served at the root); got ${JSON.stringify(raw)} (${example}).`,
    );
  }
  return url;
}

function parseWhole(env: Env, name: string, fallback: number, min: number, max: number, unit: string): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) {
    throw new AuthConfigError(
      `${name} must be a whole number of ${unit} from ${min} to ${max}; got ${JSON.stringify(raw)}. Remove it for the default (${fallback}).`,
    );
  }
  const value = Number(raw.trim());
  if (value < min || value > max) {
    throw new AuthConfigError(`${name} must be from ${min} to ${max} ${unit}; got ${value}. Remove it for the default (${fallback}).`);
  }
  return value;
}

/**
 * True for a listen address that only this machine can reach: 127.0.0.0/8, ::1 (also written
 * [::1] or as IPv4-mapped ::ffff:127.x.x.x) and `localhost`. Everything else, including
 * 0.0.0.0, ::, an empty string (all interfaces) and any host name, is not loopback.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost' || h === 'localhost.') return true;
  if (isIPv4(h)) return h.startsWith('127.');
  if (isIPv6(h)) {
    if (h === '::1' || /^0{0,4}(:0{0,4}){6}:0{0,3}1$/.test(h)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(h);
    return mapped !== null && isIPv4(mapped[1]!) && mapped[1]!.startsWith('127.');
  }
  return false;
}

export interface ExposureInput {
  /** The address the server listens on (HOST, after defaults). */
  host: string;
  /** A real Gainsight tenant is configured (not the sandbox). */
  tenantConfigured: boolean;
  auth: AuthConfig;
  /** ALLOW_ANONYMOUS, see parseAllowAnonymous. */
  allowAnonymous: boolean;
}

export type ExposureVerdict =
  /** Start; log `warning` (if not null) at warn level. */
  | { start: true; warning: string | null }
  /** Do not start: print `message` and exit non-zero. */
  | { start: false; message: string };

/**
 * Whether the server may start: a tenant reachable from the network without sign-in would let
 * anyone who can reach the server read and change every task with the tenant's key.
 */
export function checkExposure({ host, tenantConfigured, auth, allowAnonymous }: ExposureInput): ExposureVerdict {
  if (auth.kind === 'oidc') {
    return {
      start: true,
      warning: allowAnonymous
        ? 'ALLOW_ANONYMOUS is set but has no effect: sign-in is configured, so every API request needs a signed-in user. Remove ALLOW_ANONYMOUS.'
        : null,
    };
  }
  if (!tenantConfigured || isLoopbackHost(host)) return { start: true, warning: null };
  if (allowAnonymous) {
    return {
      start: true,
      warning:
        `ALLOW_ANONYMOUS=1: serving the Gainsight tenant on ${JSON.stringify(host)} without sign-in. ` +
        `Anyone who can reach this address can read and change every task with the tenant's access key. ` +
        `Set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL and SESSION_SECRET to require sign-in.`,
    };
  }
  return {
    start: false,
    message:
      `Refusing to serve the Gainsight tenant on ${JSON.stringify(host)} (reachable from other machines) without sign-in: ` +
      `anyone who can reach it could read and change every task with the tenant's access key. ` +
      `Set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, PUBLIC_URL and SESSION_SECRET to require sign-in (see server/auth/README.md), ` +
      `or HOST=127.0.0.1 to serve this machine only, or ALLOW_ANONYMOUS=1 to accept the risk (for a network you fully trust).`,
  };
}
