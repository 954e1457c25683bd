import { describe, expect, it } from 'vitest';
import { describeLinkWhere, formatLinkWhere, parseLinkWhere } from './link-where.ts';

const parse = (value: unknown) => parseLinkWhere(typeof value === 'string' ? value : JSON.stringify(value));
const error = (value: unknown) => {
  const r = parse(value);
  return r.ok ? null : r.error;
};

describe('parseLinkWhere', () => {
  it('reads conditions and an expression, filling in aliases by position', () => {
    const r = parse({
      conditions: [
        { name: 'Priority', operator: 'EQ', value: ['High'] },
        { name: 'DueDate', alias: 'Due', operator: 'BTW', value: ['2026-01-01', '2026-01-31'] },
        { name: 'OwnerId', operator: 'IS_NULL' },
      ],
      expression: 'A and (Due OR C)',
    });
    expect(r).toEqual({
      ok: true,
      where: {
        conditions: [
          { name: 'Priority', alias: 'A', operator: 'EQ', value: ['High'] },
          { name: 'DueDate', alias: 'Due', operator: 'BTW', value: ['2026-01-01', '2026-01-31'] },
          { name: 'OwnerId', alias: 'C', operator: 'IS_NULL', value: [] },
        ],
        expression: 'A and (Due OR C)',
      },
    });
  });

  it('takes a bare value as a one-element list and reads its own output back', () => {
    const r = parse({ conditions: [{ name: 'Name', operator: 'CONTAINS', value: 'renewal' }] });
    expect(r.ok && r.where.conditions[0]!.value).toEqual(['renewal']);
    if (r.ok) expect(parseLinkWhere(formatLinkWhere(r.where))).toEqual(r);
  });

  it('tells what is wrong with a bad or stale link', () => {
    expect(error('{not json')).toMatch(/not valid JSON/);
    expect(error({ where: [] })).toMatch(/no list of conditions/);
    expect(error({ conditions: [{ name: 'Nmae', operator: 'EQ', value: ['x'] }] })).toMatch(
      /condition 1 names no known task field \("Nmae"\)/,
    );
    expect(error({ conditions: [{ name: 'Name', operator: 'LIKE', value: ['x'] }] })).toMatch(/unknown operator "LIKE"/);
    expect(error({ conditions: [{ name: 'DueDate', operator: 'BTW', value: ['2026-01-01'] }] })).toMatch(/needs two values/);
    expect(error({ conditions: [{ name: 'Name', operator: 'EQ', value: [{}] }] })).toMatch(/not text or a number/);
    expect(error({ conditions: [{ name: 'Name', alias: 'or', operator: 'EQ', value: ['x'] }] })).toMatch(/invalid alias/);
    expect(
      error({
        conditions: [
          { name: 'Name', alias: 'B', operator: 'EQ', value: ['x'] },
          { name: 'Name', operator: 'EQ', value: ['y'] },
        ],
      }),
    ).toMatch(/two conditions have the alias "B"/);
    expect(error({ conditions: [{ name: 'Name', operator: 'EQ', value: ['x'] }], expression: 'A OR Z' })).toMatch(
      /names "Z", which no condition has/,
    );
    expect(error({ conditions: [{ name: 'Name', operator: 'EQ', value: ['x'] }], expression: 'A AND (' })).toMatch(/cannot be read/);
    expect(error({ conditions: Array.from({ length: 101 }, () => ({ name: 'Name', operator: 'IS_NULL' })) })).toMatch(/at most 100/);
  });

  it('takes as many conditions as the search page can send: 100 (B8)', () => {
    const r = parse({
      conditions: Array.from({ length: 100 }, (_, i) => ({ name: 'Name', operator: 'CONTAINS', value: [`w${i}`] })),
      expression: 'A AND CV',
    });
    expect(r.ok && r.where.conditions).toHaveLength(100);
  });

  it('describes the filter for its chip', () => {
    const r = parse({
      conditions: [
        { name: 'Name', operator: 'CONTAINS', value: ['renewal'] },
        { name: 'Priority', operator: 'IN', value: ['High', 'Low'] },
      ],
      expression: 'A OR B',
    });
    expect(r.ok && describeLinkWhere(r.where)).toBe('A: Name contains "renewal"; B: Priority is one of "High", "Low"; A OR B');
  });
});
