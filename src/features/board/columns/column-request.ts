/**
 * The search each column runs: the board's filters, the column's status, the chosen order,
 * 50 rows a page. A link's `where` keeps its own aliases and expression; the board's conditions
 * get aliases of their own and are ANDed to it: `(<link expression>) AND Name AND Status`.
 * (A link that leaves no room for that is written smaller by column-search.ts.)
 */
import { OPEN_TASK_STATUSES, type SearchCondition, type SearchRequest, type TaskStatus } from '../../../api/types.ts';
import { weekOf } from '../../../lib/dates.ts';
import type { BoardState } from '../board-url-state.ts';
import type { LinkWhere } from './link-where.ts';
import { orderByOf } from './sort-order.ts';

export const COLUMN_PAGE_SIZE = 50;

/** Open tasks: the only ones that can be overdue (a done task is never overdue, see dueInWords). */
const OPEN_STATUSES = OPEN_TASK_STATUSES;

/**
 * Why a column can hold no card with these filters (a done column while Overdue is on), in words,
 * or null. The column says it instead of a bare "No tasks", and a card moved there is said to be
 * hidden by the filter rather than vanishing without a word.
 */
export function filterHidesColumn(state: Pick<BoardState, 'quick'>, status: TaskStatus): string | null {
  if (state.quick.includes('overdue') && !OPEN_STATUSES.includes(status))
    return `${status} tasks are never overdue, so the Overdue filter hides them.`;
  return null;
}

/** What a card shows (and what a move needs to sort it in its new column). */
export const CARD_FIELDS = [
  'Gsid',
  'Name',
  'CompanyId',
  'CompanyName',
  'OwnerId',
  'OwnerName',
  'Status',
  'Priority',
  'DueDate',
  'CompletedDate',
  'PlaybookId',
  'Order',
  'ModifiedDate',
];

export interface BoardContext {
  /** Today, `YYYY-MM-DD`, for the Overdue and Due this week filters. */
  today: string;
  /** Who "My tasks" means (an OwnerId), or null when the user has not said. */
  me: string | null;
}

type AliasedCondition = SearchCondition & { alias: string };

/** One of the board's own conditions and the filter it comes from, in words. */
export interface OwnCondition {
  condition: AliasedCondition;
  filter: string;
}

/** The board's conditions without the status, and the expression that ties them together. */
export interface BoardWhere {
  conditions: SearchCondition[];
  /** The link's expression, if the link had one (the board's own conditions are ANDed to it). */
  linkExpression: string | null;
  /** Aliases of the conditions that must all hold besides the link's expression. */
  ownAliases: string[];
  /** Aliases of the link's conditions (ANDed when the link had no expression). */
  linkAliases: string[];
  /** Every alias taken (the link's and the board's), so the status gets one of its own. */
  used: Set<string>;
  /** The link's filter as it came, if any. */
  link: LinkWhere | null;
  /** The board's own conditions (toolbar and quick filters), with their filters' names. */
  own: OwnCondition[];
}

/** `hint`, or `hint2`, `hint3`… when taken; marked as taken. */
export function freshAlias(used: Set<string>, hint: string): string {
  let alias = hint;
  for (let n = 2; used.has(alias); n++) alias = `${hint}${n}`;
  used.add(alias);
  return alias;
}

export function boardWhere(state: BoardState, context: BoardContext): BoardWhere {
  const link = state.where?.conditions ?? [];
  const used = new Set(link.map((c) => c.alias ?? ''));
  const conditions: SearchCondition[] = link.map((c) => ({ ...c }));
  const ownAliases: string[] = [];
  const own: OwnCondition[] = [];
  const add = (hint: string, filter: string, condition: Omit<SearchCondition, 'alias'>) => {
    const alias = freshAlias(used, hint);
    conditions.push({ ...condition, alias });
    ownAliases.push(alias);
    own.push({ condition: { ...condition, alias }, filter });
  };
  if (state.q) add('Name', 'the name search', { name: 'Name', operator: 'CONTAINS', value: [state.q] });
  if (state.owner) add('Owner', 'Owner', { name: 'OwnerId', operator: 'EQ', value: [state.owner] });
  if (state.company) add('Company', 'Company', { name: 'CompanyId', operator: 'EQ', value: [state.company] });
  if (state.priority) add('Priority', 'Priority', { name: 'Priority', operator: 'EQ', value: [state.priority] });
  if (state.playbook) add('Playbook', 'the playbook filter', { name: 'PlaybookId', operator: 'EQ', value: [state.playbook] });
  if (state.quick.includes('mine') && context.me) add('Mine', 'My tasks', { name: 'OwnerId', operator: 'EQ', value: [context.me] });
  if (state.quick.includes('overdue')) {
    // Done tasks are never overdue (see dueInWords), so only open ones count.
    add('Overdue', 'Overdue', { name: 'DueDate', operator: 'LT', value: [context.today] });
    add('Open', 'Overdue', { name: 'Status', operator: 'IN', value: [...OPEN_STATUSES] });
  }
  if (state.quick.includes('week')) {
    const { start, end } = weekOf(context.today);
    add('Week', 'Due this week', { name: 'DueDate', operator: 'BTW', value: [start, end] });
  }
  return {
    conditions,
    linkExpression: state.where?.expression ?? null,
    ownAliases,
    linkAliases: link.map((c) => c.alias ?? ''),
    used,
    link: state.where,
    own,
  };
}

/** The column's search request (without paging: the infinite query adds the offset). */
export function columnRequest(
  where: BoardWhere,
  status: TaskStatus,
  state: Pick<BoardState, 'sort'> & Partial<Pick<BoardState, 'reverse'>>,
): SearchRequest {
  const used = new Set(where.used);
  const statusAlias = freshAlias(used, 'Status');
  const conditions = [...where.conditions, { name: 'Status', alias: statusAlias, operator: 'EQ' as const, value: [status] }];
  const link = where.linkAliases.length > 0 ? (where.linkExpression ?? where.linkAliases.join(' AND ')) : null;
  return {
    select: CARD_FIELDS,
    where: link ? { conditions, expression: [`(${link})`, ...where.ownAliases, statusAlias].join(' AND ') } : { conditions },
    orderBy: orderByOf(state.sort, state.reverse === true),
    limit: COLUMN_PAGE_SIZE,
  };
}
