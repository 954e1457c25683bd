/**
 * A playbook's task templates as the playbook pages show them: its steps in playbook order, each
 * with its step number and day, and their labels ("Step 3 of 7", "Day 5"). The page sorts the
 * templates itself and never trusts the order of the reply; the order itself, shared with the
 * board and the task page, is in src/lib/template-order.ts.
 */
import type { TaskTemplate } from '../../api/types.ts';
import { sortTemplates, templateOrder, type TemplateStep } from '../../lib/template-order.ts';

/** A template with its place in the playbook (`step` of `total`, "Step 3 of 7"). */
export interface OrderedTemplate extends TemplateStep {
  /** The template's own `order` (what tasks carry as `Order`), or null when the reply had none. */
  order: number | null;
  name: string;
  description: string;
  /** Days after the CTA's creation (or the chosen start date) the task is due. */
  daysFromCreation: number;
}

/** The templates sorted into playbook order, each with its step number. */
export function orderTemplates(templates: readonly TaskTemplate[] | undefined): OrderedTemplate[] {
  const sorted = sortTemplates(templates);
  return sorted.map((t, i) => ({
    step: i + 1,
    total: sorted.length,
    order: templateOrder(t),
    name: t.name ?? '',
    description: t.description ?? '',
    daysFromCreation: typeof t.daysFromCreation === 'number' && Number.isFinite(t.daysFromCreation) ? t.daysFromCreation : 0,
  }));
}

/** The span of a playbook in days: its largest `daysFromCreation` (0 without templates). */
export function spanDays(templates: readonly TaskTemplate[] | undefined): number {
  let max = 0;
  for (const t of templates ?? []) {
    if (typeof t.daysFromCreation === 'number' && t.daysFromCreation > max) max = t.daysFromCreation;
  }
  return max;
}

/** "Step 3 of 7". */
export const stepLabel = (t: TemplateStep) => `Step ${t.step} of ${t.total}`;

/** "Day 5" (days after the CTA's creation; "Day 0" is the day it was created). */
export const dayLabel = (days: number) => `Day ${days}`;

/** "1 day", "90 days". */
export const daysWord = (n: number) => `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`;
