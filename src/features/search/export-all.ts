/**
 * Fetches every row a search matches, in pages of up to 5,000 (the API's limit), for the CSV
 * export. It reports progress, stops when its signal aborts, and waits and tries again when the
 * API says 429 (Gainsight's rate limit) or fails for a moment, with growing waits.
 */
import { isRateLimited, isTransient } from '../../api/errors.ts';
import { retryDelay } from '../../api/query-client.ts';
import { searchPages, type SearchFn } from '../../api/search-pages.ts';
import type { SearchRequest, SearchResult, Task } from '../../api/types.ts';
import { MAX_PAGE_SIZE } from '../../lib/search/limits.ts';
import { sleep } from '../../lib/sleep.ts';
import type { SortState } from './builder-state.ts';
import { mayBeOrderByRefusal, withoutOrderBy } from './search-query.ts';
import { sortTasks } from './sort-tasks.ts';

/** Tries after a failure, per page. */
const EXPORT_MAX_RETRIES = 6;

export interface ExportProgress {
  fetched: number;
  total: number;
  /** Set while waiting before a retry: how long, and why. */
  waiting: { ms: number; rateLimited: boolean } | null;
}

export interface ExportOptions {
  /** The search (its where, select and orderBy); its limit and offset are replaced. */
  request: SearchRequest;
  sort: SortState | null;
  search: SearchFn;
  signal: AbortSignal;
  onProgress?: (progress: ExportProgress) => void;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  pageSize?: number;
  random?: () => number;
}

export interface ExportResult {
  rows: Task[];
  /** The server refused orderBy, so the rows were sorted in the browser. */
  sortedInBrowser: boolean;
}

export async function fetchAllRows(options: ExportOptions): Promise<ExportResult> {
  const { search, signal, onProgress, sort, random } = options;
  const wait = options.sleep ?? sleep;
  const pageSize = options.pageSize ?? MAX_PAGE_SIZE;
  let base: SearchRequest = options.request;
  let sortedInBrowser = false;
  const rows: Task[] = [];
  const seen = new Set<string>();
  let total = 0;

  async function fetchPage(offset: number): Promise<SearchResult> {
    for (let attempt = 0; ;) {
      signal.throwIfAborted();
      try {
        return await search({ ...base, limit: pageSize, offset }, { signal });
      } catch (error) {
        if (signal.aborted) throw signal.reason;
        if (offset === 0 && !sortedInBrowser && mayBeOrderByRefusal(base, error)) {
          base = withoutOrderBy(base);
          sortedInBrowser = true;
          continue;
        }
        if (!isTransient(error) || attempt >= EXPORT_MAX_RETRIES) throw error;
        const ms = retryDelay(attempt, error, random);
        onProgress?.({ fetched: rows.length, total, waiting: { ms, rateLimited: isRateLimited(error) } });
        await wait(ms, signal);
        attempt += 1;
      }
    }
  }

  for await (const page of searchPages(fetchPage)) {
    total = page.totalCount;
    for (const task of page.records) {
      // A row that moved to a later page while exporting would otherwise come twice.
      if (task.Gsid !== undefined) {
        if (seen.has(task.Gsid)) continue;
        seen.add(task.Gsid);
      }
      rows.push(task);
    }
    onProgress?.({ fetched: rows.length, total: Math.max(total, rows.length), waiting: null });
  }
  return { rows: sortedInBrowser && sort ? sortTasks(rows, sort) : rows, sortedInBrowser };
}
