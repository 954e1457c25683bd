import { useCtaFacts, useCtaLabeller } from '../../api/cta.ts';
import type { Task } from '../../api/types.ts';
import type { CtaFacts } from '../../lib/cta-facts.ts';
import { CtaName } from './cta-name.tsx';

/**
 * A task's CTA named by what its tasks tell (company, playbooks, task count, age), the id under
 * it: on the task page and in the quick look.
 */
export function TaskCta({ task, ctaId }: { task: Task; ctaId: string }) {
  const facts = useCtaFacts(ctaId);
  const label = useCtaLabeller();
  // Until the CTA's tasks are read, this task alone says something.
  const known: CtaFacts = facts.data ?? {
    ctaId,
    companyName: task.CompanyName ?? '',
    playbookIds: task.PlaybookId ? [task.PlaybookId] : [],
    taskCount: 0,
    complete: false,
    since: null,
  };
  return <CtaName label={label(ctaId, known)} />;
}
