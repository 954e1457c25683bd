/**
 * Each column's search as the server will take it. A link may use all the server takes
 * (MAX_CONDITIONS conditions, expressions up to the limits in src/lib/search-expression.ts)
 * and the board adds to it: when `columnRequest`'s plain form would go past a limit, a smaller
 * equivalent is written (`compactSearch`); when even that cannot fit, the column says which
 * filters cannot be combined instead of sending a search the server refuses.
 */
import { TASK_STATUSES, type SearchCondition, type SearchRequest, type TaskStatus } from '../../../api/types.ts';
import { addDays } from '../../../lib/dates.ts';
import { MAX_EXPRESSION_NESTING, MAX_EXPRESSION_TERMS, parseExpression } from '../../../lib/search-expression.ts';
import { MAX_CONDITIONS } from '../../../lib/search/limits.ts';
import type { BoardState } from '../board-url-state.ts';
import { CARD_FIELDS, COLUMN_PAGE_SIZE, columnRequest, freshAlias, type BoardWhere, type OwnCondition } from './column-request.ts';
import { allOf, conjoin, formatLogic, fromExpr, isConjunction, logicAliases, ref, simplify, type Logic } from './link-logic.ts';
import { orderByOf } from './sort-order.ts';

export type ColumnSearch = { ok: true; request: SearchRequest } | { ok: false; problem: string };

/** True when the server takes the request's `where` (its count of conditions, its expression). */
export function fitsServer(request: SearchRequest): boolean {
  const conditions = request.where?.conditions ?? [];
  if (conditions.length > MAX_CONDITIONS) return false;
  const expression = request.where?.expression;
  if (!expression) return true;
  try {
    parseExpression(expression); // the server's own parser: it throws on what goes past its limits
    return true;
  } catch {
    return false;
  }
}

/**
 * The column's search, as `columnRequest` writes it when the server takes that, else in the
 * smaller form of `compactSearch`; or, when no form fits, why not.
 */
export function columnSearch(
  where: BoardWhere,
  status: TaskStatus,
  state: Pick<BoardState, 'sort'> & Partial<Pick<BoardState, 'reverse'>>,
): ColumnSearch {
  const plain = columnRequest(where, status, state);
  return fitsServer(plain) ? { ok: true, request: plain } : compactSearch(where, status, state);
}

const isStatus = (v: unknown): v is TaskStatus => (TASK_STATUSES as readonly unknown[]).includes(v);

/** Whether a link condition holds for every task of the column (known for a Status condition). */
function truthInColumn(condition: SearchCondition | undefined, status: TaskStatus): boolean | undefined {
  if (!condition || condition.name !== 'Status') return undefined;
  const values: unknown[] = Array.isArray(condition.value) ? condition.value : [];
  if (values.length === 0 || !values.every(isStatus)) return undefined; // the server will say what is wrong
  switch (condition.operator) {
    case 'EQ':
      return values[0] === status;
    case 'NE':
      return values[0] !== status;
    case 'IN':
      return values.includes(status);
    case 'NOT_IN':
      return !values.includes(status);
    default:
      return undefined;
  }
}

const sameCondition = (a: SearchCondition, b: SearchCondition) =>
  a.name === b.name && a.operator === b.operator && JSON.stringify(a.value ?? []) === JSON.stringify(b.value ?? []);

/**
 * The board's own conditions for one column, with those it does not need folded away: a status
 * filter the column's status already meets (Overdue's "open" in an open column), a condition said
 * twice (Owner and My tasks for the same person, or one the link's conditions already require),
 * and Overdue with Due this week as one date range.
 */
function foldOwn(own: readonly OwnCondition[], status: TaskStatus, required: readonly SearchCondition[]): OwnCondition[] {
  const out: OwnCondition[] = [];
  for (const item of own) {
    const c = item.condition;
    if (c.name === 'Status' && truthInColumn(c, status) === true) continue;
    if (required.some((r) => sameCondition(r, c))) continue;
    const twin = out.find((o) => sameCondition(o.condition, c));
    if (twin) {
      if (!twin.filter.includes(item.filter)) twin.filter = `${twin.filter} and ${item.filter}`;
      continue;
    }
    out.push({ ...item });
  }
  const before = out.find((o) => o.condition.name === 'DueDate' && o.condition.operator === 'LT');
  const between = out.find((o) => o.condition.name === 'DueDate' && o.condition.operator === 'BTW');
  const [from, to] = (Array.isArray(between?.condition.value) ? between.condition.value : []) as string[];
  const day = Array.isArray(before?.condition.value) ? before.condition.value[0] : undefined;
  const lastDay = typeof day === 'string' ? addDays(day, -1) : undefined;
  if (before && between && from && to && lastDay && from <= lastDay) {
    const end = to < lastDay ? to : lastDay;
    return out
      .filter((o) => o !== before)
      .map((o) => (o === between ? { condition: { ...o.condition, value: [from, end] }, filter: `${before.filter} and ${o.filter}` } : o));
  }
  return out;
}

const listWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;

/**
 * The column's search written as small as it can be, for a link that uses (nearly) all the server
 * takes. Equivalent to the plain form for the tasks of this column:
 * - the link's Status conditions are known true or false in a status column, so they fold away
 *   (a link that rules the column out gives a search that is empty by construction);
 * - link conditions the expression does not use are left out;
 * - the board's own conditions are folded (see `foldOwn`);
 * - a link with no OR needs no expression at all (the server ANDs every condition);
 * - otherwise the link's logic is written with the fewest parentheses and the board's conditions
 *   are ANDed to it without going deeper than allowed (see `conjoin`).
 */
function compactSearch(
  where: BoardWhere,
  status: TaskStatus,
  state: Pick<BoardState, 'sort'> & Partial<Pick<BoardState, 'reverse'>>,
): ColumnSearch {
  const link = where.link?.conditions ?? [];
  const byAlias = new Map(link.map((c) => [c.alias, c]));
  let logic: Logic | boolean = true;
  if (link.length > 0) {
    const given = where.link?.expression;
    const base = given ? fromExpr(parseExpression(given)) : allOf(link.map((c) => ref(c.alias)));
    logic = simplify(base, (alias) => truthInColumn(byAlias.get(alias), status));
  }
  const request = (conditions: SearchCondition[], expression?: string): SearchRequest => ({
    select: CARD_FIELDS,
    where: expression ? { conditions, expression } : { conditions },
    orderBy: orderByOf(state.sort, state.reverse === true),
    limit: COLUMN_PAGE_SIZE,
  });
  if (logic === false) {
    // The link rules this column out: a search that finds nothing, so the column still loads,
    // counts (0) and takes drops like the others.
    return {
      ok: true,
      request: request([
        { name: 'Status', alias: 'Status', operator: 'EQ', value: [status] },
        { name: 'Status', alias: 'NotStatus', operator: 'NE', value: [status] },
      ]),
    };
  }
  const linkLogic = logic === true ? null : logic;
  const named = linkLogic ? logicAliases(linkLogic) : new Set<string>();
  const linkConditions = link.filter((c) => named.has(c.alias));
  const allRequired = linkLogic !== null && isConjunction(linkLogic);
  const own = foldOwn(where.own, status, allRequired ? linkConditions : []);
  const used = new Set([...linkConditions.map((c) => c.alias), ...own.map((o) => o.condition.alias)]);
  const statusAlias = freshAlias(used, 'Status');
  const conditions: SearchCondition[] = [
    ...linkConditions,
    ...own.map((o) => o.condition),
    { name: 'Status', alias: statusAlias, operator: 'EQ', value: [status] },
  ];
  const filters = [...new Set(own.map((o) => o.filter))];

  if (conditions.length > MAX_CONDITIONS) {
    if (linkConditions.length + 1 > MAX_CONDITIONS) {
      return {
        ok: false,
        problem: `The search in this link uses all ${MAX_CONDITIONS} conditions the server takes, so the board cannot add this column's status to it. Remove a condition from the search to show it on the board.`,
      };
    }
    return {
      ok: false,
      problem: `The search in this link (${linkConditions.length} conditions here) cannot be combined with ${listWords(filters)}: with this column's status that makes ${conditions.length} conditions, more than the ${MAX_CONDITIONS} the server takes. Turn off ${listWords(filters)}, or use fewer conditions in the search.`,
    };
  }
  if (!linkLogic || allRequired) return { ok: true, request: request(conditions) };
  const joined = conjoin(linkLogic, [...own.map((o) => ref(o.condition.alias)), ref(statusAlias)]);
  if (!joined) {
    const extra = filters.length > 0 ? `${listWords(filters)} and this column's status` : "this column's status";
    return {
      ok: false,
      problem: `The logic of the search in this link is too long for the board to add ${extra} to it (the server takes at most ${MAX_EXPRESSION_TERMS} condition mentions and ${MAX_EXPRESSION_NESTING} levels of parentheses).${filters.length > 0 ? ` Turn off ${listWords(filters)}, or simplify the search.` : ' Simplify the search to show it on the board.'}`,
    };
  }
  return { ok: true, request: request(conditions, formatLogic(joined)) };
}
