/**
 * The mirror's data: tasks (the same table and search as the local API server, so a search is
 * answered the same way), playbooks, the sync cursor and each task's earlier versions. Every
 * change runs in one transaction, and a task is never replaced by an older version of itself.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { SearchBody } from '../../search-engine/compile.ts';
import { ALL_TASK_COLUMNS, rowToTask, searchTasks, taskToRow, type TaskRecord, type TaskRow } from '../../search-engine/task-table.ts';
import type { ActivityEntry, FieldChange, TaskChange } from '../../src/lib/live-events.ts';
import { diffTasks, instantOf, isOlder, normalizeTask, sameTask } from './task-diff.ts';

export type Playbook = Record<string, unknown> & { Gsid: string };

/** Where the delta sync resumes, and when each kind of sync last completed. */
export interface SyncCursor {
  /** The first sync completed (the mirror answers reads). */
  complete: boolean;
  /** The latest ModifiedDate seen, as the tenant wrote it: the next delta asks from it (GTE, an overlap). */
  lastSeen: string | null;
  /** ISO times of the last completed sync of any kind, and of the last full one. */
  lastSyncAt: string | null;
  lastFullSyncAt: string | null;
}

const EMPTY_CURSOR: SyncCursor = { complete: false, lastSeen: null, lastSyncAt: null, lastFullSyncAt: null };

export interface ApplyOptions {
  source: 'cockpit' | 'outside';
  actor: string | null;
  /** Record earlier versions (off for the first sync: loading the mirror is not a change). */
  history: boolean;
  /** When the change is recorded if the task has no usable ModifiedDate (ISO). */
  now: string;
}

const COLUMNS = ALL_TASK_COLUMNS.split(', ');
const FOLD_COLUMNS = ['name_fold', 'description_fold', 'company_name_fold', 'owner_name_fold'];
const ALL_COLUMNS = [...COLUMNS, ...FOLD_COLUMNS];
/** Most search answers kept between two changes of the tasks (each a JSON string; a board's columns and pages are a few dozen). */
const SEARCH_CACHE_ENTRIES = 500;

function changeOf(task: TaskRecord, previous: TaskRecord | null): TaskChange {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(task.Gsid),
    status: str(task.Status),
    previousStatus: previous ? str(previous.Status) : null,
    modifiedDate: str(task.ModifiedDate),
    playbookId: str(task.PlaybookId),
    ctaId: str(task.CTAId),
  };
}

export class MirrorStore {
  /** Search answers (JSON) by request, since the tasks last changed (see searchJson). */
  private readonly searchCache = new Map<string, string>();
  private readonly stmt: Record<
    | 'getTask'
    | 'upsertTask'
    | 'deleteTask'
    | 'allIds'
    | 'countTasks'
    | 'getState'
    | 'putState'
    | 'addHistory'
    | 'history'
    | 'prune'
    | 'playbooks'
    | 'getPlaybook'
    | 'putPlaybook'
    | 'deletePlaybook',
    Statement
  >;

  constructor(readonly db: Database) {
    this.stmt = {
      getTask: db.prepare(`SELECT ${ALL_TASK_COLUMNS} FROM tasks WHERE gsid = ?`),
      upsertTask: db.prepare(
        `INSERT OR REPLACE INTO tasks (${ALL_COLUMNS.join(', ')}) VALUES (${ALL_COLUMNS.map((c) => `@${c}`).join(', ')})`,
      ),
      deleteTask: db.prepare('DELETE FROM tasks WHERE gsid = ?'),
      allIds: db.prepare('SELECT gsid FROM tasks').pluck(),
      countTasks: db.prepare('SELECT count(*) FROM tasks').pluck(),
      getState: db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck(),
      putState: db.prepare('INSERT OR REPLACE INTO sync_state (key, value) VALUES (?, ?)'),
      addHistory: db.prepare('INSERT INTO task_history (task_id, at, source, actor, kind, changes) VALUES (?, ?, ?, ?, ?, ?)'),
      history: db.prepare('SELECT at, source, actor, kind, changes FROM task_history WHERE task_id = ? ORDER BY at DESC, id DESC LIMIT ?'),
      prune: db.prepare('DELETE FROM task_history WHERE at < ?'),
      playbooks: db.prepare('SELECT gsid, json FROM playbooks ORDER BY pos, gsid'),
      getPlaybook: db.prepare('SELECT json FROM playbooks WHERE gsid = ?').pluck(),
      putPlaybook: db.prepare('INSERT OR REPLACE INTO playbooks (gsid, pos, json) VALUES (?, ?, ?)'),
      deletePlaybook: db.prepare('DELETE FROM playbooks WHERE gsid = ?'),
    };
  }

  // Tasks ------------------------------------------------------------------------------------

  getTask(id: string): TaskRecord | undefined {
    const row = this.stmt.getTask.get(id) as TaskRow | undefined;
    return row && rowToTask(row);
  }

  taskCount(): number {
    return this.stmt.countTasks.get() as number;
  }

  allTaskIds(): string[] {
    return this.stmt.allIds.all() as string[];
  }

  /** Runs a search body exactly as the local API server does (throws SearchError for a bad one). */
  search(body: SearchBody): { records: TaskRecord[]; totalCount: number } {
    return searchTasks(this.db, body);
  }

  /**
   * A search's answer as JSON, from a cache of the answers since the tasks last changed: a team's
   * pages ask the same searches (the board's columns, a playbook's adoption) over and over, and
   * between two changes their answers cannot differ. Any change to the tasks empties it.
   */
  searchJson(body: SearchBody): string {
    const key = JSON.stringify(body);
    const cached = this.searchCache.get(key);
    if (cached !== undefined) return cached;
    const json = JSON.stringify(this.search(body));
    if (this.searchCache.size >= SEARCH_CACHE_ENTRIES) this.searchCache.clear();
    this.searchCache.set(key, json);
    return json;
  }

  /** The tasks changed: no cached search answer holds any more. */
  private tasksChanged(): void {
    this.searchCache.clear();
  }

  /**
   * Writes tasks as the tenant answered them. A task equal to the stored one, or older than it, is
   * skipped; the others are stored (with an earlier-version entry when `history` is on) and
   * returned as changes, in the order given.
   */
  applyTasks(tasks: readonly Record<string, unknown>[], options: ApplyOptions): TaskChange[] {
    return this.db.transaction(() => {
      const changes: TaskChange[] = [];
      for (const raw of tasks) {
        if (typeof raw.Gsid !== 'string' || raw.Gsid === '') continue;
        const next = normalizeTask(raw);
        const previous = this.getTask(raw.Gsid) ?? null;
        if (previous && (isOlder(next.ModifiedDate, previous.ModifiedDate) || sameTask(previous, next))) continue;
        this.stmt.upsertTask.run(taskToRow(next));
        if (options.history) {
          this.addHistory(
            raw.Gsid,
            next.ModifiedDate ?? options.now,
            options.source,
            options.actor,
            previous ? 'changed' : 'created',
            diffTasks(previous, next),
            options.now,
          );
        }
        changes.push(changeOf(next, previous));
      }
      if (changes.length > 0) this.tasksChanged();
      return changes;
    })();
  }

  /** Removes tasks gone upstream; returns them as `removed` changes. */
  removeTasks(ids: readonly string[], options: Pick<ApplyOptions, 'history' | 'now'>): TaskChange[] {
    return this.db.transaction(() => {
      const changes: TaskChange[] = [];
      for (const id of ids) {
        const previous = this.getTask(id);
        if (!previous) continue;
        this.stmt.deleteTask.run(id);
        if (options.history) this.addHistory(id, options.now, 'outside', null, 'removed', [], options.now);
        changes.push({ ...changeOf(previous, previous), status: null, removed: true });
      }
      if (changes.length > 0) this.tasksChanged();
      return changes;
    })();
  }

  /** Empties the task table (a first sync starting over). */
  clearTasks(): void {
    this.tasksChanged();
    this.db.exec('DELETE FROM tasks');
  }

  // History ----------------------------------------------------------------------------------

  private addHistory(
    taskId: string,
    at: unknown,
    source: string,
    actor: string | null,
    kind: string,
    changes: FieldChange[],
    now: string,
  ): void {
    const ms = instantOf(at);
    const when = ms === null ? now : new Date(ms).toISOString();
    this.stmt.addHistory.run(taskId, when, source, actor, kind, JSON.stringify(changes));
  }

  /** A task's earlier versions, newest first. */
  history(taskId: string, limit = 200): ActivityEntry[] {
    const rows = this.stmt.history.all(taskId, limit) as {
      at: string;
      source: ActivityEntry['source'];
      actor: string | null;
      kind: ActivityEntry['kind'];
      changes: string;
    }[];
    return rows.map((r) => ({ at: r.at, source: r.source, actor: r.actor, kind: r.kind, changes: JSON.parse(r.changes) as FieldChange[] }));
  }

  /** Drops history recorded before `cutoff` (ISO); returns how many entries went. */
  pruneHistory(cutoff: string): number {
    return this.stmt.prune.run(cutoff).changes;
  }

  // Playbooks --------------------------------------------------------------------------------

  listPlaybooks(): Playbook[] {
    return (this.stmt.playbooks.all() as { json: string }[]).map((r) => JSON.parse(r.json) as Playbook);
  }

  getPlaybook(id: string): Playbook | undefined {
    const json = this.stmt.getPlaybook.get(id) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as Playbook);
  }

  /** Replaces the whole list (kept in the tenant's order); returns the ids added, changed or removed. */
  replacePlaybooks(list: readonly Playbook[]): string[] {
    return this.db.transaction(() => {
      const before = new Map((this.stmt.playbooks.all() as { gsid: string; json: string }[]).map((r) => [r.gsid, r.json]));
      const changed: string[] = [];
      list.forEach((p, pos) => {
        const json = JSON.stringify(p);
        if (before.get(p.Gsid) !== json) changed.push(p.Gsid);
        before.delete(p.Gsid);
        this.stmt.putPlaybook.run(p.Gsid, pos, json);
      });
      for (const gone of before.keys()) {
        this.stmt.deletePlaybook.run(gone);
        changed.push(gone);
      }
      return changed;
    })();
  }

  /** Stores one playbook as the tenant answered it (a fresh read); true when it changed. */
  putPlaybook(p: Playbook): boolean {
    return this.db.transaction(() => {
      const json = JSON.stringify(p);
      const row = this.db.prepare('SELECT pos, json FROM playbooks WHERE gsid = ?').get(p.Gsid) as
        { pos: number; json: string } | undefined;
      if (row?.json === json) return false;
      const pos = row?.pos ?? (this.db.prepare('SELECT coalesce(max(pos), -1) + 1 FROM playbooks').pluck().get() as number);
      this.stmt.putPlaybook.run(p.Gsid, pos, json);
      return true;
    })();
  }

  /** Removes a playbook the tenant no longer knows (a fresh read answered 404); true when it was there. */
  removePlaybook(id: string): boolean {
    return this.stmt.deletePlaybook.run(id).changes > 0;
  }

  // Sync state -------------------------------------------------------------------------------

  cursor(): SyncCursor {
    const json = this.stmt.getState.get('cursor') as string | undefined;
    return json === undefined ? { ...EMPTY_CURSOR } : { ...EMPTY_CURSOR, ...(JSON.parse(json) as Partial<SyncCursor>) };
  }

  saveCursor(patch: Partial<SyncCursor>): SyncCursor {
    const next = { ...this.cursor(), ...patch };
    this.stmt.putState.run('cursor', JSON.stringify(next));
    return next;
  }
}
