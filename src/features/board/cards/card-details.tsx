/** The facts a card shows under its name (shared by the card and its drag preview). */
import type { Task } from '../../../api/types.ts';
import { cardText } from './card-text.ts';
import { usePlaybookIndex } from './playbook-index.ts';

const PRIORITY_STYLE: Record<string, string> = {
  High: 'bg-red-50 text-red-800 ring-red-200',
  Medium: 'bg-amber-50 text-amber-900 ring-amber-200',
  Low: 'bg-slate-50 text-slate-700 ring-slate-200',
};

export function CardDetails({ task, today }: { task: Task; today: string }) {
  const text = cardText(task, today, usePlaybookIndex());
  return (
    <>
      <p className="mt-1 truncate text-xs text-slate-700">
        {task.CompanyName ?? 'No company'} · {task.OwnerName ?? 'No owner'}
      </p>
      {/*
        The playbook's name and step come from the board's playbook list, which may arrive after
        the cards ("Playbook task" until then): one line whatever it says, so filling it in moves
        nothing (the full text is in the tooltip and read by screen readers).
      */}
      {text.playbook && (
        <p className="mt-1 truncate text-xs text-slate-700" title={text.playbook}>
          {text.playbook}
        </p>
      )}
      <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-xs">
        {task.Priority && (
          <span className={`rounded px-1.5 py-px font-medium ring-1 ${PRIORITY_STYLE[task.Priority] ?? PRIORITY_STYLE.Low}`}>
            {task.Priority} priority
          </span>
        )}
        <time
          dateTime={task.DueDate}
          title={text.due.title ?? undefined}
          className={text.due.overdue ? 'font-semibold text-red-700' : 'text-slate-700'}
        >
          {text.due.overdue ? '⚠ ' : ''}
          {text.due.words}
          {/* The full date as text too: a tooltip alone is out of reach of keyboards, touch and screen readers. */}
          {text.due.date && <span className="sr-only"> ({text.due.date})</span>}
        </time>
      </p>
      {text.completed && <p className="mt-1 text-xs text-green-800">{text.completed}</p>}
    </>
  );
}
