import { useEffect, useRef, useState } from 'react';
import type { Task } from '../../api/types.ts';
import { ErrorMessage } from '../../components/query-status.tsx';
import { useToast } from '../../components/toast/toasts.tsx';
import { TaskActivity } from './task-activity.tsx';
import { TaskEditableFacts, TaskFixedFacts } from './task-facts.tsx';
import { TaskEditForm } from './task-edit-form.tsx';
import { Button } from '../../components/ui/button.tsx';

export interface TaskPageProps {
  task: Task;
  /** A background refresh failed (the task shown is the last one loaded). */
  refreshError: unknown;
  onRetry: () => void;
}

/** One task: every field, and its edit form in place of the editable ones. */
export function TaskPage({ task, refreshError, onRetry }: TaskPageProps) {
  /** The task as it was when editing began; null while viewing. */
  const [editing, setEditing] = useState<Task | null>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const toast = useToast();

  useEffect(() => {
    // Back from the form: the focus goes to the button that opened it.
    if (wasEditing.current && !editing) editRef.current?.focus();
    wasEditing.current = editing !== null;
  }, [editing]);

  return (
    <article aria-labelledby="task-title" className="mx-auto max-w-5xl">
      <header className="flex flex-wrap items-start gap-4 border-b border-slate-200 pb-3">
        <div className="min-w-0 flex-1">
          <h1 id="task-title" className="text-2xl font-semibold break-words">
            {task.Name}
          </h1>
          <p className="text-sm text-slate-600">
            {task.CompanyName ? `${task.CompanyName} · ` : ''}
            {task.Status}
          </p>
        </div>
        {!editing && (
          <Button ref={editRef} variant="primary" onClick={() => setEditing(task)}>
            Edit task
          </Button>
        )}
      </header>
      {refreshError !== null && (
        <div className="mt-3">
          <ErrorMessage error={refreshError} title="Could not refresh the task; it may be out of date" onRetry={onRetry} />
        </div>
      )}
      <div className="mt-4 grid gap-6 md:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <section aria-label={editing ? 'Edit form' : 'Details'} className="rounded border border-slate-200 bg-white p-4">
          {editing ? (
            <TaskEditForm
              task={editing}
              liveTask={task}
              onCancel={() => setEditing(null)}
              onSaved={(saved, merged) => {
                setEditing(null);
                const kept = merged.map((c) => c.label.toLowerCase());
                toast.show({
                  message: `Saved "${saved.Name ?? 'the task'}"${kept.length > 0 ? `, with the ${listInWords(kept)} someone else saved meanwhile` : ''}`,
                  tone: 'success',
                });
              }}
            />
          ) : (
            <TaskEditableFacts task={task} />
          )}
        </section>
        <section aria-label="About this task" className="rounded border border-slate-200 bg-white p-4">
          <TaskFixedFacts task={task} />
        </section>
      </div>
      {task.Gsid && <TaskActivity taskId={task.Gsid} version={task.ModifiedDate} />}
    </article>
  );
}

/** "status", "status and priority", "name, status and priority". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
