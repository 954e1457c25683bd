import type { QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { taskSearchQueryOptions, useTaskSearch } from '../../api/tasks.ts';
import type { SearchRequest } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';

const REQUEST: SearchRequest = { select: ['Gsid', 'Name', 'Status', 'CompanyName', 'DueDate'], orderBy: { ModifiedDate: 'desc' }, limit: 25 };

export function prefetch(queryClient: QueryClient) {
  void queryClient.prefetchQuery(taskSearchQueryOptions(REQUEST));
}

export function Component() {
  const query = useTaskSearch(REQUEST);
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Search</h1>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} title="Search failed" onRetry={() => void query.refetch()} />}
      {query.data && (
        <table className="w-full bg-white text-sm">
          <caption className="text-left text-slate-600">Recently modified: {query.data.totalCount} tasks in all</caption>
          <thead>
            <tr className="text-left">
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Company</th>
              <th scope="col">Due date</th>
            </tr>
          </thead>
          <tbody>
            {query.data.records.map((t) => (
              <tr key={t.Gsid}>
                <td>
                  <Link to={`/tasks/${encodeURIComponent(t.Gsid ?? '')}`}>{t.Name}</Link>
                </td>
                <td>{t.Status}</td>
                <td>{t.CompanyName}</td>
                <td>{t.DueDate}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
