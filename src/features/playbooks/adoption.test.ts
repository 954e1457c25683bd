import { describe, expect, it } from 'vitest';
import { computeAdoption, formatRate, type AdoptionTask } from './adoption.ts';
import { orderTemplates } from './template-steps.ts';

const TODAY = '2026-11-27';
const templates = orderTemplates([
  { name: 'Kickoff', order: 10, daysFromCreation: 0 },
  { name: 'Training', order: 20, daysFromCreation: 14 },
  { name: 'Review', order: 30, daysFromCreation: 30 },
]);

let n = 0;
const task = (over: Partial<AdoptionTask>): AdoptionTask => ({
  Gsid: `1T${++n}`,
  CTAId: '1C-A',
  CompanyName: 'Acme',
  Status: 'Not Started',
  ...over,
});

describe('computeAdoption', () => {
  const tasks: AdoptionTask[] = [
    // CTA A (Acme): all three templates.
    task({ Order: 10, Name: 'Kickoff', Status: 'Completed', DueDate: '2026-11-01' }),
    task({ Order: 20, Name: 'Training', Status: 'In Progress', DueDate: '2026-11-26' }), // overdue
    task({ Order: 30, Name: 'Review', Status: 'Not Started', DueDate: TODAY }), // due today: not overdue
    // CTA B (Zeta): two templates, one skipped, one overdue with no name selected.
    task({ CTAId: '1C-B', CompanyName: 'Zeta', Order: 10, Status: 'Skipped', DueDate: '2026-10-01' }),
    task({ CTAId: '1C-B', CompanyName: 'Zeta', Order: 20, Status: 'Not Started', DueDate: '2026-10-15' }), // overdue
    // CTA C (beta): a completed task past its due date is not overdue; one from a removed template.
    task({ CTAId: '1C-C', CompanyName: 'beta', Order: 30, Status: 'Completed', DueDate: '2026-01-01' }),
    task({ CTAId: '1C-C', CompanyName: 'beta', Order: 99, Status: 'In Progress' }), // no due date
  ];
  const a = computeAdoption(tasks, templates, TODAY);

  it('counts all tasks, by status, done, open and overdue', () => {
    expect(a.total).toBe(7);
    expect(a.byStatus).toEqual({ 'Not Started': 2, 'In Progress': 2, Completed: 2, Skipped: 1 });
    expect(a.done).toBe(3);
    expect(a.open).toBe(4);
    expect(a.overdue).toBe(2);
    expect(a.completionRate).toBeCloseTo(3 / 7);
  });

  it('matches tasks to templates by Order, and keeps the others apart', () => {
    expect(a.perTemplate.map((t) => [t.template.name, t.total, t.done, t.open, t.overdue])).toEqual([
      ['Kickoff', 2, 2, 0, 0],
      ['Training', 2, 0, 2, 2],
      ['Review', 2, 1, 1, 0],
    ]);
    expect(a.unmatched).toEqual({ total: 1, done: 0, open: 1, overdue: 0 });
  });

  it('lists the CTAs by company name with done of total', () => {
    expect(a.ctas.map((c) => [c.companyName, c.ctaId, c.done, c.total, c.overdue])).toEqual([
      ['Acme', '1C-A', 1, 3, 1],
      ['beta', '1C-C', 1, 2, 0],
      ['Zeta', '1C-B', 1, 2, 1],
    ]);
  });

  it('uses the name to tell apart templates that share an order', () => {
    const tied = orderTemplates([
      { name: 'Call', order: 1 },
      { name: 'Email', order: 1 },
    ]);
    const r = computeAdoption([task({ Order: 1, Name: 'Email' }), task({ Order: 1, Name: 'Other' })], tied, TODAY);
    expect(r.perTemplate.map((t) => [t.template.name, t.total])).toEqual([
      ['Call', 1],
      ['Email', 1],
    ]);
  });

  it('has no rate and no unmatched group without tasks', () => {
    const r = computeAdoption([], templates, TODAY);
    expect(r.total).toBe(0);
    expect(r.completionRate).toBeNull();
    expect(r.unmatched).toBeNull();
    expect(r.ctas).toEqual([]);
    expect(r.perTemplate.every((t) => t.total === 0)).toBe(true);
  });
});

describe('formatRate', () => {
  it('rounds to whole percent without claiming 0% or 100% falsely', () => {
    expect(formatRate(0)).toBe('0%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(3 / 7)).toBe('43%');
    expect(formatRate(0.001)).toBe('<1%');
    expect(formatRate(0.999)).toBe('>99%');
  });
});
