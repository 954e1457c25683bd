import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ctaFactsRequest, useCtaFacts } from '../../api/cta.ts';
import { isApiError } from '../../api/errors.ts';
import { useSuggestions } from '../../api/suggestions.ts';
import { taskSearchQueryOptions } from '../../api/tasks.ts';
import { collectCtaFacts } from '../../lib/cta-facts.ts';
import { ctaProblem, ctaStatus, type CtaStatus, type LookupState } from './cta-choice.ts';

const reasonOf = (error: unknown) => (isApiError(error) ? error.errorDesc : error instanceof Error ? error.message : String(error));

export interface CtaChoice {
  /** The CTA id, trimmed. */
  ctaId: string;
  status: CtaStatus;
  /** What keeps the form from being sent with this CTA now (see ctaProblem), or null. */
  problem: string | null;
  /** Says to use (or not) an id no task names, as typed. */
  setConfirmed: (confirmed: boolean) => void;
  /**
   * Before sending: waits for a look-up under way (or starts one), then says what keeps the form
   * from being sent with this CTA, or null.
   */
  check: () => Promise<string | null>;
}

/**
 * The CTA a form is about to use (see cta-choice.ts): known from the pickers' sample, or looked
 * up by id when the sample does not have it; an id no task names waits for the user's say-so.
 */
export function useCtaChoice(value: string): CtaChoice {
  const ctaId = value.trim();
  const queryClient = useQueryClient();
  const suggestions = useSuggestions();
  const sample = suggestions.data?.ctas.find((c) => c.ctaId === ctaId);
  // Looked up only when the sample (once loaded) does not have it.
  const lookupId = ctaId !== '' && !sample && !suggestions.isPending ? ctaId : '';
  const lookup = useCtaFacts(lookupId);
  const [confirmedId, setConfirmedId] = useState<string | null>(null);

  const lookupState: LookupState =
    lookupId === ''
      ? { state: 'idle' }
      : lookup.isSuccess
        ? { state: 'done', facts: lookup.data }
        : lookup.isError
          ? { state: 'error', reason: reasonOf(lookup.error) }
          : { state: 'pending' };
  const status = ctaStatus({ ctaId, sample, lookup: lookupState, confirmed: confirmedId === ctaId });

  const check = async (): Promise<string | null> => {
    if (status.kind !== 'checking') return ctaProblem(status);
    let lookedUp: LookupState;
    try {
      const result = await queryClient.fetchQuery(taskSearchQueryOptions(ctaFactsRequest(ctaId)));
      lookedUp = { state: 'done', facts: collectCtaFacts(result.records, true).get(ctaId) };
    } catch (error) {
      lookedUp = { state: 'error', reason: reasonOf(error) };
    }
    return ctaProblem(ctaStatus({ ctaId, sample, lookup: lookedUp, confirmed: confirmedId === ctaId }));
  };

  return { ctaId, status, problem: ctaProblem(status), setConfirmed: (on) => setConfirmedId(on ? ctaId : null), check };
}
