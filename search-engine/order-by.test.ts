import { describe, expect, it } from 'vitest';
import { DEFAULT_ORDER_BY_SQL, compileSearch } from './compile.ts';
import type { SearchBody } from './compile.ts';
import { run, cond, expectError } from './test-fixture.ts';

describe('orderBy', () => {
  const order = (orderBy: unknown, extra: SearchBody = {}): string[] => run({ ...extra, orderBy }).ids;

  it('puts empty values last in both directions', () => {
    expect(order({ DueDate: 'asc' })).toEqual(['T5', 'T4', 'T1', 'T2', 'T6', 'T3']);
    expect(order({ DueDate: 'DESC' })).toEqual(['T6', 'T2', 'T1', 'T4', 'T5', 'T3']);
    expect(order({ Order: 'asc' })).toEqual(['T6', 'T1', 'T2', 'T5', 'T4', 'T3']);
    expect(order({ Order: 'desc' })).toEqual(['T4', 'T5', 'T2', 'T1', 'T6', 'T3']);
  });

  it('sorts Priority in picklist order, then others alphabetically, then empty', () => {
    expect(order({ Priority: 'asc' })).toEqual(['T1', 'T2', 'T3', 'T6', 'T5', 'T4']);
    expect(order({ Priority: 'desc' })).toEqual(['T5', 'T6', 'T3', 'T2', 'T1', 'T4']);
  });

  it('sorts text case-insensitively', () => {
    const ids = order({ Name: 'Asc' }, { where: { conditions: [cond('Name', 'CONTAINS', ['kickoff'])] } });
    expect(ids).toEqual(['T1', 'T3']); // "Kickoff call" before "kickoff follow-up"
    expect(order({ Name: 'desc' }, { where: { conditions: [cond('Name', 'CONTAINS', ['kickoff'])] } })).toEqual(['T3', 'T1']);
  });

  it('applies keys in order, with Gsid as the final tie-breaker', () => {
    expect(order({ Status: 'asc' })).toEqual(['T3', 'T2', 'T6', 'T1', 'T5', 'T4']);
    expect(order({ Status: 'asc', DueDate: 'desc' })).toEqual(['T3', 'T6', 'T2', 'T1', 'T5', 'T4']);
    // Folded text sorts by code point: "école" after "globex" (no locale collation).
    expect(order({ CompanyName: 'asc', Gsid: 'desc' })).toEqual(['T5', 'T2', 'T3', 'T4', 'T6', 'T1']);
    expect(compileSearch({ orderBy: { Gsid: 'desc' } }).orderBySql).toBe('gsid DESC NULLS LAST');
  });

  it('pages without repeating or skipping across ties', () => {
    const full = order({ OwnerId: 'asc' });
    const paged: string[] = [];
    for (let offset = 0; offset < 6; offset += 2) paged.push(...order({ OwnerId: 'asc' }, { limit: 2, offset }));
    expect(paged).toEqual(full);
    expect(run({ limit: 2, offset: 2 }).ids).toEqual(['T1', 'T2']);
    expect(run({ limit: 2, offset: 2 }).total).toBe(6);
    expect(run({ limit: 0 }).ids).toEqual([]);
  });

  it('uses the default order when absent or empty', () => {
    expect(compileSearch({ orderBy: {} }).orderBySql).toBe(DEFAULT_ORDER_BY_SQL);
    expect(compileSearch({ orderBy: null }).orderBySql).toBe(DEFAULT_ORDER_BY_SQL);
  });

  it('rejects unknown fields and directions', () => {
    expectError(
      { orderBy: { DueDate: 'asc', Foo: 'asc', 'name; DROP TABLE tasks': 'asc' } },
      'COCKPIT_5101',
      'Invalid fields in orderBy - Foo, name; DROP TABLE tasks',
    );
    expectError({ orderBy: { DueDate: 'up' } }, 'COCKPIT_5100', 'orderBy direction for DueDate must be "asc" or "desc", got "up"');
    expectError({ orderBy: { DueDate: 1 } }, 'COCKPIT_5100', 'orderBy direction for DueDate must be "asc" or "desc", got 1');
    expectError({ orderBy: ['DueDate'] }, 'COCKPIT_5100', /^orderBy must be an object mapping field names to "asc" or "desc"/);
    expectError({ orderBy: 'DueDate' }, 'COCKPIT_5100', /^orderBy must be an object/);
  });
});
