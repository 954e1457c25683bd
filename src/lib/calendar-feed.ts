/**
 * The calendar feed (an owner's open tasks as iCalendar, for Google Calendar, Outlook and the
 * like): its paths, the address the team server hands the app, and the rule for an owner id. One
 * definition for both sides: the team server (server/calendar/) and the app's "Subscribe to
 * calendar" button (src/components/calendar-subscribe/).
 */

/** The feed itself: `GET /calendar.ics?owner=<OwnerId>[&token=...]`, answered as `text/calendar`. */
export const CALENDAR_FEED_PATH = '/calendar.ics';
/** `GET /api/calendar-feed?owner=<OwnerId>`: the feed's address for the current user (CalendarFeedAnswer). */
export const CALENDAR_FEED_ADDRESS_PATH = '/api/calendar-feed';
export const FEED_OWNER_PARAM = 'owner';
export const FEED_TOKEN_PARAM = 'token';

export interface CalendarFeedAnswer {
  /** The whole address to subscribe to, on the server's public origin; with the user's token when sign-in is on. */
  url: string;
  /** Whether the address holds a personal token (sign-in is on): it is then to be kept private. */
  personal: boolean;
}

/** The longest owner id taken (a Gainsight Gsid is 36 characters). */
const FEED_OWNER_MAX = 64;

/** Why `owner` cannot name a task owner, or null when it can: letters, digits, `-` and `_`, 1 to FEED_OWNER_MAX. */
export function feedOwnerProblem(owner: string | null | undefined): string | null {
  if (owner === null || owner === undefined || owner === '') {
    return 'The owner is missing: add ?owner=<OwnerId>, the id of the user whose open tasks the calendar shows.';
  }
  if (owner.length > FEED_OWNER_MAX) return `The owner id is ${owner.length} characters long; an owner id has at most ${FEED_OWNER_MAX}.`;
  if (!/^[A-Za-z0-9_-]+$/.test(owner)) {
    return `The owner id ${JSON.stringify(owner)} has characters an owner id never has (only letters, digits, "-" and "_").`;
  }
  return null;
}
