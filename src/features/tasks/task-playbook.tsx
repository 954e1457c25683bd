import { Link } from '../../components/router/router.tsx';
import { isApiError } from '../../api/errors.ts';
import { usePlaybook } from '../../api/playbooks.ts';
import { playbookStep } from './playbook-step.ts';

/** The task's playbook, linked, and the task's step in it ("Step 3 of 7"). */
export function TaskPlaybook({ playbookId, order }: { playbookId: string; order: number | undefined }) {
  const query = usePlaybook(playbookId);
  const to = `/playbooks/${encodeURIComponent(playbookId)}`;
  const step = query.data ? playbookStep(query.data.TaskTemplates, order) : null;
  return (
    <div>
      <Link to={to} className="font-medium text-blue-800 underline hover:text-blue-950">
        {query.data?.Name ?? `Playbook ${playbookId}`}
      </Link>
      <p className="text-sm text-slate-700">
        {query.isPending && <span role="status">Loading the playbook's steps…</span>}
        {query.data && (step ? `Step ${step.position} of ${step.total}` : `Not one of the playbook's steps (order ${order ?? 'unknown'})`)}
        {query.isError && !query.data && (
          <span role="alert">
            {isApiError(query.error) && query.error.status === 404
              ? 'This playbook no longer exists.'
              : 'Could not load the playbook, so its step is unknown. '}
            {!(isApiError(query.error) && query.error.status === 404) && (
              <button type="button" className="underline" onClick={() => void query.refetch()}>
                Try again
              </button>
            )}
          </span>
        )}
      </p>
    </div>
  );
}
