/**
 * The calendar's searches: every task due in the dates a view shows, and the first page of the
 * tasks with no due date (for the side list), both with the calendar's filters. The rows are read
 * to their end in pages (src/api/search-pages.ts); the day grouping happens in the page.
 */
import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { searchTasks } from '../../api/client.ts';
import { taskKeys } from '../../api/query-keys.ts';
import { searchAllPages } from '../../api/search-pages.ts';
import { taskSearchQueryOptions } from '../../api/tasks.ts';
import type { SearchCondition, SearchRequest } from '../../api/types.ts';
import { todayIso } from '../../lib/dates.ts';
import { readMe } from '../../lib/me-store.ts';
import { visibleRange } from './calendar-grid.ts';
import { parseCalendarParams, type CalendarState } from './calendar-url-state.ts';

/** What a task on the calendar shows, and what a due-date change needs. */
const CALENDAR_FIELDS = ['Gsid', 'Name', 'CompanyName', 'OwnerId', 'OwnerName', 'Status', 'Priority', 'DueDate', 'ModifiedDate'];

/** Rows a page of the range's search asks for. */
const RANGE_PAGE_SIZE = 500;

/** Tasks without a due date listed at once (the list says how many there are in all). */
const UNDATED_PAGE_SIZE = 25;

/** The calendar's filters as search conditions (no date). `me`: who "My tasks" means. */
function filterConditions(state: CalendarState, me: string | null): SearchCondition[] {
  const conditions: SearchCondition[] = [];
  if (state.owner) conditions.push({ name: 'OwnerId', alias: 'Owner', operator: 'EQ', value: [state.owner] });
  if (state.company) conditions.push({ name: 'CompanyId', alias: 'Company', operator: 'EQ', value: [state.company] });
  if (state.priority) conditions.push({ name: 'Priority', alias: 'Priority', operator: 'EQ', value: [state.priority] });
  if (state.mine && me) conditions.push({ name: 'OwnerId', alias: 'Mine', operator: 'EQ', value: [me] });
  if (state.statuses.length > 0) conditions.push({ name: 'Status', alias: 'Status', operator: 'IN', value: [...state.statuses] });
  return conditions;
}

/** Every task due from `start` to `end` (inclusive) that the filters let through. */
export function rangeRequest(state: CalendarState, today: string, me: string | null): SearchRequest {
  const { start, end } = visibleRange(state.view, state.date ?? today);
  return {
    select: CALENDAR_FIELDS,
    where: { conditions: [{ name: 'DueDate', alias: 'Due', operator: 'BTW', value: [start, end] }, ...filterConditions(state, me)] },
    limit: RANGE_PAGE_SIZE,
  };
}

/** The tasks with no due date that the filters let through, the most recently changed first. */
export function undatedRequest(state: CalendarState, me: string | null): SearchRequest {
  return {
    select: CALENDAR_FIELDS,
    where: { conditions: [{ name: 'DueDate', alias: 'Due', operator: 'IS_NULL', value: [] }, ...filterConditions(state, me)] },
    orderBy: { ModifiedDate: 'desc' },
    limit: UNDATED_PAGE_SIZE,
  };
}

export function rangeQueryOptions(request: SearchRequest) {
  return queryOptions({
    queryKey: taskKeys.searchAllPages(request),
    queryFn: ({ signal }) => searchAllPages(searchTasks, request, { signal }),
  });
}

export const undatedQueryOptions = taskSearchQueryOptions;

/** True when "My tasks" is on but the user has not yet said who they are. */
export const needsMe = (state: CalendarState, me: string | null) => state.mine && !me;

/** Starts the calendar's searches while its code loads. */
export function prefetchCalendar(queryClient: QueryClient, url: string): void {
  const { state } = parseCalendarParams(new URL(url).searchParams);
  const me = readMe();
  if (needsMe(state, me)) return;
  void queryClient.prefetchQuery(rangeQueryOptions(rangeRequest(state, todayIso(), me)));
  void queryClient.prefetchQuery(undatedQueryOptions(undatedRequest(state, me)));
}
