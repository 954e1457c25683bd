/**
 * Moving a card between the cached pages of two columns (TanStack Query's infinite-query data),
 * so the board shows a move at once, before the server answers. Pure: each function returns new
 * data and never changes what it is given.
 *
 * Pages were fetched by offset (`pageParams`); the next page is asked for at the last page's
 * offset plus its length. Removing or inserting a card shifts the server's rows, so the offsets
 * of the pages after the change move by one, and a later "load more" neither skips nor repeats
 * a row.
 */
import type { InfiniteData } from '@tanstack/react-query';
import { nextSearchOffset } from '../../../api/tasks.ts';
import type { SearchResult, Task, TaskStatus } from '../../../api/types.ts';
import { compareTasks } from '../../../lib/search/task-order.ts';
import type { OrderBy } from '../columns/sort-order.ts';

/** A column's cached pages; page params are the offsets the pages were fetched at. */
export type ColumnPages = InfiniteData<SearchResult, unknown>;

const shift = (offset: unknown, by: number): unknown => (typeof offset === 'number' ? Math.max(0, offset + by) : offset);

/** The pages with `gsid` taken out (every copy), the count one less. Unchanged when absent. */
export function removeTask(data: ColumnPages | undefined, gsid: string): ColumnPages | undefined {
  if (!data) return data;
  const first = data.pages.findIndex((p) => p.records.some((t) => t.Gsid === gsid));
  if (first === -1) return data;
  return {
    pages: data.pages.map((p, i) => ({
      records: i < first ? p.records : p.records.filter((t) => t.Gsid !== gsid),
      totalCount: Math.max(0, p.totalCount - 1),
    })),
    pageParams: data.pageParams.map((offset, i) => (i > first ? shift(offset, -1) : offset)),
  };
}

/** True when every row of the search is loaded (no next page). */
function isComplete(data: ColumnPages): boolean {
  const last = data.pages.length - 1;
  const lastPage = data.pages[last];
  const lastOffset = data.pageParams[last];
  return lastPage === undefined || typeof lastOffset !== 'number' || nextSearchOffset(lastPage, lastOffset) === undefined;
}

/**
 * The pages with `task` in its sorted place, the count one more. A copy already there is replaced
 * (not counted twice). When the task sorts after every loaded row and more rows are still to load,
 * it is only counted: it will come with a later page.
 */
export function insertTask(data: ColumnPages | undefined, task: Task, orderBy: OrderBy): ColumnPages | undefined {
  if (!data || !task.Gsid) return data;
  const base = removeTask(data, task.Gsid) ?? data;
  let pageIndex = -1;
  let at = -1;
  for (let i = 0; i < base.pages.length && pageIndex === -1; i++) {
    const j = base.pages[i]!.records.findIndex((r) => compareTasks(task, r, orderBy) < 0);
    if (j !== -1) [pageIndex, at] = [i, j];
  }
  if (pageIndex === -1 && isComplete(base) && base.pages.length > 0) {
    pageIndex = base.pages.length - 1;
    at = base.pages[pageIndex]!.records.length;
  }
  return {
    pages: base.pages.map((p, i) => ({
      records: i === pageIndex ? [...p.records.slice(0, at), task, ...p.records.slice(at)] : p.records,
      totalCount: p.totalCount + 1,
    })),
    pageParams: base.pageParams.map((offset, i) => (pageIndex !== -1 && i > pageIndex ? shift(offset, 1) : offset)),
  };
}

/**
 * The task as it will be after a move to `status`: what the server will change (Status,
 * CompletedDate, ModifiedDate), so the card sorts and reads right while the request runs.
 */
export function withStatus(task: Task, status: TaskStatus, now: Date): Task {
  const moved: Task = { ...task, Status: status, ModifiedDate: now.toISOString() };
  if (status === 'Completed') moved.CompletedDate = now.toISOString().slice(0, 10);
  else delete moved.CompletedDate;
  return moved;
}

export interface MoveResult {
  source: ColumnPages | undefined;
  target: ColumnPages | undefined;
}

/** Takes `task` out of the source column's pages and puts it in its sorted place in the target's. */
export function moveTask(source: ColumnPages | undefined, target: ColumnPages | undefined, task: Task, orderBy: OrderBy): MoveResult {
  return { source: task.Gsid ? removeTask(source, task.Gsid) : source, target: insertTask(target, task, orderBy) };
}

/** A move that is still running: the task as it will be after it, and where it is going. */
export interface PendingMove {
  task: Task;
  to: TaskStatus;
  /** The board (its filters) the move was made on; see `columnView`. */
  scope?: string;
}

export interface ColumnView {
  /** The cards to draw, in order, each task once. */
  cards: Task[];
  /** The count to show (undefined until the column has data). */
  count: number | undefined;
}

/**
 * What a column shows: its cached rows with the running moves laid over them, whatever the cache
 * holds (rows from before a move, or from a refetch that ran while it was on its way). A task on
 * its way elsewhere is taken out (and uncounted); a task on its way here that the rows lack is put
 * in its sorted place (and counted); so a moving card is always shown once, in its target. When it
 * sorts after every loaded row and more rows are still to load, it is only counted. A card is put
 * in only on the board (`scope`) its move was made on: with other filters it may not belong here.
 */
export function columnView(
  data: ColumnPages | undefined,
  status: TaskStatus,
  pending: ReadonlyMap<string, PendingMove>,
  orderBy: OrderBy,
  scope?: string,
  /** Whether a move ends here (a swimlane cell also asks the lane); by default, a move to `status`. */
  endsHere: (move: PendingMove) => boolean = (move) => move.to === status,
): ColumnView {
  if (!data) return { cards: [], count: undefined };
  const seen = new Set<string>();
  const cards: Task[] = [];
  let count = columnCount(data);
  const adjust = (by: number) => {
    if (count !== undefined) count = Math.max(0, count + by);
  };
  for (const page of data.pages) {
    for (const task of page.records) {
      const id = task.Gsid;
      if (!id || seen.has(id)) continue;
      seen.add(id);
      const move = pending.get(id);
      if (move && !endsHere(move)) adjust(-1);
      else cards.push(task);
    }
  }
  const complete = isComplete(data);
  for (const [id, move] of pending) {
    if (!endsHere(move) || seen.has(id) || (move.scope !== undefined && move.scope !== scope)) continue;
    adjust(1);
    const at = cards.findIndex((c) => compareTasks(move.task, c, orderBy) < 0);
    if (at !== -1) cards.splice(at, 0, move.task);
    else if (complete) cards.push(move.task);
  }
  return { cards, count };
}

/** The column's count: the server's `totalCount`, as adjusted by optimistic moves. */
export function columnCount(data: ColumnPages | undefined): number | undefined {
  return data?.pages[0]?.totalCount;
}
