import { describe, expect, it } from 'vitest';
import { defaultSearchState, newCondition, valuesFor, type BuilderCondition, type SearchState } from './builder-state.ts';
import { boardHref, buildSearchRequest, buildWhere, conditionValues } from './build-request.ts';

const TODAY = '2026-11-27';

function cond(field: BuilderCondition['field'], operator: BuilderCondition['operator'], values: string[]): BuilderCondition {
  return { ...newCondition(field), operator, values };
}

function state(conditions: BuilderCondition[], patch: Partial<SearchState['where']> = {}, rest: Partial<SearchState> = {}): SearchState {
  return { ...defaultSearchState(), ...rest, where: { conditions, logic: 'and', expression: '', ...patch } };
}

describe('buildSearchRequest', () => {
  it('builds the default search: columns, Gsid first, first page, no where', () => {
    const result = buildSearchRequest(defaultSearchState(), TODAY);
    expect(result).toMatchObject({
      ok: true,
      request: { select: ['Gsid', 'Name', 'Status', 'Priority', 'DueDate', 'CompanyName', 'OwnerName'], limit: 25, offset: 0 },
    });
    expect(result.ok && result.request.where).toBeUndefined();
    expect(result.ok && result.request.orderBy).toBeUndefined();
  });

  it('letters conditions A, B, C, sends values as arrays, resolves relative dates against today', () => {
    const s = state(
      [cond('Status', 'IN', ['Not Started', 'In Progress']), cond('DueDate', 'LT', ['today']), cond('Priority', 'EQ', [' High '])],
      { logic: 'custom', expression: 'A AND (B OR C)' },
      { page: 2, pageSize: 50, sort: { field: 'DueDate', dir: 'asc' }, columns: ['Name', 'Gsid'] },
    );
    expect(buildSearchRequest(s, TODAY)).toEqual({
      ok: true,
      where: expect.anything(),
      request: {
        select: ['Gsid', 'Name'],
        where: {
          conditions: [
            { name: 'Status', alias: 'A', operator: 'IN', value: ['Not Started', 'In Progress'] },
            { name: 'DueDate', alias: 'B', operator: 'LT', value: ['2026-11-27'] },
            { name: 'Priority', alias: 'C', operator: 'EQ', value: ['High'] },
          ],
          expression: 'A AND (B OR C)',
        },
        limit: 50,
        offset: 100,
        orderBy: { DueDate: 'asc' },
      },
    });
  });

  it("stays relative: the same saved search resolves to tomorrow's date tomorrow", () => {
    const s = state([cond('DueDate', 'BTW', ['today-7', 'today+3'])]);
    const today = buildSearchRequest(s, TODAY);
    const tomorrow = buildSearchRequest(s, '2026-11-28');
    expect(today.ok && today.request.where?.conditions?.[0]?.value).toEqual(['2026-11-20', '2026-11-30']);
    expect(tomorrow.ok && tomorrow.request.where?.conditions?.[0]?.value).toEqual(['2026-11-21', '2026-12-01']);
  });

  it('writes AND and OR logic out as an expression', () => {
    const rows = [cond('Name', 'CONTAINS', ['call']), cond('Status', 'EQ', ['Completed'])];
    const and = buildSearchRequest(state(rows), TODAY);
    const or = buildSearchRequest(state(rows, { logic: 'or', expression: 'A AND B' }), TODAY);
    expect(and.ok && and.request.where?.expression).toBe('A AND B');
    expect(or.ok && or.request.where?.expression).toBe('A OR B');
  });

  it('refuses a bad custom expression and says where', () => {
    const rows = [cond('Name', 'CONTAINS', ['call']), cond('Status', 'EQ', ['Completed'])];
    const result = buildSearchRequest(state(rows, { logic: 'custom', expression: 'A AND (B' }), TODAY);
    expect(result).toMatchObject({ ok: false, issues: [{ alias: null, message: 'Custom logic: Missing ")" for "(" at column 7' }] });
    const unknown = buildSearchRequest(state(rows, { logic: 'custom', expression: 'A OR C' }), TODAY);
    expect(unknown.ok).toBe(false);
    const unused = buildWhere(state(rows, { logic: 'custom', expression: 'B' }).where, TODAY);
    expect(unused.issues).toEqual([]);
    expect(unused.expressionCheck?.unused).toEqual(['A']);
  });

  it('reports each incomplete condition by its letter', () => {
    const result = buildSearchRequest(
      state([
        cond('Name', 'EQ', ['  ']),
        cond('Order', 'GT', ['1.5']),
        cond('Status', 'IN', []),
        cond('DueDate', 'BTW', ['today', 'today-1']),
      ]),
      TODAY,
    );
    expect(result.ok ? [] : result.issues.map((i) => i.message)).toEqual([
      'Condition A (Name): enter a value',
      'Condition B (Order): enter a whole number',
      'Condition C (Status): choose at least one status',
      'Condition D (Due date): From is after To',
    ]);
  });
});

describe('conditionValues', () => {
  it('converts per type and arity', () => {
    expect(conditionValues(cond('Order', 'BTW', ['2', ' 10']), TODAY)).toEqual({ ok: true, values: [2, 10] });
    expect(conditionValues(cond('Name', 'IN', ['a', '', ' b ', 'a']), TODAY)).toEqual({ ok: true, values: ['a', 'b'] });
    expect(conditionValues(cond('DueDate', 'IS_NULL', []), TODAY)).toEqual({ ok: true, values: [] });
    expect(conditionValues(cond('CreatedDate', 'GTE', ['today-30']), TODAY)).toEqual({ ok: true, values: ['2026-10-28'] });
    expect(conditionValues(cond('DueDate', 'EQ', ['2026-02-30']), TODAY)).toMatchObject({ ok: false });
    expect(conditionValues(cond('Status', 'EQ', ['Done']), TODAY)).toEqual({ ok: false, message: '"Done" is not a task status' });
    expect(conditionValues(cond('DueDate', 'BTW', ['', 'today']), TODAY)).toEqual({ ok: false, message: 'From: enter a date' });
    expect(conditionValues(cond('Name', 'EQ', []), TODAY)).toEqual({ ok: false, message: 'enter a value' });
  });
});

describe('boardHref', () => {
  it('passes the resolved conditions and expression as JSON in where=', () => {
    const result = buildSearchRequest(state([cond('DueDate', 'LT', ['today'])]), TODAY);
    if (!result.ok) throw new Error('expected a request');
    const href = boardHref(result.request);
    expect(href.startsWith('/board?where=')).toBe(true);
    expect(JSON.parse(decodeURIComponent(href.slice('/board?where='.length)))).toEqual({
      conditions: [{ name: 'DueDate', alias: 'A', operator: 'LT', value: ['2026-11-27'] }],
      expression: 'A',
    });
  });
});

describe('picklist values in any case (issue 15)', () => {
  const spellings = { Priority: ['High', 'HIGH', 'Low'] };
  const where = (c: BuilderCondition) => buildWhere({ conditions: [c], logic: 'and', expression: '' }, TODAY, { spellings }).conditions[0];

  it('"is" matches every spelling seen in tasks, whatever was typed', () => {
    expect(where(cond('Priority', 'EQ', ['high']))).toEqual({ name: 'Priority', alias: 'A', operator: 'IN', value: ['High', 'HIGH'] });
    expect(where(cond('Priority', 'EQ', ['low']))).toEqual({ name: 'Priority', alias: 'A', operator: 'EQ', value: ['Low'] });
    expect(where(cond('Priority', 'NE', ['High']))).toEqual({ name: 'Priority', alias: 'A', operator: 'NOT_IN', value: ['High', 'HIGH'] });
    expect(where(cond('Priority', 'IN', ['high', 'Low']))).toMatchObject({ operator: 'IN', value: ['High', 'HIGH', 'Low'] });
  });

  it('leaves a value no task has, CONTAINS (the API ignores case there) and other fields alone', () => {
    expect(where(cond('Priority', 'EQ', ['Urgent']))).toMatchObject({ operator: 'EQ', value: ['Urgent'] });
    expect(where(cond('Priority', 'CONTAINS', ['hi']))).toMatchObject({ operator: 'CONTAINS', value: ['hi'] });
    expect(where(cond('Name', 'EQ', ['high']))).toMatchObject({ operator: 'EQ', value: ['high'] });
  });

  it('asks to choose a value, not to type one, for a picklist "is"', () => {
    expect(conditionValues(cond('Priority', 'EQ', ['']), TODAY)).toEqual({ ok: false, message: 'choose a value' });
    expect(conditionValues(cond('Priority', 'IN', []), TODAY)).toEqual({ ok: false, message: 'choose at least one value' });
    expect(conditionValues(cond('Priority', 'CONTAINS', ['']), TODAY)).toEqual({ ok: false, message: 'enter a value' });
  });
});

describe('what the builder sends, the server accepts', () => {
  it('for every field and every operator it offers', async () => {
    const { compileSearch } = await import('../../../search-engine/compile.ts');
    const { SEARCH_FIELDS, operatorsFor } = await import('./search-fields.ts');
    const sample = { text: 'x', id: '1T0', picklist: 'High', status: 'Completed', date: 'today-3', datetime: 'today+2', number: '4' };
    for (const field of SEARCH_FIELDS) {
      for (const operator of operatorsFor(field.name)) {
        const row = cond(field.name, operator, valuesFor(field.name, operator));
        row.values = row.values.map((_v, i) =>
          field.type === 'date' || field.type === 'datetime' ? ['today-3', 'today+2'][i]! : sample[field.type],
        );
        const result = buildSearchRequest(state([row]), TODAY);
        if (!result.ok) throw new Error(`${field.name} ${operator}: ${result.issues[0]?.message}`);
        expect(() => compileSearch(result.request as never), `${field.name} ${operator}`).not.toThrow();
      }
    }
  });
});
