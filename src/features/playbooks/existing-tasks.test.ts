import { describe, expect, it } from 'vitest';
import { existingCoverage, existingTasksRequest, templatesToCreate, type ExistingTask } from './existing-tasks.ts';
import type { OrderedTemplate } from './template-steps.ts';

const tpl = (step: number, order: number | null, name: string): OrderedTemplate => ({
  step,
  total: 4,
  order,
  name,
  description: '',
  daysFromCreation: step,
});
const TEMPLATES = [tpl(1, 10, 'Kickoff'), tpl(2, 20, 'Review'), tpl(3, 20, 'Review notes'), tpl(4, null, 'Wrap up')];

describe('existingCoverage', () => {
  it('matches tasks to templates by order (then name), and lists what is missing', () => {
    const existing: ExistingTask[] = [
      { Gsid: 't3', Name: 'Review notes', Order: 20, Status: 'Completed' },
      { Gsid: 't1', Name: 'Kickoff', Order: 10, Status: 'Not Started' },
      { Gsid: 't1b', Name: 'Kickoff (renamed)', Order: 10, Status: 'Skipped' },
    ];
    const coverage = existingCoverage(TEMPLATES, existing);
    expect(coverage.tasks.map((t) => [t.task.Gsid, t.template?.step])).toEqual([
      ['t1', 1],
      ['t1b', 1],
      ['t3', 3],
    ]);
    expect(coverage.missing.map((t) => t.name)).toEqual(['Review', 'Wrap up']);
  });

  it('matches by name a task without an order or with an order no template has, and keeps the rest unmatched', () => {
    const existing: ExistingTask[] = [
      { Gsid: 'a', Name: ' Wrap up ' },
      { Gsid: 'b', Name: 'Review', Order: 99 },
      { Gsid: 'c', Name: 'Something else', Order: 99 },
    ];
    const coverage = existingCoverage(TEMPLATES, existing);
    expect(coverage.tasks.map((t) => [t.task.Gsid, t.template?.name ?? null])).toEqual([
      ['b', 'Review'],
      ['a', 'Wrap up'],
      ['c', null],
    ]);
    expect(coverage.missing.map((t) => t.step)).toEqual([1, 3]);
  });

  it('with no tasks, everything is missing', () => {
    expect(existingCoverage(TEMPLATES, [])).toEqual({ tasks: [], missing: TEMPLATES });
  });
});

describe('templatesToCreate', () => {
  it('creates only the missing templates, or all of them when asked (or when nothing is known)', () => {
    const coverage = existingCoverage(TEMPLATES, [{ Gsid: 't1', Name: 'Kickoff', Order: 10 }]);
    expect(templatesToCreate(TEMPLATES, coverage, 'missing').map((t) => t.step)).toEqual([2, 3, 4]);
    expect(templatesToCreate(TEMPLATES, coverage, 'all')).toBe(TEMPLATES);
    expect(templatesToCreate(TEMPLATES, null, 'missing')).toBe(TEMPLATES);
  });
});

describe('existingTasksRequest', () => {
  it("asks for the playbook's tasks on the CTA", () => {
    expect(existingTasksRequest('1P', '1C').where?.conditions).toEqual([
      { name: 'PlaybookId', alias: 'A', operator: 'EQ', value: ['1P'] },
      { name: 'CTAId', alias: 'B', operator: 'EQ', value: ['1C'] },
    ]);
  });
});
