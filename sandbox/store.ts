import type { Database, Statement } from 'better-sqlite3';
import { fold } from '../search-engine/fields.ts';
import { ALL_TASK_COLUMNS, rowToTask, searchTasks, type TaskRecord, type TaskRow } from '../search-engine/task-table.ts';
import { makeGsid } from './ids.ts';
import { ErrorCodes, badRequest } from './errors.ts';
import type { SearchBody } from '../search-engine/compile.ts';

export type { TaskRecord };

interface TemplateRecord {
  name: string;
  description?: string;
  order: number;
  daysFromCreation: number;
}

export interface PlaybookRecord {
  Gsid: string;
  Name: string;
  Description?: string;
  CTATypeId: string;
  IsActive: boolean;
  TaskTemplates: TemplateRecord[];
  CreatedDate: string;
  ModifiedDate: string;
}

/** The TaskInput fields a create or an update writes, after validation. */
export interface TaskWrite {
  Name: string;
  Description: string | null;
  CTAId: string;
  OwnerId: string | null;
  Status: string;
  Priority: string | null;
  DueDate: string | null;
}

function utcDay(now: Date): string {
  return now.toISOString().slice(0, 10);
}

/**
 * All reads and writes of the sandbox's data. Every write runs in one transaction and checks
 * everything before it changes anything, so a rejected write leaves the database as it was.
 */
export class Store {
  private readonly stmt: {
    getTask: Statement;
    insertTask: Statement;
    updateTask: Statement;
    getCta: Statement;
    getUser: Statement;
    getPlaybookExists: Statement;
    listPlaybooks: Statement;
    getPlaybook: Statement;
    templatesOf: Statement;
  };

  constructor(
    readonly db: Database,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.stmt = {
      getTask: db.prepare(`SELECT ${ALL_TASK_COLUMNS} FROM tasks WHERE gsid = ?`),
      insertTask: db.prepare(`INSERT INTO tasks (
          gsid, name, name_fold, description, description_fold, cta_id, company_id, company_name,
          company_name_fold, owner_id, owner_name, owner_name_fold, status, priority, due_date,
          completed_date, playbook_id, ord, created_date, modified_date)
        VALUES (@gsid, @name, @name_fold, @description, @description_fold, @cta_id, @company_id,
          @company_name, @company_name_fold, @owner_id, @owner_name, @owner_name_fold, @status,
          @priority, @due_date, @completed_date, @playbook_id, @ord, @created_date, @modified_date)`),
      updateTask: db.prepare(`UPDATE tasks SET
          name = @name, name_fold = @name_fold, description = @description,
          description_fold = @description_fold, cta_id = @cta_id, company_id = @company_id,
          company_name = @company_name, company_name_fold = @company_name_fold,
          owner_id = @owner_id, owner_name = @owner_name, owner_name_fold = @owner_name_fold,
          status = @status, priority = @priority, due_date = @due_date,
          completed_date = @completed_date, modified_date = @modified_date
        WHERE gsid = @gsid`),
      getCta: db.prepare(
        `SELECT ctas.id, companies.id AS company_id, companies.name AS company_name
           FROM ctas JOIN companies ON companies.id = ctas.company_id WHERE ctas.id = ?`,
      ),
      getUser: db.prepare('SELECT id, name FROM users WHERE id = ?'),
      getPlaybookExists: db.prepare('SELECT 1 FROM playbooks WHERE id = ?'),
      listPlaybooks: db.prepare('SELECT * FROM playbooks ORDER BY name, id'),
      getPlaybook: db.prepare('SELECT * FROM playbooks WHERE id = ?'),
      templatesOf: db.prepare(
        `SELECT name, description, ord, days_from_creation FROM task_templates
          WHERE playbook_id = ? ORDER BY ord, name, storage_pos`,
      ),
    };
  }

  getTask(gsid: string): TaskRecord | undefined {
    const row = this.stmt.getTask.get(gsid) as TaskRow | undefined;
    return row && rowToTask(row);
  }

  /** Resolves the CTA and the owner a write names; a name that matches nothing is a 400. */
  private references(input: TaskWrite) {
    const cta = this.stmt.getCta.get(input.CTAId) as { id: string; company_id: string; company_name: string } | undefined;
    const owner = input.OwnerId ? (this.stmt.getUser.get(input.OwnerId) as { id: string; name: string } | undefined) : undefined;
    const problems: string[] = [];
    if (!cta) problems.push(`CTAId: no CTA with id "${input.CTAId}"`);
    if (input.OwnerId && !owner) problems.push(`OwnerId: no user with id "${input.OwnerId}"`);
    if (problems.length > 0 || !cta) {
      throw badRequest(`Invalid references - ${problems.join('; ')}`, ErrorCodes.invalidReference);
    }
    return { cta, owner };
  }

  /** A modification time that is later than `previous`, even when the clock has not moved. */
  private stamp(previous?: string): string {
    const now = this.clock();
    if (previous && now.toISOString() <= previous) {
      return new Date(Date.parse(previous) + 1).toISOString();
    }
    return now.toISOString();
  }

  createTask(input: TaskWrite, extension: { PlaybookId?: string; Order?: number }): TaskRecord {
    return this.db.transaction(() => {
      const { cta, owner } = this.references(input);
      if (extension.PlaybookId !== undefined && !this.stmt.getPlaybookExists.get(extension.PlaybookId)) {
        throw badRequest(`Invalid references - PlaybookId: no playbook with id "${extension.PlaybookId}"`, ErrorCodes.invalidReference);
      }
      const now = this.stamp();
      const gsid = makeGsid('task');
      this.stmt.insertTask.run({
        gsid,
        ...this.columnsFor(input, cta, owner),
        completed_date: input.Status === 'Completed' ? utcDay(this.clock()) : null,
        playbook_id: extension.PlaybookId ?? null,
        ord: extension.Order ?? null,
        created_date: now,
        modified_date: now,
      });
      return this.getTask(gsid)!;
    })();
  }

  /** Replaces the task's input fields (PUT): an optional field left out is cleared. */
  updateTask(gsid: string, input: TaskWrite): TaskRecord | undefined {
    return this.db.transaction(() => {
      const current = this.stmt.getTask.get(gsid) as TaskRow | undefined;
      if (!current) return undefined;
      const { cta, owner } = this.references(input);
      const wasCompleted = current.status === 'Completed';
      const isCompleted = input.Status === 'Completed';
      let completed = current.completed_date as string | null;
      if (isCompleted && !wasCompleted) completed = utcDay(this.clock());
      if (!isCompleted) completed = null;
      this.stmt.updateTask.run({
        gsid,
        ...this.columnsFor(input, cta, owner),
        completed_date: completed,
        modified_date: this.stamp(current.modified_date as string),
      });
      return this.getTask(gsid);
    })();
  }

  private columnsFor(input: TaskWrite, cta: { company_id: string; company_name: string }, owner: { id: string; name: string } | undefined) {
    return {
      name: input.Name,
      name_fold: fold(input.Name),
      description: input.Description,
      description_fold: input.Description === null ? null : fold(input.Description),
      cta_id: input.CTAId,
      company_id: cta.company_id,
      company_name: cta.company_name,
      company_name_fold: fold(cta.company_name),
      owner_id: owner?.id ?? null,
      owner_name: owner?.name ?? null,
      owner_name_fold: owner ? fold(owner.name) : null,
      status: input.Status,
      priority: input.Priority,
      due_date: input.DueDate,
    };
  }

  searchTasks(body: SearchBody): { records: TaskRecord[]; totalCount: number } {
    return searchTasks(this.db, body);
  }

  listPlaybooks(): PlaybookRecord[] {
    return (this.stmt.listPlaybooks.all() as TaskRow[]).map((row) => this.playbookFrom(row));
  }

  getPlaybook(gsid: string): PlaybookRecord | undefined {
    const row = this.stmt.getPlaybook.get(gsid) as TaskRow | undefined;
    return row && this.playbookFrom(row);
  }

  private playbookFrom(row: TaskRow): PlaybookRecord {
    const templates = (this.stmt.templatesOf.all(row.id) as TaskRow[]).map((t) => {
      const template: TemplateRecord = {
        name: t.name as string,
        order: t.ord as number,
        daysFromCreation: t.days_from_creation as number,
      };
      if (t.description !== null) template.description = t.description as string;
      return template;
    });
    const playbook: PlaybookRecord = {
      Gsid: row.id as string,
      Name: row.name as string,
      CTATypeId: row.cta_type_id as string,
      IsActive: row.is_active === 1,
      TaskTemplates: templates,
      CreatedDate: row.created_date as string,
      ModifiedDate: row.modified_date as string,
    };
    if (row.description !== null) playbook.Description = row.description as string;
    return playbook;
  }

  counts(): Record<string, number> {
    const count = (table: string) => (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      users: count('users'),
      companies: count('companies'),
      ctas: count('ctas'),
      playbooks: count('playbooks'),
      tasks: count('tasks'),
    };
  }
}
