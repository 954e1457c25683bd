import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTaskActivity } from '../../api/team/activity.ts';
import { taskKeys } from '../../api/query-keys.ts';
import { ErrorMessage } from '../../components/query-status.tsx';
import { formatDateTime, todayIso } from '../../lib/dates.ts';
import { timeAgo } from '../../lib/time-ago.ts';
import { activityLines } from './activity-text.ts';

/** The current time, again every `everyMs`, so "2 minutes ago" keeps true while the page is open. */
function useNow(everyMs: number): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export interface TaskActivityProps {
  taskId: string;
  /** The task's ModifiedDate: when it moves (a refetch brought a newer task), the activity is read again. */
  version: string | undefined;
}

/**
 * What happened to the task, newest first, from the team server's history. Not shown at all by
 * a team server without history (an older one); says so when the server keeps none (mirror off).
 */
export function TaskActivity({ taskId, version }: TaskActivityProps) {
  const id = useId();
  const query = useTaskActivity(taskId);
  const queryClient = useQueryClient();
  const tick = useNow(30_000);
  // Never older than the answer: an entry made after the last tick is "just now", not in the future.
  const now = new Date(Math.max(tick.getTime(), query.dataUpdatedAt));
  const seenVersion = useRef(version);

  useEffect(() => {
    if (seenVersion.current === version) return;
    seenVersion.current = version;
    void queryClient.invalidateQueries({ queryKey: taskKeys.activity(taskId) });
  }, [queryClient, taskId, version]);

  if (query.data?.offered === false) return null;

  let body: ReactNode;
  if (query.data) {
    const { answer } = query.data;
    const keptFor = answer.retentionDays > 0 ? ` History is kept for ${answer.retentionDays} days.` : '';
    if (!answer.available) {
      body = <p className="text-sm text-slate-600">Activity needs the team server's mirror, which is turned off.</p>;
    } else if (answer.entries.length === 0) {
      body = <p className="text-sm text-slate-600">{`No changes recorded yet.${keptFor}`}</p>;
    } else {
      const today = todayIso(now);
      body = (
        <>
          <ol aria-labelledby={`${id}-title`} className="divide-y divide-slate-100">
            {activityLines(answer.entries, today).map((line) => (
              <li key={line.key} className="py-2">
                <p className="text-slate-900">
                  {line.headline},{' '}
                  <time dateTime={line.at} title={formatDateTime(line.at)} className="text-slate-600">
                    {timeAgo(line.at, now) ?? formatDateTime(line.at)}
                  </time>
                </p>
                {line.changes.length > 0 && (
                  <ul className="mt-0.5 text-sm text-slate-700">
                    {line.changes.map((change, i) => (
                      <li key={i} className="break-words">
                        {change}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
          {keptFor && <p className="mt-2 text-xs text-slate-600">{keptFor.trim()}</p>}
        </>
      );
    }
  } else if (query.isError) {
    body = <ErrorMessage error={query.error} title="Could not load the task's activity" onRetry={() => void query.refetch()} />;
  } else {
    body = (
      <p role="status" className="text-sm text-slate-600">
        Loading the activity…
      </p>
    );
  }

  return (
    <section aria-labelledby={`${id}-title`} className="mt-6 rounded border border-slate-200 bg-white p-4">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        Activity
      </h2>
      <div className="mt-2">{body}</div>
    </section>
  );
}
