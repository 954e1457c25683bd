/** The columns' paged searches: one infinite query per status, shared by the page and its prefetch. */
import type { QueryClient } from '@tanstack/react-query';
import { playbooksQueryOptions } from '../../../api/playbooks.ts';
import { taskSearchInfiniteQueryOptions } from '../../../api/tasks.ts';
import { TASK_STATUSES, type TaskStatus } from '../../../api/types.ts';
import { todayIso } from '../../../lib/dates.ts';
import { parseBoardParams, type BoardState } from '../board-url-state.ts';
import { boardWhere, type BoardContext } from './column-request.ts';
import { columnSearch } from './column-search.ts';
import { readMe } from '../../../lib/me-store.ts';

export type ColumnQueryOptions = ReturnType<typeof taskSearchInfiniteQueryOptions>;

/** A column's search, or why the board cannot run one with these filters (said in the column). */
export type ColumnQuery = { options: ColumnQueryOptions; problem: null } | { options: null; problem: string };

export function columnQueries(state: BoardState, context: BoardContext): Record<TaskStatus, ColumnQuery> {
  const where = boardWhere(state, context);
  return Object.fromEntries(
    TASK_STATUSES.map((status) => {
      const search = columnSearch(where, status, state);
      return [
        status,
        search.ok ? { options: taskSearchInfiniteQueryOptions(search.request), problem: null } : { options: null, problem: search.problem },
      ];
    }),
  ) as Record<TaskStatus, ColumnQuery>;
}

/**
 * The board's filters as one string (the sort is left out: it changes no column's cards). A moved
 * card is put in a column only on the board it was moved on.
 */
export function boardScope(state: BoardState, context: BoardContext): string {
  const { sort: _sort, reverse: _reverse, ...filters } = state;
  return JSON.stringify([filters, context.me, context.today]);
}

/** True when "My tasks" is on but the user has not yet said who they are. */
export function needsMe(state: BoardState, me: string | null): boolean {
  return state.quick.includes('mine') && !me;
}

/**
 * Starts what the board's first render shows, while the page's code loads: the columns' first
 * pages and, in parallel with them, the playbook list (each card's playbook name and step; the
 * cards do not wait for it).
 */
export function prefetchBoard(queryClient: QueryClient, url: string): void {
  const { state, whereError } = parseBoardParams(new URL(url).searchParams);
  const me = readMe();
  if (whereError || needsMe(state, me)) return;
  // With swimlanes the cells' searches start once the lanes are known.
  for (const { options } of state.group ? [] : Object.values(columnQueries(state, { today: todayIso(), me }))) {
    if (options) void queryClient.prefetchInfiniteQuery(options);
  }
  void queryClient.prefetchQuery(playbooksQueryOptions());
}
