/**
 * A playbook's task templates in playbook order. The page sorts them itself and never trusts the
 * order of the reply: by `order` (gaps allowed, a missing order goes last), ties by name.
 */
import type { TaskTemplate } from '../../api/types.ts';

export interface OrderedTemplate {
  /** 1-based position in the playbook ("Step 3 of 7"). */
  step: number;
  /** How many templates the playbook has. */
  total: number;
  /** The template's own `order` (what tasks carry as `Order`), or null when the reply had none. */
  order: number | null;
  name: string;
  description: string;
  /** Days after the CTA's creation (or the chosen start date) the task is due. */
  daysFromCreation: number;
}

const byName = (a: string, b: string) =>
  a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);

const orderOf = (t: TaskTemplate) => (typeof t.order === 'number' && Number.isFinite(t.order) ? t.order : null);

/** Compares two templates in playbook order: `order` ascending (missing last), then name. */
export function compareTemplates(a: TaskTemplate, b: TaskTemplate): number {
  const oa = orderOf(a);
  const ob = orderOf(b);
  if (oa !== ob) {
    if (oa === null) return 1;
    if (ob === null) return -1;
    return oa - ob;
  }
  return byName(a.name ?? '', b.name ?? '');
}

/** The templates sorted into playbook order, each with its step number. */
export function orderTemplates(templates: readonly TaskTemplate[] | undefined): OrderedTemplate[] {
  const sorted = [...(templates ?? [])].sort(compareTemplates);
  return sorted.map((t, i) => ({
    step: i + 1,
    total: sorted.length,
    order: orderOf(t),
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
export const stepLabel = (t: Pick<OrderedTemplate, 'step' | 'total'>) => `Step ${t.step} of ${t.total}`;

/** "Day 5" (days after the CTA's creation; "Day 0" is the day it was created). */
export const dayLabel = (days: number) => `Day ${days}`;

/** "1 day", "90 days". */
export const daysWord = (n: number) => `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`;
