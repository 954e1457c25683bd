/**
 * The relying party's view of the provider, through openid-client 6: discovery done lazily on
 * first use and retried on the next use after a failure (a provider that is down when the server
 * starts does not stop it), with concurrent first uses sharing one discovery request.
 */
import * as client from 'openid-client';
import type { OidcAuthConfig } from './auth-config.ts';

export interface OidcClientOptions {
  /** Seconds for each request to the provider (discovery, token, userinfo). Default 10. */
  timeoutSec?: number;
  /** A fetch for requests to the provider (tests). */
  fetch?: client.CustomFetch;
}

export const SCOPES = 'openid email profile';

export class OidcClient {
  readonly #auth: OidcAuthConfig;
  readonly #options: OidcClientOptions;
  #config: client.Configuration | null = null;
  #pending: Promise<client.Configuration> | null = null;

  constructor(auth: OidcAuthConfig, options: OidcClientOptions = {}) {
    this.#auth = auth;
    this.#options = options;
  }

  /** The discovered configuration; rejects (and is retried next call) when discovery fails. */
  configuration(): Promise<client.Configuration> {
    if (this.#config) return Promise.resolve(this.#config);
    if (!this.#pending) {
      this.#pending = this.#discover().then(
        (config) => {
          this.#config = config;
          this.#pending = null;
          return config;
        },
        (error: unknown) => {
          this.#pending = null;
          throw error;
        },
      );
    }
    return this.#pending;
  }

  async #discover(): Promise<client.Configuration> {
    const { issuer, clientId, clientSecret, insecureIssuer, clientAuth } = this.#auth;
    const options: client.DiscoveryRequestOptions = {
      timeout: this.#options.timeoutSec ?? 10,
      // http is allowed only for an issuer on a loopback host (checked by resolveAuthConfig).
      execute: insecureIssuer ? [client.allowInsecureRequests] : [],
    };
    if (this.#options.fetch) options[client.customFetch] = this.#options.fetch;
    const basic = client.ClientSecretBasic(clientSecret);
    const post = client.ClientSecretPost(clientSecret);
    // Picked per request from the provider's metadata: client_secret_basic is OpenID's default.
    const authenticate: client.ClientAuth = (as, meta, body, headers) => {
      const supported = as.token_endpoint_auth_methods_supported;
      const usePost =
        clientAuth === 'post' ||
        (clientAuth === 'auto' &&
          supported !== undefined &&
          !supported.includes('client_secret_basic') &&
          supported.includes('client_secret_post'));
      (usePost ? post : basic)(as, meta, body, headers);
    };
    return client.discovery(issuer, clientId, undefined, authenticate, options);
  }
}

export interface OidcFailure {
  /** 400: this sign-in cannot go on (refused, expired, forged); 502: the provider failed or is misconfigured. */
  status: 400 | 502;
  /** For the person signing in; says what to do. */
  message: string;
  /** For the operator's log: an error code, never a token or a secret. */
  logCode: string;
}

const UNREACHABLE =
  'The sign-in provider could not be reached. Wait a moment and try again; if it persists, tell the person who runs this server.';

/** Turns anything openid-client throws into a page status and text. */
export function describeOidcError(error: unknown): OidcFailure {
  if (error instanceof client.AuthorizationResponseError) {
    return {
      status: 400,
      message: `The sign-in provider did not sign you in (${error.error}${error.error_description ? `: ${error.error_description}` : ''}).`,
      logCode: `authorization_response:${error.error}`,
    };
  }
  if (error instanceof client.ResponseBodyError) {
    if (error.error === 'invalid_grant') {
      return {
        status: 400,
        message: 'The sign-in provider refused this sign-in response: it was already used or has expired. Sign in again.',
        logCode: 'token:invalid_grant',
      };
    }
    if (error.error === 'invalid_client' || error.error === 'unauthorized_client') {
      return {
        status: 502,
        message:
          "The sign-in provider refused this server's credentials. Tell the person who runs this server (check OIDC_CLIENT_ID and OIDC_CLIENT_SECRET).",
        logCode: `token:${error.error}`,
      };
    }
    return {
      status: error.status >= 500 ? 502 : 400,
      message: `The sign-in provider refused the sign-in (${error.error}). Sign in again.`,
      logCode: `token:${error.error}:${error.status}`,
    };
  }
  if (error instanceof client.ClientError) {
    const code = error.code ?? 'unknown';
    switch (code) {
      case 'OAUTH_TIMEOUT':
      case 'OAUTH_ABORT':
        return { status: 502, message: UNREACHABLE, logCode: code };
      case 'OAUTH_JWT_CLAIM_COMPARISON_FAILED':
      case 'OAUTH_JWT_TIMESTAMP_CHECK_FAILED':
      case 'OAUTH_INVALID_RESPONSE':
      case 'OAUTH_INVALID_REQUEST':
      case 'OAUTH_PARSE_ERROR':
        return { status: 400, message: 'The sign-in response could not be verified. Sign in again.', logCode: code };
      case 'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED':
        return {
          status: 502,
          message:
            'The sign-in provider does not match its configuration on this server (issuer). Tell the person who runs this server (check OIDC_ISSUER).',
          logCode: code,
        };
      default:
        return {
          status: 502,
          message: 'The sign-in provider answered unexpectedly. Try again later; if it persists, tell the person who runs this server.',
          logCode: code,
        };
    }
  }
  // fetch() rejects with a TypeError when the provider cannot be reached.
  if (error instanceof TypeError) return { status: 502, message: UNREACHABLE, logCode: 'unreachable' };
  return { status: 502, message: 'Signing in failed because of an error on this server. Try again later.', logCode: 'internal' };
}
