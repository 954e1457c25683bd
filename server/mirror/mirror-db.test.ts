import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTask } from '../test-support/fake-tenant.ts';
import { MIRROR_SCHEMA_VERSION, MirrorFileError, openMirrorDb } from './mirror-db.ts';
import { MirrorStore } from './mirror-store.ts';

const TENANT = 'https://acme.gainsightcloud.com/v1';
let dir: string;
let file: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mirror-db-'));
  file = join(dir, 'sub', 'mirror.db');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A mirror file with one task in it, closed. */
function filled(tenant = TENANT): void {
  const { db } = openMirrorDb(file, tenant);
  new MirrorStore(db).applyTasks([makeTask(1)], { source: 'outside', actor: null, history: false, now: '2026-03-02T10:00:00.000Z' });
  db.close();
}

function taskCount(): number {
  const { db, rebuilt } = openMirrorDb(file, TENANT);
  const n = new MirrorStore(db).taskCount();
  db.close();
  return rebuilt === null ? n : -1;
}

describe('the mirror file', () => {
  it('is created (folder included) with the schema version and the tenant it mirrors, and kept on reopening', () => {
    filled();
    const { db, rebuilt } = openMirrorDb(file, TENANT);
    expect(rebuilt).toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(MIRROR_SCHEMA_VERSION);
    expect(db.prepare("SELECT value FROM mirror_meta WHERE key = 'tenant'").pluck().get()).toBe(TENANT);
    expect(new MirrorStore(db).getTask('T00001')).toEqual(makeTask(1));
    db.close();
  });

  it('is rebuilt, saying why, when it mirrors another tenant', () => {
    filled('https://other.gainsightcloud.com/v1');
    const { db, rebuilt } = openMirrorDb(file, TENANT);
    expect(rebuilt).toBe('the file mirrors another tenant (https://other.gainsightcloud.com/v1)');
    expect(new MirrorStore(db).taskCount()).toBe(0);
    expect(db.prepare("SELECT value FROM mirror_meta WHERE key = 'tenant'").pluck().get()).toBe(TENANT);
    db.close();
    expect(taskCount()).toBe(0);
  });

  it('is rebuilt when it is not SQLite at all (a damaged or foreign file)', () => {
    filled();
    writeFileSync(file, 'this is not a database, just text that happens to be here '.repeat(200));
    const { db, rebuilt } = openMirrorDb(file, TENANT);
    expect(rebuilt).toMatch(/^the file cannot be read as SQLite \(.*not a database/);
    expect(new MirrorStore(db).taskCount()).toBe(0);
    db.close();
  });

  it('is rebuilt when it is another program’s SQLite database', () => {
    mkdirSync(dirname(file), { recursive: true });
    const other = new Database(file);
    other.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('keep?')");
    other.close();
    const { db, rebuilt } = openMirrorDb(file, TENANT);
    expect(rebuilt).toBe('the file is not a Cockpit mirror');
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'notes'").get()).toBeUndefined();
    db.close();
  });

  it('is rebuilt when it was written with another schema version', () => {
    filled();
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIRROR_SCHEMA_VERSION + 1}`);
    raw.close();
    const { db, rebuilt } = openMirrorDb(file, TENANT);
    expect(rebuilt).toBe(`the file has mirror schema version ${MIRROR_SCHEMA_VERSION + 1}, this server uses ${MIRROR_SCHEMA_VERSION}`);
    expect(new MirrorStore(db).taskCount()).toBe(0);
    db.close();
  });

  it('is rebuilt when its pages are damaged', () => {
    const { db: full } = openMirrorDb(file, TENANT);
    new MirrorStore(full).applyTasks(
      Array.from({ length: 300 }, (_, i) => makeTask(i)),
      { source: 'outside', actor: null, history: false, now: '2026-03-02T10:00:00.000Z' },
    );
    full.close();
    // Overwrite everything after the header page with garbage, keeping a readable header.
    const raw = new Database(file);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 4096);
    writeFileSync(file, bytes);
    const { db, rebuilt } = openMirrorDb(file, TENANT);
    expect(rebuilt).toMatch(/^the file is damaged \(\*\*\* in database main \*\*\* .{20,}\)$/);
    expect(new MirrorStore(db).taskCount()).toBe(0);
    db.close();
  });

  it('says which setting to change when the file cannot be made at all', () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    const inside = join(dir, 'a-file', 'mirror.db');
    expect(() => openMirrorDb(inside, TENANT)).toThrow(MirrorFileError);
    expect(() => openMirrorDb(inside, TENANT)).toThrow(
      new RegExp(
        `^GAINSIGHT_MIRROR_DB=${inside} cannot be opened \\(.+\\): set it to a file in a folder the server may write, or GAINSIGHT_MIRROR=off\\.$`,
      ),
    );
  });

  it('can live in memory', () => {
    const { db, rebuilt } = openMirrorDb(':memory:', TENANT);
    expect(rebuilt).toBeNull();
    expect(new MirrorStore(db).taskCount()).toBe(0);
    db.close();
  });
});
