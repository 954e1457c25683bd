import { describe, expect, it } from 'vitest';
import type { TaskTemplate } from '../../api/types.ts';
import { dayLabel, orderTemplates, spanDays, stepLabel } from './template-steps.ts';

describe('orderTemplates', () => {
  it('sorts by order whatever the reply order, keeping gaps as they are', () => {
    const shuffled: TaskTemplate[] = [
      { name: 'Go-live review', order: 40, daysFromCreation: 60 },
      { name: 'Kickoff call', order: 1, daysFromCreation: 0 },
      { name: 'Admin training', order: 10, daysFromCreation: 21 },
      { name: 'Technical setup', order: 2, daysFromCreation: 7 },
    ];
    const ordered = orderTemplates(shuffled);
    expect(ordered.map((t) => t.name)).toEqual(['Kickoff call', 'Technical setup', 'Admin training', 'Go-live review']);
    expect(ordered.map((t) => t.order)).toEqual([1, 2, 10, 40]);
    expect(ordered.map((t) => t.step)).toEqual([1, 2, 3, 4]);
    expect(ordered.every((t) => t.total === 4)).toBe(true);
  });

  it('breaks ties of order by name, case-insensitively and with numbers in number order', () => {
    const ordered = orderTemplates([
      { name: 'step 10', order: 5 },
      { name: 'Beta', order: 5 },
      { name: 'alpha', order: 5 },
      { name: 'step 9', order: 5 },
      { name: 'First', order: 1 },
    ]);
    expect(ordered.map((t) => t.name)).toEqual(['First', 'alpha', 'Beta', 'step 9', 'step 10']);
  });

  it('puts templates without an order last and fills in missing fields', () => {
    const ordered = orderTemplates([{ name: 'No order' }, { order: 3, daysFromCreation: 4 }, { name: 'Two', order: 2 }]);
    expect(ordered.map((t) => [t.name, t.order, t.daysFromCreation, t.description])).toEqual([
      ['Two', 2, 0, ''],
      ['', 3, 4, ''],
      ['No order', null, 0, ''],
    ]);
  });

  it('does not change the array it was given', () => {
    const input: TaskTemplate[] = [
      { name: 'B', order: 2 },
      { name: 'A', order: 1 },
    ];
    orderTemplates(input);
    expect(input.map((t) => t.name)).toEqual(['B', 'A']);
  });

  it('handles no templates', () => {
    expect(orderTemplates(undefined)).toEqual([]);
    expect(orderTemplates([])).toEqual([]);
  });
});

describe('spanDays and labels', () => {
  it('is the largest daysFromCreation, not the last one', () => {
    expect(
      spanDays([
        { order: 1, daysFromCreation: 30 },
        { order: 2, daysFromCreation: 10 },
      ]),
    ).toBe(30);
    expect(spanDays([])).toBe(0);
    expect(spanDays(undefined)).toBe(0);
  });

  it('words steps and days', () => {
    expect(stepLabel({ step: 3, total: 7 })).toBe('Step 3 of 7');
    expect(dayLabel(5)).toBe('Day 5');
  });
});
