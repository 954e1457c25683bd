import type { TaskTemplate } from '../../api/types.ts';
import { templateStep } from '../../lib/template-order.ts';

export interface PlaybookStep {
  /** 1-based place of the task's template among the playbook's templates in order. */
  position: number;
  total: number;
}

/**
 * Where a playbook task stands in its playbook ("3 of 7"): the place of the template whose
 * `order` is the task's `Order`, counting templates in playbook order (src/lib/template-order.ts:
 * by order, ties by name). Orders have gaps (10, 20, 35…), so the place is counted, not read off
 * the order. Null when no template has that order.
 */
export function playbookStep(templates: readonly TaskTemplate[] | undefined, order: number | undefined): PlaybookStep | null {
  const found = templateStep(templates, order);
  return found ? { position: found.step, total: found.total } : null;
}
