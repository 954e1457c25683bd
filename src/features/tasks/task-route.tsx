import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { taskQueryOptions, useTask } from '../../api/tasks.ts';
import { isApiError } from '../../api/errors.ts';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../app/not-found.tsx';

export function prefetch(queryClient: QueryClient, { params }: LoaderFunctionArgs) {
  if (params.taskId) void queryClient.prefetchQuery(taskQueryOptions(params.taskId));
}

export function Component() {
  const { taskId = '' } = useParams();
  const query = useTask(taskId);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <NotFoundPage title="Task not found" detail={`No task has the id "${taskId}".`} />;
    }
    return <ErrorMessage error={query.error} title="Could not load the task" onRetry={() => void query.refetch()} />;
  }
  const t = query.data;
  return (
    <div>
      <h1 className="mb-2 text-2xl font-semibold">{t.Name}</h1>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {(['Status', 'Priority', 'DueDate', 'OwnerName', 'CompanyName', 'Description'] as const).map((f) => (
          <div key={f} className="contents">
            <dt className="font-medium">{f}</dt>
            <dd>{t[f] ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
