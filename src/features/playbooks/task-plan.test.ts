import { describe, expect, it } from 'vitest';
import { createInputFor, planTasks } from './task-plan.ts';
import { orderTemplates } from './template-steps.ts';

const templates = orderTemplates([
  { name: 'Kickoff', order: 1, daysFromCreation: 0, description: 'Meet the team' },
  { name: 'Next day', order: 2, daysFromCreation: 1 },
  { name: 'A month', order: 5, daysFromCreation: 30 },
  { name: 'A year', order: 9, daysFromCreation: 365 },
]);

describe('planTasks', () => {
  it('dates each task start + daysFromCreation, in playbook order', () => {
    expect(planTasks(templates, '2026-11-27').map((t) => [t.step, t.name, t.dueDate])).toEqual([
      [1, 'Kickoff', '2026-11-27'],
      [2, 'Next day', '2026-11-28'],
      [3, 'A month', '2026-12-27'],
      [4, 'A year', '2027-11-27'],
    ]);
  });

  it('crosses month ends and the end of February in leap and common years', () => {
    expect(planTasks(templates, '2026-01-31').map((t) => t.dueDate)).toEqual(['2026-01-31', '2026-02-01', '2026-03-02', '2027-01-31']);
    // 2028 is a leap year: Feb 28 + 1 is Feb 29, and the year ahead holds Feb 29.
    expect(planTasks(templates, '2028-02-28').map((t) => t.dueDate)).toEqual(['2028-02-28', '2028-02-29', '2028-03-29', '2029-02-27']);
    expect(planTasks(templates, '2027-02-28').map((t) => t.dueDate)).toEqual(['2027-02-28', '2027-03-01', '2027-03-30', '2028-02-28']);
    expect(planTasks(templates, '2028-02-29').map((t) => t.dueDate)[1]).toBe('2028-03-01');
    expect(planTasks(templates, '2026-12-31').map((t) => t.dueDate)[1]).toBe('2027-01-01');
  });

  it('plans nothing for a start date that is not a calendar date', () => {
    expect(planTasks(templates, '2026-02-30')).toEqual([]);
    expect(planTasks(templates, '')).toEqual([]);
  });
});

describe('createInputFor', () => {
  const [kickoff, nextDay] = planTasks(templates, '2026-11-27');

  it('builds the create body with the extension fields', () => {
    expect(createInputFor(kickoff!, { playbookId: '1P1', ctaId: '1C1', ownerId: '1U1' })).toEqual({
      Name: 'Kickoff',
      Description: 'Meet the team',
      CTAId: '1C1',
      OwnerId: '1U1',
      DueDate: '2026-11-27',
      Status: 'Not Started',
      PlaybookId: '1P1',
      Order: 1,
    });
  });

  it('leaves out an empty owner and description', () => {
    const input = createInputFor(nextDay!, { playbookId: '1P1', ctaId: '1C1', ownerId: '' });
    expect(input).not.toHaveProperty('OwnerId');
    expect(input).not.toHaveProperty('Description');
    expect(input.Order).toBe(2);
  });
});
