import { useMemo } from 'react';
import { Link, useParams } from '../../components/router/router.tsx';
import { isApiError } from '../../api/errors.ts';
import { usePlaybook } from '../../api/playbooks.ts';
import type { Playbook } from '../../api/types.ts';
import { NotFoundPage } from '../../components/ui/not-found.tsx';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { ActiveBadge, CtaTypeId } from './active-badge.tsx';
import { AdoptionSection } from './adoption-section.tsx';
import { ApplySection } from './apply-section.tsx';
import { TemplateList } from './template-list.tsx';
import { daysWord, orderTemplates, spanDays } from './template-steps.ts';
import { Timeline } from './timeline.tsx';

export function Component() {
  const { playbookId = '' } = useParams();
  const query = usePlaybook(playbookId);
  if (query.isPending) return <Loading label="Loading the playbook…" />;
  if (query.isError) {
    if (isApiError(query.error) && query.error.status === 404) {
      return (
        <>
          <NotFoundPage title="Playbook not found" detail={`No playbook has the id "${playbookId}".`} />
          <p className="text-center">
            <Link to="/playbooks" className="font-medium text-blue-800 underline">
              Back to the playbooks
            </Link>
          </p>
        </>
      );
    }
    return <ErrorMessage error={query.error} title="Could not load the playbook" onRetry={() => void query.refetch()} />;
  }
  return <PlaybookDetail playbook={query.data} playbookId={playbookId} />;
}

function PlaybookDetail({ playbook: p, playbookId }: { playbook: Playbook; playbookId: string }) {
  const templates = useMemo(() => orderTemplates(p.TaskTemplates), [p.TaskTemplates]);
  const name = p.Name || '(no name)';
  const active = p.IsActive === true;
  return (
    <div className="space-y-8">
      <header className="space-y-3">
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link to="/playbooks" className="text-blue-800 underline">
            Playbooks
          </Link>
          <span aria-hidden="true" className="px-1 text-slate-500">
            /
          </span>
          <span aria-current="page">{name}</span>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold">{name}</h1>
          <ActiveBadge active={active} />
        </div>
        {p.Description && <p className="max-w-3xl text-slate-700">{p.Description}</p>}
        <dl className="grid max-w-3xl grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
          <div>
            <dt className="text-slate-600">CTA type</dt>
            <dd>
              <CtaTypeId id={p.CTATypeId ?? ''} />
            </dd>
          </div>
          <div>
            <dt className="text-slate-600">Tasks</dt>
            <dd className="font-medium">{templates.length}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Span</dt>
            <dd className="font-medium">{daysWord(spanDays(p.TaskTemplates))}</dd>
          </div>
          <div>
            <dt className="text-slate-600">Last modified</dt>
            <dd>{formatDateTime(p.ModifiedDate) || '–'}</dd>
          </div>
        </dl>
        <ApplySection playbookId={playbookId} playbookName={name} active={active} templates={templates} />
      </header>

      <section aria-labelledby="templates-title" className="space-y-3">
        <h2 id="templates-title" className="text-xl font-semibold">
          Task templates
        </h2>
        <TemplateList templates={templates} labelledBy="templates-title" />
        <Timeline templates={templates} />
      </section>

      <AdoptionSection playbookId={playbookId} templates={templates} />
    </div>
  );
}
