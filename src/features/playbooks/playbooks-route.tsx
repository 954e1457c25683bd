import type { QueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { playbooksQueryOptions, usePlaybooks } from '../../api/playbooks.ts';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';

export function prefetch(queryClient: QueryClient) {
  void queryClient.prefetchQuery(playbooksQueryOptions());
}

export function Component() {
  const query = usePlaybooks();
  return (
    <div>
      <h1 className="mb-4 text-2xl font-semibold">Playbooks</h1>
      {query.isPending && <Loading />}
      {query.isError && <ErrorMessage error={query.error} title="Could not load playbooks" onRetry={() => void query.refetch()} />}
      <ul className="space-y-1">
        {query.data?.map((p) => (
          <li key={p.Gsid}>
            <Link to={`/playbooks/${encodeURIComponent(p.Gsid ?? '')}`} className="hover:underline">
              {p.Name}
            </Link>{' '}
            <span className="text-sm text-slate-600">({p.IsActive ? 'Active' : 'Inactive'})</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
