/** Tasks for tests, typed from the generated schema (src/api/schema.gen.ts via src/api/types.ts). */
import type { Task } from '../src/api/types.ts';

/**
 * A task as the API answers it once saved: the spec marks every field optional, but a saved task
 * always has its id, name, CTA and status.
 */
export type SavedTask = Task & Required<Pick<Task, 'Gsid' | 'Name' | 'CTAId' | 'Status'>>;

/**
 * A saved task, with `fields` over these: 1T1 "Kickoff call" (description "Agenda") on CTA 1C1,
 * owned by U1 "Ada", Not Started, Medium priority, due 2030-03-01, last modified
 * 2026-02-01T10:00:00.000Z.
 */
export function savedTask(fields: Partial<Task> = {}): SavedTask {
  return {
    Gsid: '1T1',
    Name: 'Kickoff call',
    Description: 'Agenda',
    CTAId: '1C1',
    OwnerId: 'U1',
    OwnerName: 'Ada',
    Status: 'Not Started',
    Priority: 'Medium',
    DueDate: '2030-03-01',
    ModifiedDate: '2026-02-01T10:00:00.000Z',
    ...fields,
  };
}
