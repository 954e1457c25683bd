/**
 * The calendar feed's address for an owner (the team server's `GET /api/calendar-feed`), for the
 * "Subscribe to calendar" dialog. It holds the user's token when sign-in is on, and does not
 * change while the session lasts, so it is read once. Loaded with the dialog only.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { CALENDAR_FEED_ADDRESS_PATH, FEED_OWNER_PARAM, type CalendarFeedAnswer } from '../../lib/calendar-feed.ts';
import type { CallOptions } from '../client.ts';
import { ApiError } from '../errors.ts';
import { calendarFeedKeys, TEAM_SERVER_META } from '../query-keys.ts';
import { getJson } from './team-api.ts';

/** Reads `GET /api/calendar-feed?owner=`; an answer of another shape is an ApiError that says so. */
export async function getCalendarFeed(owner: string, options?: CallOptions): Promise<CalendarFeedAnswer> {
  const body = await getJson(`${CALENDAR_FEED_ADDRESS_PATH}?${new URLSearchParams({ [FEED_OWNER_PARAM]: owner })}`, options);
  const answer = (typeof body === 'object' && body !== null ? body : {}) as Partial<Record<keyof CalendarFeedAnswer, unknown>>;
  if (typeof answer.url !== 'string' || !/^https?:\/\//.test(answer.url) || typeof answer.personal !== 'boolean') {
    throw new ApiError({
      kind: 'api',
      status: 200,
      errorDesc: "The team server answered with the calendar feed's address in a shape this app does not know.",
    });
  }
  return { url: answer.url, personal: answer.personal };
}

function calendarFeedQueryOptions(owner: string) {
  return queryOptions({
    queryKey: calendarFeedKeys.address(owner),
    meta: TEAM_SERVER_META,
    queryFn: ({ signal }) => getCalendarFeed(owner, { signal }),
    staleTime: Infinity,
  });
}

export function useCalendarFeed(owner: string) {
  return useQuery(calendarFeedQueryOptions(owner));
}
