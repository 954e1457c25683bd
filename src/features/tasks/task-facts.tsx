import type { ReactNode } from 'react';
import type { Task } from '../../api/types.ts';
import { TaskCta } from '../../components/cta/task-cta.tsx';
import { dueInWords, formatDate, formatDateTime, todayIso } from '../../lib/dates.ts';
import { TaskPlaybook } from './task-playbook.tsx';

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-[8rem_1fr] gap-3 py-2">
      <dt className="text-sm font-medium text-slate-600">{term}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

const none = (text: string) => <span className="text-slate-600">{text}</span>;

/** The fields an edit changes: status, priority, due date, owner and description. */
export function TaskEditableFacts({ task }: { task: Task }) {
  const done = task.Status === 'Completed' || task.Status === 'Skipped';
  const due = dueInWords(task.DueDate, todayIso(), done);
  return (
    <dl className="divide-y divide-slate-100">
      <Fact term="Status">{task.Status ?? none('Unknown')}</Fact>
      <Fact term="Priority">{task.Priority || none('No priority')}</Fact>
      <Fact term="Due">
        {task.DueDate && done ? (
          // "was due Nov 27, 2026" (or "due …" ahead of its date): the words already hold the date.
          <time dateTime={task.DueDate}>{due.words}</time>
        ) : task.DueDate ? (
          <>
            <span className={due.overdue ? 'font-semibold text-red-700' : ''}>{due.words}</span>
            {' · '}
            <time dateTime={task.DueDate}>{formatDate(task.DueDate)}</time>
          </>
        ) : (
          none('No due date')
        )}
      </Fact>
      <Fact term="Owner">{task.OwnerName || task.OwnerId || none('No owner')}</Fact>
      <Fact term="Description">
        {task.Description ? <p className="whitespace-pre-wrap">{task.Description}</p> : none('No description')}
      </Fact>
    </dl>
  );
}

/** What an edit does not change: company, CTA, playbook and the dates the server keeps. */
export function TaskFixedFacts({ task }: { task: Task }) {
  return (
    <dl className="divide-y divide-slate-100">
      <Fact term="Company">{task.CompanyName || task.CompanyId || none('Unknown')}</Fact>
      <Fact term="CTA">{task.CTAId ? <TaskCta task={task} ctaId={task.CTAId} /> : none('None')}</Fact>
      <Fact term="Playbook">
        {task.PlaybookId ? <TaskPlaybook playbookId={task.PlaybookId} order={task.Order} /> : none('Not from a playbook')}
      </Fact>
      <Fact term="Created">
        {task.CreatedDate ? <time dateTime={task.CreatedDate}>{formatDateTime(task.CreatedDate)}</time> : none('Unknown')}
      </Fact>
      <Fact term="Modified">
        {task.ModifiedDate ? <time dateTime={task.ModifiedDate}>{formatDateTime(task.ModifiedDate)}</time> : none('Unknown')}
      </Fact>
      <Fact term="Completed">
        {task.CompletedDate ? <time dateTime={task.CompletedDate}>{formatDate(task.CompletedDate)}</time> : none('Not completed')}
      </Fact>
    </dl>
  );
}
