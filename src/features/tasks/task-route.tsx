import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { playbookQueryOptions } from '../../api/playbooks.ts';
import { taskQueryOptions, useTask } from '../../api/tasks.ts';
import { isApiError } from '../../api/errors.ts';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../app/not-found.tsx';
import { TaskPage } from './task-page.tsx';

/** Warms the task and, once it is known, its playbook (for the "step 3 of 7"). */
export function prefetch(queryClient: QueryClient, { params }: LoaderFunctionArgs) {
  const id = params.taskId;
  if (!id) return;
  queryClient
    .ensureQueryData(taskQueryOptions(id))
    .then((task) => {
      if (task.PlaybookId) void queryClient.prefetchQuery(playbookQueryOptions(task.PlaybookId));
    })
    .catch(() => {
      // The page shows the error with a retry.
    });
}

export function Component() {
  const { taskId = '' } = useParams();
  const query = useTask(taskId);
  if (query.data) {
    const refreshError = query.isError ? query.error : null;
    return <TaskPage key={taskId} task={query.data} refreshError={refreshError} onRetry={() => void query.refetch()} />;
  }
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <NotFoundPage title="Task not found" detail={`No task has the id "${taskId}". It may have been mistyped.`} />;
    }
    return <ErrorMessage error={query.error} title="Could not load the task" onRetry={() => void query.refetch()} />;
  }
  return <Loading label="Loading the task…" />;
}
