/** The columns' paged searches: one infinite query per status, shared by the page and its prefetch. */
import type { QueryClient } from '@tanstack/react-query';
import { taskSearchInfiniteQueryOptions } from '../../api/tasks.ts';
import { TASK_STATUSES, type TaskStatus } from '../../api/types.ts';
import { todayIso } from '../../lib/dates.ts';
import { parseBoardParams, type BoardState } from './board-url-state.ts';
import { boardWhere, columnRequest, type BoardContext } from './column-request.ts';
import { readMe } from './me-store.ts';

export type ColumnQueryOptions = ReturnType<typeof taskSearchInfiniteQueryOptions>;

export function columnQueries(state: BoardState, context: BoardContext): Record<TaskStatus, ColumnQueryOptions> {
  const where = boardWhere(state, context);
  return Object.fromEntries(
    TASK_STATUSES.map((status) => [status, taskSearchInfiniteQueryOptions(columnRequest(where, status, state))]),
  ) as Record<TaskStatus, ColumnQueryOptions>;
}

/** True when "My tasks" is on but the user has not yet said who they are. */
export function needsMe(state: BoardState, me: string | null): boolean {
  return state.quick.includes('mine') && !me;
}

/** Starts the columns' first pages while the page's code loads. */
export function prefetchBoard(queryClient: QueryClient, url: string): void {
  const { state, whereError } = parseBoardParams(new URL(url).searchParams);
  const me = readMe();
  if (whereError || needsMe(state, me)) return;
  for (const options of Object.values(columnQueries(state, { today: todayIso(), me }))) {
    void queryClient.prefetchInfiniteQuery(options);
  }
}
