import { describe, expect, it } from 'vitest';
import { EMPTY_CALENDAR_STATE, hasCalendarFilters, parseCalendarParams, serializeCalendarParams } from './calendar-url-state.ts';

const parse = (query: string) => parseCalendarParams(new URLSearchParams(query));

describe('the calendar in the URL', () => {
  it('is this month, unfiltered, when the link says nothing', () => {
    expect(parse('')).toEqual({ state: EMPTY_CALENDAR_STATE, problems: [] });
    expect(serializeCalendarParams(EMPTY_CALENDAR_STATE).toString()).toBe('');
  });

  it('reads and writes back every part', () => {
    const query = 'view=week&date=2028-02-29&owner=1U1&company=1A1&priority=High&quick=mine&status=Not+Started%2CIn+Progress';
    const { state, problems } = parse(query);
    expect(problems).toEqual([]);
    expect(state).toEqual({
      view: 'week',
      date: '2028-02-29',
      owner: '1U1',
      company: '1A1',
      priority: 'High',
      mine: true,
      statuses: ['Not Started', 'In Progress'],
    });
    expect(serializeCalendarParams(state).toString()).toBe(query);
    expect(hasCalendarFilters(state)).toBe(true);
    expect(hasCalendarFilters({ ...EMPTY_CALENDAR_STATE, view: 'week', date: '2026-01-01' })).toBe(false);
  });

  it('drops what it cannot use and says why', () => {
    const { state, problems } = parse(`view=year&date=2027-02-29&quick=mine,overdue&status=Done,Completed&owner=${'x'.repeat(201)}`);
    expect(state).toEqual({ ...EMPTY_CALENDAR_STATE, mine: true, statuses: ['Completed'] });
    expect(problems).toEqual([
      'Unknown view "year" in the link (known: month, week); showing the month.',
      '"2027-02-29" in the link is not a date (YYYY-MM-DD); showing today.',
      'The owner in the link is too long, so it is not used.',
      'The calendar has no quick filter "overdue" (known: mine).',
      'Unknown status "Done" in the link (known: Not Started, In Progress, Completed, Skipped).',
    ]);
  });

  it('keeps statuses in their usual order, and every status is the same as none', () => {
    expect(parse('status=Skipped,Not Started').state.statuses).toEqual(['Not Started', 'Skipped']);
    expect(parse('status=Skipped,Completed,In Progress,Not Started').state.statuses).toEqual([]);
  });
});
