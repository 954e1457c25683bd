/**
 * The calendar's view, date and filters, as they live in the URL so that a reload or a shared
 * link shows the same calendar. The filters are the board's and spelled as on the board (owner,
 * company, priority, quick=mine) plus the status, which the board shows as columns. Parsing never
 * throws: a bad value is dropped and told about (`problems`).
 *
 * Params: view (month | week; month when absent), date (YYYY-MM-DD, a day in the period shown;
 * today when absent), owner (OwnerId), company (CompanyId), priority, quick (mine), status (comma
 * list of statuses; all when absent).
 */
import { TASK_STATUSES, type TaskStatus } from '../../api/types.ts';
import { isCalendarDate } from '../../lib/dates.ts';
import { linkParams } from '../../lib/link-params.ts';
import { isCalendarView, type CalendarView } from './calendar-grid.ts';

export interface CalendarState {
  view: CalendarView;
  /** A day in the period shown, or null for today's. */
  date: string | null;
  owner: string | null;
  company: string | null;
  priority: string | null;
  /** "My tasks" is on. */
  mine: boolean;
  /** The statuses shown, in TASK_STATUSES order; empty for all. */
  statuses: TaskStatus[];
}

export const EMPTY_CALENDAR_STATE: CalendarState = {
  view: 'month',
  date: null,
  owner: null,
  company: null,
  priority: null,
  mine: false,
  statuses: [],
};

export interface ParsedCalendarState {
  state: CalendarState;
  /** Values that were dropped, in words. */
  problems: string[];
}

const isStatus = (value: string): value is TaskStatus => (TASK_STATUSES as readonly string[]).includes(value);

export function parseCalendarParams(params: URLSearchParams): ParsedCalendarState {
  const problems: string[] = [];
  const { text, list } = linkParams(params, problems);
  const state: CalendarState = { ...EMPTY_CALENDAR_STATE, statuses: [] };

  const view = params.get('view');
  if (view !== null && view !== '') {
    if (isCalendarView(view)) state.view = view;
    else problems.push(`Unknown view "${view}" in the link (known: month, week); showing the month.`);
  }
  const date = text('date', 'date');
  if (date !== null) {
    if (isCalendarDate(date)) state.date = date;
    else problems.push(`"${date}" in the link is not a date (YYYY-MM-DD); showing today.`);
  }
  state.owner = text('owner', 'owner');
  state.company = text('company', 'company');
  state.priority = text('priority', 'priority');

  const asked = list('quick');
  if (asked) {
    const unknown = asked.filter((s) => s !== 'mine');
    if (unknown.length > 0) problems.push(`The calendar has no quick filter ${unknown.map((u) => `"${u}"`).join(', ')} (known: mine).`);
    state.mine = asked.includes('mine');
  }

  const askedStatuses = list('status');
  if (askedStatuses) {
    const unknown = askedStatuses.filter((s) => !isStatus(s));
    if (unknown.length > 0) {
      problems.push(`Unknown status ${unknown.map((u) => `"${u}"`).join(', ')} in the link (known: ${TASK_STATUSES.join(', ')}).`);
    }
    const statuses = TASK_STATUSES.filter((s) => askedStatuses.includes(s));
    // Every status is the same as none chosen: all shown.
    state.statuses = statuses.length === TASK_STATUSES.length ? [] : statuses;
  }
  return { state, problems };
}

/** The params for a state; defaults are left out, so this month with no filter is just `/calendar`. */
export function serializeCalendarParams(state: CalendarState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.view !== 'month') params.set('view', state.view);
  if (state.date) params.set('date', state.date);
  if (state.owner) params.set('owner', state.owner);
  if (state.company) params.set('company', state.company);
  if (state.priority) params.set('priority', state.priority);
  if (state.mine) params.set('quick', 'mine');
  const statuses = TASK_STATUSES.filter((s) => state.statuses.includes(s));
  if (statuses.length > 0 && statuses.length < TASK_STATUSES.length) params.set('status', statuses.join(','));
  return params;
}

/** True when any filter narrows the calendar (the view and date are not filters). */
export function hasCalendarFilters(state: CalendarState): boolean {
  return Boolean(state.owner || state.company || state.priority || state.mine || state.statuses.length > 0);
}
