/**
 * Every task a search matches, for "Select all N matching" and a board column's "Select all":
 * read page by page with the paged search helper (search-pages.ts), only their ids and names,
 * up to the cap of a bulk change.
 */
import { searchTasks } from '../../api/client.ts';
import { isApiError } from '../../api/errors.ts';
import { searchPages, type SearchFn } from '../../api/search-pages.ts';
import type { SearchRequest, Task } from '../../api/types.ts';
import type { ToastStore } from '../toast/toast-store.ts';
import { selectAll, type SelectedTask } from './selection.ts';
import type { SelectionStore } from './selection-store.ts';

/**
 * The most tasks one bulk change takes: each task costs two API calls (a fresh read and the
 * write), and the API allows 100 calls a minute per tenant, so 1,000 tasks take about 20 minutes.
 */
export const MAX_BULK_TASKS = 1000;

export const CAP_REASON =
  'A bulk change takes at most 1,000 tasks: each task needs two calls to the Gainsight API, which allows 100 a minute, so 1,000 tasks already take about 20 minutes.';

const PAGE = 500;

/** The tasks `request` matches (its where and order, from the start), at most `cap`. */
export async function readMatching(
  search: SearchFn,
  request: SearchRequest,
  cap = MAX_BULK_TASKS,
): Promise<{ tasks: SelectedTask[]; total: number }> {
  const { offset: _offset, limit: _limit, ...rest } = request;
  const tasks: SelectedTask[] = [];
  let total = 0;
  const base = { ...rest, select: ['Gsid', 'Name'] };
  for await (const page of searchPages((offset) => search({ ...base, offset, limit: Math.min(PAGE, cap - tasks.length) }))) {
    total = page.totalCount;
    for (const row of page.records) if (row.Gsid && tasks.length < cap) tasks.push({ id: row.Gsid, name: row.Name ?? '' });
    if (tasks.length >= cap) break;
  }
  return { tasks, total: Math.max(total, tasks.length) };
}

const NUMBER = new Intl.NumberFormat('en-US');

/**
 * A board column's "Select all": its loaded cards at once, then (when it has more than it has
 * loaded, `request` is its search) the rest by id (selectRestOf).
 */
export function selectColumn(
  store: SelectionStore,
  cards: readonly Task[],
  request: SearchRequest | null,
  column: string,
  toast: ToastStore | null,
) {
  store.set((s) =>
    selectAll(
      s,
      cards.map((t) => ({ id: t.Gsid ?? '', name: t.Name ?? '(no name)' })),
    ),
  );
  if (request) void selectRestOf(store, request, column, toast);
}

/**
 * A board column's "Select all" past its loaded cards: every task of the column's search, read
 * by id, up to the cap; a toast says when it stops at the cap, or why the rest could not be read.
 */
export async function selectRestOf(
  store: SelectionStore,
  request: SearchRequest,
  column: string,
  toast: ToastStore | null,
  search: SearchFn = searchTasks,
) {
  try {
    const { tasks, total } = await readMatching(search, request);
    store.set((s) => selectAll(s, tasks));
    if (total > tasks.length) {
      toast?.show({
        tone: 'info',
        message: `The first ${NUMBER.format(tasks.length)} of ${NUMBER.format(total)} tasks in ${column} are selected. ${CAP_REASON}`,
      });
    }
  } catch (error) {
    const reason = isApiError(error) ? error.errorDesc : String(error);
    toast?.show({ tone: 'error', message: `Only the loaded cards of ${column} are selected: the others could not be read (${reason}).` });
  }
}
