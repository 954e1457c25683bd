import { useMemo } from 'react';
import { Link } from '../../components/router/router.tsx';
import { useCtaLabeller } from '../../api/cta.ts';
import { useSuggestions } from '../../api/suggestions.ts';
import { TASK_STATUSES } from '../../api/types.ts';
import { CtaName } from '../../components/cta/cta-name.tsx';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';
import { collectCtaFacts, mergeCtaFacts } from '../../lib/cta-facts.ts';
import { type CtaLabel } from '../../lib/cta-label.ts';
import { todayIso } from '../../lib/dates.ts';
import { boardPath } from './paths.ts';
import { computeAdoption, formatRate, type Adoption, type AdoptionTask, type Counts } from './adoption.ts';
import { useAdoptionTasks } from './adoption-query.ts';
import type { OrderedTemplate } from './template-steps.ts';
import { ScrollRegion } from '../../components/scroll-region.tsx';

const TH = 'px-3 py-1.5 font-semibold';
const TD_NUM = 'px-3 py-1.5 text-right tabular-nums';

/** How the playbook is used: figures over the tasks it created, per template and per CTA. */
export function AdoptionSection({ playbookId, templates }: { playbookId: string; templates: readonly OrderedTemplate[] }) {
  const query = useAdoptionTasks(playbookId);
  const today = todayIso();
  const adoption = useMemo(() => (query.data ? computeAdoption(query.data, templates, today) : null), [query.data, templates, today]);
  const ctaLabelOf = useCtaLabels(playbookId, query.data);

  return (
    <section aria-labelledby="adoption-title" className="space-y-3">
      <div className="flex flex-wrap items-baseline gap-3">
        <h2 id="adoption-title" className="text-xl font-semibold">
          Adoption
        </h2>
        <Link to={boardPath(playbookId)} className="text-sm font-medium text-blue-800 underline">
          Show on board
        </Link>
      </div>
      <p className="text-sm text-slate-700">
        From the tasks created by this playbook. <strong>Done</strong> means Completed or Skipped; <strong>overdue</strong> means Not
        Started or In Progress with a due date before today.
      </p>
      {query.isPending && <Loading label="Loading the playbook's tasks…" />}
      {query.isError && (
        <ErrorMessage error={query.error} title="Could not load the playbook's tasks" onRetry={() => void query.refetch()} />
      )}
      {adoption &&
        (adoption.total === 0 ? (
          <p className="rounded border border-dashed border-slate-300 bg-white p-4 text-slate-700">
            No tasks have been created from this playbook yet.
          </p>
        ) : (
          <AdoptionFigures adoption={adoption} ctaLabel={ctaLabelOf} />
        ))}
    </section>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded border border-slate-200 bg-white px-4 py-3">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
      {detail && <dd className="text-xs text-slate-600">{detail}</dd>}
    </div>
  );
}

function CountCells({ counts }: { counts: Counts }) {
  return (
    <>
      <td className={TD_NUM}>{counts.total}</td>
      <td className={TD_NUM}>{counts.done}</td>
      <td className={TD_NUM}>{counts.open}</td>
      <td className={`${TD_NUM} ${counts.overdue > 0 ? 'font-semibold text-red-800' : ''}`}>{counts.overdue}</td>
    </>
  );
}

function CountHeaders() {
  return (
    <>
      <th scope="col" className={`${TH} text-right`}>
        Tasks
      </th>
      <th scope="col" className={`${TH} text-right`}>
        Done
      </th>
      <th scope="col" className={`${TH} text-right`}>
        Open
      </th>
      <th scope="col" className={`${TH} text-right`}>
        Overdue
      </th>
    </>
  );
}

/**
 * Names the CTAs using the playbook: from the pickers' sample of tasks (other playbooks, all
 * tasks) merged with this playbook's own tasks, which are all here.
 */
function useCtaLabels(playbookId: string, tasks: readonly AdoptionTask[] | undefined): (ctaId: string) => CtaLabel {
  const suggestions = useSuggestions();
  const label = useCtaLabeller();
  const own = useMemo(
    () =>
      collectCtaFacts(
        (tasks ?? []).map((t) => ({ ...t, PlaybookId: playbookId })),
        false,
      ),
    [tasks, playbookId],
  );
  const seen = useMemo(() => new Map((suggestions.data?.ctas ?? []).map((c) => [c.ctaId, c])), [suggestions.data]);
  return (ctaId) => label(ctaId, mergeCtaFacts(seen.get(ctaId), own.get(ctaId)));
}

function AdoptionFigures({ adoption: a, ctaLabel }: { adoption: Adoption; ctaLabel: (ctaId: string) => CtaLabel }) {
  return (
    <div className="space-y-4">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Figure label="Tasks created" value={String(a.total)} detail={`on ${a.ctas.length} ${a.ctas.length === 1 ? 'CTA' : 'CTAs'}`} />
        <Figure label="Done (Completed or Skipped)" value={String(a.done)} />
        <Figure label="Completion rate" value={a.completionRate === null ? '–' : formatRate(a.completionRate)} detail="Done of all tasks" />
        <Figure label="Open and past due" value={String(a.overdue)} />
      </dl>

      <table className="text-sm">
        <caption className="mb-1 text-left font-semibold">By status</caption>
        <tbody>
          {TASK_STATUSES.map((status) => (
            <tr key={status} className="border-b border-slate-200">
              <th scope="row" className="py-1 pr-6 text-left font-normal">
                {status}
              </th>
              <td className="py-1 text-right tabular-nums">{a.byStatus[status]}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <ScrollRegion label="By template">
        <table className="w-full text-left text-sm">
          <caption className="px-3 pt-2 text-left font-semibold">By template</caption>
          <thead className="border-b border-slate-300 bg-slate-100">
            <tr>
              <th scope="col" className={TH}>
                Step
              </th>
              <th scope="col" className={TH}>
                Template
              </th>
              <CountHeaders />
            </tr>
          </thead>
          <tbody>
            {a.perTemplate.map((t) => (
              <tr key={t.template.step} className="border-b border-slate-200">
                <td className="px-3 py-1.5 tabular-nums">{t.template.step}</td>
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  {t.template.name}
                </th>
                <CountCells counts={t} />
              </tr>
            ))}
            {a.unmatched && (
              <tr className="border-b border-slate-200">
                <td className="px-3 py-1.5">–</td>
                <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-700">
                  Other (an order no template has now)
                </th>
                <CountCells counts={a.unmatched} />
              </tr>
            )}
          </tbody>
        </table>
      </ScrollRegion>

      <ScrollRegion label={`CTAs using this playbook (${a.ctas.length})`}>
        <table className="w-full text-left text-sm">
          <caption className="px-3 pt-2 text-left font-semibold">CTAs using this playbook ({a.ctas.length})</caption>
          <thead className="border-b border-slate-300 bg-slate-100">
            <tr>
              <th scope="col" className={TH}>
                CTA
              </th>
              <th scope="col" className={TH}>
                Progress (done of total)
              </th>
              <th scope="col" className={`${TH} text-right`}>
                Overdue
              </th>
            </tr>
          </thead>
          <tbody>
            {a.ctas.map((c) => (
              <tr key={c.ctaId} className="border-b border-slate-200">
                <th scope="row" className="px-3 py-1.5 text-left font-normal">
                  <CtaName label={ctaLabel(c.ctaId)} />
                </th>
                <td className="px-3 py-1.5">
                  <div className="flex items-center gap-2">
                    <span className="tabular-nums whitespace-nowrap">
                      {c.done} of {c.total}
                    </span>
                    <span aria-hidden="true" className="h-2 w-24 overflow-hidden rounded-full bg-slate-200">
                      <span className="block h-full bg-green-700" style={{ width: `${(c.done / c.total) * 100}%` }} />
                    </span>
                  </div>
                </td>
                <td className={`${TD_NUM} ${c.overdue > 0 ? 'font-semibold text-red-800' : ''}`}>{c.overdue}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
