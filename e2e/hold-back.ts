import type { Page, Route } from '@playwright/test';

/**
 * Holds back the answers to requests matching `url` until `release()` (after which they go through
 * at once); `requested` says whether one was asked for. A held request the page has dropped
 * meanwhile (a cancelled refetch) is already over and is skipped.
 */
export async function holdBack(page: Page, url: RegExp | string) {
  const held: Route[] = [];
  let released = false;
  await page.route(url, (route) => (released ? route.continue() : void held.push(route)));
  return {
    requested: () => held.length > 0,
    release: async () => {
      released = true;
      for (const route of held) await route.continue().catch(() => undefined);
    },
  };
}
