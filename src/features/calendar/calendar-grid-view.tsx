/**
 * The month or week: a row per week, a cell per day (a drop target), each day's tasks with
 * "N more" when they do not fit (it shows the whole day, and back). Today is marked; days of
 * other months are dimmed. On a phone the days are one column.
 */
import { useState } from 'react';
import type { Task } from '../../api/types.ts';
import { useDayDrop } from './calendar-dnd.tsx';
import { WEEKDAY_NAMES, dayName, type CalendarView } from './calendar-grid.ts';
import { dayCell } from './day-groups.ts';
import { dayDropId } from './drop-ids.ts';
import { TaskChip } from './task-chip.tsx';

/** Tasks a day's cell shows before "N more". */
const DAY_LIMIT: Record<CalendarView, number> = { month: 3, week: 12 };

interface Props {
  view: CalendarView;
  weeks: string[][];
  /** The month shown (`YYYY-MM`), whose days are not dimmed. */
  month: string;
  days: ReadonlyMap<string, Task[]>;
  today: string;
  onChangeDate: (task: Task, from: string | null, opener: HTMLButtonElement | null) => void;
}

export function CalendarGridView({ view, weeks, month, days, today, onChangeDate }: Props) {
  return (
    <div className="min-w-0 flex-1 overflow-hidden rounded-md border border-slate-300">
      <div aria-hidden="true" className="hidden grid-cols-7 border-b border-slate-300 bg-slate-50 sm:grid">
        {WEEKDAY_NAMES.map((d) => (
          <div key={d} className="px-2 py-1 text-xs font-semibold text-slate-700">
            {d.slice(0, 3)}
          </div>
        ))}
      </div>
      {weeks.map((week) => (
        <div key={week[0]} className="grid grid-cols-1 border-slate-300 not-last:border-b sm:grid-cols-7">
          {week.map((date) => (
            <Day
              key={date}
              date={date}
              tasks={days.get(date) ?? []}
              limit={DAY_LIMIT[view]}
              dim={view === 'month' && !date.startsWith(month)}
              tall={view === 'week'}
              today={today}
              onChangeDate={onChangeDate}
            />
          ))}
        </div>
      ))}
    </div>
  );
}

interface DayProps {
  date: string;
  tasks: Task[];
  limit: number;
  dim: boolean;
  tall: boolean;
  today: string;
  onChangeDate: Props['onChangeDate'];
}

function Day({ date, tasks, limit, dim, tall, today, onChangeDate }: DayProps) {
  const { ref, isOver } = useDayDrop(dayDropId(date));
  const [expanded, setExpanded] = useState(false);
  const isToday = date === today;
  const name = dayName(date);
  const { shown, more } = expanded ? { shown: tasks, more: 0 } : dayCell(tasks, limit);
  const listId = `day-${date}`;
  const count = tasks.length === 0 ? 'no tasks' : tasks.length === 1 ? '1 task' : `${tasks.length} tasks`;
  return (
    <div
      ref={ref}
      role="group"
      aria-label={`${name}${isToday ? ', today' : ''}, ${count}`}
      data-over={isOver || undefined}
      className={`flex min-w-0 flex-col gap-1 border-slate-200 p-1 not-last:border-b sm:not-last:border-r sm:not-last:border-b-0 ${
        tall ? 'sm:min-h-80' : 'sm:min-h-28'
      } ${dim ? 'bg-slate-50' : 'bg-white'} data-over:bg-blue-50 data-over:ring-2 data-over:ring-blue-500 data-over:ring-inset`}
    >
      <p className="flex items-center gap-1 text-xs">
        <span
          aria-current={isToday ? 'date' : undefined}
          className={`inline-flex h-6 min-w-6 items-center justify-center rounded-full px-1 font-semibold ${
            isToday ? 'bg-blue-700 text-white' : dim ? 'text-slate-600' : 'text-slate-900'
          }`}
        >
          <span className="sm:hidden">{name.replace(/, \d{4}$/, '')}</span>
          <span className="max-sm:hidden">{Number(date.slice(8))}</span>
        </span>
        {isToday && <span className="font-semibold text-blue-800">Today</span>}
      </p>
      {shown.length > 0 && (
        <ul id={listId} aria-label={`Tasks due ${name}`} className="flex min-w-0 flex-col gap-1">
          {shown.map((task) => (
            <TaskChip key={task.Gsid} task={task} from={date} today={today} onChangeDate={onChangeDate} />
          ))}
        </ul>
      )}
      {(more > 0 || expanded) && (
        <button
          type="button"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-label={expanded ? `Show fewer tasks on ${name}` : `${more} more tasks on ${name}`}
          onClick={() => setExpanded(!expanded)}
          className="self-start rounded px-1 text-xs font-medium text-blue-800 hover:bg-blue-50 hover:underline"
        >
          {expanded ? 'Show fewer' : `${more} more`}
        </button>
      )}
    </div>
  );
}
