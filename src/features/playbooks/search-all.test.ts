import { describe, expect, it, vi } from 'vitest';
import type { SearchRequest, SearchResult } from '../../api/types.ts';
import { searchAllPages } from './search-all.ts';

const fakeSearch = (total: number) =>
  vi.fn(async (req: SearchRequest): Promise<SearchResult> => {
    const offset = req.offset ?? 0;
    const count = Math.max(0, Math.min(req.limit ?? 100, total - offset));
    return { totalCount: total, records: Array.from({ length: count }, (_, i) => ({ Gsid: `T${offset + i}` })) };
  });

describe('searchAllPages', () => {
  it('makes one call when the first page holds everything', async () => {
    const search = fakeSearch(12);
    const rows = await searchAllPages(search, { select: ['Gsid'], limit: 5000 });
    expect(rows).toHaveLength(12);
    expect(search).toHaveBeenCalledTimes(1);
    expect(search.mock.calls[0]![0]).toEqual({ select: ['Gsid'], limit: 5000, offset: 0 });
  });

  it('pages by offset when totalCount is over 5,000', async () => {
    const search = fakeSearch(12_345);
    const rows = await searchAllPages(search, { select: ['Gsid'], limit: 5000 });
    expect(rows).toHaveLength(12_345);
    expect(new Set(rows.map((r) => r.Gsid)).size).toBe(12_345);
    expect(search.mock.calls.map((c) => [c[0].offset, c[0].limit])).toEqual([
      [0, 5000],
      [5000, 5000],
      [10_000, 5000],
    ]);
  });

  it('stops on an empty page even if totalCount promised more', async () => {
    const search = vi.fn(async (): Promise<SearchResult> => ({ totalCount: 10, records: [] }));
    expect(await searchAllPages(search, {})).toEqual([]);
    expect(search).toHaveBeenCalledTimes(1);
  });
});
