/**
 * An owner's open tasks as an iCalendar feed (RFC 5545), written by ical-generator (which folds
 * lines at 75 octets, escapes text values and ends lines with CRLF): one all-day event per task on
 * its due date (DTSTART;VALUE=DATE, DTEND the next day), the task's name as SUMMARY, its company,
 * status, priority and CTA in DESCRIPTION, its page in URL, `<task id>@<host>` as UID (stable, so
 * a calendar app updates an event instead of adding another) and the task's last change as
 * DTSTAMP. Nothing in the output depends on when it is made, so the same tasks give the same bytes
 * (and the same ETag).
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import type { Task } from '../../src/api/types.ts';
import { calendarDateMs, parseCalendarDate } from '../../src/lib/search/calendar-date.ts';

const DAY_MS = 24 * 3600_000;

export interface FeedCalendar {
  owner: string;
  /** The owner's name as tasks say it, or null when none does. */
  ownerName: string | null;
  /** The server's public origin, e.g. `https://board.acme.com`: task links and UIDs are made from it. */
  origin: string;
  tasks: readonly Task[];
  /** When the feed is built (ms): DTSTAMP of a task that says neither when it changed nor when it was made. */
  now: number;
  /** How often a calendar app should fetch it again (seconds): REFRESH-INTERVAL and X-PUBLISHED-TTL. */
  refreshSeconds: number;
}

/** The feed's name in a calendar app's list. */
function feedName(owner: string, ownerName: string | null): string {
  return `Cockpit Board: ${ownerName ?? `owner ${owner}`}, open tasks`;
}

/** A task's page on the board. */
function taskUrl(origin: string, taskId: string): string {
  return `${origin}/tasks/${encodeURIComponent(taskId)}`;
}

/**
 * Text as RFC 5545 allows it in a value: control characters other than tab and line breaks
 * (which TEXT cannot hold, 3.3.11) dropped. ical-generator escapes and folds the rest.
 */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is dropped
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
}

/**
 * A TEXT value escaped (RFC 5545, 3.3.11: backslash, semicolon, comma, line breaks as \n), for the
 * calendar's own NAME, X-WR-CALNAME and X-WR-CALDESC, which ical-generator 10.2 writes as given
 * (its events' values it escapes itself). An owner's name with a comma or a line break would
 * otherwise be cut or start a property of its own.
 */
export function escapeText(text: string): string {
  return cleanText(text)
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

function stampOf(task: Task, now: number): Date {
  for (const value of [task.ModifiedDate, task.CreatedDate]) {
    const ms = value ? Date.parse(value) : NaN;
    if (Number.isFinite(ms)) return new Date(ms);
  }
  return new Date(now);
}

function descriptionOf(task: Task, url: string): string {
  const lines: string[] = [];
  if (task.CompanyName) lines.push(`Company: ${cleanText(task.CompanyName)}`);
  if (task.Status) lines.push(`Status: ${task.Status}`);
  if (task.Priority) lines.push(`Priority: ${cleanText(task.Priority)}`);
  if (task.CTAId) lines.push(`CTA: ${task.CTAId}`);
  lines.push(`Open in Cockpit Board: ${url}`);
  return lines.join('\n');
}

/** The feed's text. Tasks without a Gsid or a real calendar date as DueDate are left out (they cannot be an event). */
export function buildFeed(feed: FeedCalendar): string {
  const host = new URL(feed.origin).host;
  const calendar = ical({
    name: escapeText(feedName(feed.owner, feed.ownerName)),
    description: escapeText('Open tasks from Cockpit Board (Gainsight CS), each on its due date.'),
    prodId: { company: 'Cockpit Board', product: 'Task calendar feed', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: feed.refreshSeconds,
    url: `${feed.origin}/`,
  });
  for (const task of feed.tasks) {
    const date = task.DueDate ? parseCalendarDate(task.DueDate) : null;
    if (!task.Gsid || !date) continue;
    // A whole UTC day: ical-generator writes a date-only value from the UTC fields of a Date.
    const start = new Date(calendarDateMs(date));
    const url = taskUrl(feed.origin, task.Gsid);
    calendar.createEvent({
      id: `${task.Gsid}@${host}`,
      allDay: true,
      start,
      end: new Date(start.getTime() + DAY_MS),
      stamp: stampOf(task, feed.now),
      summary: cleanText(task.Name ?? '').trim() || 'Untitled task',
      description: descriptionOf(task, url),
      url,
    });
  }
  // RFC 5545 ends every content line, the last one too, with CRLF; ical-generator leaves the last bare.
  const text = calendar.toString();
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}
