import { useParams } from '../../components/router/router.tsx';
import { useTask } from '../../api/tasks.ts';
import { isApiError } from '../../api/errors.ts';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../components/ui/not-found.tsx';
import { TaskPage } from './task-page.tsx';

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
