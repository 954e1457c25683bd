import { describe, expect, it } from 'vitest';
import type { CtaFacts } from '../../lib/cta-facts.ts';
import { ctaProblem, ctaStatus, needsConfirmation } from './cta-choice.ts';

const ID = '1C0000000000000000000000000000000001';
const facts: CtaFacts = { ctaId: ID, companyName: 'Acme', playbookIds: [], taskCount: 1, complete: true, since: null };
const idle = { state: 'idle' } as const;

describe('ctaStatus and ctaProblem', () => {
  it('an empty field asks for a CTA', () => {
    const status = ctaStatus({ ctaId: '', sample: undefined, lookup: idle, confirmed: false });
    expect(status).toEqual({ kind: 'empty' });
    expect(ctaProblem(status)).toBe('Choose a CTA, or type its id.');
  });

  it('a CTA in the sample, or found by the look-up, is known and may be sent', () => {
    expect(ctaStatus({ ctaId: ID, sample: facts, lookup: idle, confirmed: false })).toEqual({ kind: 'known', facts });
    const found = ctaStatus({ ctaId: ID, sample: undefined, lookup: { state: 'done', facts }, confirmed: false });
    expect(found).toEqual({ kind: 'known', facts });
    expect(ctaProblem(found)).toBeNull();
    expect(needsConfirmation(found)).toBe(false);
  });

  it('waits while the look-up runs', () => {
    for (const lookup of [idle, { state: 'pending' } as const]) {
      const status = ctaStatus({ ctaId: ID, sample: undefined, lookup, confirmed: true });
      expect(status).toEqual({ kind: 'checking' });
      expect(ctaProblem(status)).toMatch(/still being checked/);
    }
  });

  it('an id no task names, or one that could not be checked, needs the user to confirm it', () => {
    const unknown = ctaStatus({ ctaId: ID, sample: undefined, lookup: { state: 'done', facts: undefined }, confirmed: false });
    expect(unknown).toEqual({ kind: 'unknown' });
    expect(ctaProblem(unknown)).toBe('No task names this CTA id: choose a CTA from the list, or confirm the id below.');
    expect(needsConfirmation(unknown)).toBe(true);

    const failed = ctaStatus({ ctaId: ID, sample: undefined, lookup: { state: 'error', reason: 'offline' }, confirmed: false });
    expect(failed).toEqual({ kind: 'uncheckable', reason: 'offline' });
    expect(ctaProblem(failed)).toMatch(/could not be checked/);

    for (const lookup of [{ state: 'done', facts: undefined } as const, { state: 'error', reason: 'offline' } as const]) {
      const confirmed = ctaStatus({ ctaId: ID, sample: undefined, lookup, confirmed: true });
      expect(confirmed).toEqual({ kind: 'confirmed' });
      expect(ctaProblem(confirmed)).toBeNull();
      expect(needsConfirmation(confirmed)).toBe(true);
    }
  });
});
