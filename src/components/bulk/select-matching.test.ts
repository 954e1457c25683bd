import { describe, expect, it } from 'vitest';
import type { SearchRequest, SearchResult } from '../../api/types.ts';
import { readMatching } from './select-matching.ts';

function fakeSearch(total: number) {
  const requests: SearchRequest[] = [];
  const search = async (request: SearchRequest): Promise<SearchResult> => {
    requests.push(request);
    const offset = request.offset ?? 0;
    const count = Math.max(0, Math.min(request.limit ?? 0, total - offset));
    return {
      records: Array.from({ length: count }, (_, i) => ({ Gsid: `t${offset + i}`, Name: `Task ${offset + i}` })),
      totalCount: total,
    };
  };
  return { search, requests };
}

describe('readMatching', () => {
  it('reads every match page by page, ids and names only', async () => {
    const { search, requests } = fakeSearch(730);
    const where = { conditions: [{ name: 'Status', operator: 'EQ' as const, value: ['Not Started'] }] };
    const result = await readMatching(search, { where, limit: 25, offset: 50 });
    expect(result.total).toBe(730);
    expect(result.tasks).toHaveLength(730);
    expect(new Set(result.tasks.map((t) => t.id)).size).toBe(730);
    expect(requests.map((r) => [r.offset, r.limit])).toEqual([
      [0, 500],
      [500, 500],
    ]);
    expect(requests[0]).toMatchObject({ where, select: ['Gsid', 'Name'] });
  });

  it('stops at the cap and asks for no more', async () => {
    const { search, requests } = fakeSearch(5000);
    const result = await readMatching(search, {}, 1000);
    expect(result).toMatchObject({ total: 5000 });
    expect(result.tasks).toHaveLength(1000);
    expect(requests).toHaveLength(2);
  });
});
