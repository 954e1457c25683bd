/** `limit` and `offset` of a search body. */
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../src/lib/search/limits.ts';
import { SearchError, show } from './errors.ts';

export function compilePaging(limit: unknown, offset: unknown): { limit: number; offset: number } {
  let lim = DEFAULT_PAGE_SIZE;
  if (limit !== undefined && limit !== null) {
    if (typeof limit !== 'number' || !Number.isInteger(limit)) {
      throw new SearchError('COCKPIT_5100', `limit must be an integer between 0 and ${MAX_PAGE_SIZE}, got ${show(limit)}`);
    }
    if (limit < 0 || limit > MAX_PAGE_SIZE) {
      throw new SearchError('COCKPIT_5100', `limit must be between 0 and ${MAX_PAGE_SIZE}, got ${limit}`);
    }
    lim = limit;
  }
  let off = 0;
  if (offset !== undefined && offset !== null) {
    if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) {
      throw new SearchError('COCKPIT_5100', `offset must be an integer >= 0, got ${show(offset)}`);
    }
    off = offset;
  }
  return { limit: lim, offset: off };
}
