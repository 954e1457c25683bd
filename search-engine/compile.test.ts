import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { TASK_FIELDS, fold } from './fields.ts';
import { migrate } from '../sandbox/schema.ts';
import {
  DEFAULT_ORDER_BY_SQL,
  MAX_CONDITIONS,
  MAX_IN_VALUES,
  MAX_SQL_PARAMS,
  SearchError,
  compileSearch,
} from './compile.ts';
import type { SearchBody, SearchCondition, SearchErrorCode } from './compile.ts';

interface TaskRow {
  gsid: string;
  name: string;
  description: string | null;
  cta_id: string;
  company_id: string;
  company_name: string;
  owner_id: string | null;
  owner_name: string | null;
  status: string;
  priority: string | null;
  due_date: string | null;
  completed_date: string | null;
  playbook_id: string | null;
  ord: number | null;
  created_date: string;
  modified_date: string;
}

const base: Omit<TaskRow, 'gsid' | 'name' | 'status' | 'created_date'> = {
  description: null,
  cta_id: 'CTA1',
  company_id: 'CO1',
  company_name: 'Acme',
  owner_id: null,
  owner_name: null,
  priority: null,
  due_date: null,
  completed_date: null,
  playbook_id: null,
  ord: null,
  modified_date: '2026-03-02T00:00:00.000Z',
};

// Default order (created_date) is T6, T5, T1, T2, T3, T4.
const TASKS: TaskRow[] = [
  {
    ...base,
    gsid: 'T1',
    name: 'Kickoff call',
    description: 'Plan the ÉCOLE rollout',
    company_id: 'CO2',
    company_name: 'École Lumière',
    owner_id: 'U1',
    owner_name: 'Ana',
    status: 'Not Started',
    priority: 'High',
    due_date: '2026-03-01',
    playbook_id: 'PB1',
    ord: 1,
    created_date: '2026-02-27T23:30:00.000Z',
  },
  {
    ...base,
    gsid: 'T2',
    name: 'Send 50% discount_offer',
    status: 'In Progress',
    priority: 'Medium',
    due_date: '2026-03-15',
    playbook_id: 'PB1',
    ord: 2,
    created_date: '2026-02-28T00:00:00.000Z',
  },
  {
    ...base,
    gsid: 'T3',
    name: 'kickoff follow-up',
    description: 'école visit',
    company_name: 'ACME Corp',
    owner_id: 'U2',
    owner_name: 'Bob',
    status: 'Completed',
    priority: 'Low',
    completed_date: '2026-02-28',
    created_date: '2026-02-28T23:59:59.999Z',
  },
  {
    ...base,
    gsid: 'T4',
    name: 'Renewal',
    company_id: 'CO3',
    company_name: 'Globex',
    owner_id: 'U1',
    owner_name: 'Ana',
    status: 'Skipped',
    due_date: '2026-02-28',
    ord: 10,
    created_date: '2026-03-01T00:00:00.000Z',
  },
  {
    ...base,
    gsid: 'T5',
    name: 'Quarterly review',
    description: 'Leap day',
    owner_id: 'U2',
    owner_name: 'Bob',
    status: 'Not Started',
    priority: 'Urgent',
    due_date: '2024-02-29',
    ord: 3,
    created_date: '2026-01-15T12:00:00.000Z',
  },
  {
    ...base,
    gsid: 'T6',
    name: '🚀 Launch',
    company_id: 'CO2',
    company_name: 'École Lumière',
    status: 'In Progress',
    priority: 'Blocker',
    due_date: '2026-12-31',
    ord: -1,
    created_date: '2025-12-31T23:59:59.999Z',
  },
];

const ALL = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'];

let db: Database.Database;

beforeAll(() => {
  db = new Database(':memory:');
  migrate(db);
  const insert = db.prepare(`
    INSERT INTO tasks (gsid, name, name_fold, description, description_fold, cta_id, company_id,
      company_name, company_name_fold, owner_id, owner_name, owner_name_fold, status, priority,
      due_date, completed_date, playbook_id, ord, created_date, modified_date)
    VALUES (@gsid, @name, @name_fold, @description, @description_fold, @cta_id, @company_id,
      @company_name, @company_name_fold, @owner_id, @owner_name, @owner_name_fold, @status, @priority,
      @due_date, @completed_date, @playbook_id, @ord, @created_date, @modified_date)`);
  const foldOrNull = (s: string | null): string | null => (s === null ? null : fold(s));
  for (const t of TASKS) {
    insert.run({
      ...t,
      name_fold: fold(t.name),
      description_fold: foldOrNull(t.description),
      company_name_fold: fold(t.company_name),
      owner_name_fold: foldOrNull(t.owner_name),
    });
  }
});

/** Runs a search as the server does; returns the Gsids in result order, and the total. */
function run(body: SearchBody): { ids: string[]; total: number; rows: Record<string, unknown>[] } {
  const c = compileSearch(body);
  const columns = c.select.map((f) => f.column);
  if (!columns.includes('gsid')) columns.push('gsid');
  const rows = db
    .prepare(`SELECT ${columns.join(', ')} FROM tasks WHERE ${c.whereSql} ORDER BY ${c.orderBySql} LIMIT ? OFFSET ?`)
    .all(...c.params, c.limit, c.offset) as Record<string, unknown>[];
  const { n } = db.prepare(`SELECT count(*) AS n FROM tasks WHERE ${c.whereSql}`).get(...c.params) as { n: number };
  return { ids: rows.map((r) => r['gsid'] as string), total: n, rows };
}

/** The matching Gsids, sorted, for a list of conditions (ANDed) or a full where. */
function match(...conditions: SearchCondition[]): string[] {
  const { ids, total } = run({ where: { conditions } });
  expect(total).toBe(ids.length);
  return [...ids].sort();
}

function cond(name: string, operator: string, value?: unknown, alias?: string): SearchCondition {
  const c: SearchCondition = { name, operator };
  if (value !== undefined) c.value = value;
  if (alias !== undefined) c.alias = alias;
  return c;
}

function errorOf(body: unknown): SearchError {
  try {
    compileSearch(body as SearchBody);
  } catch (err) {
    if (err instanceof SearchError) return err;
    throw err;
  }
  throw new Error(`expected ${JSON.stringify(body)} to fail`);
}

function expectError(body: unknown, code: SearchErrorCode, message: string | RegExp): void {
  const err = errorOf(body);
  expect(err.status).toBe(400);
  expect(err.name).toBe('SearchError');
  expect({ code: err.code, message: err.message }).toEqual({
    code,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  });
}

const oneCondition = (c: SearchCondition): SearchBody => ({ where: { conditions: [c] } });

describe('compileSearch basics', () => {
  it('matches everything with no conditions, in the default order', () => {
    const c = compileSearch({});
    expect(c.whereSql).toBe('1=1');
    expect(c.params).toEqual([]);
    expect(c.orderBySql).toBe(DEFAULT_ORDER_BY_SQL);
    expect(c.limit).toBe(100);
    expect(c.offset).toBe(0);
    expect(c.select).toEqual(TASK_FIELDS);
    expect(run({}).ids).toEqual(['T6', 'T5', 'T1', 'T2', 'T3', 'T4']);
    expect(compileSearch({ where: {} }).whereSql).toBe('1=1');
    expect(compileSearch({ where: { conditions: [], expression: '  ' } }).whereSql).toBe('1=1');
  });

  it('uses only ? placeholders for values', () => {
    const c = compileSearch({
      where: {
        conditions: [cond('Name', 'CONTAINS', ['Zzz-VALUE']), cond('DueDate', 'BTW', ['2026-01-01', '2026-02-01'])],
      },
    });
    expect(c.whereSql).not.toMatch(/zzz|2026/i);
    expect(c.params).toEqual(['zzz-value', '2026-01-01', '2026-02-01']);
  });

  it('takes a bare scalar as a one-element array', () => {
    expect(match(cond('Status', 'EQ', 'Completed'))).toEqual(['T3']);
    expect(match(cond('Order', 'IN', 2))).toEqual(['T2']);
  });

  it('accepts operators in any letter case', () => {
    expect(match(cond('Status', 'eq', ['Completed']))).toEqual(['T3']);
    expect(match(cond('Name', 'Starts_With', ['renew']))).toEqual(['T4']);
  });
});

describe('text fields', () => {
  it('EQ and IN are exact and case-sensitive', () => {
    expect(match(cond('Name', 'EQ', ['Kickoff call']))).toEqual(['T1']);
    expect(match(cond('Name', 'EQ', ['kickoff call']))).toEqual([]);
    expect(match(cond('Name', 'IN', ['Renewal', 'Kickoff call', 'nope']))).toEqual(['T1', 'T4']);
  });

  it('CONTAINS is case-insensitive, including non-ASCII letters', () => {
    expect(match(cond('Name', 'CONTAINS', ['KICKOFF']))).toEqual(['T1', 'T3']);
    expect(match(cond('CompanyName', 'CONTAINS', ['école']))).toEqual(['T1', 'T6']);
    expect(match(cond('Description', 'CONTAINS', ['ÉCOLE']))).toEqual(['T1', 'T3']);
    expect(match(cond('Description', 'CONTAINS', ['Ecole']))).toEqual([]);
    expect(match(cond('OwnerName', 'CONTAINS', ['AN']))).toEqual(['T1', 'T4']);
  });

  it('STARTS_WITH is case-insensitive and counts characters, not UTF-16 units', () => {
    expect(match(cond('CompanyName', 'STARTS_WITH', ['acme']))).toEqual(['T2', 'T3', 'T5']);
    expect(match(cond('CompanyName', 'STARTS_WITH', ['ÉC']))).toEqual(['T1', 'T6']);
    expect(match(cond('Name', 'STARTS_WITH', ['🚀 l']))).toEqual(['T6']);
    expect(match(cond('Name', 'STARTS_WITH', ['🚀 x']))).toEqual([]);
    expect(match(cond('Name', 'STARTS_WITH', ['call']))).toEqual([]);
  });

  it('treats % and _ in values literally', () => {
    expect(match(cond('Name', 'CONTAINS', ['%']))).toEqual(['T2']);
    expect(match(cond('Name', 'CONTAINS', ['_']))).toEqual(['T2']);
    expect(match(cond('Name', 'CONTAINS', ['50%']))).toEqual(['T2']);
    expect(match(cond('Name', 'STARTS_WITH', ['%']))).toEqual([]);
    expect(match(cond('Name', 'STARTS_WITH', ['_']))).toEqual([]);
    // As LIKE patterns these would match "discount_offer".
    expect(match(cond('Name', 'CONTAINS', ['discount%offer']))).toEqual([]);
    expect(match(cond('Name', 'CONTAINS', ['d_scount']))).toEqual([]);
  });

  it('NE and NOT_IN include empty values; IS_NULL / IS_NOT_NULL test for them', () => {
    expect(match(cond('Description', 'NE', ['école visit']))).toEqual(['T1', 'T2', 'T4', 'T5', 'T6']);
    expect(match(cond('OwnerName', 'NOT_IN', ['Ana']))).toEqual(['T2', 'T3', 'T5', 'T6']);
    expect(match(cond('OwnerName', 'IS_NULL', []))).toEqual(['T2', 'T6']);
    expect(match(cond('OwnerName', 'IS_NULL'))).toEqual(['T2', 'T6']);
    expect(match(cond('Description', 'IS_NOT_NULL', null))).toEqual(['T1', 'T3', 'T5']);
    // CONTAINS never matches an empty value.
    expect(match(cond('OwnerName', 'CONTAINS', ['a']))).toEqual(['T1', 'T4']);
  });
});

describe('id and picklist fields', () => {
  it('compares exactly, and CONTAINS / STARTS_WITH fold ASCII case', () => {
    expect(match(cond('Gsid', 'EQ', ['T3']))).toEqual(['T3']);
    expect(match(cond('Gsid', 'EQ', ['t3']))).toEqual([]);
    expect(match(cond('CompanyId', 'CONTAINS', ['o2']))).toEqual(['T1', 'T6']);
    expect(match(cond('CompanyId', 'STARTS_WITH', ['co3']))).toEqual(['T4']);
    expect(match(cond('PlaybookId', 'IS_NULL', []))).toEqual(['T3', 'T4', 'T5', 'T6']);
    expect(match(cond('PlaybookId', 'NE', ['PB1']))).toEqual(['T3', 'T4', 'T5', 'T6']);
    expect(match(cond('OwnerId', 'NOT_IN', ['U1', 'U2']))).toEqual(['T2', 'T6']);
  });

  it('Priority is a picklist', () => {
    expect(match(cond('Priority', 'EQ', ['High']))).toEqual(['T1']);
    expect(match(cond('Priority', 'CONTAINS', ['IGH']))).toEqual(['T1']);
    expect(match(cond('Priority', 'NE', ['High']))).toEqual(['T2', 'T3', 'T4', 'T5', 'T6']);
    expect(match(cond('Priority', 'IN', ['Urgent', 'Blocker']))).toEqual(['T5', 'T6']);
    expect(match(cond('Priority', 'IS_NULL', []))).toEqual(['T4']);
  });
});

describe('status', () => {
  it('supports EQ, NE, IN, NOT_IN', () => {
    expect(match(cond('Status', 'EQ', ['Not Started']))).toEqual(['T1', 'T5']);
    expect(match(cond('Status', 'NE', ['Not Started']))).toEqual(['T2', 'T3', 'T4', 'T6']);
    expect(match(cond('Status', 'IN', ['Completed', 'Skipped']))).toEqual(['T3', 'T4']);
    expect(match(cond('Status', 'NOT_IN', ['Completed', 'Skipped', 'In Progress']))).toEqual(['T1', 'T5']);
  });
});

describe('date fields', () => {
  it('compare as ISO dates', () => {
    expect(match(cond('DueDate', 'EQ', ['2026-03-01']))).toEqual(['T1']);
    expect(match(cond('DueDate', 'NE', ['2026-03-01']))).toEqual(['T2', 'T3', 'T4', 'T5', 'T6']);
    expect(match(cond('DueDate', 'LT', ['2026-03-01']))).toEqual(['T4', 'T5']);
    expect(match(cond('DueDate', 'LTE', ['2026-03-01']))).toEqual(['T1', 'T4', 'T5']);
    expect(match(cond('DueDate', 'GT', ['2026-03-01']))).toEqual(['T2', 'T6']);
    expect(match(cond('DueDate', 'GTE', ['2026-03-01']))).toEqual(['T1', 'T2', 'T6']);
    expect(match(cond('DueDate', 'BTW', ['2026-02-28', '2026-03-01']))).toEqual(['T1', 'T4']);
    expect(match(cond('DueDate', 'BTW', ['2026-03-01', '2026-03-01']))).toEqual(['T1']);
    expect(match(cond('DueDate', 'IN', ['2024-02-29', '2026-12-31']))).toEqual(['T5', 'T6']);
    expect(match(cond('DueDate', 'NOT_IN', ['2024-02-29', '2026-12-31']))).toEqual(['T1', 'T2', 'T3', 'T4']);
    expect(match(cond('DueDate', 'IS_NULL', []))).toEqual(['T3']);
    expect(match(cond('CompletedDate', 'EQ', ['2026-02-28']))).toEqual(['T3']);
    expect(match(cond('CompletedDate', 'IS_NOT_NULL', []))).toEqual(['T3']);
  });

  it('knows leap years', () => {
    expect(match(cond('DueDate', 'EQ', ['2024-02-29']))).toEqual(['T5']);
    expect(match(cond('DueDate', 'EQ', ['2000-02-29']))).toEqual([]);
    expectError(oneCondition(cond('DueDate', 'EQ', ['2100-02-29'])), 'COCKPIT_5103', 'Condition A (DueDate EQ): "2100-02-29" is not a calendar date (YYYY-MM-DD)');
    expectError(oneCondition(cond('DueDate', 'EQ', ['2026-02-29'])), 'COCKPIT_5103', /"2026-02-29" is not a calendar date/);
  });
});

describe('datetime fields', () => {
  // CreatedDate: T6 2025-12-31T23:59:59.999Z, T5 2026-01-15T12:00Z, T1 2026-02-27T23:30Z,
  // T2 2026-02-28T00:00:00.000Z, T3 2026-02-28T23:59:59.999Z, T4 2026-03-01T00:00:00.000Z.
  it('a date-only value means the whole UTC day', () => {
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-28']))).toEqual(['T2', 'T3']);
    expect(match(cond('CreatedDate', 'NE', ['2026-02-28']))).toEqual(['T1', 'T4', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'LT', ['2026-02-28']))).toEqual(['T1', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'LTE', ['2026-02-28']))).toEqual(['T1', 'T2', 'T3', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'GT', ['2026-02-28']))).toEqual(['T4']);
    expect(match(cond('CreatedDate', 'GTE', ['2026-02-28']))).toEqual(['T2', 'T3', 'T4']);
    expect(match(cond('CreatedDate', 'BTW', ['2026-02-27', '2026-02-28']))).toEqual(['T1', 'T2', 'T3']);
    expect(match(cond('CreatedDate', 'BTW', ['2026-02-28', '2026-02-28']))).toEqual(['T2', 'T3']);
    expect(match(cond('CreatedDate', 'IN', ['2026-02-28', '2026-01-15']))).toEqual(['T2', 'T3', 'T5']);
    expect(match(cond('CreatedDate', 'NOT_IN', ['2026-02-28', '2026-01-15']))).toEqual(['T1', 'T4', 'T6']);
    expect(match(cond('ModifiedDate', 'EQ', ['2026-03-02']))).toEqual(ALL);
  });

  it('crosses month and year ends', () => {
    expect(match(cond('CreatedDate', 'EQ', ['2025-12-31']))).toEqual(['T6']);
    expect(match(cond('CreatedDate', 'LTE', ['2025-12-31']))).toEqual(['T6']);
    expect(match(cond('CreatedDate', 'GT', ['2026-02-28']))).toEqual(['T4']);
  });

  it('handles 9999-12-31, the last day', () => {
    expect(match(cond('CreatedDate', 'EQ', ['9999-12-31']))).toEqual([]);
    expect(match(cond('CreatedDate', 'NE', ['9999-12-31']))).toEqual(ALL);
    expect(match(cond('CreatedDate', 'LTE', ['9999-12-31']))).toEqual(ALL);
    expect(match(cond('CreatedDate', 'GT', ['9999-12-31']))).toEqual([]);
    expect(match(cond('CreatedDate', 'BTW', ['2026-01-01', '9999-12-31']))).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
  });

  it('full date-times compare exactly, normalised to UTC', () => {
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-28T00:00:00.000Z']))).toEqual(['T2']);
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-28T01:00:00+01:00']))).toEqual(['T2']);
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-27T19:00-05:00']))).toEqual(['T2']);
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-28t00:00:00z']))).toEqual(['T2']);
    expect(match(cond('CreatedDate', 'EQ', ['2026-02-28T23:59:59.999123Z']))).toEqual(['T3']);
    expect(match(cond('CreatedDate', 'NE', ['2026-02-28T00:00:00Z']))).toEqual(['T1', 'T3', 'T4', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'LT', ['2026-02-28T00:00:00Z']))).toEqual(['T1', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'LTE', ['2026-02-28T00:00:00Z']))).toEqual(['T1', 'T2', 'T5', 'T6']);
    expect(match(cond('CreatedDate', 'GT', ['2026-02-28T00:00:00Z']))).toEqual(['T3', 'T4']);
    expect(match(cond('CreatedDate', 'GTE', ['2026-02-28T00:00:00Z']))).toEqual(['T2', 'T3', 'T4']);
    expect(match(cond('CreatedDate', 'BTW', ['2026-02-28T00:00:00.001Z', '2026-02-28']))).toEqual(['T3']);
    expect(match(cond('CreatedDate', 'BTW', ['2026-02-27', '2026-02-28T00:00:00Z']))).toEqual(['T1', 'T2']);
    expect(match(cond('CreatedDate', 'IN', ['2026-03-01', '2026-02-27T23:30:00Z']))).toEqual(['T1', 'T4']);
    expect(match(cond('CreatedDate', 'NOT_IN', ['2026-03-01', '2026-02-27T23:30:00Z']))).toEqual(['T2', 'T3', 'T5', 'T6']);
  });

  it('sends normalised values as parameters', () => {
    const c = compileSearch(oneCondition(cond('CreatedDate', 'BTW', ['2026-03-01T09:30+02:00', '2026-03-02'])));
    expect(c.params).toEqual(['2026-03-01T07:30:00.000Z', '2026-03-03T00:00:00.000Z']);
  });
});

describe('integer Order', () => {
  it('compares as a number', () => {
    expect(match(cond('Order', 'EQ', [2]))).toEqual(['T2']);
    expect(match(cond('Order', 'EQ', ['2']))).toEqual(['T2']);
    expect(match(cond('Order', 'NE', [1]))).toEqual(['T2', 'T3', 'T4', 'T5', 'T6']);
    expect(match(cond('Order', 'LT', [3]))).toEqual(['T1', 'T2', 'T6']);
    expect(match(cond('Order', 'LTE', [3]))).toEqual(['T1', 'T2', 'T5', 'T6']);
    expect(match(cond('Order', 'GT', [2]))).toEqual(['T4', 'T5']);
    expect(match(cond('Order', 'GTE', ['-1']))).toEqual(['T1', 'T2', 'T4', 'T5', 'T6']);
    expect(match(cond('Order', 'BTW', [2, 10]))).toEqual(['T2', 'T4', 'T5']);
    expect(match(cond('Order', 'IN', [1, '10']))).toEqual(['T1', 'T4']);
    expect(match(cond('Order', 'NOT_IN', [1, 10]))).toEqual(['T2', 'T3', 'T5', 'T6']);
    expect(match(cond('Order', 'IS_NULL', []))).toEqual(['T3']);
  });
});

describe('expression', () => {
  // A: T1, T5 - B: T1 - C: T3
  const conditions = [cond('Status', 'EQ', ['Not Started']), cond('Priority', 'EQ', ['High']), cond('DueDate', 'IS_NULL', [])];
  const withExpr = (expression: string): string[] => [...run({ where: { conditions, expression } }).ids].sort();

  it('ANDs all conditions when absent or blank', () => {
    expect(match(...conditions)).toEqual([]);
    expect(match(conditions[0]!, conditions[1]!)).toEqual(['T1']);
    expect(withExpr('')).toEqual([]);
    expect(withExpr(' \t')).toEqual([]);
  });

  it('gives AND precedence over OR, and honours parentheses', () => {
    expect(withExpr('A AND B OR C')).toEqual(['T1', 'T3']);
    expect(withExpr('A AND (B OR C)')).toEqual(['T1']);
    expect(withExpr('A OR B AND C')).toEqual(['T1', 'T5']);
    expect(withExpr('(A OR B) AND C')).toEqual([]);
    expect(withExpr('C OR A')).toEqual(['T1', 'T3', 'T5']);
  });

  it('reads keywords in any case', () => {
    expect(withExpr('A and B Or C')).toEqual(['T1', 'T3']);
  });

  it('uses explicit aliases, and ignores conditions the expression leaves out', () => {
    const where = {
      conditions: [
        cond('Status', 'EQ', ['Not Started'], 'open'),
        cond('Priority', 'EQ', ['High'], 'hot'),
        cond('OwnerName', 'EQ', ['Bob'], 'bob'),
      ],
      expression: 'open AND NOT_hot OR bob',
    };
    expectError({ where }, 'COCKPIT_5102', /no condition has alias "NOT_hot"/);
    expect([...run({ where: { ...where, expression: 'open AND (hot OR bob)' } }).ids].sort()).toEqual(['T1', 'T5']);
    expect([...run({ where: { ...where, expression: 'bob' } }).ids].sort()).toEqual(['T3', 'T5']);
  });

  it('gives default aliases by position, next to explicit ones', () => {
    const c = compileSearch({ where: { conditions: [cond('Status', 'EQ', 'Completed', 'X'), cond('Status', 'EQ', 'Skipped')], expression: 'X OR B' } });
    expect(c.params).toEqual(['Completed', 'Skipped']);
  });

  it('keeps parameters in placeholder order through nesting', () => {
    const body: SearchBody = {
      where: {
        conditions: [cond('Order', 'EQ', [1]), cond('Order', 'EQ', [2]), cond('Order', 'EQ', [3]), cond('Name', 'EQ', ['Renewal'])],
        expression: 'D OR (C OR B AND (A OR D))',
      },
    };
    const c = compileSearch(body);
    expect(c.params).toEqual(['Renewal', 3, 2, 1, 'Renewal']);
    expect([...run(body).ids].sort()).toEqual(['T4', 'T5']);
  });

  it('stays within SQLite limits at the caps', () => {
    const many = Array.from({ length: MAX_CONDITIONS }, (_, i) => cond('CreatedDate', 'NE', [`2020-01-${String((i % 28) + 1).padStart(2, '0')}`]));
    expect([...run({ where: { conditions: many } }).ids].sort()).toEqual(ALL);
    const chain = Array.from({ length: 256 }, () => 'A').join(' OR ');
    expect(run({ where: { conditions: [cond('Status', 'EQ', ['Completed'])], expression: chain } }).ids).toEqual(['T3']);
    const days = Array.from({ length: MAX_IN_VALUES }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10));
    expect([...run(oneCondition(cond('CreatedDate', 'IN', days))).ids].sort()).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
    const bigIns = Array.from({ length: MAX_SQL_PARAMS / MAX_IN_VALUES }, () => cond('Order', 'NOT_IN', Array.from({ length: MAX_IN_VALUES }, (_, i) => i + 100)));
    expect(run({ where: { conditions: bigIns } }).ids).toHaveLength(6);
    expectError(
      { where: { conditions: [...bigIns, cond('Order', 'NE', [5])] } },
      'COCKPIT_5100',
      `The search has too many values (${MAX_SQL_PARAMS + 1} in all); at most ${MAX_SQL_PARAMS} are allowed`,
    );
  });
});

describe('select', () => {
  it('returns all fields when absent or empty', () => {
    expect(compileSearch({ select: [] }).select).toEqual(TASK_FIELDS);
    expect(Object.keys(run({ select: [] }).rows[0]!)).toHaveLength(TASK_FIELDS.length);
  });

  it('keeps the order asked and drops duplicates', () => {
    const c = compileSearch({ select: ['Name', 'Gsid', 'Name', 'DueDate'] });
    expect(c.select.map((f) => f.name)).toEqual(['Name', 'Gsid', 'DueDate']);
    expect(run({ select: ['Name', 'Gsid'], where: { conditions: [cond('Gsid', 'EQ', 'T4')] } }).rows).toEqual([{ name: 'Renewal', gsid: 'T4' }]);
  });

  it('rejects unknown fields, Gainsight-style', () => {
    expectError({ select: ['Name', 'Foo', 'Bar'] }, 'COCKPIT_5101', 'Invalid fields in select clause - Foo, Bar');
    expectError({ select: ['name'] }, 'COCKPIT_5101', 'Invalid fields in select clause - name');
    expectError({ select: ['Name', 42] }, 'COCKPIT_5101', 'Invalid fields in select clause - 42');
    expectError({ select: 'Name' }, 'COCKPIT_5100', 'select must be an array of field names, got "Name"');
  });
});

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
    expectError({ orderBy: { DueDate: 'asc', Foo: 'asc', 'name; DROP TABLE tasks': 'asc' } }, 'COCKPIT_5101', 'Invalid fields in orderBy - Foo, name; DROP TABLE tasks');
    expectError({ orderBy: { DueDate: 'up' } }, 'COCKPIT_5100', 'orderBy direction for DueDate must be "asc" or "desc", got "up"');
    expectError({ orderBy: { DueDate: 1 } }, 'COCKPIT_5100', 'orderBy direction for DueDate must be "asc" or "desc", got 1');
    expectError({ orderBy: ['DueDate'] }, 'COCKPIT_5100', /^orderBy must be an object mapping field names to "asc" or "desc"/);
    expectError({ orderBy: 'DueDate' }, 'COCKPIT_5100', /^orderBy must be an object/);
  });
});

describe('limit and offset', () => {
  it('defaults and bounds', () => {
    expect(compileSearch({ limit: 0, offset: 7 })).toMatchObject({ limit: 0, offset: 7 });
    expect(compileSearch({ limit: 5000 }).limit).toBe(5000);
    expectError({ limit: 6000 }, 'COCKPIT_5100', 'limit must be between 0 and 5000, got 6000');
    expectError({ limit: -1 }, 'COCKPIT_5100', 'limit must be between 0 and 5000, got -1');
    expectError({ limit: 2.5 }, 'COCKPIT_5100', 'limit must be an integer between 0 and 5000, got 2.5');
    expectError({ limit: '10' }, 'COCKPIT_5100', 'limit must be an integer between 0 and 5000, got "10"');
    expectError({ offset: -1 }, 'COCKPIT_5100', 'offset must be an integer >= 0, got -1');
    expectError({ offset: 1.5 }, 'COCKPIT_5100', 'offset must be an integer >= 0, got 1.5');
  });
});

describe('errors', () => {
  it('COCKPIT_5101 for an unknown field in a condition', () => {
    const fields = TASK_FIELDS.map((f) => f.name).join(', ');
    expectError(oneCondition(cond('Foo', 'EQ', ['x'])), 'COCKPIT_5101', `Invalid field in condition A: "Foo"; valid fields: ${fields}`);
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x'), cond('duedate', 'EQ', ['2026-01-01'])] } },
      'COCKPIT_5101',
      `Invalid field in condition B: "duedate" (field names are case-sensitive: did you mean "DueDate"?); valid fields: ${fields}`,
    );
    expectError(oneCondition({ operator: 'EQ', value: ['x'] }), 'COCKPIT_5101', /^Invalid field in condition A: no field name;/);
    expectError(oneCondition({ name: 7, operator: 'EQ', value: ['x'] }), 'COCKPIT_5101', /^Invalid field in condition A: 7;/);
  });

  it('COCKPIT_5102 for a bad expression', () => {
    const where = (expression: unknown) => ({ where: { conditions: [cond('Name', 'EQ', 'x'), cond('Name', 'EQ', 'y')], expression } });
    expectError(where('A AND OR B'), 'COCKPIT_5102', 'Invalid expression "A AND OR B": Unexpected "OR" at column 7');
    expectError(where('(A OR B'), 'COCKPIT_5102', 'Invalid expression "(A OR B": Missing ")" for "(" at column 1');
    expectError(where('A AND C'), 'COCKPIT_5102', 'Invalid expression "A AND C": no condition has alias "C" (conditions are A, B)');
    expectError(where('a'), 'COCKPIT_5102', 'Invalid expression "a": no condition has alias "a" (conditions are A, B); aliases are case-sensitive: did you mean "A"?');
    expectError({ where: { expression: 'A' } }, 'COCKPIT_5102', 'Invalid expression "A": no condition has alias "A" (there are no conditions)');
    expectError(where(3), 'COCKPIT_5102', 'where.expression must be a string, got 3');
  });

  it('COCKPIT_5103 for an operator the field does not allow', () => {
    expectError(
      oneCondition(cond('Status', 'CONTAINS', ['Done'])),
      'COCKPIT_5103',
      'Condition A (Status): operator CONTAINS is not allowed on Status (a status field); allowed: EQ, NE, IN, NOT_IN',
    );
    expectError(oneCondition(cond('Status', 'IS_NULL', [])), 'COCKPIT_5103', /operator IS_NULL is not allowed on Status/);
    expectError(
      oneCondition(cond('Name', 'LT', ['M'])),
      'COCKPIT_5103',
      'Condition A (Name): operator LT is not allowed on Name (a text field); allowed: EQ, NE, CONTAINS, STARTS_WITH, IN, NOT_IN, IS_NULL, IS_NOT_NULL',
    );
    expectError(oneCondition(cond('Priority', 'BTW', ['High', 'Low'])), 'COCKPIT_5103', /operator BTW is not allowed on Priority \(a picklist field\)/);
    expectError(oneCondition(cond('DueDate', 'CONTAINS', ['2026'])), 'COCKPIT_5103', /operator CONTAINS is not allowed on DueDate \(a date field\); allowed: EQ, NE, LT, LTE, GT, GTE, BTW, IN, NOT_IN, IS_NULL, IS_NOT_NULL$/);
    expectError(oneCondition(cond('Name', 'LIKE', ['x'])), 'COCKPIT_5103', 'Condition A (Name): unknown operator "LIKE"; Name allows EQ, NE, CONTAINS, STARTS_WITH, IN, NOT_IN, IS_NULL, IS_NOT_NULL');
    expectError(oneCondition(cond('Name', 'BETWEEN', ['x'])), 'COCKPIT_5103', /unknown operator "BETWEEN"/);
    expectError(oneCondition(cond('Name', 'ın', ['x'])), 'COCKPIT_5103', /unknown operator "ın"/);
    expectError(oneCondition({ name: 'Name', value: ['x'] }), 'COCKPIT_5103', /^Condition A \(Name\): operator is missing; Name allows EQ,/);
  });

  it('COCKPIT_5103 for the wrong number of values', () => {
    expectError(oneCondition(cond('Name', 'EQ', [])), 'COCKPIT_5103', 'Condition A (Name EQ): needs exactly one value, got none');
    expectError(oneCondition(cond('Name', 'EQ')), 'COCKPIT_5103', 'Condition A (Name EQ): needs exactly one value, got none');
    expectError(oneCondition(cond('Name', 'EQ', ['a', 'b'])), 'COCKPIT_5103', 'Condition A (Name EQ): needs exactly one value, got 2');
    expectError(oneCondition(cond('DueDate', 'BTW', ['2026-01-01'])), 'COCKPIT_5103', 'Condition A (DueDate BTW): needs exactly two values [from, to], got 1');
    expectError(oneCondition(cond('Name', 'IN', [])), 'COCKPIT_5103', 'Condition A (Name IN): needs at least one value');
    expectError(
      oneCondition(cond('Order', 'NOT_IN', Array.from({ length: MAX_IN_VALUES + 1 }, (_, i) => i))),
      'COCKPIT_5103',
      'Condition A (Order NOT_IN): takes at most 1000 values, got 1001',
    );
    expectError(oneCondition(cond('Name', 'IS_NULL', ['x'])), 'COCKPIT_5103', 'Condition A (Name IS_NULL): takes no value (use [] or leave value out), got 1');
  });

  it('COCKPIT_5103 for values of the wrong kind', () => {
    const e = (c: SearchCondition, message: string | RegExp): void => expectError(oneCondition(c), 'COCKPIT_5103', message);
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x'), cond('DueDate', 'LT', ['2026-02-30'])] } },
      'COCKPIT_5103',
      'Condition B (DueDate LT): "2026-02-30" is not a calendar date (YYYY-MM-DD)',
    );
    e(cond('DueDate', 'EQ', ['2026-3-1']), 'Condition A (DueDate EQ): "2026-3-1" is not a calendar date (YYYY-MM-DD)');
    e(cond('DueDate', 'EQ', ['2026-03-01T00:00:00Z']), /"2026-03-01T00:00:00Z" is not a calendar date/);
    e(cond('DueDate', 'EQ', [20260301]), 'Condition A (DueDate EQ): 20260301 is not a calendar date (YYYY-MM-DD)');
    e(cond('DueDate', 'EQ', ['2026-13-01']), /"2026-13-01" is not a calendar date/);
    e(cond('DueDate', 'BTW', ['2026-03-02', '2026-03-01']), 'Condition A (DueDate BTW): from value "2026-03-02" is after to value "2026-03-01"');
    e(cond('Order', 'BTW', [10, 2]), 'Condition A (Order BTW): from value 10 is after to value 2');
    e(cond('CreatedDate', 'BTW', ['2026-03-02', '2026-03-01']), 'Condition A (CreatedDate BTW): from value "2026-03-02" is after to value "2026-03-01"');
    e(cond('CreatedDate', 'BTW', ['2026-03-01T12:00Z', '2026-03-01T11:00Z']), 'Condition A (CreatedDate BTW): from value "2026-03-01T12:00:00.000Z" is after to value "2026-03-01T11:00:00.000Z"');
    const dt = 'is neither a calendar date (YYYY-MM-DD) nor an ISO date-time with Z or an offset (e.g. 2026-03-01T09:30:00Z)';
    e(cond('CreatedDate', 'EQ', ['2026-03-01T10:00:00']), `Condition A (CreatedDate EQ): "2026-03-01T10:00:00" ${dt}`);
    e(cond('CreatedDate', 'GT', ['2026-03-01T24:00:00Z']), `Condition A (CreatedDate GT): "2026-03-01T24:00:00Z" ${dt}`);
    e(cond('CreatedDate', 'GT', ['2026-02-30T10:00:00Z']), /"2026-02-30T10:00:00Z" is neither/);
    e(cond('CreatedDate', 'GT', ['0000-01-01T00:30:00+01:00']), /is neither/);
    e(cond('CreatedDate', 'GT', ['yesterday']), /"yesterday" is neither/);
    e(cond('Status', 'EQ', ['Done']), 'Condition A (Status EQ): "Done" is not a task status (expected one of "Not Started", "In Progress", "Completed", "Skipped")');
    e(cond('Status', 'IN', ['Completed', 'completed']), /"completed" is not a task status/);
    e(cond('Name', 'EQ', [42]), 'Condition A (Name EQ): expected a string, got 42');
    e(cond('Gsid', 'IN', ['T1', { id: 'T2' }]), 'Condition A (Gsid IN): expected a string, got {"id":"T2"}');
    e(cond('Name', 'EQ', [null]), 'Condition A (Name EQ): null is not a value; use IS_NULL or IS_NOT_NULL to test for a missing value');
    e(cond('Name', 'CONTAINS', ['']), 'Condition A (Name CONTAINS): an empty string would match every task; leave the condition out, or use IS_NOT_NULL');
    e(cond('Order', 'EQ', ['1.5']), 'Condition A (Order EQ): "1.5" is not an integer');
    e(cond('Order', 'EQ', [1.5]), 'Condition A (Order EQ): 1.5 is not an integer');
    e(cond('Order', 'EQ', [true]), 'Condition A (Order EQ): true is not an integer');
    e(cond('Order', 'EQ', [' 1']), /" 1" is not an integer/);
    e(cond('Order', 'EQ', [2 ** 53]), /9007199254740992 is not an integer/);
  });

  it('COCKPIT_5103 for bad or duplicate aliases and malformed conditions', () => {
    expectError(oneCondition(cond('Name', 'EQ', 'x', 'and')), 'COCKPIT_5103', 'Condition 1: alias "and" is not valid (a letter, then letters, digits or _; AND and OR are reserved)');
    expectError(oneCondition(cond('Name', 'EQ', 'x', '1x')), 'COCKPIT_5103', /^Condition 1: alias "1x" is not valid/);
    expectError(oneCondition(cond('Name', 'EQ', 'x', 7 as unknown as string)), 'COCKPIT_5103', 'Condition 1: alias must be a string, got 7');
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x', 'K'), cond('Name', 'EQ', 'y', 'K')] } },
      'COCKPIT_5103',
      'Conditions 1 and 2 both have alias "K"',
    );
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x', 'B'), cond('Name', 'EQ', 'y')] } },
      'COCKPIT_5103',
      'Conditions 1 and 2 both have alias "B" (condition 2 has no alias, so it gets "B" from its position)',
    );
    expectError({ where: { conditions: ['Name = x'] } }, 'COCKPIT_5103', /^Condition 1 must be an object like/);
    expectError({ where: { conditions: {} } }, 'COCKPIT_5100', 'where.conditions must be an array, got {}');
    expectError({ where: 'Name = x' }, 'COCKPIT_5100', /^where must be an object/);
    expectError(
      { where: { conditions: Array.from({ length: MAX_CONDITIONS + 1 }, () => cond('Name', 'EQ', 'x')) } },
      'COCKPIT_5100',
      `where.conditions has ${MAX_CONDITIONS + 1} conditions; at most ${MAX_CONDITIONS} are allowed`,
    );
  });

  it('validates conditions the expression leaves out', () => {
    expectError(
      { where: { conditions: [cond('Name', 'EQ', 'x'), cond('DueDate', 'EQ', 'soon')], expression: 'A' } },
      'COCKPIT_5103',
      'Condition B (DueDate EQ): "soon" is not a calendar date (YYYY-MM-DD)',
    );
  });

  it('gives 400 SearchErrors that are Errors', () => {
    const err = errorOf({ limit: 9999 });
    expect(err).toBeInstanceOf(Error);
    expect(err.status).toBe(400);
  });
});

describe('SQL-looking input is harmless', () => {
  const evil = "'; DROP TABLE tasks; --";

  it('values are only ever parameters', () => {
    for (const operator of ['EQ', 'NE', 'CONTAINS', 'STARTS_WITH', 'IN', 'NOT_IN']) {
      const c = compileSearch(oneCondition(cond('Name', operator, [evil])));
      expect(c.whereSql).not.toContain('DROP');
    }
    expect(match(cond('Name', 'EQ', [evil]))).toEqual([]);
    expect(match(cond('Name', 'CONTAINS', [evil]))).toEqual([]);
    expect(match(cond('Description', 'STARTS_WITH', [evil]))).toEqual([]);
    expect(match(cond('Name', 'NOT_IN', [evil]))).toEqual(ALL);
    expect(match(cond('Gsid', 'CONTAINS', ["') OR 1=1 --"]))).toEqual([]);
    expect(db.prepare('SELECT count(*) AS n FROM tasks').get()).toEqual({ n: 6 });
  });

  it('field names, aliases and expressions must be whitelisted', () => {
    expectError(oneCondition(cond('name; DROP TABLE tasks', 'EQ', ['x'])), 'COCKPIT_5101', /^Invalid field in condition A: "name; DROP TABLE tasks";/);
    expectError({ select: ['Gsid', 'gsid FROM tasks; DROP TABLE tasks; --'] }, 'COCKPIT_5101', 'Invalid fields in select clause - gsid FROM tasks; DROP TABLE tasks; --');
    expectError(oneCondition(cond('Name', "EQ'; DROP TABLE tasks; --", ['x'])), 'COCKPIT_5103', /unknown operator/);
    expectError(oneCondition(cond('Name', 'EQ', ['x'], "A'; --")), 'COCKPIT_5103', /alias "A'; --" is not valid/);
    expectError({ where: { conditions: [cond('Name', 'EQ', 'x')], expression: 'A; DROP TABLE tasks' } }, 'COCKPIT_5102', 'Invalid expression "A; DROP TABLE tasks": Unexpected character ";" at column 2');
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'tasks'").get()).toEqual({ n: 1 });
  });
});
