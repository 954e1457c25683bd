/**
 * Where a CTA picker stands, and whether its form may be sent. A CTA is known when tasks name it
 * (the pickers' sample, or a look-up of the typed id); an id no task names can only be sent once
 * the user has confirmed it. Pure: the picker and the forms share these rules.
 */
import type { CtaFacts } from '../../lib/cta-facts.ts';

export type CtaStatus =
  | { kind: 'empty' }
  /** Tasks name it: what they tell. */
  | { kind: 'known'; facts: CtaFacts }
  /** Being looked up (or waiting for the suggestions). */
  | { kind: 'checking' }
  /** No task names it: it may not exist. */
  | { kind: 'unknown' }
  /** The look-up failed, so nobody knows. */
  | { kind: 'uncheckable'; reason: string }
  /** Unknown or uncheckable, and the user said to use it as typed. */
  | { kind: 'confirmed' };

export type LookupState =
  { state: 'idle' } | { state: 'pending' } | { state: 'error'; reason: string } | { state: 'done'; facts: CtaFacts | undefined };

export function ctaStatus({
  ctaId,
  sample,
  lookup,
  confirmed,
}: {
  ctaId: string;
  /** The CTA in the pickers' sample, if it is there. */
  sample: CtaFacts | undefined;
  lookup: LookupState;
  /** The user confirmed this very id. */
  confirmed: boolean;
}): CtaStatus {
  if (ctaId === '') return { kind: 'empty' };
  if (sample) return { kind: 'known', facts: sample };
  if (lookup.state === 'done' && lookup.facts) return { kind: 'known', facts: lookup.facts };
  if (lookup.state === 'done' || lookup.state === 'error') {
    if (confirmed) return { kind: 'confirmed' };
    return lookup.state === 'error' ? { kind: 'uncheckable', reason: lookup.reason } : { kind: 'unknown' };
  }
  return { kind: 'checking' };
}

/** What keeps the form from being sent with this CTA, in words; null when it may be sent. */
export function ctaProblem(status: CtaStatus): string | null {
  switch (status.kind) {
    case 'empty':
      return 'Choose a CTA, or type its id.';
    case 'checking':
      return 'The CTA id is still being checked; try again in a moment.';
    case 'unknown':
      return 'No task names this CTA id: choose a CTA from the list, or confirm the id below.';
    case 'uncheckable':
      return 'This CTA id could not be checked: choose a CTA from the list, or confirm the id below.';
    case 'known':
    case 'confirmed':
      return null;
  }
}

/** The confirmation is offered only for an id the app cannot vouch for. */
export function needsConfirmation(status: CtaStatus): boolean {
  return status.kind === 'unknown' || status.kind === 'uncheckable' || status.kind === 'confirmed';
}
