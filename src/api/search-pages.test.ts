import { describe, expect, it, vi } from 'vitest';
import { searchAllPages, searchPages } from './search-pages.ts';
import type { SearchRequest, SearchResult } from './types.ts';

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

describe('searchPages', () => {
  const collect = async (pages: AsyncIterable<SearchResult>) => {
    const all: SearchResult[] = [];
    for await (const page of pages) all.push(page);
    return all;
  };
  const page = (from: number, count: number, totalCount: number): SearchResult => ({
    totalCount,
    records: Array.from({ length: count }, (_, i) => ({ Gsid: `T${from + i}` })),
  });

  it('asks for each page where the one before ended, from the given offset, until totalCount', async () => {
    const offsets: number[] = [];
    const pages = await collect(
      searchPages(async (offset) => {
        offsets.push(offset);
        return page(offset, Math.min(4, 10 - offset), 10);
      }, 2),
    );
    expect(offsets).toEqual([2, 6]);
    expect(pages.flatMap((p) => p.records.map((r) => r.Gsid))).toEqual(['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9']);
  });

  it('goes on after a short page while totalCount says there are more, and stops on an empty one', async () => {
    const offsets: number[] = [];
    await collect(
      searchPages(async (offset) => {
        offsets.push(offset);
        return offset < 6 ? page(offset, 3, 10) : page(offset, 0, 10);
      }),
    );
    expect(offsets).toEqual([0, 3, 6]);
  });

  it('asks for no more pages once the consumer stops', async () => {
    const fetchPage = vi.fn(async (offset: number) => page(offset, 5, 100));
    for await (const p of searchPages(fetchPage)) if (p.records.length > 0) break;
    expect(fetchPage).toHaveBeenCalledTimes(1);
  });
});
