import { describe, expect, it } from 'vitest';
import { filterRows, listStateParams, parseListState, toPlaybookRow, DEFAULT_LIST_STATE } from './playbook-rows.ts';

const rows = [
  toPlaybookRow({
    Gsid: '1P1',
    Name: 'Enterprise Onboarding',
    Description: 'Kickoff to go-live',
    CTATypeId: '1Y-ONB',
    IsActive: true,
    TaskTemplates: [
      { name: 'a', order: 1, daysFromCreation: 90 },
      { name: 'b', order: 2, daysFromCreation: 30 },
    ],
  }),
  toPlaybookRow({ Gsid: '1P2', Name: 'Légacy Onboarding', CTATypeId: '1Y-ONB', IsActive: false }),
  toPlaybookRow({ Gsid: '1P3', Name: 'Renewal', Description: 'Renewal outreach', CTATypeId: '1Y-REN', IsActive: true }),
];

describe('toPlaybookRow', () => {
  it('counts templates and takes the largest day as the span', () => {
    expect(rows[0]).toEqual({
      id: '1P1',
      name: 'Enterprise Onboarding',
      description: 'Kickoff to go-live',
      ctaTypeId: '1Y-ONB',
      active: true,
      templateCount: 2,
      spanDays: 90,
    });
    expect(rows[1]).toMatchObject({ description: '', templateCount: 0, spanDays: 0, active: false });
  });
});

describe('filterRows', () => {
  const names = (active: Parameters<typeof filterRows>[1], text: string) => filterRows(rows, active, text).map((r) => r.name);

  it('filters by active state', () => {
    expect(names('all', '')).toHaveLength(3);
    expect(names('active', '')).toEqual(['Enterprise Onboarding', 'Renewal']);
    expect(names('inactive', '')).toEqual(['Légacy Onboarding']);
  });

  it('matches every word anywhere, ignoring case and accents', () => {
    expect(names('all', 'onboarding')).toEqual(['Enterprise Onboarding', 'Légacy Onboarding']);
    expect(names('all', 'LEGACY onb')).toEqual(['Légacy Onboarding']);
    expect(names('all', 'go-live')).toEqual(['Enterprise Onboarding']);
    expect(names('all', '1y-ren')).toEqual(['Renewal']);
    expect(names('active', 'legacy')).toEqual([]);
  });
});

describe('list state in the URL', () => {
  it('round-trips and leaves defaults out', () => {
    expect(listStateParams(DEFAULT_LIST_STATE).toString()).toBe('');
    const state = { text: 'on board', active: 'inactive' as const, sort: { id: 'span' as const, desc: true } };
    const params = listStateParams(state);
    expect(params.toString()).toBe('q=on+board&state=inactive&sort=-span');
    expect(parseListState(params)).toEqual({ state, problems: [] });
    expect(parseListState(new URLSearchParams('sort=none')).state.sort).toBeNull();
  });

  it('ignores what a hand-edited link gets wrong, and says so', () => {
    const { state, problems } = parseListState(new URLSearchParams('state=maybe&sort=-color'));
    expect(state).toEqual(DEFAULT_LIST_STATE);
    expect(problems).toEqual([
      'the state "maybe" (use active or inactive)',
      'the sort "-color" (use one of name, description, ctaType, active, templates, span, with - for descending)',
    ]);
  });
});
