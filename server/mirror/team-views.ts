/**
 * Team views: saved searches and board filters shared with the team, kept in the mirror's file.
 * Listed for everyone; with sign-in on, only their author may rename, change or delete them
 * (with sign-in off, everyone may). Input rules in one place: the same checks the app's form
 * makes (src/lib/team/team-views.ts), so the server's 400 says what the form would have said.
 */
import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import type { TeamView, TeamViewInput, TeamViewKind } from '../../src/lib/live-events.ts';
import { checkViewName, checkViewParams, isTeamViewKind, TEAM_VIEW_KINDS } from '../../src/lib/team/team-views.ts';

/** Most views the team may keep (a bound on the file and on the list every page loads). */
const MAX_VIEWS = 1000;

/** Who is asking: the signed-in user, or null with sign-in off. */
export type Viewer = { sub: string; name: string } | null;

export class ViewInputError extends Error {
  override readonly name = 'ViewInputError';
}

export class ViewAccessError extends Error {
  override readonly name = 'ViewAccessError';
}

interface ViewRow {
  id: string;
  kind: TeamViewKind;
  name: string;
  params: string;
  author: string | null;
  author_sub: string | null;
  created_at: string;
  updated_at: string;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
function checkName(name: unknown, problems: string[]): string | undefined {
  const checked = checkViewName(name);
  if (!checked.ok) return void problems.push(checked.message);
  return checked.value;
}

function checkParams(params: unknown, problems: string[]): string | undefined {
  const checked = checkViewParams(params);
  if (!checked.ok) return void problems.push(checked.message);
  return checked.value;
}

const ALLOWED_KEYS = new Set(['kind', 'name', 'params']);

/** A new view's input, checked (every problem listed at once). */
export function parseViewInput(body: unknown): TeamViewInput {
  if (!isRecord(body)) throw new ViewInputError('The body must be a JSON object with kind, name and params.');
  const problems: string[] = [];
  const extra = Object.keys(body).filter((k) => !ALLOWED_KEYS.has(k));
  if (extra.length > 0) problems.push(`Unknown properties: ${extra.join(', ')}.`);
  if (!isTeamViewKind(body.kind)) problems.push(`A team view's kind is one of ${TEAM_VIEW_KINDS.join(', ')}.`);
  const name = checkName(body.name, problems);
  const params = checkParams(body.params, problems);
  if (problems.length > 0) throw new ViewInputError(`Invalid view: ${problems.join(' ')}`);
  return { kind: body.kind as TeamViewKind, name: name!, params: params! };
}

/** A change to a view: its name, its params, or both (its kind stays). */
export function parseViewPatch(body: unknown): { name?: string; params?: string } {
  if (!isRecord(body)) throw new ViewInputError('The body must be a JSON object with name, params or both.');
  const problems: string[] = [];
  const extra = Object.keys(body).filter((k) => k !== 'name' && k !== 'params');
  if (extra.length > 0) problems.push(`Unknown properties: ${extra.join(', ')}.`);
  if (body.name === undefined && body.params === undefined) problems.push('Send a new name, new params, or both.');
  const patch: { name?: string; params?: string } = {};
  if (body.name !== undefined) patch.name = checkName(body.name, problems);
  if (body.params !== undefined) patch.params = checkParams(body.params, problems);
  if (problems.length > 0) throw new ViewInputError(`Invalid view: ${problems.join(' ')}`);
  return patch;
}

export class TeamViewStore {
  private readonly stmt: Record<'list' | 'get' | 'insert' | 'update' | 'delete' | 'count', Statement>;

  constructor(
    db: Database,
    private readonly now: () => number = Date.now,
  ) {
    this.stmt = {
      list: db.prepare('SELECT * FROM team_views ORDER BY kind, name COLLATE NOCASE, id'),
      get: db.prepare('SELECT * FROM team_views WHERE id = ?'),
      insert: db.prepare(
        'INSERT INTO team_views (id, kind, name, params, author, author_sub, created_at, updated_at) VALUES (@id, @kind, @name, @params, @author, @author_sub, @created_at, @updated_at)',
      ),
      update: db.prepare('UPDATE team_views SET name = @name, params = @params, updated_at = @updated_at WHERE id = @id'),
      delete: db.prepare('DELETE FROM team_views WHERE id = ?'),
      count: db.prepare('SELECT count(*) FROM team_views').pluck(),
    };
  }

  private view(row: ViewRow, viewer: Viewer, signIn: boolean): TeamView {
    return {
      id: row.id,
      kind: row.kind,
      name: row.name,
      params: row.params,
      author: row.author,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      editable: !signIn || (viewer !== null && row.author_sub === viewer.sub),
    };
  }

  list(viewer: Viewer, signIn: boolean): TeamView[] {
    return (this.stmt.list.all() as ViewRow[]).map((r) => this.view(r, viewer, signIn));
  }

  create(input: TeamViewInput, viewer: Viewer, signIn: boolean): TeamView {
    if ((this.stmt.count.get() as number) >= MAX_VIEWS)
      throw new ViewInputError(`The team already has ${MAX_VIEWS} views; delete some first.`);
    const at = new Date(this.now()).toISOString();
    const row: ViewRow = {
      id: randomUUID(),
      ...input,
      author: viewer?.name ?? null,
      author_sub: viewer?.sub ?? null,
      created_at: at,
      updated_at: at,
    };
    this.stmt.insert.run(row);
    return this.view(row, viewer, signIn);
  }

  /** The view, or undefined when there is none; throws ViewAccessError when the viewer may not change it. */
  private editable(id: string, viewer: Viewer, signIn: boolean): ViewRow | undefined {
    const row = this.stmt.get.get(id) as ViewRow | undefined;
    if (row && signIn && (viewer === null || row.author_sub !== viewer.sub)) {
      throw new ViewAccessError(`Only ${row.author ?? 'its author'} can change or delete the view "${row.name}".`);
    }
    return row;
  }

  update(id: string, patch: { name?: string; params?: string }, viewer: Viewer, signIn: boolean): TeamView | undefined {
    const row = this.editable(id, viewer, signIn);
    if (!row) return undefined;
    const next: ViewRow = { ...row, ...patch, updated_at: new Date(this.now()).toISOString() };
    this.stmt.update.run({ id, name: next.name, params: next.params, updated_at: next.updated_at });
    return this.view(next, viewer, signIn);
  }

  /** True when it was deleted, false when there was no such view. */
  delete(id: string, viewer: Viewer, signIn: boolean): boolean {
    if (!this.editable(id, viewer, signIn)) return false;
    return this.stmt.delete.run(id).changes > 0;
  }
}
