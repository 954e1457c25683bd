/**
 * The board's filters and sort, as they live in the URL so that a reload or a shared link shows
 * the same board. Parsing never throws: a bad value is dropped and told about (`problems`); a bad
 * `where` (the search page's filter) is told apart (`whereError`), as the board cannot honestly
 * show "the same board" without it.
 *
 * Params: q (name contains), owner (OwnerId), company (CompanyId), priority, quick (comma list of
 * mine, overdue, week), sort (due | priority | company | modified), playbook (PlaybookId),
 * where (JSON, see link-where.ts), group (swimlanes: owner | company | priority | playbook).
 */
import { linkParams } from '../../lib/link-params.ts';
import { formatLinkWhere, parseLinkWhere, type LinkWhere } from './columns/link-where.ts';
import { DEFAULT_SORT, SORT_KEYS, isSortKey, type SortKey } from './columns/sort-order.ts';

export const QUICK_FILTERS = ['mine', 'overdue', 'week'] as const;
export type QuickFilter = (typeof QUICK_FILTERS)[number];

export const QUICK_LABELS: Record<QuickFilter, string> = {
  mine: 'My tasks',
  overdue: 'Overdue',
  week: 'Due this week',
};

/** What the board's swimlanes group by (`group`); none when absent. */
export const GROUP_BYS = ['owner', 'company', 'priority', 'playbook'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface BoardState {
  q: string;
  owner: string | null;
  company: string | null;
  priority: string | null;
  /** In QUICK_FILTERS order, each once. */
  quick: QuickFilter[];
  sort: SortKey;
  /** The sort's direction turned round (`dir=reverse`): latest due, low priority, Z, oldest first. */
  reverse: boolean;
  playbook: string | null;
  where: LinkWhere | null;
  /** Swimlanes by this field; absent for the plain board. */
  group?: GroupBy;
}

export const EMPTY_BOARD_STATE: BoardState = {
  q: '',
  owner: null,
  company: null,
  priority: null,
  quick: [],
  sort: DEFAULT_SORT,
  reverse: false,
  playbook: null,
  where: null,
};

export interface ParsedBoardState {
  state: BoardState;
  /** Values that were dropped, in words. */
  problems: string[];
  /** Why the link's `where` cannot be used, or null. */
  whereError: string | null;
}

const isQuickFilter = (v: string): v is QuickFilter => (QUICK_FILTERS as readonly string[]).includes(v);

export function parseBoardParams(params: URLSearchParams): ParsedBoardState {
  const problems: string[] = [];
  const { text, list } = linkParams(params, problems);

  const state: BoardState = { ...EMPTY_BOARD_STATE, quick: [] };
  state.q = text('q', 'name search') ?? '';
  state.owner = text('owner', 'owner');
  state.company = text('company', 'company');
  state.priority = text('priority', 'priority');
  state.playbook = text('playbook', 'playbook');

  const asked = list('quick');
  if (asked) {
    const unknown = asked.filter((s) => !isQuickFilter(s));
    if (unknown.length > 0) {
      problems.push(`Unknown quick filter ${unknown.map((u) => `"${u}"`).join(', ')} in the link (known: ${QUICK_FILTERS.join(', ')}).`);
    }
    state.quick = QUICK_FILTERS.filter((f) => asked.includes(f));
  }

  const sort = params.get('sort');
  if (sort !== null && sort !== '') {
    if (isSortKey(sort)) state.sort = sort;
    else problems.push(`Unknown sort "${sort}" in the link (known: ${SORT_KEYS.join(', ')}); sorted by due date.`);
  }

  const dir = params.get('dir');
  if (dir === 'reverse') state.reverse = true;
  else if (dir !== null && dir !== '') problems.push(`Unknown direction "${dir}" in the link (known: reverse); sorted the usual way.`);

  const group = params.get('group');
  if ((GROUP_BYS as readonly (string | null)[]).includes(group)) state.group = group as GroupBy;
  else if (group) problems.push(`Unknown grouping "${group}" in the link (known: ${GROUP_BYS.join(', ')}); the board is not grouped.`);

  let whereError: string | null = null;
  const where = params.get('where');
  if (where !== null && where.trim() !== '') {
    const result = parseLinkWhere(where);
    if (result.ok) state.where = result.where.conditions.length > 0 ? result.where : null;
    else whereError = `The search filter in this link cannot be used: ${result.error}`;
  }
  return { state, problems, whereError };
}

/** The params for a state; defaults are left out, so the plain board is just `/board`. */
export function serializeBoardParams(state: BoardState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  if (state.owner) params.set('owner', state.owner);
  if (state.company) params.set('company', state.company);
  if (state.priority) params.set('priority', state.priority);
  const quick = QUICK_FILTERS.filter((f) => state.quick.includes(f));
  if (quick.length > 0) params.set('quick', quick.join(','));
  if (state.sort !== DEFAULT_SORT) params.set('sort', state.sort);
  if (state.reverse) params.set('dir', 'reverse');
  if (state.playbook) params.set('playbook', state.playbook);
  if (state.where && state.where.conditions.length > 0) params.set('where', formatLinkWhere(state.where));
  if (state.group) params.set('group', state.group);
  return params;
}

/** True when any filter narrows the board (the sort is not a filter). */
export function hasFilters(state: BoardState): boolean {
  return Boolean(state.q || state.owner || state.company || state.priority || state.playbook || state.where || state.quick.length > 0);
}
