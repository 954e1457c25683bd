/**
 * A real OpenID provider for tests (oidc-provider 8.8, a devDependency: never import this file
 * from the server). It runs in-process on a loopback port with one confidential client
 * (client_secret_basic, PKCE required) and its built-in development login page, where any login
 * name signs in (the password is ignored) as `<login>` with email `<login>@example.test`.
 * It can be stopped and started again on the same port, to play a provider that is down.
 */
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
// @ts-expect-error -- oidc-provider 8 ships no type declarations; the little used here is typed below
import ProviderModule from 'oidc-provider';

interface OidcProvider {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  on(event: string, listener: (...args: unknown[]) => void): void;
}
const Provider = ProviderModule as new (issuer: string, configuration: Record<string, unknown>) => OidcProvider;

interface TestAccount {
  name: string;
  email: string;
}

export interface TestProviderOptions {
  /** Redirect URIs of the client, e.g. `http://127.0.0.1:5173/auth/callback`. */
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  /** A fixed port (e.g. one reserved with freePort); default any free port. */
  port?: number;
  /** Known accounts by login name; others get `Test user <login>`. */
  accounts?: Record<string, TestAccount>;
  /** Start listening right away (default true). */
  listen?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  port: number;
  /** Starts (again) listening on `port`. */
  start(): Promise<void>;
  /** Stops listening and drops open connections: the provider is "down". */
  stop(): Promise<void>;
}

/** A free loopback port (reserved by listening, then released). */
export async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export async function startTestProvider(options: TestProviderOptions): Promise<TestProvider> {
  const port = options.port ?? (await freePort());
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'cockpit-board-test';
  const clientSecret = `test-client-secret-${randomUUID()}`;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const accounts = options.accounts ?? {};

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: options.postLogoutRedirectUris ?? [],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    async findAccount(_ctx: unknown, id: string) {
      const account = accounts[id] ?? { name: `Test user ${id}`, email: `${id}@example.test` };
      return { accountId: id, claims: async () => ({ sub: id, name: account.name, email: account.email, email_verified: true }) };
    },
    cookies: { keys: [`test-cookie-key-${randomUUID()}`] },
    jwks: { keys: [jwk] },
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  });
  const handler = provider.callback();
  let server: Server | null = null;

  const start = async () => {
    if (server) return;
    const next = createServer(handler);
    await new Promise<void>((resolve, reject) => {
      next.once('error', reject);
      next.listen(port, '127.0.0.1', () => resolve());
    });
    server = next;
  };
  const stop = async () => {
    const current = server;
    if (!current) return;
    server = null;
    await new Promise<void>((resolve) => {
      current.close(() => resolve());
      current.closeAllConnections();
    });
  };
  if (options.listen !== false) await start();
  return { issuer, clientId, clientSecret, port, start, stop };
}
