/**
 * One cold visit to a page (fresh browser context, empty cache): when its first meaningful element
 * appeared, and every request of the visit with its start and end (Resource Timing, ms from
 * navigation start). Page scripts are text (no DOM library in the bench's type-check).
 */
import type { Browser } from '@playwright/test';
import type { Sandbox } from '../../sandbox/index.ts';
import { VIEWPORT } from './board.ts';
import type { RequestKind, TimedRequest } from './waterfall.ts';

export interface PageTarget {
  /** The route as the table names it (`/tasks/:id`). */
  route: string;
  /** The path visited (`/tasks/1T00…`). */
  path: string;
  /** What the user waits for, in words ("first card"). */
  element: string;
  /** A CSS selector for it. */
  selector: string;
}

export interface PageLoad {
  /** ms from navigation start to the element in the DOM. */
  elementMs: number;
  requests: TimedRequest[];
  /** Paths of the page's module scripts (the entry and what the build put beside it). */
  entries: string[];
}

/** Records when `selector` first matches (window.__elementAt), and keeps every resource timing. */
const watchElement = (selector: string) => `
  performance.setResourceTimingBufferSize(2000);
  const observer = new MutationObserver(() => {
    if (window.__elementAt === undefined && document.querySelector(${JSON.stringify(selector)})) {
      window.__elementAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
`;

const COLLECT = `(() => {
  const path = (url) => { const u = new URL(url, location.href); return u.origin === location.origin ? u.pathname + u.search : u.href; };
  const nav = performance.getEntriesByType('navigation')[0];
  const kind = (e) => {
    if (e.initiatorType === 'fetch' || e.initiatorType === 'xmlhttprequest') return 'fetch';
    const p = new URL(e.name).pathname;
    if (p.endsWith('.js')) return 'script';
    if (p.endsWith('.css')) return 'css';
    return 'other';
  };
  const requests = [
    { url: path(location.href), kind: 'document', start: nav.fetchStart, end: nav.responseEnd },
    ...performance.getEntriesByType('resource').map((e) => ({ url: path(e.name), kind: kind(e), start: e.startTime, end: e.responseEnd })),
  ];
  const entries = Array.from(document.querySelectorAll('script[type=module][src]'), (s) => path(s.src));
  return { elementMs: window.__elementAt, requests, entries };
})()`;

export async function measurePageLoad(browser: Browser, appUrl: string, target: PageTarget): Promise<PageLoad> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript({ content: watchElement(target.selector) });
    await page.goto(`${appUrl}${target.path}`);
    await page.locator(target.selector).first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    return await page.evaluate<{
      elementMs: number;
      requests: { url: string; kind: RequestKind; start: number; end: number }[];
      entries: string[];
    }>(COLLECT);
  } finally {
    await context.close();
  }
}

/**
 * The four pages the benchmark visits, with real ids from the sandbox: a playbook with several
 * templates, and a task of a playbook (so its page shows the playbook and step too).
 */
export async function pageTargets(sandbox: Sandbox): Promise<PageTarget[]> {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { accessKey: sandbox.accessKey, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return ((await res.json()) as { data: T }).data;
  };
  const playbooks = await call<{ Gsid: string; IsActive?: boolean; TaskTemplates?: unknown[] }[]>('GET', '/playbooks');
  const playbook = playbooks.find((p) => p.IsActive && (p.TaskTemplates?.length ?? 0) >= 3) ?? playbooks[0]!;
  const tasks = await call<{ records: { Gsid: string }[] }>('POST', '/tasks/search', {
    select: ['Gsid'],
    where: { conditions: [{ name: 'PlaybookId', operator: 'IS_NOT_NULL', value: [] }] },
    limit: 1,
  });
  const task = tasks.records[0]!;
  return [
    { route: '/board', path: '/board', element: 'first card', selector: 'section[aria-label] article' },
    { route: '/search', path: '/search', element: 'first result row', selector: 'table tbody tr' },
    {
      route: '/playbooks/:id',
      path: `/playbooks/${playbook.Gsid}`,
      element: 'first template',
      selector: 'ol[aria-labelledby="templates-title"] li',
    },
    { route: '/tasks/:id', path: `/tasks/${task.Gsid}`, element: 'task heading', selector: 'h1#task-title' },
  ];
}
