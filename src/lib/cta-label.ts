/**
 * CTAs named by what the app knows of them (cta-facts.ts): "Kestrel Aerospace · Renewal - 120
 * Days Out · 5 tasks · since Aug 12". The 36-character id is only ever secondary text. Pure: no
 * React, no I/O.
 */
import type { CtaFacts } from './cta-facts.ts';
import { formatDate } from './dates.ts';

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
