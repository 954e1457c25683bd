import { describe, expect, it } from 'vitest';
import { playbookStep } from './playbook-step.ts';

const TEMPLATES = [
  { name: 'Wrap-up', order: 70 },
  { name: 'Kickoff', order: 10 },
  { name: 'Training', order: 35 },
  { name: 'Setup', order: 20 },
];

describe('playbookStep', () => {
  it('counts the place among templates sorted by order, gaps and all', () => {
    expect(playbookStep(TEMPLATES, 10)).toEqual({ position: 1, total: 4 });
    expect(playbookStep(TEMPLATES, 35)).toEqual({ position: 3, total: 4 });
    expect(playbookStep(TEMPLATES, 70)).toEqual({ position: 4, total: 4 });
  });

  it('puts templates without an order last', () => {
    expect(playbookStep([{ name: 'Loose' }, ...TEMPLATES], 70)).toEqual({ position: 4, total: 5 });
  });

  it('is null without templates, without an order, or when no template has it', () => {
    expect(playbookStep(undefined, 10)).toBeNull();
    expect(playbookStep(TEMPLATES, undefined)).toBeNull();
    expect(playbookStep(TEMPLATES, 15)).toBeNull();
  });
});
