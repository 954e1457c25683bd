/**
 * CTAs named by what the app knows of them. The API has no CTA name (nor a CTA listing), but the
 * tasks on a CTA tell its company, the playbooks applied to it, how many tasks it has and since
 * when: "Kestrel Aerospace · Renewal - 120 Days Out · 5 tasks · since Aug 12". The 36-character
 * id is only ever secondary text. Pure: no React, no I/O.
 */
import { formatDate, isCalendarDate } from './dates.ts';

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

/** "Aug 12" this year, "Aug 12, 2025" any other year. */
export function shortDate(day: string, today: string): string {
  const full = formatDate(day);
  return day.slice(0, 4) === today.slice(0, 4) ? full.replace(/, \d{4}$/, '') : full;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export interface CtaLabel {
  /** The company ("Unknown company" when no task says). */
  company: string;
  /** What else is known, each a short phrase: playbooks, tasks, since when. */
  details: string[];
  /** Company and details joined: "Kestrel Aerospace · Renewal - 120 Days Out · 5 tasks · since Aug 12". */
  text: string;
  /** The id, for secondary text: "CTA id 1C…". */
  idText: string;
}

export interface CtaLabelOptions {
  /** A playbook's name, when the playbooks are loaded. */
  playbookName?: (playbookId: string) => string | undefined;
  today: string;
}

/** The playbooks in words: one or two by name, more as "A, B +2 more"; unnamed ones counted. */
function playbooksText(ids: readonly string[], playbookName?: (id: string) => string | undefined): string | null {
  if (ids.length === 0) return null;
  const names = ids.map((id) => playbookName?.(id)).filter((n): n is string => !!n);
  if (names.length === 0) return plural(ids.length, 'playbook');
  const shown = names.slice(0, 2);
  const more = ids.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}

/** The label of a CTA from its facts; a CTA the app knows nothing about is named by its id. */
export function ctaLabel(ctaId: string, facts: CtaFacts | undefined, { playbookName, today }: CtaLabelOptions): CtaLabel {
  const idText = `CTA id ${ctaId}`;
  if (!facts) return { company: 'Unknown CTA', details: [], text: 'Unknown CTA', idText };
  const company = facts.companyName || 'Unknown company';
  const details: string[] = [];
  const playbooks = playbooksText(facts.playbookIds, playbookName);
  if (playbooks) details.push(playbooks);
  if (facts.taskCount > 0) details.push(facts.complete ? plural(facts.taskCount, 'task') : `${facts.taskCount}+ tasks`);
  if (facts.since) details.push(`since ${shortDate(facts.since, today)}${facts.complete ? '' : ' or earlier'}`);
  return { company, details, text: [company, ...details].join(' · '), idText };
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
