/**
 * A playbook's task templates in playbook order, shared by every page that shows a step: by
 * `order` ascending (gaps allowed, a missing order goes last), ties by name (case-insensitively,
 * numbers in number order, then by the text as written so the order is total). Orders have gaps
 * (10, 20, 35…), so a task's place ("step 3 of 7") is counted, never read off its `Order`.
 */
import type { TaskTemplate } from '../api/types.ts';

/** The template's own `order` (what its tasks carry as `Order`), or null when it has none. */
export const templateOrder = (t: TaskTemplate): number | null => (typeof t.order === 'number' && Number.isFinite(t.order) ? t.order : null);

/** Names in playbook order: case-insensitively, "step 9" before "step 10", then as written. */
const compareTemplateNames = (a: string, b: string): number =>
  a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);

/** Compares two templates in playbook order: `order` ascending (missing last), then name. */
export function compareTemplates(a: TaskTemplate, b: TaskTemplate): number {
  const oa = templateOrder(a);
  const ob = templateOrder(b);
  if (oa !== ob) {
    if (oa === null) return 1;
    if (ob === null) return -1;
    return oa - ob;
  }
  return compareTemplateNames(a.name ?? '', b.name ?? '');
}

/** A copy of the templates in playbook order (the given array is left as it is). */
export function sortTemplates<T extends TaskTemplate>(templates: readonly T[] | undefined): T[] {
  return [...(templates ?? [])].sort(compareTemplates);
}

export interface TemplateStep {
  /** 1-based place among the playbook's templates in playbook order. */
  step: number;
  /** How many templates the playbook has. */
  total: number;
}

/**
 * Where a task with `order` stands in its playbook: the place of the first template (in playbook
 * order) with that order. Null without templates, without an order, or when no template has it.
 */
export function templateStep(templates: readonly TaskTemplate[] | undefined, order: number | null | undefined): TemplateStep | null {
  if (!templates || typeof order !== 'number') return null;
  const sorted = sortTemplates(templates);
  const index = sorted.findIndex((t) => templateOrder(t) === order);
  return index < 0 ? null : { step: index + 1, total: sorted.length };
}
