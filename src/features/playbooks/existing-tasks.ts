/**
 * The tasks a playbook already made on a CTA, and which of its templates they cover, so applying
 * it again can create only what is missing. Pure.
 *
 * A task covers the template with its `Order` (when templates share an order, the one with its
 * name); a task without an order, or with an order no template has now, covers the template with
 * its exact name, if any. The rest are listed, but cover nothing.
 */
import type { SearchRequest, Task } from '../../api/types.ts';
import { MAX_PAGE_SIZE } from '../../lib/search/limits.ts';
import type { OrderedTemplate } from './template-steps.ts';

const EXISTING_FIELDS = ['Gsid', 'Name', 'Order', 'Status', 'DueDate'] as const;
export type ExistingTask = Pick<Task, (typeof EXISTING_FIELDS)[number]>;

/** This playbook's tasks on the CTA. */
export function existingTasksRequest(playbookId: string, ctaId: string): SearchRequest {
  return {
    select: [...EXISTING_FIELDS],
    where: {
      conditions: [
        { name: 'PlaybookId', alias: 'A', operator: 'EQ', value: [playbookId] },
        { name: 'CTAId', alias: 'B', operator: 'EQ', value: [ctaId] },
      ],
    },
    limit: MAX_PAGE_SIZE,
  };
}

export interface ExistingCoverage {
  /** Every existing task, in playbook order (then by name), each with the template it covers. */
  tasks: { task: ExistingTask; template: OrderedTemplate | null }[];
  /** Templates with no task on the CTA, in playbook order. */
  missing: OrderedTemplate[];
}

function templateFor(templates: readonly OrderedTemplate[], task: ExistingTask): OrderedTemplate | null {
  const name = (task.Name ?? '').trim();
  if (typeof task.Order === 'number') {
    const sameOrder = templates.filter((t) => t.order === task.Order);
    if (sameOrder.length > 0) return sameOrder.find((t) => t.name.trim() === name) ?? sameOrder[0]!;
  }
  return templates.find((t) => t.name.trim() === name) ?? null;
}

export function existingCoverage(templates: readonly OrderedTemplate[], existing: readonly ExistingTask[]): ExistingCoverage {
  const tasks = existing.map((task) => ({ task, template: templateFor(templates, task) }));
  const covered = new Set(tasks.flatMap((t) => (t.template ? [t.template.step] : [])));
  const rank = (t: (typeof tasks)[number]) => t.template?.step ?? Number.MAX_SAFE_INTEGER;
  tasks.sort((a, b) => rank(a) - rank(b) || (a.task.Name ?? '').localeCompare(b.task.Name ?? '', 'en', { numeric: true }));
  return { tasks, missing: templates.filter((t) => !covered.has(t.step)) };
}

/** What an application creates: every template, or only those the CTA has no task for. */
export type ApplyMode = 'missing' | 'all';

export function templatesToCreate(templates: readonly OrderedTemplate[], coverage: ExistingCoverage | null, mode: ApplyMode) {
  return coverage && mode === 'missing' ? coverage.missing : templates;
}
