import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import type { SearchRequest, Task } from '../../api/types.ts';
import { fetchAllRows, type ExportProgress } from './export-all.ts';

const tasks: Task[] = Array.from({ length: 12 }, (_v, i) => ({ Gsid: `T${String(i).padStart(2, '0')}`, Name: `Task ${i}`, Order: 12 - i }));

/** A fake API over `tasks` that fails the calls listed in `failures` (by call number, from 0). */
function fakeApi(failures: Record<number, ApiError> = {}) {
  const calls: SearchRequest[] = [];
  const search = vi.fn(async (request: SearchRequest) => {
    const n = calls.push(request) - 1;
    if (failures[n]) throw failures[n];
    const offset = request.offset ?? 0;
    return { records: tasks.slice(offset, offset + (request.limit ?? 100)), totalCount: tasks.length };
  });
  return { search, calls };
}

const rateLimited = () => new ApiError({ kind: 'api', status: 429, errorCode: 'GS_APIG_1429', errorDesc: 'Too many requests' });
const badRequest = () => new ApiError({ kind: 'api', status: 400, errorCode: 'COCKPIT_5100', errorDesc: 'orderBy is not supported' });
const noSleep = vi.fn(async () => {});

describe('fetchAllRows', () => {
  it('pages through every row with limit/offset and reports progress', async () => {
    const { search, calls } = fakeApi();
    const progress: ExportProgress[] = [];
    const result = await fetchAllRows({
      request: { select: ['Gsid', 'Name'], limit: 25, offset: 50 },
      sort: null,
      search,
      signal: new AbortController().signal,
      pageSize: 5,
      onProgress: (p) => progress.push(p),
    });
    expect(result.rows.map((t) => t.Gsid)).toEqual(tasks.map((t) => t.Gsid));
    expect(calls.map((c) => [c.limit, c.offset])).toEqual([
      [5, 0],
      [5, 5],
      [5, 10],
    ]);
    expect(calls[0]!.select).toEqual(['Gsid', 'Name']);
    expect(progress.map((p) => p.fetched)).toEqual([5, 10, 12]);
    expect(progress.at(-1)).toEqual({ fetched: 12, total: 12, waiting: null });
  });

  it('uses pages of 5,000 by default', async () => {
    const { search, calls } = fakeApi();
    await fetchAllRows({ request: {}, sort: null, search, signal: new AbortController().signal });
    expect(calls).toEqual([{ limit: 5000, offset: 0 }]);
  });

  it('waits and tries again on 429, with growing waits', async () => {
    const { search, calls } = fakeApi({ 1: rateLimited(), 2: rateLimited() });
    const sleep = vi.fn(async () => {});
    const waits: number[] = [];
    const result = await fetchAllRows({
      request: {},
      sort: null,
      search,
      sleep,
      random: () => 0,
      signal: new AbortController().signal,
      pageSize: 5,
      onProgress: (p) => p.waiting && waits.push(p.waiting.ms),
    });
    expect(result.rows).toHaveLength(12);
    expect(waits).toEqual([2000, 4000]);
    expect(sleep).toHaveBeenCalledTimes(2);
    expect(calls.map((c) => c.offset)).toEqual([0, 5, 5, 5, 10]);
  });

  it('gives up after too many failures, and at once on a client error', async () => {
    const always = { search: vi.fn(async () => Promise.reject(rateLimited())) };
    await expect(
      fetchAllRows({ request: {}, sort: null, search: always.search, sleep: noSleep, signal: new AbortController().signal }),
    ).rejects.toMatchObject({ status: 429 });
    expect(always.search).toHaveBeenCalledTimes(7);
    const { search } = fakeApi({ 0: badRequest() });
    await expect(
      fetchAllRows({ request: {}, sort: null, search, sleep: noSleep, signal: new AbortController().signal }),
    ).rejects.toMatchObject({
      status: 400,
    });
  });

  it('stops when cancelled, even while waiting', async () => {
    const controller = new AbortController();
    const { search } = fakeApi({ 0: rateLimited() });
    const pending = fetchAllRows({ request: {}, sort: null, search, signal: controller.signal, onProgress: () => controller.abort() });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('sorts in the browser when the server refuses orderBy', async () => {
    const { search, calls } = fakeApi({ 0: badRequest() });
    const result = await fetchAllRows({
      request: { orderBy: { Order: 'asc' } },
      sort: { field: 'Order', dir: 'asc' },
      search,
      signal: new AbortController().signal,
      pageSize: 5,
    });
    expect(result.sortedInBrowser).toBe(true);
    expect(calls[1]!.orderBy).toBeUndefined();
    expect(result.rows.map((t) => t.Order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
