/**
 * A task on the calendar: its Move handle (drag with the mouse, touch or the keyboard), its name
 * as a link to its page, overdue and done marks, and its "Change due date" button.
 */
import { useEffect, useRef } from 'react';
import { Link } from '../../components/router/router.tsx';
import type { Task } from '../../api/types.ts';
import { claimFocus, useTaskDrag } from './calendar-dnd.tsx';
import { isDone, isOverdue } from './day-groups.ts';

interface Props {
  task: Task;
  /** Its due date as shown (null: none). */
  from: string | null;
  today: string;
  onChangeDate: (task: Task, from: string | null, opener: HTMLButtonElement | null) => void;
}

export function TaskChip({ task, from, today, onChangeDate }: Props) {
  const name = task.Name ?? 'Untitled task';
  const { nodeRef, handleRef, handleProps, isDragging } = useTaskDrag(task, from);
  const handle = useRef<HTMLButtonElement | null>(null);
  const dateButton = useRef<HTMLButtonElement>(null);
  const overdue = isOverdue(task, today);
  const done = isDone(task);

  useEffect(() => {
    if (task.Gsid && claimFocus(task.Gsid)) handle.current?.focus();
  }, [task.Gsid]);

  return (
    <li
      ref={nodeRef}
      data-dragging={isDragging || undefined}
      className={`flex min-w-0 items-center gap-0.5 rounded border py-0.5 pr-0.5 text-xs data-dragging:opacity-40 ${
        overdue ? 'border-red-300 border-l-4 border-l-red-600 bg-red-50' : 'border-slate-200 bg-white'
      }`}
    >
      <button
        ref={(el) => {
          handle.current = el;
          handleRef(el);
        }}
        type="button"
        {...handleProps}
        aria-label={`Move ${name}`}
        className="shrink-0 cursor-grab touch-none rounded px-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
      >
        <svg aria-hidden="true" viewBox="0 0 8 14" className="h-3.5 w-2 fill-current">
          <path d="M1 1h2v2H1zM5 1h2v2H5zM1 6h2v2H1zM5 6h2v2H5zM1 11h2v2H1zM5 11h2v2H5z" />
        </svg>
      </button>
      <Link
        to={`/tasks/${encodeURIComponent(task.Gsid ?? '')}`}
        title={name}
        className={`min-w-0 flex-1 truncate font-medium hover:underline ${overdue ? 'text-red-900' : done ? 'text-slate-600 line-through' : 'text-slate-900'}`}
      >
        {name}
        {overdue && <span className="sr-only"> (overdue)</span>}
        {done && <span className="sr-only"> ({task.Status})</span>}
      </Link>
      <button
        ref={dateButton}
        type="button"
        aria-haspopup="dialog"
        aria-label={`Change due date of ${name}`}
        title="Change due date"
        onClick={() => onChangeDate(task, from, dateButton.current)}
        className="shrink-0 rounded p-0.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="h-3.5 w-3.5 fill-none stroke-current" strokeWidth="1.5">
          <path d="M3.5 3h9A1.5 1.5 0 0 1 14 4.5v8a1.5 1.5 0 0 1-1.5 1.5h-9A1.5 1.5 0 0 1 2 12.5v-8A1.5 1.5 0 0 1 3.5 3zM2 6.5h12M5.5 1.5v3M10.5 1.5v3" />
        </svg>
      </button>
    </li>
  );
}
