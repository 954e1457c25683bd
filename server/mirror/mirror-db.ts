/**
 * The mirror's SQLite file: opened, checked and, when it is not a Cockpit mirror of this tenant
 * at this schema version, rebuilt from empty (with a log line that says why). A file is kept only
 * when all of these hold: SQLite can read it (`PRAGMA quick_check`), `PRAGMA user_version` is
 * MIRROR_SCHEMA_VERSION, and its `mirror_meta` table says `kind = cockpit-mirror` and names the
 * same tenant (the API base URL). Anything else (a corrupt file, another program's database, a
 * mirror of another tenant or of an older schema) is deleted and made anew: the mirror is a copy,
 * the tenant is the source of truth, and a first sync brings it back.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { TASKS_COVER_INDEX_SQL, TASKS_TABLE_SQL } from '../../search-engine/task-table.ts';

/** Raise when a table changes shape: older files are rebuilt (a mirror has nothing to migrate). */
export const MIRROR_SCHEMA_VERSION = 1;
const MIRROR_KIND = 'cockpit-mirror';

const SCHEMA_SQL = `
  CREATE TABLE mirror_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  ${TASKS_TABLE_SQL}
  ${TASKS_COVER_INDEX_SQL}
  CREATE TABLE playbooks (gsid TEXT PRIMARY KEY, pos INTEGER NOT NULL, json TEXT NOT NULL);
  CREATE TABLE sync_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  CREATE TABLE task_history (
    id      INTEGER PRIMARY KEY,
    task_id TEXT NOT NULL,
    at      TEXT NOT NULL,
    source  TEXT NOT NULL CHECK (source IN ('cockpit', 'outside')),
    actor   TEXT,
    kind    TEXT NOT NULL CHECK (kind IN ('created', 'changed', 'removed')),
    changes TEXT NOT NULL
  );
  CREATE INDEX task_history_task ON task_history(task_id, at, id);
  CREATE INDEX task_history_at ON task_history(at);
  CREATE TABLE team_views (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('search', 'board')),
    name       TEXT NOT NULL,
    params     TEXT NOT NULL,
    author     TEXT,
    author_sub TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX team_views_kind ON team_views(kind, name, id);
`;

/** The mirror's file cannot be created or opened at all (a folder the server may not write, say). */
export class MirrorFileError extends Error {
  override readonly name = 'MirrorFileError';
}

export interface OpenedMirrorDb {
  db: Database.Database;
  /** Why the file was made anew (null: it was kept, or there was none). */
  rebuilt: string | null;
}

/** Why an open database cannot be used as this tenant's mirror, or null when it can. */
function unfitBecause(db: Database.Database, tenant: string): string | null {
  const check = db.pragma('quick_check', { simple: true }) as string;
  if (check !== 'ok') return `the file is damaged (${check.replace(/\s+/g, ' ').slice(0, 160)})`;
  const tables = db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number };
  if (tables.n === 0) return null;
  const meta = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'mirror_meta'").get();
  if (!meta) return 'the file is not a Cockpit mirror';
  const rows = new Map(
    (db.prepare('SELECT key, value FROM mirror_meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
  );
  if (rows.get('kind') !== MIRROR_KIND) return 'the file is not a Cockpit mirror';
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== MIRROR_SCHEMA_VERSION) return `the file has mirror schema version ${version}, this server uses ${MIRROR_SCHEMA_VERSION}`;
  if (rows.get('tenant') !== tenant) return `the file mirrors another tenant (${rows.get('tenant') ?? 'unknown'})`;
  return null;
}

function tryOpen(path: string, tenant: string): { db: Database.Database | null; problem: string | null } {
  let db: Database.Database | null = null;
  try {
    db = new Database(path);
    const problem = unfitBecause(db, tenant);
    if (problem) {
      db.close();
      return { db: null, problem };
    }
    return { db, problem: null };
  } catch (e) {
    db?.close();
    return { db: null, problem: `the file cannot be read as SQLite (${e instanceof Error ? e.message : String(e)})` };
  }
}

function initialise(db: Database.Database, tenant: string): void {
  const empty = (db.prepare('SELECT count(*) AS n FROM sqlite_master').get() as { n: number }).n === 0;
  if (!empty) return;
  db.transaction(() => {
    db.exec(SCHEMA_SQL);
    const put = db.prepare('INSERT INTO mirror_meta (key, value) VALUES (?, ?)');
    put.run('kind', MIRROR_KIND);
    put.run('tenant', tenant);
    put.run('createdAt', new Date().toISOString());
    db.pragma(`user_version = ${MIRROR_SCHEMA_VERSION}`);
  })();
}

/**
 * Opens the mirror at `path` (`:memory:` for none on disk) for the tenant `tenant`, creating it or
 * making it anew when it cannot be kept.
 */
export function openMirrorDb(path: string, tenant: string): OpenedMirrorDb {
  const onDisk = path !== ':memory:';
  let db: Database.Database | null = null;
  try {
    if (onDisk) mkdirSync(dirname(path), { recursive: true });
    const opened = tryOpen(path, tenant);
    db = opened.db;
    if (!db) {
      if (onDisk) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
      db = new Database(path);
    }
    if (onDisk) {
      db.pragma('journal_mode = WAL');
      // NORMAL: a crash can lose the last writes, which the next sync brings back from the tenant.
      db.pragma('synchronous = NORMAL');
    }
    initialise(db, tenant);
    return { db, rebuilt: opened.problem };
  } catch (e) {
    db?.close();
    const why = e instanceof Error ? e.message : String(e);
    throw new MirrorFileError(
      `GAINSIGHT_MIRROR_DB=${path} cannot be opened (${why}): set it to a file in a folder the server may write, or GAINSIGHT_MIRROR=off.`,
    );
  }
}
