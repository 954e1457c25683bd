import type { TaskTemplate } from '../../api/types.ts';

export interface PlaybookStep {
  /** 1-based place of the task's template among the playbook's templates in order. */
  position: number;
  total: number;
}

/**
 * Where a playbook task stands in its playbook ("3 of 7"): the place of the template whose
 * `order` is the task's `Order`, counting templates sorted by order (ties by name). Orders have
 * gaps (10, 20, 35…), so the place is counted, not read off the order. Null when no template
 * has that order.
 */
export function playbookStep(templates: readonly TaskTemplate[] | undefined, order: number | undefined): PlaybookStep | null {
  if (!templates || order === undefined) return null;
  const sorted = [...templates].sort(
    (a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || (a.name ?? '').localeCompare(b.name ?? ''),
  );
  const index = sorted.findIndex((t) => t.order === order);
  return index < 0 ? null : { position: index + 1, total: sorted.length };
}
