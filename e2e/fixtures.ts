import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { errorEnvelope, type Envelope } from '../test-support/api-envelope.ts';
import { E2E } from './env.ts';

/** WCAG 2.1 A and AA, the level every page must meet. */
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectNoAxeViolations(page: Page, label = page.url()) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n  ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

/** Talks to the sandbox directly (with the key), for arranging data and checking results. */
export const sandboxApi = {
  async call<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T; errorDesc: string | null }> {
    const res = await fetch(`${E2E.sandboxOrigin}${path}`, {
      method,
      headers: { accessKey: E2E.accessKey, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json()) as Envelope<T>;
    return { status: res.status, data: json.data, errorDesc: json.errorDesc };
  },
  /** Sets the sandbox's faults (see README); `{}` leaves them as they are. */
  faults(settings: Record<string, unknown>) {
    return this.call('PUT', '/__sandbox/faults', settings);
  },
  clearFaults() {
    return this.call('DELETE', '/__sandbox/faults');
  },
};

export const test = base.extend<{ axe: (label?: string) => Promise<void> }>({
  axe: async ({ page }, use) => {
    await use((label?: string) => expectNoAxeViolations(page, label));
  },
});

export { expect };

/**
 * The team server absorbs a 429 from the tenant itself (it pauses every call and sends it again),
 * so a browser meets a 429 only when the team server's own budget refuses a call. This stages that
 * answer for the `nth` POST to `urlGlob` (counted from now); every other call goes through.
 */
export async function stageBudgetRefusal(page: Page, urlGlob: string, nth = 1) {
  let posts = 0;
  await page.route(urlGlob, async (route) => {
    if (route.request().method() === 'POST' && ++posts === nth) {
      await route.fulfill({
        status: 429,
        contentType: 'application/json',
        headers: { 'Retry-After': '2' },
        body: JSON.stringify(
          errorEnvelope(
            'GS_APIG_1429',
            "Too many requests: this minute's share of the tenant's API budget is spent. Try again in 2 s.",
            null,
          ),
        ),
      });
    } else {
      await route.continue();
    }
  });
}
