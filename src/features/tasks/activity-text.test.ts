import { describe, expect, it } from 'vitest';
import type { ActivityEntry } from '../../lib/live-events.ts';
import { activityHeadline, activityLines, changeInWords, valueInWords } from './activity-text.ts';

const TODAY = '2026-08-19';
const entry = (patch: Partial<ActivityEntry>): ActivityEntry => ({
  at: '2026-08-19T11:58:00.000Z',
  source: 'cockpit',
  actor: null,
  kind: 'changed',
  changes: [],
  ...patch,
});
const STATUS = { field: 'Status', from: 'Not Started', to: 'Completed' };
const DUE = { field: 'DueDate', from: '2026-08-12', to: '2026-08-19' };

describe('a change in words', () => {
  it('uses the labels and formats of the task page', () => {
    expect(changeInWords(STATUS, TODAY)).toBe('Status: Not Started → Completed');
    expect(changeInWords(DUE, TODAY)).toBe('Due date: Aug 12 → Aug 19');
    expect(changeInWords({ field: 'DueDate', from: '2025-12-30', to: null }, TODAY)).toBe('Due date: Dec 30, 2025 → no due date');
    expect(changeInWords({ field: 'OwnerName', from: 'Ana', to: 'Ben' }, TODAY)).toBe('Owner: Ana → Ben');
    expect(changeInWords({ field: 'Priority', from: null, to: 'High' }, TODAY)).toBe('Priority: no priority → High');
    expect(changeInWords({ field: 'CTAId', from: '1C1', to: '1C2' }, TODAY)).toBe('CTA: 1C1 → 1C2');
    expect(changeInWords({ field: 'Order', from: 2, to: 3 }, TODAY)).toBe('Order: 2 → 3');
    expect(changeInWords({ field: 'Mystery', from: 'a', to: '' }, TODAY)).toBe('Mystery: a → none');
  });

  it('quotes names and descriptions, shortened to one line', () => {
    expect(valueInWords('Name', 'Kickoff  call', TODAY)).toBe('“Kickoff call”');
    const long = valueInWords('Description', `${'word '.repeat(30)}\nmore`, TODAY);
    expect(long).toMatch(/^“word word .*…”$/);
    expect(long.length).toBeLessThanOrEqual(62);
  });
});

describe('the sentence of an entry', () => {
  it('names who moved it, with what else they changed', () => {
    expect(activityHeadline(entry({ actor: 'Ana', changes: [STATUS] }))).toBe('Ana moved it to Completed');
    expect(activityHeadline(entry({ actor: 'Ana', changes: [STATUS, DUE, { field: 'OwnerId', from: 'U1', to: 'U2' }] }))).toBe(
      'Ana moved it to Completed and changed the due date and owner',
    );
    expect(activityHeadline(entry({ actor: 'Ana', changes: [DUE, { field: 'CTAId', from: 'a', to: 'b' }] }))).toBe(
      'Ana changed the due date and CTA',
    );
    expect(activityHeadline(entry({ actor: 'Ana', changes: [{ field: 'ModifiedDate', from: 'a', to: 'b' }] }))).toBe(
      'Ana saved it without changes',
    );
  });

  it('says when a change came from outside Cockpit Board', () => {
    expect(activityHeadline(entry({ source: 'outside', changes: [DUE] }))).toBe('Changed outside Cockpit Board');
    expect(activityHeadline(entry({ source: 'outside', changes: [STATUS, DUE] }))).toBe('Moved to Completed outside Cockpit Board');
  });

  it('tells a change through Cockpit Board without sign-in by what changed', () => {
    expect(activityHeadline(entry({ changes: [STATUS] }))).toBe('Moved to Completed in Cockpit Board');
    expect(activityHeadline(entry({ changes: [DUE, { field: 'Priority', from: 'Low', to: 'High' }] }))).toBe(
      'Due date and priority changed in Cockpit Board',
    );
  });

  it('tells a created and a removed task', () => {
    expect(activityHeadline(entry({ kind: 'created', actor: 'Ana' }))).toBe('Ana created it');
    expect(activityHeadline(entry({ kind: 'created', source: 'outside' }))).toBe('Created outside Cockpit Board');
    expect(activityHeadline(entry({ kind: 'created' }))).toBe('Created in Cockpit Board');
    expect(activityHeadline(entry({ kind: 'removed', source: 'outside' }))).toBe('Removed outside Cockpit Board');
  });
});

describe('the lines of the list', () => {
  it('are newest first, an owner told once by name, the server-kept dates left out', () => {
    const lines = activityLines(
      [
        entry({ at: '2026-08-18T09:00:00.000Z', kind: 'created', source: 'outside', changes: [STATUS] }),
        entry({
          at: '2026-08-19T11:58:00.000Z',
          actor: 'Ana',
          changes: [
            STATUS,
            { field: 'OwnerId', from: 'U1', to: 'U2' },
            { field: 'OwnerName', from: 'Ana', to: 'Ben' },
            { field: 'ModifiedDate', from: 'x', to: 'y' },
          ],
        }),
        entry({ at: '2026-08-19T10:00:00.000Z', source: 'outside', changes: [DUE] }),
      ],
      TODAY,
    );
    expect(lines.map((l) => [l.headline, l.changes])).toEqual([
      ['Ana moved it to Completed and changed the owner', ['Status: Not Started → Completed', 'Owner: Ana → Ben']],
      ['Changed outside Cockpit Board', ['Due date: Aug 12 → Aug 19']],
      ['Created outside Cockpit Board', []],
    ]);
    expect(new Set(lines.map((l) => l.key)).size).toBe(3);
  });
});
