import { describe, expect, it } from 'vitest';
import { TASK_STATUSES, type SearchCondition, type SearchRequest, type TaskStatus } from '../../../api/types.ts';
import { defaultAlias, evaluateExpression, parseExpression } from '../../../lib/search-expression.ts';
import { EMPTY_BOARD_STATE, type BoardState } from '../board-url-state.ts';
import { boardWhere } from './column-request.ts';
import { columnSearch, fitsServer, type ColumnSearch } from './column-search.ts';
import { parseLinkWhere } from './link-where.ts';

const context = { today: '2026-11-27', me: '1UME' }; // a Friday

/** A link as the search page's "Show on board" writes it: conditions lettered A, B, C… and their logic. */
function searchPageLink(conditions: Omit<SearchCondition, 'alias'>[], logic: 'and' | 'or' | string) {
  const aliases = conditions.map((_c, i) => defaultAlias(i));
  const expression = logic === 'and' ? aliases.join(' AND ') : logic === 'or' ? aliases.join(' OR ') : logic;
  const parsed = parseLinkWhere(JSON.stringify({ conditions: conditions.map((c, i) => ({ ...c, alias: aliases[i] })), expression }));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.where;
}

const names = (n: number) => Array.from({ length: n }, (_, i) => ({ name: 'Name', operator: 'CONTAINS' as const, value: [`word${i}`] }));

/** Every column's search, each checked against the server's limits with the server's own parser. */
function searchesFor(state: Partial<BoardState>) {
  const full = { ...EMPTY_BOARD_STATE, ...state };
  const where = boardWhere(full, context);
  return Object.fromEntries(TASK_STATUSES.map((status) => [status, columnSearch(where, status, full)])) as Record<TaskStatus, ColumnSearch>;
}

function expectServerTakes(search: ColumnSearch): SearchRequest {
  if (!search.ok) throw new Error(search.problem);
  const { conditions = [], expression } = search.request.where ?? {};
  expect(conditions.length).toBeLessThanOrEqual(100);
  if (expression) expect(() => parseExpression(expression)).not.toThrow();
  expect(fitsServer(search.request)).toBe(true);
  return search.request;
}

describe('column searches', () => {
  it('are the plain requests when the server takes them', () => {
    const r = expectServerTakes(searchesFor({ q: 'call', where: searchPageLink(names(2), 'or') })['In Progress']);
    expect(r.where!.expression).toBe('(A OR B) AND Name AND Status');
  });
});

describe('links that use all the server takes (B8)', () => {
  it('a search with 100 conditions, one of them on the status: every column is one search the server takes', () => {
    const where = searchPageLink([...names(99), { name: 'Status', operator: 'IN', value: ['Not Started', 'In Progress'] }], 'and');
    const searches = searchesFor({ where });
    const notStarted = expectServerTakes(searches['Not Started']);
    // The link's status condition holds in this column, so the column's own status takes its place.
    expect(notStarted.where!.conditions).toHaveLength(100);
    expect(notStarted.where!.conditions!.at(-1)).toEqual({ name: 'Status', alias: 'Status', operator: 'EQ', value: ['Not Started'] });
    expect(notStarted.where!.expression).toBeUndefined(); // all ANDed, as the server does without one
    expectServerTakes(searches['In Progress']);
    // Completed is ruled out by the link: a search that finds nothing, by construction.
    expect(expectServerTakes(searches.Completed).where!.conditions).toEqual([
      { name: 'Status', alias: 'Status', operator: 'EQ', value: ['Completed'] },
      { name: 'Status', alias: 'NotStatus', operator: 'NE', value: ['Completed'] },
    ]);
  });

  it('a search with 99 conditions goes as it is, with the status as the 100th', () => {
    const r = expectServerTakes(searchesFor({ where: searchPageLink(names(99), 'or') })['Skipped']);
    expect(r.where!.conditions).toHaveLength(100);
    expect(r.where!.expression).toMatch(/^\(A OR B OR .* OR CU\) AND Status$/);
  });

  it("folds the board's own filters when the link leaves little room: Overdue and Due this week become one range", () => {
    const where = searchPageLink(names(97), 'and');
    const searches = searchesFor({ where, quick: ['overdue', 'week'] }); // plain: 97 + 3 + status = 101
    const inProgress = expectServerTakes(searches['In Progress']).where!.conditions!;
    expect(inProgress.slice(97)).toEqual([
      { name: 'DueDate', alias: 'Week', operator: 'BTW', value: ['2026-11-23', '2026-11-26'] },
      { name: 'Status', alias: 'Status', operator: 'EQ', value: ['In Progress'] },
    ]);
    // A done column keeps "open only" (Overdue never shows done tasks), and still fits.
    expect(
      expectServerTakes(searches.Completed)
        .where!.conditions!.slice(97)
        .map((c) => c.alias),
    ).toEqual(['Open', 'Week', 'Status']);
  });

  it('a search whose logic nests 32 levels deep: the board adds its conditions without a 33rd', () => {
    let logic = 'A OR B';
    const conditions = names(2);
    for (let level = 0; level < 32; level++) {
      const [x, y] = [defaultAlias(conditions.length), defaultAlias(conditions.length + 1)];
      conditions.push(...names(2));
      logic = `${x} OR ${y} AND (${logic})`;
    }
    const where = searchPageLink(conditions, logic);
    for (const search of Object.values(searchesFor({ where, q: 'call' }))) {
      const r = expectServerTakes(search);
      expect(r.where!.conditions).toHaveLength(68); // 66 of the link's, the name search, the status
      // Its meaning: the link's logic, the name search and the status all hold.
      const expr = parseExpression(r.where!.expression!);
      const linkExpr = parseExpression(logic);
      for (let bits = 0; bits < 64; bits++) {
        const truth = (a: string) =>
          a === 'Name' ? bits % 2 === 0 : a === 'Status' ? bits % 3 !== 0 : (a.charCodeAt(0) * 31 + a.length * 7 + bits) % 5 < 2;
        expect(evaluateExpression(expr, truth)).toBe(evaluateExpression(linkExpr, truth) && truth('Name') && truth('Status'));
      }
    }
  });

  it('says which filters cannot be combined when no form of the search fits', () => {
    const full = searchesFor({ where: searchPageLink(names(100), 'and') });
    expect(full['Not Started']).toEqual({
      ok: false,
      problem: expect.stringContaining("uses all 100 conditions the server takes, so the board cannot add this column's status"),
    });
    const withFilters = searchesFor({ where: searchPageLink(names(98), 'and'), q: 'call', owner: '1UO' })['In Progress'];
    expect(withFilters).toEqual({ ok: false, problem: expect.stringContaining('cannot be combined with the name search or Owner') });
    expect(!withFilters.ok && withFilters.problem).toContain('Turn off the name search or Owner');
    // Without those filters the same link is shown.
    expectServerTakes(searchesFor({ where: searchPageLink(names(98), 'and') })['In Progress']);
  });
});
