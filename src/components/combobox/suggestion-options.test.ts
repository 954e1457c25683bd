import { describe, expect, it } from 'vitest';
import { type CtaFacts } from '../../lib/cta-facts.ts';
import { ctaLabel } from '../../lib/cta-label.ts';
import { ctaOptions, ownerOptions } from './suggestion-options.ts';

describe('ctaOptions', () => {
  it('shows the CTA by its label, the id as its description', () => {
    const facts: CtaFacts = { ctaId: '1C1', companyName: 'Acme', playbookIds: [], taskCount: 2, complete: true, since: null };
    const label = (id: string, f: CtaFacts) => ctaLabel(id, f, { today: '2026-11-27' });
    expect(ctaOptions([facts], label)).toEqual([{ value: '1C1', label: 'Acme · 2 tasks', description: 'CTA id 1C1' }]);
    expect(ctaOptions([{ ...facts, companyName: '' }], label)[0]?.label).toBe('Unknown company · 2 tasks');
  });
});

describe('ownerOptions', () => {
  it('lists owners by name and adds the current owner when missing', () => {
    const options = ownerOptions([{ ownerId: 'U1', ownerName: 'Ada' }], { ownerId: 'U9', ownerName: 'Grace' });
    expect(options.map((o) => [o.value, o.label])).toEqual([
      ['U1', 'Ada'],
      ['U9', 'Grace'],
    ]);
    expect(ownerOptions([{ ownerId: 'U1', ownerName: 'Ada' }], { ownerId: 'U1', ownerName: 'Ada' })).toHaveLength(1);
    expect(ownerOptions([], { ownerId: '', ownerName: '' })).toHaveLength(0);
  });

  it('shows the id of owners who share a name', () => {
    const options = ownerOptions([
      { ownerId: 'U1', ownerName: 'Sam Lee' },
      { ownerId: 'U2', ownerName: 'Sam Lee' },
      { ownerId: 'U3', ownerName: 'Kim' },
    ]);
    expect(options.map((o) => o.description)).toEqual(['User U1', 'User U2', undefined]);
  });
});
