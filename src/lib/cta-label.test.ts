import { describe, expect, it } from 'vitest';
import { collectCtaFacts, mergeCtaFacts, type CtaFacts, type CtaFactsTask } from './cta-facts.ts';
import { ctaLabel, shortDate } from './cta-label.ts';

const K = '1CKESTREL0000000000000000000000000001';
const N = '1CNORTHWIND00000000000000000000000002';
const RENEWAL = '1PRENEWAL';
const CHURN = '1PCHURN';
const ONBOARD = '1PONBOARD';
const names: Record<string, string> = { [RENEWAL]: 'Renewal - 120 Days Out', [CHURN]: 'Churn Save', [ONBOARD]: 'Onboarding' };
const playbookName = (id: string) => names[id];
const today = '2026-11-27';

const TASKS: CtaFactsTask[] = [
  { CTAId: K, CompanyName: 'Kestrel Aerospace', PlaybookId: RENEWAL, CreatedDate: '2026-08-14T09:00:00.000Z' },
  { CTAId: K, CompanyName: 'Kestrel Aerospace', PlaybookId: RENEWAL, CreatedDate: '2026-08-12T23:59:00.000Z' },
  { CTAId: K, CompanyName: 'Kestrel Aerospace', PlaybookId: RENEWAL, CreatedDate: '2026-09-01T00:00:00.000Z' },
  { CTAId: K, CompanyName: 'Kestrel Aerospace', CreatedDate: '2026-10-01T00:00:00.000Z' },
  { CTAId: K, CompanyName: 'Kestrel Aerospace', PlaybookId: RENEWAL, CreatedDate: 'not a date' },
  { CTAId: N, PlaybookId: CHURN, CreatedDate: '2025-03-02T00:00:00.000Z' },
  { CTAId: N, CompanyName: 'Northwind', PlaybookId: ONBOARD },
  { CTAId: N, PlaybookId: ONBOARD },
  { CompanyName: 'No CTA' },
];

describe('collectCtaFacts', () => {
  it("counts each CTA's tasks, finds its company, its playbooks (most tasks first) and its oldest day", () => {
    const facts = collectCtaFacts(TASKS, true);
    expect([...facts.keys()]).toEqual([K, N]);
    expect(facts.get(K)).toEqual({
      ctaId: K,
      companyName: 'Kestrel Aerospace',
      playbookIds: [RENEWAL],
      taskCount: 5,
      complete: true,
      since: '2026-08-12',
    });
    expect(facts.get(N)).toMatchObject({ companyName: 'Northwind', playbookIds: [ONBOARD, CHURN], taskCount: 3, since: '2025-03-02' });
  });

  it('marks facts drawn from a sample as incomplete', () => {
    expect(collectCtaFacts(TASKS, false).get(K)?.complete).toBe(false);
  });
});

describe('ctaLabel', () => {
  it('names a CTA by company, playbook, task count and age, with the id apart', () => {
    const facts = collectCtaFacts(TASKS, true);
    expect(ctaLabel(K, facts.get(K), { playbookName, today })).toEqual({
      company: 'Kestrel Aerospace',
      details: ['Renewal - 120 Days Out', '5 tasks', 'since Aug 12'],
      text: 'Kestrel Aerospace · Renewal - 120 Days Out · 5 tasks · since Aug 12',
      idText: `CTA id ${K}`,
    });
    expect(ctaLabel(N, facts.get(N), { playbookName, today }).text).toBe(
      'Northwind · Onboarding, Churn Save · 3 tasks · since Mar 2, 2025',
    );
  });

  it('says when counts and dates are only bounds (a sample of the tasks)', () => {
    const facts = collectCtaFacts(TASKS, false);
    expect(ctaLabel(K, facts.get(K), { playbookName, today }).text).toBe(
      'Kestrel Aerospace · Renewal - 120 Days Out · 5+ tasks · since Aug 12 or earlier',
    );
  });

  it('counts playbooks whose names are not known, and shortens a long list', () => {
    const facts = collectCtaFacts(TASKS, true);
    expect(ctaLabel(N, facts.get(N), { today }).details[0]).toBe('2 playbooks');
    const many = collectCtaFacts(
      [RENEWAL, CHURN, ONBOARD, '1PX'].map((PlaybookId) => ({ CTAId: K, PlaybookId })),
      true,
    );
    expect(ctaLabel(K, many.get(K), { playbookName, today }).details).toEqual(['Renewal - 120 Days Out, Churn Save +2 more', '4 tasks']);
  });

  it('falls back to "Unknown company", and to the id alone for a CTA it knows nothing about', () => {
    const facts = collectCtaFacts([{ CTAId: K }], true);
    expect(ctaLabel(K, facts.get(K), { today }).text).toBe('Unknown company · 1 task');
    expect(ctaLabel(K, undefined, { today })).toEqual({ company: 'Unknown CTA', details: [], text: 'Unknown CTA', idText: `CTA id ${K}` });
  });
});

describe('shortDate', () => {
  it('leaves the year out in the current year only', () => {
    expect(shortDate('2026-08-12', today)).toBe('Aug 12');
    expect(shortDate('2025-08-12', today)).toBe('Aug 12, 2025');
  });
});

describe('mergeCtaFacts', () => {
  const sample: CtaFacts = { ctaId: K, companyName: '', playbookIds: [CHURN], taskCount: 2, complete: false, since: '2026-09-01' };
  const playbookTasks: CtaFacts = {
    ctaId: K,
    companyName: 'Kestrel',
    playbookIds: [RENEWAL],
    taskCount: 4,
    complete: false,
    since: '2026-10-01',
  };

  it('keeps what each source knows when neither is complete', () => {
    expect(mergeCtaFacts(sample, playbookTasks)).toEqual({
      ctaId: K,
      companyName: 'Kestrel',
      playbookIds: [CHURN, RENEWAL],
      taskCount: 4,
      complete: false,
      since: '2026-09-01',
    });
  });

  it('trusts a complete source, and takes whichever exists', () => {
    const exact = { ...sample, complete: true };
    expect(mergeCtaFacts(exact, playbookTasks)).toBe(exact);
    expect(mergeCtaFacts(playbookTasks, exact)).toBe(exact);
    expect(mergeCtaFacts(undefined, playbookTasks)).toBe(playbookTasks);
    expect(mergeCtaFacts(undefined, undefined)).toBeUndefined();
  });
});
