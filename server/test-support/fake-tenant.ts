/**
 * A tenant for the mirror's unit tests: tasks in an in-memory SQLite table searched with the
 * same code as the local API server (so ModifiedDate GTE, orderBy and paging behave as the real
 * thing), a playbook list, a log of the calls, and failures on demand.
 */
import Database from 'better-sqlite3';
import { SearchError, type SearchBody } from '../../search-engine/compile.ts';
import {
  rowToTask,
  searchTasks,
  TASKS_TABLE_SQL,
  taskToRow,
  ALL_TASK_COLUMNS,
  type TaskRecord,
  type TaskRow,
} from '../../search-engine/task-table.ts';
import type { Playbook } from '../mirror/mirror-store.ts';
import type { MirrorUpstream, UpstreamResult } from '../mirror/sync-engine.ts';

export const T0 = Date.parse('2026-03-02T09:00:00.000Z');

/** A whole task (every required field), `n` making it unique. */
export function makeTask(n: number, fields: Partial<TaskRecord> = {}): TaskRecord {
  const at = new Date(T0 + n * 1000).toISOString();
  return {
    Gsid: `T${String(n).padStart(5, '0')}`,
    Name: `Task ${n}`,
    CTAId: `C${n % 7}`,
    CompanyId: `A${n % 5}`,
    CompanyName: `Company ${n % 5}`,
    Status: 'Not Started',
    Priority: ['High', 'Medium', 'Low'][n % 3]!,
    DueDate: '2026-04-01',
    CreatedDate: at,
    ModifiedDate: at,
    ...fields,
  };
}

export class FakeTenant implements MirrorUpstream {
  readonly db = new Database(':memory:');
  playbooks: Playbook[] = [];
  readonly calls: { method: string; apiPath: string; body?: unknown }[] = [];
  /** When set, every call fails with this reason. */
  failWith: string | null = null;
  private held: { release: () => void; promise: Promise<void> } | null = null;

  constructor() {
    this.db.exec(TASKS_TABLE_SQL);
  }

  put(...tasks: TaskRecord[]): void {
    const columns = Object.keys(taskToRow(tasks[0] ?? {}));
    const stmt = this.db.prepare(`INSERT OR REPLACE INTO tasks (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    for (const t of tasks) stmt.run(taskToRow(t));
  }

  get(id: string): TaskRecord | undefined {
    const row = this.db.prepare(`SELECT ${ALL_TASK_COLUMNS} FROM tasks WHERE gsid = ?`).get(id) as TaskRow | undefined;
    return row && rowToTask(row);
  }

  /** Changes a task as someone in Gainsight would: new values and a new ModifiedDate. */
  change(id: string, fields: Partial<TaskRecord>, modifiedDate: string): TaskRecord {
    const next = { ...this.get(id)!, ...fields, ModifiedDate: modifiedDate };
    this.put(next);
    return next;
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM tasks WHERE gsid = ?').run(id);
  }

  /** The next calls wait until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    const promise = new Promise<void>((r) => (release = r));
    this.held = { release, promise };
    return () => {
      this.held = null;
      release();
    };
  }

  searches(): SearchBody[] {
    return this.calls.filter((c) => c.apiPath === '/tasks/search').map((c) => c.body as SearchBody);
  }

  async call(call: { method: 'GET' | 'POST'; apiPath: string; body?: unknown }): Promise<UpstreamResult> {
    this.calls.push(call);
    if (this.held) await this.held.promise;
    if (this.failWith) return { ok: false, reason: this.failWith };
    if (call.method === 'POST' && call.apiPath === '/tasks/search') {
      try {
        return { ok: true, data: searchTasks(this.db, call.body as SearchBody) };
      } catch (e) {
        if (e instanceof SearchError) return { ok: false, reason: `the Gainsight API answered 400 (${e.code}): ${e.message}` };
        throw e;
      }
    }
    if (call.method === 'GET' && call.apiPath === '/playbooks') return { ok: true, data: structuredClone(this.playbooks) };
    return { ok: false, reason: `no route ${call.method} ${call.apiPath}` };
  }
}
