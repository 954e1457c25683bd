/**
 * The search compiler's tests share this: six tasks in an in-memory `tasks` table, and helpers
 * that compile a body and run it as the servers do (task-table.ts `searchTasks`).
 */
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { migrate } from '../sandbox/schema.ts';
import { SearchError, compileSearch } from './compile.ts';
import type { SearchBody, SearchCondition, SearchErrorCode } from './compile.ts';
import { fold } from './fields.ts';

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

export const ALL = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6'];

let database: Database.Database | undefined;

/** The in-memory database of TASKS, made on first use (each test file has its own). */
export function fixtureDb(): Database.Database {
  if (database) return database;
  const db = new Database(':memory:');
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
  database = db;
  return db;
}

/** Runs a search as the server does; returns the Gsids in result order, and the total. */
export function run(body: SearchBody): { ids: string[]; total: number; rows: Record<string, unknown>[] } {
  const c = compileSearch(body);
  const columns = c.select.map((f) => f.column);
  if (!columns.includes('gsid')) columns.push('gsid');
  const db = fixtureDb();
  const rows = db
    .prepare(`SELECT ${columns.join(', ')} FROM tasks WHERE ${c.whereSql} ORDER BY ${c.orderBySql} LIMIT ? OFFSET ?`)
    .all(...c.params, c.limit, c.offset) as Record<string, unknown>[];
  const { n } = db.prepare(`SELECT count(*) AS n FROM tasks WHERE ${c.whereSql}`).get(...c.params) as { n: number };
  return { ids: rows.map((r) => r['gsid'] as string), total: n, rows };
}

/** The matching Gsids, sorted, for a list of conditions (ANDed) or a full where. */
export function match(...conditions: SearchCondition[]): string[] {
  const { ids, total } = run({ where: { conditions } });
  expect(total).toBe(ids.length);
  return [...ids].sort();
}

export function cond(name: string, operator: string, value?: unknown, alias?: string): SearchCondition {
  const c: SearchCondition = { name, operator };
  if (value !== undefined) c.value = value;
  if (alias !== undefined) c.alias = alias;
  return c;
}

export function errorOf(body: unknown): SearchError {
  try {
    compileSearch(body as SearchBody);
  } catch (err) {
    if (err instanceof SearchError) return err;
    throw err;
  }
  throw new Error(`expected ${JSON.stringify(body)} to fail`);
}

export function expectError(body: unknown, code: SearchErrorCode, message: string | RegExp): void {
  const err = errorOf(body);
  expect(err.status).toBe(400);
  expect(err.name).toBe('SearchError');
  expect({ code: err.code, message: err.message }).toEqual({
    code,
    message: typeof message === 'string' ? message : expect.stringMatching(message),
  });
}

export const oneCondition = (c: SearchCondition): SearchBody => ({ where: { conditions: [c] } });
