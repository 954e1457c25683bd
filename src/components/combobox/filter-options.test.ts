import { describe, expect, it } from 'vitest';
import { filterOptions, findByLabel, normalizeText, type ComboboxOption } from './filter-options.ts';

const OPTIONS: ComboboxOption[] = [
  { value: '1C-1', label: 'Northwind Traders', description: 'CTA 1C-1' },
  { value: '1C-2', label: 'Acme Corp', description: 'CTA 1C-2' },
  { value: '1C-3', label: 'Zoë Analytics', description: 'CTA 1C-3' },
  { value: '1C-4', label: 'Big Acme Holdings', description: 'CTA 1C-4' },
];

const labels = (options: ComboboxOption[]) => options.map((o) => o.label);

describe('filterOptions', () => {
  it('matches everything for an empty query, in the given order', () => {
    expect(filterOptions(OPTIONS, '  ')).toEqual({ shown: OPTIONS, total: 4 });
  });

  it('ignores case and accents and searches label, description and value', () => {
    expect(labels(filterOptions(OPTIONS, 'ZOE').shown)).toEqual(['Zoë Analytics']);
    expect(labels(filterOptions(OPTIONS, '1c-2').shown)).toEqual(['Acme Corp']);
  });

  it('needs every word, in any order', () => {
    expect(labels(filterOptions(OPTIONS, 'holdings acme').shown)).toEqual(['Big Acme Holdings']);
    expect(filterOptions(OPTIONS, 'acme zoe').total).toBe(0);
  });

  it('puts labels that start with the query first', () => {
    expect(labels(filterOptions(OPTIONS, 'acme').shown)).toEqual(['Acme Corp', 'Big Acme Holdings']);
  });

  it('shows at most `limit` options but counts them all', () => {
    const result = filterOptions(OPTIONS, '1c', 2);
    expect(result.shown).toHaveLength(2);
    expect(result.total).toBe(4);
  });
});

describe('findByLabel', () => {
  it('finds the one option with exactly that label', () => {
    expect(findByLabel(OPTIONS, ' acme corp ')?.value).toBe('1C-2');
    expect(findByLabel(OPTIONS, 'acme')).toBeUndefined();
    expect(findByLabel(OPTIONS, '')).toBeUndefined();
  });

  it('finds nothing when two options share the label', () => {
    expect(findByLabel([...OPTIONS, { value: 'x', label: 'Acme Corp' }], 'Acme Corp')).toBeUndefined();
  });
});

describe('normalizeText', () => {
  it('lower-cases, trims and drops accents', () => {
    expect(normalizeText('  Élodie ')).toBe('elodie');
  });
});
