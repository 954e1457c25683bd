/**
 * Named types of the Task and Playbook API, all derived from the generated `schema.gen.ts`
 * (run `npm run gen:api` after changing the spec). Nothing here restates an API shape by hand;
 * the few additions are the documented extensions the spec leaves out (see the README, "How it
 * follows, extends or narrows the spec").
 */
import type { SearchOperator } from '../lib/search/operators.ts';
import type { components, operations } from './schema.gen.ts';

type Schemas = components['schemas'];

/** The JSON body of an operation's 200 response (the envelope, as far as the spec describes it). */
type OkBody<Op extends keyof operations> = operations[Op]['responses'][200]['content']['application/json'];

/** The `data` of an operation's 200 envelope. */
export type OkData<Op extends keyof operations> = NonNullable<OkBody<Op>['data']>;

export type Task = Schemas['Task'];
export type TaskInput = Schemas['TaskInput'];
export type Playbook = Schemas['Playbook'];
export type TaskTemplate = NonNullable<Playbook['TaskTemplates']>[number];

/**
 * What `createTask` sends: the spec's TaskInput plus the local server's extension fields
 * (they are in the Task schema, not in TaskInput).
 */
export type CreateTaskInput = TaskInput & Partial<Pick<Task, 'PlaybookId' | 'Order'>>;

/** What `updateTask` sends (the spec's PUT body). */
export type UpdateTaskInput = TaskInput;

export type TaskStatus = NonNullable<Task['Status']>;

/**
 * Returns its argument unchanged, but fails to compile unless the array names every member of `U`
 * (and nothing else), so a status added to the spec cannot be forgotten here.
 */
function allOf<U extends string>() {
  return <const A extends readonly U[]>(
    values: A & ([Exclude<U, A[number]>] extends [never] ? unknown : { missing: Exclude<U, A[number]> }),
  ): A => values;
}

/** Every task status, in board order. Checked against the schema's enum at compile time. */
export const TASK_STATUSES = allOf<TaskStatus>()(['Not Started', 'In Progress', 'Completed', 'Skipped']);

/** The statuses of a task still to be done (Completed and Skipped are done): the board's Overdue, the calendar feed. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['Not Started', 'In Progress'];

/**
 * Every Task field a search may name or select, and the search operators (Gainsight's query
 * format; the spec types `operator` as a plain string): defined with the other search rules the
 * app and the servers share, the field list keyed by the generated Task schema.
 */
export { SEARCH_OPERATORS, type SearchOperator } from '../lib/search/operators.ts';

export type SortDirection = 'asc' | 'desc';

type SpecSearchRequest = Schemas['SearchRequest'];
type SpecWhere = NonNullable<SpecSearchRequest['where']>;
type SpecCondition = NonNullable<SpecWhere['conditions']>[number];

/**
 * One search condition: the spec's, with `operator` narrowed to the known operators and the
 * `alias` letter that Gainsight's `expression` refers to (e.g. "A AND (B OR C)").
 */
export type SearchCondition = Omit<SpecCondition, 'operator'> & {
  operator?: SearchOperator;
  alias?: string;
};

/** The search request: the spec's SearchRequest plus the `orderBy` extension, e.g. `{ DueDate: 'asc' }`. */
export type SearchRequest = Omit<SpecSearchRequest, 'where'> & {
  where?: Omit<SpecWhere, 'conditions'> & { conditions?: SearchCondition[] };
  orderBy?: Record<string, SortDirection>;
};

/** A page of search results, with both fields always present (see `searchTasks`). */
export type SearchResult = Required<OkData<'searchTasks'>>;
