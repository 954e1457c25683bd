import { describe, expect, it } from 'vitest';
import { ctaOptions, ownerOptions } from './suggestion-options.ts';

describe('ctaOptions', () => {
  it('shows the company name and the CTA id', () => {
    expect(ctaOptions([{ ctaId: '1C1', companyId: '1K1', companyName: 'Acme' }])).toEqual([
      { value: '1C1', label: 'Acme', description: 'CTA 1C1' },
    ]);
    expect(ctaOptions([{ ctaId: '1C2', companyId: '', companyName: '' }])[0]?.label).toBe('Unknown company');
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
