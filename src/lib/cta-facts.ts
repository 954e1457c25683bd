/**
 * What the app knows of each CTA from its tasks (the API has no CTA name nor a CTA listing): its
 * company, the playbooks applied to it, how many tasks it has and since when. The words made of
 * them are in cta-label.ts. Pure: no React, no I/O.
 */
import { isCalendarDate } from './dates.ts';

/** The task fields the facts are drawn from. */
export const CTA_FACT_FIELDS = ['CTAId', 'CompanyName', 'PlaybookId', 'CreatedDate'] as const;

export interface CtaFactsTask {
  CTAId?: string;
  CompanyName?: string;
  PlaybookId?: string;
  CreatedDate?: string;
}

export interface CtaFacts {
  ctaId: string;
  /** '' when no task says. */
  companyName: string;
  /** The playbooks applied to the CTA, the one with the most tasks first (ties: first seen). */
  playbookIds: string[];
  /** Tasks seen on the CTA. */
  taskCount: number;
  /** Every task of the CTA was seen; otherwise the count and the date are bounds. */
  complete: boolean;
  /** The day its oldest seen task was created (`YYYY-MM-DD`), or null. */
  since: string | null;
}

/** The day of a date-time (`2026-08-12T10:00:00Z` is `2026-08-12`), as the API stores them (UTC). */
function dayOf(dateTime: string | undefined): string | null {
  const day = dateTime?.slice(0, 10) ?? '';
  return isCalendarDate(day) ? day : null;
}

/**
 * The facts about every CTA the tasks name. `complete`: the tasks are all there are (not a
 * sample), so counts and dates are exact.
 */
export function collectCtaFacts(tasks: readonly CtaFactsTask[], complete: boolean): Map<string, CtaFacts> {
  const facts = new Map<string, CtaFacts>();
  const playbookCounts = new Map<string, Map<string, number>>();
  for (const task of tasks) {
    const ctaId = task.CTAId;
    if (!ctaId) continue;
    let entry = facts.get(ctaId);
    if (!entry) {
      entry = { ctaId, companyName: '', playbookIds: [], taskCount: 0, complete, since: null };
      facts.set(ctaId, entry);
      playbookCounts.set(ctaId, new Map());
    }
    entry.taskCount++;
    if (!entry.companyName && task.CompanyName) entry.companyName = task.CompanyName;
    const day = dayOf(task.CreatedDate);
    if (day && (entry.since === null || day < entry.since)) entry.since = day;
    if (task.PlaybookId) {
      const counts = playbookCounts.get(ctaId)!;
      counts.set(task.PlaybookId, (counts.get(task.PlaybookId) ?? 0) + 1);
    }
  }
  for (const [ctaId, entry] of facts) {
    const counts = playbookCounts.get(ctaId)!;
    // A Map keeps first-seen order, and sort is stable: ties stay in that order.
    entry.playbookIds = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)!);
  }
  return facts;
}

/**
 * Facts about one CTA from two sources (e.g. the pickers' sample and a playbook's tasks). A
 * complete source is exact and wins; otherwise the larger count, the older day and every
 * playbook are kept, and the result is still a bound.
 */
export function mergeCtaFacts(a: CtaFacts | undefined, b: CtaFacts | undefined): CtaFacts | undefined {
  if (!a || !b) return a ?? b;
  if (a.complete) return a;
  if (b.complete) return b;
  const since = a.since && b.since ? (a.since < b.since ? a.since : b.since) : (a.since ?? b.since);
  return {
    ctaId: a.ctaId,
    companyName: a.companyName || b.companyName,
    playbookIds: [...new Set([...a.playbookIds, ...b.playbookIds])],
    taskCount: Math.max(a.taskCount, b.taskCount),
    complete: false,
    since,
  };
}
