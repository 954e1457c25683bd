import { describe, expect, it } from 'vitest';
import { EMPTY_CALENDAR_STATE } from './calendar-url-state.ts';
import { rangeRequest, undatedRequest } from './calendar-request.ts';

describe("the calendar's searches", () => {
  it('ask for the days the view shows, with no filter by default', () => {
    const month = rangeRequest(EMPTY_CALENDAR_STATE, '2026-12-02', null);
    expect(month.where).toEqual({ conditions: [{ name: 'DueDate', alias: 'Due', operator: 'BTW', value: ['2026-11-30', '2027-01-03'] }] });
    const week = rangeRequest({ ...EMPTY_CALENDAR_STATE, view: 'week', date: '2028-02-29' }, '2026-12-02', null);
    expect(week.where?.conditions?.[0]?.value).toEqual(['2028-02-28', '2028-03-05']);
  });

  it('carry the filters: owner, company, priority, My tasks (when the user said who they are) and the statuses', () => {
    const state = {
      ...EMPTY_CALENDAR_STATE,
      owner: '1U1',
      company: '1A1',
      priority: 'High',
      mine: true,
      statuses: ['Not Started' as const],
    };
    const filters = [
      { name: 'OwnerId', alias: 'Owner', operator: 'EQ', value: ['1U1'] },
      { name: 'CompanyId', alias: 'Company', operator: 'EQ', value: ['1A1'] },
      { name: 'Priority', alias: 'Priority', operator: 'EQ', value: ['High'] },
      { name: 'OwnerId', alias: 'Mine', operator: 'EQ', value: ['1U9'] },
      { name: 'Status', alias: 'Status', operator: 'IN', value: ['Not Started'] },
    ];
    expect(rangeRequest(state, '2026-12-02', '1U9').where?.conditions?.slice(1)).toEqual(filters);
    expect(undatedRequest(state, '1U9')).toMatchObject({
      where: { conditions: [{ name: 'DueDate', alias: 'Due', operator: 'IS_NULL', value: [] }, ...filters] },
      orderBy: { ModifiedDate: 'desc' },
      limit: 25,
    });
    expect(rangeRequest(state, '2026-12-02', null).where?.conditions?.map((c) => c.alias)).not.toContain('Mine');
  });
});
