import { Link } from '../../components/router/router.tsx';
import { ErrorMessage } from '../../components/query-status.tsx';
import { formatDate } from '../../lib/dates.ts';
import type { ApplyMode, ExistingCoverage } from './existing-tasks.ts';
import { stepLabel } from './template-steps.ts';

const ID = 'apply-existing';
const tasks = (n: number) => `${n} ${n === 1 ? 'task' : 'tasks'}`;
const templatesWord = (n: number) => `${n} ${n === 1 ? 'template' : 'templates'}`;

export type ExistingState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'error'; error: unknown; retry: () => void }
  | { kind: 'ready'; coverage: ExistingCoverage };

/**
 * Applying the playbook again to a CTA that has tasks from it: says so, lists them (each links to
 * its task) and lets the user create only the templates still missing (the default) or all again.
 */
export function ExistingTasksWarning({
  state,
  templateCount,
  mode,
  onModeChange,
}: {
  state: ExistingState;
  templateCount: number;
  mode: ApplyMode;
  onModeChange: (mode: ApplyMode) => void;
}) {
  if (state.kind === 'error') {
    return (
      <div className="space-y-1">
        <ErrorMessage error={state.error} title="Could not check this CTA's tasks from this playbook" onRetry={state.retry} />
        <p className="text-sm text-slate-700">Create now makes every template, even one the CTA may already have.</p>
      </div>
    );
  }
  const coverage = state.kind === 'ready' ? state.coverage : null;
  const count = coverage?.tasks.length ?? 0;
  const missing = coverage?.missing.length ?? 0;
  return (
    <>
      <p role="status" className={count > 0 ? 'sr-only' : 'text-sm text-slate-700'}>
        {state.kind === 'pending'
          ? "Checking this CTA's tasks from this playbook…"
          : count > 0
            ? `This CTA already has ${tasks(count)} from this playbook; ${missing === 0 ? 'every template has one' : `${templatesWord(missing)} ${missing === 1 ? 'has' : 'have'} none`}.`
            : coverage
              ? 'This CTA has no tasks from this playbook yet.'
              : ''}
      </p>
      {coverage && count > 0 && (
        <section
          aria-labelledby={`${ID}-title`}
          className="space-y-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        >
          <h3 id={`${ID}-title`} className="font-semibold">
            This CTA already has {tasks(count)} from this playbook
          </h3>
          <ul className="space-y-0.5">
            {coverage.tasks.map(({ task, template }) => (
              <li key={task.Gsid}>
                {task.Gsid ? (
                  <Link to={`/tasks/${encodeURIComponent(task.Gsid)}`} className="font-medium underline" target="_blank" rel="noreferrer">
                    {task.Name || 'Untitled task'}
                    <span className="sr-only"> (opens in a new tab)</span>
                  </Link>
                ) : (
                  <span className="font-medium">{task.Name || 'Untitled task'}</span>
                )}
                {' · '}
                {task.Status ?? 'Not Started'}
                {task.DueDate ? ` · due ${formatDate(task.DueDate)}` : ''}
                {' · '}
                {template ? stepLabel(template) : 'no template of the playbook now'}
              </li>
            ))}
          </ul>
          <fieldset>
            <legend className="font-medium">What to create</legend>
            <label className="mt-1 flex items-start gap-2">
              <input
                type="radio"
                name={`${ID}-mode`}
                className="mt-0.5"
                checked={mode === 'missing'}
                onChange={() => onModeChange('missing')}
              />
              <span>
                {missing === 0
                  ? 'Nothing: every template already has a task on this CTA'
                  : `Only the ${missing} missing ${missing === 1 ? 'template' : 'templates'}`}
              </span>
            </label>
            <label className="mt-1 flex items-start gap-2">
              <input type="radio" name={`${ID}-mode`} className="mt-0.5" checked={mode === 'all'} onChange={() => onModeChange('all')} />
              <span>All {templatesWord(templateCount)} again (the CTA will have duplicates)</span>
            </label>
          </fieldset>
        </section>
      )}
    </>
  );
}
