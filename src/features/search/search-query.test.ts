import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/errors.ts';
import type { SearchRequest } from '../../api/types.ts';
import { fetchSearchPage } from './search-query.ts';

const page = { records: [{ Gsid: '1' }], totalCount: 1 };
const bad = (desc: string) => new ApiError({ kind: 'api', status: 400, errorCode: 'COCKPIT_5100', errorDesc: desc });

describe('fetchSearchPage', () => {
  it('asks the server to sort', async () => {
    const search = vi.fn(async () => page);
    await expect(fetchSearchPage({ orderBy: { Name: 'asc' } }, search)).resolves.toEqual({ ...page, orderByRefused: null, offset: 0 });
    expect(search).toHaveBeenCalledTimes(1);
  });

  it('asks again without orderBy when the server refuses it, and says so', async () => {
    const calls: SearchRequest[] = [];
    const search = vi.fn(async (r: SearchRequest) => {
      calls.push(r);
      if (r.orderBy) throw bad('Unknown key orderBy');
      return page;
    });
    await expect(fetchSearchPage({ limit: 25, offset: 50, orderBy: { Name: 'asc' } }, search)).resolves.toEqual({
      ...page,
      orderByRefused: 'Unknown key orderBy',
      offset: 50,
    });
    expect(calls).toEqual([
      { limit: 25, offset: 50, orderBy: { Name: 'asc' } },
      { limit: 25, offset: 50 },
    ]);
  });

  it('shows the real error when the request is wrong for another reason', async () => {
    const search = vi.fn(async () => Promise.reject(bad('Condition A: bad')));
    await expect(fetchSearchPage({ orderBy: { Name: 'asc' } }, search)).rejects.toMatchObject({ errorDesc: 'Condition A: bad' });
    await expect(fetchSearchPage({}, search)).rejects.toMatchObject({ status: 400 });
    expect(search).toHaveBeenCalledTimes(3);
  });
});
