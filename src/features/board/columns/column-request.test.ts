import { describe, expect, it } from 'vitest';
import { EMPTY_BOARD_STATE, type BoardState } from '../board-url-state.ts';
import { boardWhere, columnRequest, filterHidesColumn } from './column-request.ts';

const context = { today: '2026-11-27', me: '1UME' }; // a Friday
const request = (state: Partial<BoardState>, ctx: { today: string; me: string | null } = context) => {
  const full = { ...EMPTY_BOARD_STATE, ...state };
  return columnRequest(boardWhere(full, ctx), 'In Progress', full);
};

describe('column requests', () => {
  it('a plain column: its status, by due date, 50 a page', () => {
    expect(request({})).toEqual({
      select: expect.arrayContaining(['Gsid', 'Name', 'Status', 'DueDate']),
      where: { conditions: [{ name: 'Status', alias: 'Status', operator: 'EQ', value: ['In Progress'] }] },
      orderBy: { DueDate: 'asc' },
      limit: 50,
    });
  });

  it('the toolbar filters and the chosen order', () => {
    const r = request({ q: 'call', owner: '1UO', company: '1AC', priority: 'High', playbook: '1PB', sort: 'priority' });
    expect(r.where!.conditions).toEqual([
      { name: 'Name', alias: 'Name', operator: 'CONTAINS', value: ['call'] },
      { name: 'OwnerId', alias: 'Owner', operator: 'EQ', value: ['1UO'] },
      { name: 'CompanyId', alias: 'Company', operator: 'EQ', value: ['1AC'] },
      { name: 'Priority', alias: 'Priority', operator: 'EQ', value: ['High'] },
      { name: 'PlaybookId', alias: 'Playbook', operator: 'EQ', value: ['1PB'] },
      { name: 'Status', alias: 'Status', operator: 'EQ', value: ['In Progress'] },
    ]);
    expect(r.where!.expression).toBeUndefined();
    expect(r.orderBy).toEqual({ Priority: 'asc', DueDate: 'asc' });
  });

  it('quick filters: mine (when the user said who they are), open and overdue, this week', () => {
    const r = request({ quick: ['mine', 'overdue', 'week'] });
    expect(r.where!.conditions).toEqual([
      { name: 'OwnerId', alias: 'Mine', operator: 'EQ', value: ['1UME'] },
      { name: 'DueDate', alias: 'Overdue', operator: 'LT', value: ['2026-11-27'] },
      { name: 'Status', alias: 'Open', operator: 'IN', value: ['Not Started', 'In Progress'] },
      { name: 'DueDate', alias: 'Week', operator: 'BTW', value: ['2026-11-23', '2026-11-29'] },
      { name: 'Status', alias: 'Status', operator: 'EQ', value: ['In Progress'] },
    ]);
    expect(request({ quick: ['mine'] }, { ...context, me: null }).where!.conditions).toHaveLength(1);
  });

  it("wraps a link's expression and gives the board's conditions aliases of their own", () => {
    const r = request({
      q: 'call',
      where: {
        conditions: [
          { name: 'Priority', alias: 'Status', operator: 'EQ', value: ['High'] },
          { name: 'Name', alias: 'Name', operator: 'CONTAINS', value: ['x'] },
        ],
        expression: 'Status OR Name',
      },
    });
    expect(r.where?.conditions?.map((c) => c.alias)).toEqual(['Status', 'Name', 'Name2', 'Status2']);
    expect(r.where?.conditions?.at(-1)).toEqual({ name: 'Status', alias: 'Status2', operator: 'EQ', value: ['In Progress'] });
    expect(r.where!.expression).toBe('(Status OR Name) AND Name2 AND Status2');
  });

  it('ANDs the conditions of a link without an expression', () => {
    const r = request({
      where: {
        conditions: [
          { name: 'Priority', alias: 'A', operator: 'EQ', value: ['High'] },
          { name: 'DueDate', alias: 'B', operator: 'IS_NULL', value: [] },
        ],
      },
    });
    expect(r.where!.expression).toBe('(A AND B) AND Status');
  });

  it('says why a done column is empty while Overdue is on, and only then', () => {
    const overdue = { quick: ['overdue' as const] };
    expect(filterHidesColumn(overdue, 'Completed')).toBe('Completed tasks are never overdue, so the Overdue filter hides them.');
    expect(filterHidesColumn(overdue, 'Skipped')).toMatch(/^Skipped tasks are never overdue/);
    expect(filterHidesColumn(overdue, 'Not Started')).toBeNull();
    expect(filterHidesColumn(overdue, 'In Progress')).toBeNull();
    expect(filterHidesColumn({ quick: ['week', 'mine'] }, 'Completed')).toBeNull();
  });
});
