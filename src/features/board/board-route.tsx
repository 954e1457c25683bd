import type { QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { taskSearchQueryOptions, useTaskSearch } from '../../api/tasks.ts';
import { TASK_STATUSES, type SearchRequest, type TaskStatus } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';

const columnRequest = (status: TaskStatus): SearchRequest => ({
  select: ['Gsid', 'Name', 'CompanyName', 'DueDate', 'Status'],
  where: { conditions: [{ name: 'Status', alias: 'A', operator: 'EQ', value: [status] }] },
  orderBy: { DueDate: 'asc' },
  limit: 50,
});

export function prefetch(queryClient: QueryClient) {
  for (const status of TASK_STATUSES) void queryClient.prefetchQuery(taskSearchQueryOptions(columnRequest(status)));
}

function Column({ status }: { status: TaskStatus }) {
  const query = useTaskSearch(columnRequest(status));
  return (
    <section aria-label={status} className="rounded border border-slate-200 bg-white p-3">
      <h2 className="font-semibold">
        {status} {query.data && <span className="text-slate-600">({query.data.totalCount})</span>}
      </h2>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} title={`Could not load ${status}`} onRetry={() => void query.refetch()} />}
      <ul className="mt-2 space-y-1 text-sm">
        {query.data?.records.map((t) => (
          <li key={t.Gsid}>
            <Link to={`/tasks/${encodeURIComponent(t.Gsid ?? '')}`} className="hover:underline">
              {t.Name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function Component() {
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Board</h1>
      <div className="grid grid-cols-4 gap-3">
        {TASK_STATUSES.map((s) => (
          <Column key={s} status={s} />
        ))}
      </div>
    </div>
  );
}
