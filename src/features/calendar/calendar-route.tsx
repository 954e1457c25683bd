/** The calendar at /calendar (its data starts from calendar-request.ts, prefetchCalendar). */
export { CalendarPage as Component } from './calendar-page.tsx';
