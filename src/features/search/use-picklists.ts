import { useMemo } from 'react';
import { useSuggestions } from '../../api/suggestions.ts';
import { PRIORITIES } from '../../lib/priorities.ts';
import { picklistChoices } from './picklist.ts';
import type { FieldName } from './search-fields.ts';

export interface Picklists {
  /** Every value seen in tasks, in every spelling (what a chosen value stands for). */
  seen: Partial<Record<FieldName, readonly string[]>>;
  /** What the lists offer: one per spelling regardless of case. */
  choices: Partial<Record<FieldName, readonly string[]>>;
}

/**
 * The picklist fields' values (Priority: the priorities seen in tasks, and the usual three). The
 * tasks are asked for only when `needed` (a condition on a picklist field); until they are in,
 * the usual three stand for what was seen, so "high" already means "High".
 */
export function usePicklists(needed: boolean): Picklists {
  const seen = useSuggestions({ enabled: needed }).data?.priorities;
  return useMemo(() => {
    const priorities = seen ?? PRIORITIES;
    return { seen: { Priority: priorities }, choices: { Priority: picklistChoices(priorities, PRIORITIES) } };
  }, [seen]);
}
