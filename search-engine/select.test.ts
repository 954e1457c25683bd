import { describe, expect, it } from 'vitest';
import { TASK_FIELDS } from './fields.ts';
import { compileSearch } from './compile.ts';
import { run, cond, expectError } from './test-fixture.ts';

describe('select', () => {
  it('returns all fields when absent or empty', () => {
    expect(compileSearch({ select: [] }).select).toEqual(TASK_FIELDS);
    expect(Object.keys(run({ select: [] }).rows[0]!)).toHaveLength(TASK_FIELDS.length);
  });

  it('keeps the order asked and drops duplicates', () => {
    const c = compileSearch({ select: ['Name', 'Gsid', 'Name', 'DueDate'] });
    expect(c.select.map((f) => f.name)).toEqual(['Name', 'Gsid', 'DueDate']);
    expect(run({ select: ['Name', 'Gsid'], where: { conditions: [cond('Gsid', 'EQ', 'T4')] } }).rows).toEqual([
      { name: 'Renewal', gsid: 'T4' },
    ]);
  });

  it('rejects unknown fields, Gainsight-style', () => {
    expectError({ select: ['Name', 'Foo', 'Bar'] }, 'COCKPIT_5101', 'Invalid fields in select clause - Foo, Bar');
    expectError({ select: ['name'] }, 'COCKPIT_5101', 'Invalid fields in select clause - name');
    expectError({ select: ['Name', 42] }, 'COCKPIT_5101', 'Invalid fields in select clause - 42');
    expectError({ select: 'Name' }, 'COCKPIT_5100', 'select must be an array of field names, got "Name"');
  });
});
