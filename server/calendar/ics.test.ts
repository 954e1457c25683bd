import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/api/types.ts';
import { lineProblems, parseFeed } from '../../test-support/ical-feed.ts';
import { buildFeed, escapeText } from './ics.ts';

const base = { owner: 'U1', origin: 'https://board.acme.example', now: Date.parse('2026-05-01T12:00:00Z'), refreshSeconds: 3600 };
const task = (fields: Partial<Task>): Task => ({ Gsid: 'T1', Name: 'A task', Status: 'Not Started', DueDate: '2026-12-31', ...fields });

describe('buildFeed', () => {
  it("escapes the owner's name in the calendar's name, so it cannot cut a line or start a property", () => {
    const text = buildFeed({ ...base, ownerName: 'Souza, Ana\r\nBEGIN:VEVENT', tasks: [] });
    expect(text).not.toMatch(/\r\nBEGIN:VEVENT/);
    expect(lineProblems(text)).toEqual([]);
    const parsed = parseFeed(text);
    expect(parsed.name).toBe('Cockpit Board: Souza, Ana\nBEGIN:VEVENT, open tasks');
    expect(parsed.events).toEqual([]);
  });

  it('drops control characters and leaves out tasks that cannot be an event', () => {
    const text = buildFeed({
      ...base,
      ownerName: null,
      tasks: [
        task({ Gsid: 'T1', Name: 'Bell\u0007 and NUL\u0000 here', CompanyName: 'Acme\u001b Inc' }),
        task({ Gsid: 'T2', DueDate: '2026-02-30' }),
        task({ Gsid: undefined }),
        task({ Gsid: 'T3', Name: '   ', ModifiedDate: undefined, CreatedDate: undefined }),
      ],
    });
    expect(lineProblems(text)).toEqual([]);
    const { name, events } = parseFeed(text);
    expect(name).toBe('Cockpit Board: owner U1, open tasks');
    expect(events.map((e) => [e.uid, e.summary])).toEqual([
      ['T1@board.acme.example', 'Bell and NUL here'],
      ['T3@board.acme.example', 'Untitled task'],
    ]);
    expect(events[0]!.description).toContain('Company: Acme Inc');
    expect(events[1]!.stamp).toBe('2026-05-01T12:00:00.000Z');
  });

  it('ends the year and a leap February on the next day', () => {
    const { events } = parseFeed(
      buildFeed({
        ...base,
        ownerName: 'Ana',
        tasks: [task({ Gsid: 'A', DueDate: '2026-12-31' }), task({ Gsid: 'B', DueDate: '2028-02-29' })],
      }),
    );
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2026-12-31', '2027-01-01'],
      ['2028-02-29', '2028-03-01'],
    ]);
  });
});

describe('escapeText', () => {
  it("writes RFC 5545's TEXT escapes", () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });
});
