/**
 * The calendar at /calendar: tasks by due date in a month or a week, with the board's filters,
 * previous / today / next, a list of the tasks without a due date, and a task's due date changed
 * by dragging it to another day or with its "Change due date" button. All of it in the URL.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import type { Task } from '../../api/types.ts';
import { SubscribeButton } from '../../components/calendar-subscribe/subscribe-button.tsx';
import { ErrorMessage } from '../../components/query-status.tsx';
import { Button } from '../../components/ui/button.tsx';
import { LinkProblems } from '../../components/ui/link-problems.tsx';
import { todayIso } from '../../lib/dates.ts';
import { useMe } from '../../lib/me-store.ts';
import { CalendarDnd, requestFocus } from './calendar-dnd.tsx';
import { CalendarFilters } from './calendar-filters.tsx';
import { CALENDAR_VIEWS, stepDate, viewTitle, viewWeeks, visibleRange, type CalendarView } from './calendar-grid.ts';
import { CalendarGridView } from './calendar-grid-view.tsx';
import { needsMe, rangeQueryOptions, rangeRequest, undatedQueryOptions, undatedRequest } from './calendar-request.ts';
import { ChangeDueDateDialog } from './change-due-date-dialog.tsx';
import { groupByDay, withPending } from './day-groups.ts';
import { UndatedList } from './undated-list.tsx';
import { useCalendarState } from './use-calendar-state.ts';
import { useChangeDueDate, usePendingDueChanges } from './use-change-due-date.ts';

const VIEW_LABELS: Record<CalendarView, string> = { month: 'Month', week: 'Week' };

interface Changing {
  task: Task;
  from: string | null;
}

export function CalendarPage() {
  const { state, problems, update } = useCalendarState();
  const [me, setMe] = useMe();
  const [today] = useState(todayIso);
  const [filtersShown, setFiltersShown] = useState(false);
  const [changing, setChanging] = useState<Changing | null>(null);

  const date = state.date ?? today;
  const weeks = useMemo(() => viewWeeks(state.view, date), [state.view, date]);
  const range = useMemo(() => visibleRange(state.view, date), [state.view, date]);
  const waiting = needsMe(state, me);
  const rangeOptions = rangeQueryOptions(useMemo(() => rangeRequest(state, today, me), [state, today, me]));
  const undatedOptions = undatedQueryOptions(useMemo(() => undatedRequest(state, me), [state, me]));
  const rangeQuery = useQuery({ ...rangeOptions, enabled: !waiting });
  const undatedQuery = useQuery({ ...undatedOptions, enabled: !waiting });

  const pending = usePendingDueChanges();
  const change = useChangeDueDate({
    range: { key: rangeOptions.queryKey, ...range },
    undated: undatedOptions.queryKey,
  });
  const days = useMemo(() => groupByDay(withPending(rangeQuery.data ?? [], pending, range)), [rangeQuery.data, pending, range]);
  const undatedRows = useMemo(() => withPending(undatedQuery.data?.records ?? [], pending, null), [undatedQuery.data, pending]);

  const title = viewTitle(state.view, date);
  // The feed is one owner's open tasks: the owner the calendar is narrowed to, else the user.
  const feedOwner = state.mine ? me : (state.owner ?? me);
  const unit = state.view;
  const onChangeDate = (task: Task, from: string | null) => setChanging({ task, from });

  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold">Calendar</h1>
        <div role="group" aria-label="View" className="flex gap-1">
          {CALENDAR_VIEWS.map((view) => (
            <Button
              key={view}
              size="toolbar"
              variant={state.view === view ? 'primary' : 'secondary'}
              aria-pressed={state.view === view}
              onClick={() => update({ view })}
            >
              {VIEW_LABELS[view]}
            </Button>
          ))}
        </div>
        <div role="group" aria-label="Dates shown" className="flex gap-1">
          <Button size="toolbar" aria-label={`Previous ${unit}`} onClick={() => update({ date: stepDate(state.view, date, -1) })}>
            Previous
          </Button>
          <Button size="toolbar" onClick={() => update({ date: null })}>
            Today
          </Button>
          <Button size="toolbar" aria-label={`Next ${unit}`} onClick={() => update({ date: stepDate(state.view, date, 1) })}>
            Next
          </Button>
        </div>
        <h2 aria-live="polite" className="text-lg font-semibold">
          {title}
        </h2>
        {/* The calendar's own actions, at the end of its heading row: the owner's calendar feed. */}
        <div id="calendar-actions" className="ml-auto flex items-center gap-2">
          {feedOwner ? (
            <SubscribeButton ownerId={feedOwner} />
          ) : (
            <p className="text-sm text-slate-600">To subscribe to a calendar feed, choose an owner or yourself in “I am”.</p>
          )}
        </div>
      </div>
      <Button
        size="toolbar"
        aria-expanded={filtersShown}
        aria-controls="calendar-filters"
        onClick={() => setFiltersShown((shown) => !shown)}
        className="self-start sm:hidden"
      >
        {filtersShown ? 'Hide filters' : 'Filters'}
      </Button>
      <div id="calendar-filters" className={filtersShown ? '' : 'max-sm:hidden'}>
        <CalendarFilters state={state} update={update} me={me} setMe={setMe} />
      </div>
      <LinkProblems problems={problems} />
      {waiting && (
        <p role="status" className="rounded border border-blue-200 bg-blue-50 p-3 text-sm text-blue-950">
          “My tasks” is on: choose yourself in “I am” to see your tasks.
        </p>
      )}
      {rangeQuery.isFetching && !waiting && (
        <p role="status" className="text-sm text-slate-600">
          Loading tasks due {title}…
        </p>
      )}
      {rangeQuery.isError && (
        <ErrorMessage
          error={rangeQuery.error}
          title="The calendar's tasks could not be loaded."
          onRetry={() => void rangeQuery.refetch()}
        />
      )}
      <CalendarDnd onChange={change} today={today}>
        <div className="flex flex-col gap-4 lg:flex-row lg:items-start">
          <CalendarGridView
            view={state.view}
            weeks={weeks}
            month={date.slice(0, 7)}
            days={days}
            today={today}
            onChangeDate={onChangeDate}
          />
          <UndatedList
            result={undatedQuery.data}
            rows={undatedRows}
            error={undatedQuery.error}
            pending={undatedQuery.isPending && !waiting}
            onRetry={() => void undatedQuery.refetch()}
            today={today}
            onChangeDate={onChangeDate}
          />
        </div>
      </CalendarDnd>
      {changing && (
        <ChangeDueDateDialog
          task={changing.task}
          from={changing.from}
          today={today}
          onClose={() => setChanging(null)}
          onChoose={(to) => {
            setChanging(null);
            requestFocus(changing.task.Gsid);
            change({ task: changing.task, from: changing.from, to });
          }}
        />
      )}
    </div>
  );
}
