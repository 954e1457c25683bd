import { describe, expect, it } from 'vitest';
import { defaultSearchState, newCondition, type SearchState } from './builder-state.ts';
import { decodeSearch, encodeSearch, searchHref } from './url-state.ts';

const withoutIds = (s: SearchState) => ({
  ...s,
  where: { ...s.where, conditions: s.where.conditions.map(({ id: _id, ...rest }) => rest) },
});

describe('URL state', () => {
  it('leaves the default search out of the URL', () => {
    expect(encodeSearch(defaultSearchState())).toBeNull();
    expect(searchHref(defaultSearchState())).toBe('/search');
    expect(decodeSearch(null)).toEqual({ state: defaultSearchState(), problems: [] });
  });

  it('round-trips a whole search, relative dates kept relative', () => {
    const state: SearchState = {
      where: {
        conditions: [
          { ...newCondition('Status'), operator: 'IN', values: ['Not Started', 'In Progress'] },
          { ...newCondition('DueDate'), operator: 'LT', values: ['today-3'] },
          { ...newCondition('Description'), operator: 'IS_NULL', values: [] },
          { ...newCondition('Name'), operator: 'EQ', values: ['Say "hi", then\nleave & go'] },
        ],
        logic: 'custom',
        expression: 'A AND (B OR C) OR D',
      },
      columns: ['OwnerName', 'Name'],
      pageSize: 100,
      page: 3,
      sort: { field: 'Priority', dir: 'desc' },
    };
    const encoded = encodeSearch(state);
    expect(encoded).toContain('"today-3"');
    const href = searchHref(state);
    const param = new URL(href, 'http://x').searchParams.get('s');
    const decoded = decodeSearch(param);
    expect(decoded.problems).toEqual([]);
    expect(withoutIds(decoded.state)).toEqual(withoutIds(state));
  });

  it('falls back to the default search for a link that is not JSON or not an object', () => {
    for (const bad of ['{"c":', '[1,2]', '42', 'null']) {
      const { state, problems } = decodeSearch(bad);
      expect(state).toEqual(defaultSearchState());
      expect(problems).toHaveLength(1);
    }
    expect(decodeSearch('{oops').problems[0]).toMatch(/not valid JSON/);
  });

  it('drops broken conditions, says which and why, and rewrites the logic without them', () => {
    const link = JSON.stringify({
      c: [
        ['Status', 'EQ', ['Completed']],
        ['Colour', 'EQ', ['red']],
        ['DueDate', 'LIKE', ['x']],
        ['Name', 'EQ', ['a', 'b']],
        ['Order', 'IS_NULL', [1]],
        'nonsense',
        ['Priority', 'EQ', ['High']],
      ],
      logic: 'custom',
      expr: 'A AND (B OR G)',
    });
    const { state, problems } = decodeSearch(link);
    expect(state.where.conditions.map((c) => c.field)).toEqual(['Status', 'Priority']);
    expect(state.where.expression).toBe('A AND B');
    expect(problems).toEqual([
      'Condition B was dropped: unknown field "Colour".',
      expect.stringMatching(/^Condition C was dropped: operator "LIKE" is not offered for Due date \(it offers “is on”, “is before”, /),
      'Condition D was dropped: “is” takes one value, got 2.',
      'Condition E was dropped: its values should be a list of texts, got [1].',
      expect.stringMatching(/^Condition F was dropped: it should be \["Field", "OPERATOR", \[values\]\]/),
      'The custom logic was rewritten without the dropped conditions: "A AND B".',
    ]);
  });

  it('checks every other part and keeps the good ones', () => {
    const { state, problems } = decodeSearch(
      JSON.stringify({ cols: ['Name', 'Shoe', 'Name'], size: 30, page: 0, sort: ['DueDate', 'up'], logic: 'xor', extra: 1 }),
    );
    expect(state.columns).toEqual(['Name']);
    expect(state.pageSize).toBe(25);
    expect(state.page).toBe(0);
    expect(state.sort).toBeNull();
    expect(state.where.logic).toBe('and');
    expect(problems).toEqual([
      'Ignored "extra", which this version does not know.',
      'Unknown logic "xor"; all conditions (AND) are used.',
      'Unknown columns were left out: "Shoe".',
      'Rows per page must be one of 25, 50, 100, 500, got 30; 25 are shown.',
      'Page must be a whole number from 1, got 0; the first page is shown.',
      'Sort should be ["Field", "asc" or "desc"], got ["DueDate","up"]; the results are not sorted.',
    ]);
    expect(decodeSearch(JSON.stringify({ cols: [] })).state.columns).toEqual(defaultSearchState().columns);
    expect(decodeSearch(JSON.stringify({ logic: 'custom' })).problems[0]).toMatch(/custom logic/);
  });

  it('keeps a custom expression that does not parse, so the builder can show where it is wrong', () => {
    const { state, problems } = decodeSearch(JSON.stringify({ c: [['Name', 'IS_NULL']], logic: 'custom', expr: 'A AND (' }));
    expect(problems).toEqual([]);
    expect(state.where.expression).toBe('A AND (');
  });
});
