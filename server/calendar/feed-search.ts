/**
 * The tasks a calendar feed shows, as one task search (POST /tasks/search, the search rules of
 * src/lib/search/): the owner's tasks whose status is open and that have a due date, soonest
 * due first, with only the fields an event needs. The mirror and the tenant answer the same body.
 */
import { OPEN_TASK_STATUSES, type SearchRequest, type Task } from '../../src/api/types.ts';
import { MAX_PAGE_SIZE } from '../../src/lib/search/limits.ts';
import { compareTasks, type TaskOrderBy } from '../../src/lib/search/task-order.ts';

/** What an event is made of. */
const FEED_FIELDS = [
  'Gsid',
  'Name',
  'Status',
  'DueDate',
  'Priority',
  'CompanyName',
  'CTAId',
  'OwnerName',
  'ModifiedDate',
  'CreatedDate',
] as const satisfies readonly (keyof Task)[];

const FEED_ORDER: TaskOrderBy = { DueDate: 'asc' };

/** Most events one feed holds: this many pages of the API's largest page. */
export const FEED_MAX_PAGES = 4;

/** One page of the owner's open tasks that have a due date. */
export function feedSearch(owner: string, offset = 0): SearchRequest {
  return {
    select: [...FEED_FIELDS],
    where: {
      conditions: [
        { name: 'OwnerId', alias: 'A', operator: 'EQ', value: [owner] },
        { name: 'Status', alias: 'B', operator: 'IN', value: [...OPEN_TASK_STATUSES] },
        { name: 'DueDate', alias: 'C', operator: 'IS_NOT_NULL', value: [] },
      ],
      expression: 'A AND B AND C',
    },
    orderBy: { ...FEED_ORDER },
    limit: MAX_PAGE_SIZE,
    offset,
  };
}

/** The owner's name, when a search for it is needed (the owner has no open task with a due date). */
export function ownerNameSearch(owner: string): SearchRequest {
  return {
    select: ['OwnerName'],
    where: {
      conditions: [
        { name: 'OwnerId', alias: 'A', operator: 'EQ', value: [owner] },
        { name: 'OwnerName', alias: 'B', operator: 'IS_NOT_NULL', value: [] },
      ],
      expression: 'A AND B',
    },
    limit: 1,
  };
}

/** The feed's tasks in feed order (the tenant may not order them: Gainsight's orderBy is an extension). */
export function inFeedOrder(tasks: readonly Task[]): Task[] {
  return [...tasks].sort((a, b) => compareTasks(a, b, FEED_ORDER));
}
