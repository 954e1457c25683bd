import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs } from 'react-router';
import { useParams } from 'react-router';
import { playbookQueryOptions, usePlaybook } from '../../api/playbooks.ts';
import { isApiError } from '../../api/errors.ts';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';
import { NotFoundPage } from '../../app/not-found.tsx';

export function prefetch(queryClient: QueryClient, { params }: LoaderFunctionArgs) {
  if (params.playbookId) void queryClient.prefetchQuery(playbookQueryOptions(params.playbookId));
}

export function Component() {
  const { playbookId = '' } = useParams();
  const query = usePlaybook(playbookId);
  if (query.isPending) return <Loading />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return <NotFoundPage title="Playbook not found" detail={`No playbook has the id "${playbookId}".`} />;
    }
    return <ErrorMessage error={query.error} title="Could not load the playbook" onRetry={() => void query.refetch()} />;
  }
  const p = query.data;
  return (
    <div>
      <h1 className="mb-2 text-2xl font-semibold">{p.Name}</h1>
      <p className="text-slate-700">{p.Description}</p>
      <ol className="mt-4 list-decimal pl-6">
        {p.TaskTemplates?.map((t) => (
          <li key={`${t.order}-${t.name}`}>
            {t.name} <span className="text-sm text-slate-600">(Day {t.daysFromCreation})</span>
          </li>
        ))}
      </ol>
    </div>
  );
}
