import { describe, expect, it } from 'vitest';
import type { SearchRequest, SearchResult } from '../../api/types.ts';
import { ApiError } from '../../api/errors.ts';
import type { ToastStore } from '../toast/toast-store.ts';
import { readMatching, selectColumn, selectRestOf } from './select-matching.ts';
import { createSelectionStore } from './selection-store.ts';

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

describe('selectRestOf (a column past its loaded cards)', () => {
  const toastStore = () => {
    const shown: { tone?: string; message: string }[] = [];
    return { shown, store: { show: (t: { tone?: string; message: string }) => shown.push(t) } as unknown as ToastStore };
  };

  it('selects up to the cap and says why it stopped there', async () => {
    const store = createSelectionStore();
    const toast = toastStore();
    await selectRestOf(store, {}, 'Not Started', toast.store, fakeSearch(1200).search);
    expect(store.get().items.size).toBe(1000);
    expect(toast.shown[0]?.message).toMatch(
      /^The first 1,000 of 1,200 tasks in Not Started are selected\. A bulk change takes at most 1,000 tasks/,
    );
  });

  it('says when the rest could not be read', async () => {
    const store = createSelectionStore();
    const toast = toastStore();
    const failing = () => Promise.reject(new ApiError({ kind: 'api', status: 502, errorDesc: 'Gateway down.' }));
    await selectRestOf(store, {}, 'Completed', toast.store, failing);
    expect(store.get().items.size).toBe(0);
    expect(toast.shown[0]).toMatchObject({
      tone: 'error',
      message: 'Only the loaded cards of Completed are selected: the others could not be read (Gateway down.).',
    });
  });
});

describe('selectColumn', () => {
  it('selects the loaded cards at once, and nothing more when the column has no more', () => {
    const store = createSelectionStore();
    selectColumn(store, [{ Gsid: 'a', Name: 'A' }, { Gsid: 'b' }], null, 'Skipped', null);
    expect([...store.get().items.values()]).toEqual([
      { id: 'a', name: 'A' },
      { id: 'b', name: '(no name)' },
    ]);
  });
});
