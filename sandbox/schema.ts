import type { Database } from 'better-sqlite3';

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
  `,
  // A covering index for the counts of filtered board and search queries (status plus the
  // fields CSMs filter on most), so totalCount does not read whole rows.
  `
  CREATE INDEX tasks_status_cover ON tasks(status, priority, due_date, owner_id);
  `,
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
