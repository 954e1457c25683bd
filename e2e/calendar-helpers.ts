/** Helpers for the calendar's end-to-end tests: a quiet day, and a day's cell and a task on it. */
import type { Page } from '@playwright/test';
import { dayName, weekDays } from '../src/features/calendar/calendar-grid.ts';

/** A Wednesday far from today and from other tests' days, so a day holds only this test's tasks. */
export function quietWednesday(): string {
  const year = 2045 + Math.floor(Math.random() * 50);
  const month = 1 + Math.floor(Math.random() * 12);
  const day = 8 + Math.floor(Math.random() * 14);
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return weekDays(date)[2]!;
}

/** A day's cell, found by its date's name (and "today" when it is). */
export const day = (page: Page, date: string) => page.getByRole('group', { name: new RegExp(`^${dayName(date)}(, today)?, `) });

/** A task on a day, found by its link's name. */
export const chip = (page: Page, date: string, name: string) =>
  day(page, date)
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: new RegExp(`^${name}`) }) });
