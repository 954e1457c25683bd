import { describe, expect, it } from 'vitest';
import { entryChain, formatWaterfall, longestChain, neededBefore, requestsAfterEntry, shortName, type TimedRequest } from './waterfall.ts';

const doc: TimedRequest = { url: '/board', kind: 'document', start: 0, end: 10 };
const entry: TimedRequest = { url: '/assets/index-1.js', kind: 'script', start: 12, end: 20 };
const app: TimedRequest = { url: '/assets/app-1.js', kind: 'script', start: 12, end: 60 };
const css: TimedRequest = { url: '/assets/index-1.css', kind: 'css', start: 11, end: 18 };

describe('longestChain', () => {
  it('follows requests that start after the previous one ended', () => {
    const route: TimedRequest = { url: '/assets/board-route-1.js', kind: 'script', start: 70, end: 90 };
    const playbooks: TimedRequest = { url: '/v1/playbooks', kind: 'fetch', start: 150, end: 160 };
    const search: TimedRequest = { url: '/v1/tasks/search', kind: 'fetch', start: 72, end: 85 };
    expect(longestChain([doc, app, route, search, playbooks])).toEqual([doc, app, route, playbooks]);
  });

  it('requests started together by one piece of code are not a chain, even when the first was answered before the next went out', () => {
    const route: TimedRequest = { url: '/assets/board-route-1.js', kind: 'script', start: 70, end: 85 };
    const search: TimedRequest = { url: '/v1/tasks/search', kind: 'fetch', start: 90, end: 150 };
    expect(longestChain([doc, route, search])).toEqual([doc, route]);
    // …but a request that went out well after the first had started and ended waits on it.
    const later: TimedRequest = { ...search, start: 121 };
    expect(longestChain([doc, route, later])).toEqual([doc, route, later]);
  });

  it('of equally long chains, the one that ends first', () => {
    const a: TimedRequest = { url: '/v1/a', kind: 'fetch', start: 20, end: 50 };
    const b: TimedRequest = { url: '/v1/b', kind: 'fetch', start: 20, end: 30 };
    expect(longestChain([doc, a, b])).toEqual([doc, b]);
  });

  it('is empty for no requests', () => {
    expect(longestChain([])).toEqual([]);
  });
});

describe('entryChain', () => {
  it('a route chunk found only once the app has run, and a request made once it is in: two after the entry', () => {
    const route: TimedRequest = { url: '/assets/board-route-1.js', kind: 'script', start: 70, end: 90 };
    const search: TimedRequest = { url: '/v1/tasks/search', kind: 'fetch', start: 72, end: 85 };
    const playbooks: TimedRequest = { url: '/v1/playbooks', kind: 'fetch', start: 150, end: 160 };
    const chain = entryChain([doc, entry, app, css, route, search, playbooks], [entry.url])!;
    expect(chain).toEqual([doc, entry, route, playbooks]);
    expect(requestsAfterEntry(chain, [entry.url])).toBe(2);
  });

  it('everything started by the entry at once, however long it takes: one after the entry', () => {
    const route: TimedRequest = { url: '/assets/board-route-1.js', kind: 'script', start: 21, end: 90 };
    const search: TimedRequest = { url: '/v1/tasks/search', kind: 'fetch', start: 22, end: 85 };
    const playbooks: TimedRequest = { url: '/v1/playbooks', kind: 'fetch', start: 22, end: 40 };
    const chain = entryChain([doc, entry, app, css, route, search, playbooks], [entry.url])!;
    expect(chain).toEqual([doc, entry, playbooks]);
    expect(requestsAfterEntry(chain, [entry.url])).toBe(1);
  });

  it('files the page names itself (styles, preloaded modules) are not after the entry', () => {
    expect(entryChain([doc, entry, app, css], [entry.url])).toEqual([doc, entry]);
    expect(requestsAfterEntry([doc, entry], [entry.url])).toBe(0);
  });

  it('with several module scripts in the page, what starts once the last of them is in', () => {
    const runtime: TimedRequest = { url: '/assets/runtime-1.js', kind: 'script', start: 12, end: 15 };
    const data: TimedRequest = { url: '/v1/tasks/1', kind: 'fetch', start: 18, end: 40 };
    const route: TimedRequest = { url: '/assets/task-route-1.js', kind: 'script', start: 22, end: 30 };
    // `data` went out before the entry (index) had arrived: it was not started by the app.
    expect(entryChain([doc, runtime, entry, route, data], [runtime.url, entry.url])).toEqual([doc, entry, route]);
  });

  it('null when no entry script is among the requests', () => {
    expect(entryChain([doc, app], [entry.url])).toBeNull();
  });
});

describe('neededBefore', () => {
  it('keeps the page requests that ended before the element appeared', () => {
    const late: TimedRequest = { url: '/v1/playbooks/1', kind: 'fetch', start: 50, end: 120 };
    const icon: TimedRequest = { url: '/favicon.svg', kind: 'other', start: 15, end: 16 };
    expect(neededBefore([doc, entry, app, late, icon], 100)).toEqual([doc, entry, app]);
  });
});

describe('formatting', () => {
  it('names assets by file and API calls by path', () => {
    expect(shortName(app)).toBe('app-1.js');
    expect(shortName({ url: '/v1/tasks/1T?x=1', kind: 'fetch', start: 0, end: 1 })).toBe('/v1/tasks/1T');
    expect(shortName(doc)).toBe('/board (document)');
  });

  it('lists requests by start with the element marked in its place', () => {
    expect(formatWaterfall([app, doc], { label: 'first card', at: 11 })).toEqual([
      '     0 ->     10  /board (document)',
      '    11            first card',
      '    12 ->     60  app-1.js',
    ]);
  });
});
