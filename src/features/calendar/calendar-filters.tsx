/** The calendar's filters: the board's (My tasks, owner, company, priority) and the statuses shown; all in the URL. */
import { TASK_STATUSES, type TaskStatus } from '../../api/types.ts';
import { FilterSelects } from '../../components/task-filters/filter-selects.tsx';
import { hasCalendarFilters, type CalendarState } from './calendar-url-state.ts';

interface Props {
  state: CalendarState;
  update: (patch: Partial<CalendarState>) => void;
  me: string | null;
  setMe: (ownerId: string | null) => void;
}

const pill = (on: boolean) =>
  `rounded-full border px-3 py-1.5 text-sm font-medium ${on ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 bg-white text-slate-800 hover:bg-slate-100'}`;

export function CalendarFilters({ state, update, me, setMe }: Props) {
  const toggleStatus = (status: TaskStatus) =>
    update({ statuses: state.statuses.includes(status) ? state.statuses.filter((s) => s !== status) : [...state.statuses, status] });
  return (
    <form role="search" aria-label="Calendar filters" onSubmit={(e) => e.preventDefault()} className="flex flex-wrap items-end gap-3">
      <button type="button" aria-pressed={state.mine} onClick={() => update({ mine: !state.mine })} className={pill(state.mine)}>
        My tasks
      </button>
      <FilterSelects
        owner={state.owner}
        company={state.company}
        priority={state.priority}
        update={update}
        mine={state.mine}
        me={me}
        setMe={setMe}
      />
      <div role="group" aria-label="Status" className="flex flex-wrap gap-1">
        {TASK_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={state.statuses.includes(status)}
            onClick={() => toggleStatus(status)}
            className={pill(state.statuses.includes(status))}
          >
            {status}
          </button>
        ))}
      </div>
      {hasCalendarFilters(state) && (
        <button
          type="button"
          onClick={() => update({ owner: null, company: null, priority: null, mine: false, statuses: [] })}
          className="rounded px-2 py-1.5 text-sm font-medium text-blue-800 underline hover:bg-blue-50"
        >
          Clear filters
        </button>
      )}
    </form>
  );
}
