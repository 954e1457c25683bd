import type { OwnerSuggestion } from '../../api/suggestions.ts';
import type { CtaFacts } from '../../lib/cta-facts.ts';
import type { CtaLabel } from '../../lib/cta-label.ts';
import type { ComboboxOption } from './filter-options.ts';

/**
 * A CTA option: its label ("Kestrel Aerospace · Renewal - 120 Days Out · 5 tasks · since Aug 12")
 * first, the CTA id under it (both searchable).
 */
export function ctaOptions(ctas: readonly CtaFacts[], label: (ctaId: string, facts: CtaFacts) => CtaLabel): ComboboxOption[] {
  return ctas.map((c) => {
    const l = label(c.ctaId, c);
    return { value: c.ctaId, label: l.text, description: l.idText };
  });
}

/**
 * Owner options by name. `extra` (e.g. a task's current owner, who may not be among the
 * suggestions) is added when missing. Owners sharing a name show their id to tell them apart.
 */
export function ownerOptions(owners: readonly OwnerSuggestion[], extra?: OwnerSuggestion | null): ComboboxOption[] {
  const all = extra?.ownerId && !owners.some((o) => o.ownerId === extra.ownerId) ? [...owners, extra] : [...owners];
  const count = new Map<string, number>();
  for (const o of all) count.set(o.ownerName, (count.get(o.ownerName) ?? 0) + 1);
  return all.map((o) => ({
    value: o.ownerId,
    label: o.ownerName || o.ownerId,
    description: (count.get(o.ownerName) ?? 0) > 1 ? `User ${o.ownerId}` : undefined,
  }));
}
