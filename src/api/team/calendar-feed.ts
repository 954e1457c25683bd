/**
 * The calendar feed's address for an owner (the team server's `GET /api/calendar-feed`), for the
 * "Subscribe to calendar" dialog. It holds the user's token when sign-in is on, and does not
 * change while the session lasts, so it is read once.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { calendarFeedKeys } from '../query-keys.ts';
import { getCalendarFeed } from './team-api.ts';

function calendarFeedQueryOptions(owner: string) {
  return queryOptions({
    queryKey: calendarFeedKeys.address(owner),
    queryFn: ({ signal }) => getCalendarFeed(owner, { signal }),
    staleTime: Infinity,
  });
}

export function useCalendarFeed(owner: string) {
  return useQuery(calendarFeedQueryOptions(owner));
}
