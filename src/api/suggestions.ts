import { queryOptions, useQuery } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { searchTasks } from './client.ts';
import { taskKeys } from './query-keys.ts';
import type { SearchRequest } from './types.ts';

/**
 * The API has no CTA or user listing, so pickers suggest the CTAs and owners seen in tasks:
 * one search (the most recently modified 1,000 tasks, a few fields) serves both. 1,000 rows are
 * about 200 KB of JSON: the CTAs and owners people work on now, at a fifth of what 5,000 rows
 * cost (about 1 MB with 10,000 tasks); a CTA not suggested can still be typed by its id.
 */
export const SUGGESTIONS_REQUEST: SearchRequest = {
  select: ['CTAId', 'CompanyId', 'CompanyName', 'OwnerId', 'OwnerName'],
  orderBy: { ModifiedDate: 'desc' },
  limit: 1000,
};

export interface CtaSuggestion {
  ctaId: string;
  companyId: string;
  companyName: string;
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
    queryKey: [...taskKeys.all, 'suggestions'] as const,
    // Nobody waits for suggestions until a picker opens: the team server sends this after other calls.
    queryFn: ({ signal }) => searchTasks(SUGGESTIONS_REQUEST, { signal, background: true }),
    staleTime: 5 * 60_000,
    select: (result) => {
      const ctas = new Map<string, CtaSuggestion>();
      const owners = new Map<string, OwnerSuggestion>();
      for (const t of result.records) {
        if (t.CTAId && !ctas.has(t.CTAId)) {
          ctas.set(t.CTAId, { ctaId: t.CTAId, companyId: t.CompanyId ?? '', companyName: t.CompanyName ?? '' });
        }
        if (t.OwnerId && !owners.has(t.OwnerId)) owners.set(t.OwnerId, { ownerId: t.OwnerId, ownerName: t.OwnerName ?? t.OwnerId });
      }
      const byText = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: 'base' });
      return {
        ctas: [...ctas.values()].sort((a, b) => byText(a.companyName, b.companyName) || byText(a.ctaId, b.ctaId)),
        owners: [...owners.values()].sort((a, b) => byText(a.ownerName, b.ownerName)),
      };
    },
  });
}

/**
 * The app holds the suggestions back until the first page has settled (app.tsx), so this large,
 * low-priority search never delays the cards or rows the user waits for. Open unless held.
 */
let held = false;
const listeners = new Set<() => void>();

export function holdSuggestionsUntil(ready: Promise<unknown>) {
  held = true;
  const release = () => {
    held = false;
    listeners.forEach((listener) => listener());
  };
  ready.then(release, release);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** CTAs (with their company) and owners seen in tasks, sorted for pickers (pending while held back). */
export function useSuggestions() {
  const open = useSyncExternalStore(subscribe, () => !held, () => true);
  return useQuery({ ...suggestionsQueryOptions(), enabled: open });
}
