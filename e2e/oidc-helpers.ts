/**
 * Sign-in for end-to-end tests: a real OpenID provider (oidc-provider 8.8, in-process, see
 * test-support/oidc-provider.ts) and a helper that signs in through its login page in the browser.
 *
 * Wiring (in e2e/serve.ts, once the team server exists):
 *   const provider = await startTestProvider({ port: <a fixed e2e port>, redirectUris: [`${appUrl}/auth/callback`] });
 *   const env = oidcEnv(provider, appUrl);   // OIDC_ISSUER, OIDC_CLIENT_ID, ... for the team server
 * The provider's client secret is random per run, so the provider must run in the same process
 * that starts the team server (or pass `env` to it).
 *
 * In a test:
 *   await signInThroughProvider(page, { appUrl, returnTo: '/board', login: 'ana' });
 *   // the page is now on `${appUrl}/board`, signed in as ana (ana@example.test)
 */
import type { Page } from '@playwright/test';
import { startTestProvider, type TestProvider } from '../test-support/oidc-provider.ts';

export { startTestProvider, type TestProvider };

/** The team server's sign-in variables for `provider`, with the board at `publicUrl`. */
export function oidcEnv(
  provider: TestProvider,
  publicUrl: string,
  sessionSecret = 'e2e-session-secret-0123456789abcdef-not-for-production',
): Record<string, string> {
  return {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    PUBLIC_URL: publicUrl,
    SESSION_SECRET: sessionSecret,
  };
}

export interface SignInOptions {
  /** The board's origin, e.g. `http://127.0.0.1:4320`. */
  appUrl: string;
  /** The page to land on after signing in; default `/board`. */
  returnTo?: string;
  /** Any login name: the test provider signs in `<login>` with email `<login>@example.test`. */
  login?: string;
  /**
   * Do not open /auth/login: the page is at, or on its way to, the provider's login page (a test
   * that opened a board page and expects the app to send it to sign in). In a fresh browser
   * context, as Playwright gives each test, the provider always shows its login page.
   */
  fromCurrentPage?: boolean;
  timeout?: number;
}

/**
 * Signs in through the provider's own login page (the development interactions of oidc-provider:
 * a login field, a password field and a "Sign-in" button, then possibly a consent page with
 * "Continue"), and waits until the browser is back on the board.
 */
export async function signInThroughProvider(page: Page, options: SignInOptions): Promise<void> {
  const { appUrl, returnTo = '/board', login = 'ana', timeout = 15_000 } = options;
  const appOrigin = new URL(appUrl).origin;
  const onApp = (url: URL) => url.origin === appOrigin && !url.pathname.startsWith('/auth/');
  if (!options.fromCurrentPage) {
    await page.goto(`${appOrigin}/auth/login?returnTo=${encodeURIComponent(returnTo)}`);
    // Already signed in (here or at the provider): the redirects came straight back.
    if (onApp(new URL(page.url()))) return;
  }

  const loginField = page.locator('input[name="login"]');
  await loginField.waitFor({ state: 'visible', timeout });
  await loginField.fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();

  const consent = page.getByRole('button', { name: 'Continue' });
  const back = page.waitForURL(onApp, { timeout }).then(() => 'back' as const);
  const asked = consent.waitFor({ state: 'visible', timeout }).then(() => 'consent' as const);
  // Whichever comes first; the other wait is left to time out quietly.
  back.catch(() => {});
  asked.catch(() => {});
  if ((await Promise.race([back, asked])) === 'consent') {
    await consent.click();
    await page.waitForURL(onApp, { timeout });
  }
}
