/**
 * The `tasks` table both SQLite stores answer searches from: the local API server's database
 * (sandbox/) and the team server's mirror of the tenant (server/mirror/). One table shape, one
 * compiler (compile.ts), one way to run a search, so both answer a search body the same way.
 */
import type { Database } from 'better-sqlite3';
import { TASK_FIELDS, fold, type FieldDef } from './fields.ts';
import { compileSearch, type SearchBody } from './compile.ts';

/** A task as the API returns it: absent optional fields are left out, never null. */
export type TaskRecord = Record<string, string | number>;

export interface TaskRow {
  [column: string]: string | number | null;
}

/** The table and its indexes (no foreign keys: the mirror holds tasks without their CTAs). */
export const TASKS_TABLE_SQL = `
  CREATE TABLE tasks (
    gsid              TEXT PRIMARY KEY,
    name              TEXT NOT NULL,
    name_fold         TEXT NOT NULL,
    description       TEXT,
    description_fold  TEXT,
    cta_id            TEXT NOT NULL,
    company_id        TEXT NOT NULL,
    company_name      TEXT NOT NULL,
    company_name_fold TEXT NOT NULL,
    owner_id          TEXT,
    owner_name        TEXT,
    owner_name_fold   TEXT,
    status            TEXT NOT NULL,
    priority          TEXT,
    due_date          TEXT,
    completed_date    TEXT,
    playbook_id       TEXT,
    ord               INTEGER,
    created_date      TEXT NOT NULL,
    modified_date     TEXT NOT NULL
  );
  CREATE INDEX tasks_status_due ON tasks(status, due_date, gsid);
  CREATE INDEX tasks_due ON tasks(due_date, gsid);
  CREATE INDEX tasks_owner ON tasks(owner_id);
  CREATE INDEX tasks_company ON tasks(company_id);
  CREATE INDEX tasks_cta ON tasks(cta_id);
  CREATE INDEX tasks_playbook ON tasks(playbook_id, ord);
  CREATE INDEX tasks_priority ON tasks(priority);
  CREATE INDEX tasks_created ON tasks(created_date, gsid);
  CREATE INDEX tasks_modified ON tasks(modified_date, gsid);
`;

/**
 * A covering index for the counts of filtered board and search queries (status plus the fields
 * CSMs filter on most), so totalCount does not read whole rows.
 */
export const TASKS_COVER_INDEX_SQL = `
  CREATE INDEX tasks_status_cover ON tasks(status, priority, due_date, owner_id);
`;

export const ALL_TASK_COLUMNS = TASK_FIELDS.map((f) => f.column).join(', ');

/** The API task for a row, with the fields asked for; NULL columns are left out. */
export function rowToTask(row: TaskRow, fields: readonly FieldDef[] = TASK_FIELDS): TaskRecord {
  const out: TaskRecord = {};
  for (const f of fields) {
    const value = row[f.column];
    if (value !== null && value !== undefined) out[f.name] = value;
  }
  return out;
}

/** The row for an API task (as the tenant answered it), with the fold columns filled in. */
export function taskToRow(task: Record<string, unknown>): TaskRow {
  const row: TaskRow = {};
  for (const f of TASK_FIELDS) {
    const value = task[f.name];
    row[f.column] = typeof value === 'string' || typeof value === 'number' ? value : null;
    if (f.foldColumn) row[f.foldColumn] = typeof value === 'string' ? fold(value) : null;
  }
  return row;
}

/** Runs a search body against `tasks` (throws SearchError for a body the API would refuse). */
export function searchTasks(db: Database, body: SearchBody): { records: TaskRecord[]; totalCount: number } {
  const q = compileSearch(body);
  const columns = q.select.map((f) => f.column).join(', ');
  // Column names come from the field whitelist only; every value is a bound parameter.
  const rows = db
    .prepare(`SELECT ${columns} FROM tasks WHERE ${q.whereSql} ORDER BY ${q.orderBySql} LIMIT ? OFFSET ?`)
    .all(...q.params, q.limit, q.offset) as TaskRow[];
  const { n } = db.prepare(`SELECT count(*) AS n FROM tasks WHERE ${q.whereSql}`).get(...q.params) as { n: number };
  return { records: rows.map((r) => rowToTask(r, q.select)), totalCount: n };
}
