/**
 * Reads a calendar feed back for the tests (server/calendar/, e2e/ics.spec.ts) with a real
 * iCalendar parser (ical.js, Mozilla's), and checks the RFC 5545 line rules a parser forgives:
 * every line ends with CRLF, no line is longer than 75 octets, continuation lines start with a
 * space or a tab, and no control character other than tab is left in a line.
 */
import ICAL from 'ical.js';

// ical.js knows neither RFC 7986's NAME nor the X-WR- properties, and so reads them raw. RFC 5545
// (3.8.8.2) makes an unknown property's value TEXT, as RFC 7986 makes NAME: say so, so that their
// escapes (\, \; \n) are read as TEXT's.
for (const name of ['name', 'x-wr-calname', 'x-wr-caldesc']) ICAL.design.icalendar.property[name] = { defaultType: 'text' };

interface FeedEvent {
  uid: string;
  summary: string;
  description: string;
  url: string;
  /** `YYYY-MM-DD` of DTSTART, which must be a date (VALUE=DATE). */
  start: string;
  /** `YYYY-MM-DD` of DTEND, which must be a date. */
  end: string;
  /** DTSTAMP as an ISO instant (UTC). */
  stamp: string;
}

export interface ParsedFeed {
  /** X-WR-CALNAME. */
  name: string;
  /** NAME (RFC 7986). */
  name7986: string;
  events: FeedEvent[];
}

function dateOf(value: unknown, what: string): string {
  if (!(value instanceof ICAL.Time) || !value.isDate) throw new Error(`${what} is not a date (VALUE=DATE): ${String(value)}`);
  return value.toString();
}

export function parseFeed(text: string): ParsedFeed {
  const calendar = new ICAL.Component(ICAL.parse(text));
  if (calendar.name !== 'vcalendar') throw new Error(`not a VCALENDAR but ${calendar.name}`);
  const events = calendar.getAllSubcomponents('vevent').map((event): FeedEvent => {
    const stamp = event.getFirstPropertyValue('dtstamp');
    if (!(stamp instanceof ICAL.Time)) throw new Error('an event has no DTSTAMP');
    return {
      uid: String(event.getFirstPropertyValue('uid')),
      summary: String(event.getFirstPropertyValue('summary')),
      description: String(event.getFirstPropertyValue('description') ?? ''),
      url: String(event.getFirstPropertyValue('url')),
      start: dateOf(event.getFirstPropertyValue('dtstart'), 'DTSTART'),
      end: dateOf(event.getFirstPropertyValue('dtend'), 'DTEND'),
      stamp: stamp.toJSDate().toISOString(),
    };
  });
  return {
    name: String(calendar.getFirstPropertyValue('x-wr-calname')),
    name7986: String(calendar.getFirstPropertyValue('name')),
    events,
  };
}

/** The lines that break RFC 5545's line rules (3.1), with why; empty when the text keeps them. */
export function lineProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.endsWith('\r\n')) problems.push('the last line does not end with CRLF');
  const lines = text.split('\r\n').slice(0, -1);
  lines.forEach((line, i) => {
    if (/[\r\n]/.test(line)) problems.push(`line ${i + 1} holds a bare CR or LF`);
    if (Buffer.byteLength(line, 'utf8') > 75) problems.push(`line ${i + 1} is ${Buffer.byteLength(line, 'utf8')} octets`);
    // eslint-disable-next-line no-control-regex -- control characters are what is checked
    if (/[\x00-\x08\x0a-\x1f\x7f]/.test(line)) problems.push(`line ${i + 1} holds a control character`);
    if (i > 0 && line === '') problems.push(`line ${i + 1} is empty`);
  });
  return problems;
}
