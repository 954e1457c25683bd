/**
 * A task's activity in words: for each entry the team server keeps (live-events.ts, ActivityEntry),
 * a sentence saying who did what ("Ana moved it to Completed", "Changed outside Cockpit Board")
 * and a line per field that changed ("Status: Not Started → Completed", "Due date: Aug 12 → Aug 19").
 * Field labels are the edit form's (src/components/task-save/task-conflict.ts); dates are written as elsewhere in the app.
 * Pure.
 */
import { shortDate } from '../../lib/cta-label.ts';
import { formatDateTime, isCalendarDate } from '../../lib/dates.ts';
import type { ActivityEntry, FieldChange } from '../../lib/live-events.ts';
import { FIELD_LABELS } from '../../components/task-save/task-conflict.ts';

/** Labels for the fields the edit form does not have; the rest are the form's own. */
const OTHER_LABELS: Record<string, string> = {
  OwnerName: 'Owner',
  CompanyId: 'Company',
  CompanyName: 'Company',
  CompletedDate: 'Completed date',
  PlaybookId: 'Playbook',
  Order: 'Order',
};

/** Kept by the server on every write; a line for them would say nothing. */
const UNTOLD = new Set(['Gsid', 'ModifiedDate', 'CreatedDate']);

/** A field's id and its name together: the name is told, the id left out. */
const SHOWN_WITH = new Map<string, string>([
  ['OwnerId', 'OwnerName'],
  ['CompanyId', 'CompanyName'],
]);

/** What an empty value is called, by field (as the task page says it: "No due date"). */
const EMPTY_WORDS: Record<string, string> = {
  Priority: 'no priority',
  DueDate: 'no due date',
  CompletedDate: 'not completed',
  OwnerId: 'no owner',
  OwnerName: 'no owner',
  Description: 'no description',
  PlaybookId: 'no playbook',
};

const QUOTED = new Set(['Name', 'Description']);
const MAX_QUOTE = 60;

function fieldLabel(field: string): string {
  return (FIELD_LABELS as Record<string, string>)[field] ?? OTHER_LABELS[field] ?? field;
}

/** A value as the page would show it: "Aug 19" for a date this year, “text” for a name. */
export function valueInWords(field: string, value: string | number | null, today: string): string {
  if (value === null || value === '') return EMPTY_WORDS[field] ?? 'none';
  if (typeof value === 'number') return String(value);
  if (field === 'DueDate' || field === 'CompletedDate') {
    if (isCalendarDate(value)) return shortDate(value, today);
    return formatDateTime(value) || value;
  }
  if (QUOTED.has(field)) {
    const line = value.replace(/\s+/g, ' ').trim();
    return `“${line.length > MAX_QUOTE ? `${line.slice(0, MAX_QUOTE - 1).trimEnd()}…` : line}”`;
  }
  return value;
}

/** The changes worth a line, in the server's order; an id shown with its name is left out. */
function toldChanges(changes: readonly FieldChange[]): FieldChange[] {
  const fields = new Set(changes.map((c) => c.field));
  return changes.filter((c) => !UNTOLD.has(c.field) && !(SHOWN_WITH.has(c.field) && fields.has(SHOWN_WITH.get(c.field)!)));
}

/** "Status: Not Started → Completed". */
export function changeInWords(change: FieldChange, today: string): string {
  return `${fieldLabel(change.field)}: ${valueInWords(change.field, change.from, today)} → ${valueInWords(change.field, change.to, today)}`;
}

/** "status", "status and priority", "name, status and priority". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Due date" → "due date", but "CTA" stays. */
function lowerFirst(label: string): string {
  return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

/** "due date" → "Due date". */
function upperFirst(text: string): string {
  return text === '' ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** The sentence for one entry: who did what, and where it came from. */
export function activityHeadline(entry: ActivityEntry): string {
  const told = toldChanges(entry.changes);
  const actor = entry.actor?.trim() || null;
  const outside = entry.source === 'outside';
  if (entry.kind === 'created') {
    if (actor) return `${actor} created it`;
    return outside ? 'Created outside Cockpit Board' : 'Created in Cockpit Board';
  }
  if (entry.kind === 'removed') {
    if (actor) return `${actor} deleted it`;
    return outside ? 'Removed outside Cockpit Board' : 'Removed in Cockpit Board';
  }
  const status = told.find((c) => c.field === 'Status');
  const others = [...new Set(told.filter((c) => c !== status).map((c) => lowerFirst(fieldLabel(c.field))))];
  const moved = status ? (typeof status.to === 'string' && status.to !== '' ? `moved it to ${status.to}` : 'cleared its status') : null;
  const where = outside ? 'outside Cockpit Board' : 'in Cockpit Board';
  if (actor) {
    if (moved) return others.length > 0 ? `${actor} ${moved} and changed the ${listInWords(others)}` : `${actor} ${moved}`;
    return others.length > 0 ? `${actor} changed the ${listInWords(others)}` : `${actor} saved it without changes`;
  }
  if (status && typeof status.to === 'string' && status.to !== '') return `Moved to ${status.to} ${where}`;
  if (outside) return 'Changed outside Cockpit Board';
  return others.length > 0 ? `${upperFirst(listInWords(others))} changed ${where}` : `Saved ${where}`;
}

export interface ActivityLine {
  /** Unique within the list. */
  key: string;
  at: string;
  headline: string;
  /** One line per field that changed; none for a created or removed task. */
  changes: string[];
}

/** The entries as the list shows them: newest first (the server's order kept for equal times). */
export function activityLines(entries: readonly ActivityEntry[], today: string): ActivityLine[] {
  return entries
    .map((entry, index) => ({ entry, index, t: Date.parse(entry.at) }))
    .sort((a, b) => b.t - a.t || a.index - b.index)
    .map(({ entry, index }) => ({
      key: `${entry.at}#${index}`,
      at: entry.at,
      headline: activityHeadline(entry),
      changes: entry.kind === 'changed' ? toldChanges(entry.changes).map((c) => changeInWords(c, today)) : [],
    }));
}
