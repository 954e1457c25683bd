import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TASK_FIELD_NAMES, TASK_FIELD_TYPE } from '../src/lib/search/fields.ts';
import { TASK_FIELDS, taskField } from './fields.ts';
import { TASKS_TABLE_SQL, rowToTask, taskToRow } from './task-table.ts';

/** The columns of table `tasks` as created by TASKS_TABLE_SQL. */
function tableColumns(): string[] {
  const db = new Database(':memory:');
  try {
    db.exec(TASKS_TABLE_SQL);
    return (db.prepare('SELECT name FROM pragma_table_info(?)').all('tasks') as { name: string }[]).map((c) => c.name);
  } finally {
    db.close();
  }
}

describe('the column map extends the shared field list', () => {
  it('has every shared field, in its order, with its type', () => {
    expect(TASK_FIELDS.map((f) => f.name)).toEqual(TASK_FIELD_NAMES);
    for (const f of TASK_FIELDS) expect(f.type, f.name).toBe(TASK_FIELD_TYPE[f.name]);
  });

  it('maps each field to its own column of the tasks table, and text fields to a fold column too', () => {
    const columns = tableColumns();
    const mapped = TASK_FIELDS.flatMap((f) => (f.foldColumn ? [f.column, f.foldColumn] : [f.column]));
    expect(new Set(mapped).size).toBe(mapped.length);
    expect([...mapped].sort()).toEqual([...columns].sort());
    for (const f of TASK_FIELDS) expect(f.foldColumn !== undefined, f.name).toBe(f.type === 'text');
  });

  it('looks fields up by their exact name', () => {
    expect(taskField('DueDate')?.column).toBe('due_date');
    expect(taskField('dueDate')).toBeUndefined();
    expect(taskField('constructor')).toBeUndefined();
  });

  it('turns a task into a row and back', () => {
    const task = {
      Gsid: 'T1',
      Name: 'Kickoff ÉCOLE',
      CTAId: 'C1',
      CompanyId: 'CO1',
      CompanyName: 'Acme',
      Status: 'Completed',
      Order: 2,
      CreatedDate: '2026-01-01T00:00:00.000Z',
      ModifiedDate: '2026-01-02T00:00:00.000Z',
    };
    const row = taskToRow(task);
    expect(row).toMatchObject({ name: 'Kickoff ÉCOLE', name_fold: 'kickoff école', ord: 2, owner_name: null, owner_name_fold: null });
    expect(rowToTask(row)).toEqual(task);
  });
});
