import type { CtaSuggestion, OwnerSuggestion } from '../../api/suggestions.ts';
import type { ComboboxOption } from './filter-options.ts';

/** A CTA option: the company name first, the CTA id under it (both searchable). */
export function ctaOptions(ctas: readonly CtaSuggestion[]): ComboboxOption[] {
  return ctas.map((c) => ({ value: c.ctaId, label: c.companyName || 'Unknown company', description: `CTA ${c.ctaId}` }));
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
