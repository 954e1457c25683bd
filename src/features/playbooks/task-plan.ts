/**
 * What applying a playbook to a CTA creates: one task per template, in playbook order, each due
 * `daysFromCreation` calendar days after the start date.
 */
import type { CreateTaskInput } from '../../api/types.ts';
import { addDays, isCalendarDate } from '../../lib/dates.ts';
import type { OrderedTemplate } from './template-steps.ts';

export interface PlannedTask extends OrderedTemplate {
  /** `YYYY-MM-DD`: the start date plus `daysFromCreation`. */
  dueDate: string;
}

/** The tasks to create, in playbook order; empty when the start date is not a calendar date. */
export function planTasks(templates: readonly OrderedTemplate[], startDate: string): PlannedTask[] {
  if (!isCalendarDate(startDate)) return [];
  return templates.map((t) => ({ ...t, dueDate: addDays(startDate, t.daysFromCreation) }));
}

export interface ApplyTarget {
  playbookId: string;
  ctaId: string;
  /** Empty or undefined: no owner. */
  ownerId?: string;
}

/** The create body for one planned task (with the `PlaybookId` and `Order` extension fields). */
export function createInputFor(task: PlannedTask, target: ApplyTarget): CreateTaskInput {
  const input: CreateTaskInput = {
    Name: task.name,
    CTAId: target.ctaId,
    DueDate: task.dueDate,
    Status: 'Not Started',
    PlaybookId: target.playbookId,
  };
  if (task.description) input.Description = task.description;
  if (target.ownerId) input.OwnerId = target.ownerId;
  if (task.order !== null) input.Order = task.order;
  return input;
}
