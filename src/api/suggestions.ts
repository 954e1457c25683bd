import { queryOptions, useQuery } from '@tanstack/react-query';
import { collectCtaFacts, type CtaFacts } from '../lib/cta-facts.ts';
import { priorityRank } from '../lib/priorities.ts';
import { useAfterFirstPage } from './after-first-page.ts';
import { searchTasks } from './client.ts';
import { taskKeys } from './query-keys.ts';
import type { SearchRequest } from './types.ts';

/**
 * The API has no CTA or user listing, so pickers suggest the CTAs and owners seen in tasks:
 * one search (the most recently modified 1,000 tasks, a few fields) serves both. 1,000 rows are
 * about 300 KB of JSON (60 KB gzip): the CTAs and owners people work on now, at a fifth of what
 * 5,000 rows cost; a CTA not suggested can still be typed by its id. The playbook and creation
 * date name each CTA ("Kestrel Aerospace · Renewal - 120 Days Out · 5 tasks · since Aug 12"),
 * and the priorities seen fill the search page's Priority list.
 */
export const SUGGESTIONS_REQUEST: SearchRequest = {
  select: ['CTAId', 'CompanyId', 'CompanyName', 'OwnerId', 'OwnerName', 'PlaybookId', 'CreatedDate', 'Priority'],
  orderBy: { ModifiedDate: 'desc' },
  limit: 1000,
};

/** A CTA seen in tasks: what those tasks tell of it (a sample, unless `complete`). */
interface CtaSuggestion extends CtaFacts {
  companyId: string;
}

export interface OwnerSuggestion {
  ownerId: string;
  ownerName: string;
}

/**
 * Kept outside `['tasks','search']` on purpose: a create or update invalidates every search, and
 * this large one need not be refetched each time (new CTAs and owners appear within its stale time).
 */
export function suggestionsQueryOptions() {
  return queryOptions({
    queryKey: taskKeys.suggestions(),
    // Nobody waits for suggestions until a picker opens: the team server sends this after other calls.
    queryFn: ({ signal }) => searchTasks(SUGGESTIONS_REQUEST, { signal, background: true }),
    staleTime: 5 * 60_000,
    select: (result) => {
      const companyIds = new Map<string, string>();
      const owners = new Map<string, OwnerSuggestion>();
      const priorities = new Set<string>();
      for (const t of result.records) {
        if (t.CTAId && t.CompanyId && !companyIds.has(t.CTAId)) companyIds.set(t.CTAId, t.CompanyId);
        if (t.OwnerId && !owners.has(t.OwnerId)) owners.set(t.OwnerId, { ownerId: t.OwnerId, ownerName: t.OwnerName ?? t.OwnerId });
        if (t.Priority) priorities.add(t.Priority);
      }
      // Every task is in the sample when there are no more than it holds: then counts are exact.
      const complete = result.totalCount <= result.records.length;
      const facts = collectCtaFacts(result.records, complete);
      const ctas: CtaSuggestion[] = [...facts.values()].map((f) => ({ ...f, companyId: companyIds.get(f.ctaId) ?? '' }));
      const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
      return {
        ctas: ctas.sort(
          (a, b) => byText(a.companyName, b.companyName) || (b.since ?? '').localeCompare(a.since ?? '') || byText(a.ctaId, b.ctaId),
        ),
        owners: [...owners.values()].sort((a, b) => byText(a.ownerName, b.ownerName)),
        /** Priorities seen, in picklist order (High, Medium, Low), then others alphabetically. */
        priorities: [...priorities].sort((a, b) => priorityRank(a) - priorityRank(b) || byText(a, b)),
      };
    },
  });
}

/**
 * CTAs (with their company) and owners seen in tasks, sorted for pickers (pending while held
 * back). `enabled: false` reads what is cached without asking for it.
 */
export function useSuggestions({ enabled = true }: { enabled?: boolean } = {}) {
  // Held back until the first page has settled: this large, low-priority search never delays it.
  const open = useAfterFirstPage();
  return useQuery({ ...suggestionsQueryOptions(), enabled: open && enabled });
}
