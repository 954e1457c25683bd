import type { Database } from 'better-sqlite3';
import { TASKS_COVER_INDEX_SQL, TASKS_TABLE_SQL } from '../search-engine/task-table.ts';

/**
 * Schema migrations, applied in order at start-up. `PRAGMA user_version` records how many have
 * run, so an existing database file is migrated forward and a new one is created from scratch.
 * Optional task fields are stored as NULL when absent (never as an empty string).
 */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    id    TEXT PRIMARY KEY,
    name  TEXT NOT NULL,
    email TEXT NOT NULL
  );
  CREATE TABLE companies (
    id   TEXT PRIMARY KEY,
    name TEXT NOT NULL
  );
  CREATE TABLE ctas (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    company_id   TEXT NOT NULL REFERENCES companies(id),
    type_id      TEXT NOT NULL,
    created_date TEXT NOT NULL
  );
  CREATE TABLE playbooks (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    description   TEXT,
    cta_type_id   TEXT NOT NULL,
    is_active     INTEGER NOT NULL,
    created_date  TEXT NOT NULL,
    modified_date TEXT NOT NULL
  );
  -- Templates are kept in the order an admin left them (storage_pos), not sorted by ord:
  -- the API sorts them on the way out.
  CREATE TABLE task_templates (
    playbook_id        TEXT NOT NULL REFERENCES playbooks(id),
    storage_pos        INTEGER NOT NULL,
    name               TEXT NOT NULL,
    description        TEXT,
    ord                INTEGER NOT NULL,
    days_from_creation INTEGER NOT NULL,
    PRIMARY KEY (playbook_id, storage_pos)
  );
  ${TASKS_TABLE_SQL}
  `,
  TASKS_COVER_INDEX_SQL,
];

export function migrate(db: Database): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `The database was made by a newer sandbox (schema version ${current}, this one knows ${MIGRATIONS.length}). Start with --reset or another --db file.`,
    );
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    const sql = MIGRATIONS[v]!;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
