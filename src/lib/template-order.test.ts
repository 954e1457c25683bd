import { describe, expect, it } from 'vitest';
import type { TaskTemplate } from '../api/types.ts';
import { compareTemplates, sortTemplates, templateOrder, templateStep } from './template-order.ts';

const names = (templates: TaskTemplate[]) => templates.map((t) => t.name);

describe('template order', () => {
  it('sorts by order whatever the reply order, missing orders last', () => {
    const input: TaskTemplate[] = [
      { name: 'Loose' },
      { name: 'Go-live', order: 40 },
      { name: 'Kickoff', order: 1 },
      { name: 'Setup', order: 10 },
    ];
    expect(names(sortTemplates(input))).toEqual(['Kickoff', 'Setup', 'Go-live', 'Loose']);
    expect(names(input)).toEqual(['Loose', 'Go-live', 'Kickoff', 'Setup']); // the input is untouched
    expect(sortTemplates(undefined)).toEqual([]);
  });

  it('breaks ties by name: case-insensitively, numbers in number order, then as written', () => {
    const tied: TaskTemplate[] = [
      { name: 'step 10', order: 5 },
      { name: 'Beta', order: 5 },
      { name: 'alpha', order: 5 },
      { name: 'step 9', order: 5 },
      { name: 'Alpha', order: 5 },
    ];
    expect(names(sortTemplates(tied))).toEqual(['Alpha', 'alpha', 'Beta', 'step 9', 'step 10']);
    // A total order: the same answer whatever the input order.
    expect(names(sortTemplates([...tied].reverse()))).toEqual(names(sortTemplates(tied)));
    expect(compareTemplates({ name: 'a', order: 1 }, { name: 'a', order: 1 })).toBe(0);
  });

  it('reads a finite order only', () => {
    expect(templateOrder({ order: 3 })).toBe(3);
    expect(templateOrder({})).toBeNull();
    expect(templateOrder({ order: Number.NaN })).toBeNull();
  });
});

describe('templateStep', () => {
  const templates: TaskTemplate[] = [
    { name: 'Wrap-up', order: 70 },
    { name: 'Kickoff', order: 10 },
    { name: 'Training', order: 35 },
    { name: 'Setup', order: 20 },
  ];

  it('counts the place among templates in playbook order, gaps and all', () => {
    expect(templateStep(templates, 10)).toEqual({ step: 1, total: 4 });
    expect(templateStep(templates, 35)).toEqual({ step: 3, total: 4 });
    expect(templateStep([{ name: 'Loose' }, ...templates], 70)).toEqual({ step: 4, total: 5 });
  });

  it('is null without templates, without an order, or when no template has it', () => {
    expect(templateStep(undefined, 10)).toBeNull();
    expect(templateStep(templates, undefined)).toBeNull();
    expect(templateStep(templates, 15)).toBeNull();
  });
});
