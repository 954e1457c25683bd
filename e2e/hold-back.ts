import type { Page, Route } from '@playwright/test';

/** Holds back the answers to requests matching `url` until `release()`; `requested` says whether one was asked for. */
export async function holdBack(page: Page, url: RegExp | string) {
  const held: Route[] = [];
  let released = false;
  await page.route(url, (route) => (released ? route.continue() : void held.push(route)));
  return {
    requested: () => held.length > 0,
    release: async () => {
      released = true;
      for (const route of held) await route.continue();
    },
  };
}
