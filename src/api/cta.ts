/**
 * What the app knows about CTAs, for naming them (see src/lib/cta-label.ts): the playbooks' names,
 * and the facts about one CTA drawn from all its tasks.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { CTA_FACT_FIELDS, collectCtaFacts, type CtaFacts } from '../lib/cta-facts.ts';
import { ctaLabel, type CtaLabel } from '../lib/cta-label.ts';
import { todayIso } from '../lib/dates.ts';
import { MAX_PAGE_SIZE } from '../lib/search/limits.ts';
import { usePlaybooks } from './playbooks.ts';
import { taskSearchQueryOptions } from './tasks.ts';
import type { SearchRequest } from './types.ts';

/** Every task on one CTA, the few fields its facts need. */
export function ctaFactsRequest(ctaId: string): SearchRequest {
  return {
    select: [...CTA_FACT_FIELDS],
    where: { conditions: [{ name: 'CTAId', alias: 'A', operator: 'EQ', value: [ctaId] }] },
    // One page, as large as the API serves: a CTA with more tasks makes the count a bound.
    limit: MAX_PAGE_SIZE,
  };
}

/**
 * The facts about one CTA from all its tasks (exact, unlike the pickers' sample). Under the task
 * searches' key, so a create or an edit refreshes it. Undefined while loading or when no task
 * names the CTA.
 */
export function useCtaFacts(ctaId: string) {
  return useQuery({
    ...taskSearchQueryOptions(ctaFactsRequest(ctaId)),
    enabled: ctaId !== '',
    select: (result): CtaFacts | undefined => collectCtaFacts(result.records, result.totalCount <= result.records.length).get(ctaId),
  });
}

/** A playbook's name by id, once the playbooks are loaded (they are shared and long-lived). */
function usePlaybookName(): (playbookId: string) => string | undefined {
  const playbooks = usePlaybooks();
  const names = useMemo(() => new Map((playbooks.data ?? []).map((p) => [p.Gsid ?? '', p.Name ?? ''])), [playbooks.data]);
  return useCallback((id: string) => names.get(id) || undefined, [names]);
}

/** Names CTAs from their facts (see ctaLabel), with the playbooks' names when loaded. */
export function useCtaLabeller(): (ctaId: string, facts: CtaFacts | undefined) => CtaLabel {
  const playbookName = usePlaybookName();
  const today = todayIso();
  return useCallback((ctaId, facts) => ctaLabel(ctaId, facts, { playbookName, today }), [playbookName, today]);
}
