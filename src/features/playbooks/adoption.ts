/**
 * How a playbook is used, from the tasks it created: counts by status, completion, open tasks past
 * due, per template (matched by `Order`) and per CTA.
 *
 * Definitions (the page labels them the same way):
 * - done: Completed or Skipped; open: Not Started or In Progress;
 * - overdue: open with a due date before today;
 * - completion rate: done / all tasks.
 */
import { TASK_STATUSES, type Task, type TaskStatus } from '../../api/types.ts';
import { isCalendarDate } from '../../lib/dates.ts';
import type { OrderedTemplate } from './template-steps.ts';

/** The task fields adoption needs (what the search selects). */
export const ADOPTION_FIELDS = ['Gsid', 'Name', 'CTAId', 'CompanyName', 'Status', 'DueDate', 'Order', 'CreatedDate'] as const;
export type AdoptionTask = Pick<Task, (typeof ADOPTION_FIELDS)[number]>;

export interface Counts {
  total: number;
  done: number;
  open: number;
  overdue: number;
}

interface TemplateAdoption extends Counts {
  template: OrderedTemplate;
}

interface CtaAdoption extends Counts {
  ctaId: string;
  companyName: string;
}

export interface Adoption extends Counts {
  byStatus: Record<TaskStatus, number>;
  /** done / total, between 0 and 1; null without tasks. */
  completionRate: number | null;
  /** One entry per template, in playbook order. */
  perTemplate: TemplateAdoption[];
  /** Tasks whose `Order` matches no template (the playbook changed since), or null when none. */
  unmatched: Counts | null;
  /** CTAs with tasks from this playbook, by company name then CTA id. */
  ctas: CtaAdoption[];
}

const DONE: ReadonlySet<string> = new Set<TaskStatus>(['Completed', 'Skipped']);

const isDone = (status: string | undefined) => status !== undefined && DONE.has(status);

/** A task with no status is Not Started (the create default). */
const statusOf = (t: AdoptionTask): string => t.Status ?? 'Not Started';

function isOverdue(t: AdoptionTask, today: string): boolean {
  return !isDone(statusOf(t)) && !!t.DueDate && isCalendarDate(t.DueDate) && t.DueDate < today;
}

const emptyCounts = (): Counts => ({ total: 0, done: 0, open: 0, overdue: 0 });

function add(counts: Counts, t: AdoptionTask, today: string) {
  counts.total++;
  if (isDone(statusOf(t))) counts.done++;
  else counts.open++;
  if (isOverdue(t, today)) counts.overdue++;
}

/**
 * The template a task came from: the one with its `Order`. When templates share an order, the one
 * with the task's name (else the first of them).
 */
function templateIndexFor(byOrder: Map<number, number[]>, templates: readonly OrderedTemplate[], t: AdoptionTask) {
  if (typeof t.Order !== 'number') return undefined;
  const candidates = byOrder.get(t.Order);
  if (!candidates) return undefined;
  return candidates.find((i) => templates[i]?.name === t.Name) ?? candidates[0];
}

export function computeAdoption(tasks: readonly AdoptionTask[], templates: readonly OrderedTemplate[], today: string): Adoption {
  const total = emptyCounts();
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  const perTemplate = templates.map((template) => ({ template, ...emptyCounts() }));
  const unmatched = emptyCounts();
  const ctas = new Map<string, CtaAdoption>();

  const byOrder = new Map<number, number[]>();
  templates.forEach((tpl, i) => {
    if (tpl.order === null) return;
    byOrder.set(tpl.order, [...(byOrder.get(tpl.order) ?? []), i]);
  });

  for (const t of tasks) {
    add(total, t, today);
    const status = statusOf(t);
    if (status in byStatus) byStatus[status as TaskStatus]++;

    const index = templateIndexFor(byOrder, templates, t);
    const target = index === undefined ? undefined : perTemplate[index];
    add(target ?? unmatched, t, today);

    const ctaId = t.CTAId ?? '';
    let cta = ctas.get(ctaId);
    if (!cta) {
      cta = { ctaId, companyName: t.CompanyName ?? '', ...emptyCounts() };
      ctas.set(ctaId, cta);
    }
    if (!cta.companyName && t.CompanyName) cta.companyName = t.CompanyName;
    add(cta, t, today);
  }

  const byText = (a: string, b: string) => a.localeCompare(b, 'en', { sensitivity: 'base', numeric: true });
  return {
    ...total,
    byStatus,
    completionRate: total.total === 0 ? null : total.done / total.total,
    perTemplate,
    unmatched: unmatched.total === 0 ? null : unmatched,
    ctas: [...ctas.values()].sort((a, b) => byText(a.companyName, b.companyName) || byText(a.ctaId, b.ctaId)),
  };
}

/** "62%" (whole percent; "0%" and "100%" only when exactly so). */
export function formatRate(rate: number): string {
  const pct = rate * 100;
  if (pct > 0 && pct < 1) return '<1%';
  if (pct > 99 && pct < 100) return '>99%';
  return `${Math.round(pct)}%`;
}
