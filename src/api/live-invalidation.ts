/**
 * Which cached queries a batch of live changes affects (the events of `GET /events`, see
 * src/lib/live-events.ts), read from the query keys alone (query-keys.ts), so no page's code is
 * needed to know which of its queries to refetch. Pure.
 *
 * A task change affects:
 * - the task's own detail;
 * - every task search that may hold the task before or after the change: a search is left alone
 *   only when the conditions it requires (all of them without an expression, the top-level AND
 *   terms of its expression) rule the task out both before and after, by its status (a board
 *   column's `Status EQ`), its playbook (a playbook's adoption) or its CTA, and its cached rows
 *   do not hold the task (so a card always leaves the column it was shown in);
 * - the pickers' suggestions, marked for a later, low-priority refresh.
 * A playbook change affects the playbook list and that playbook's detail. A reload affects
 * everything (the suggestions, as ever, later).
 */
import type { QueryKey } from '@tanstack/react-query';
import type { TaskChange } from '../lib/live-events.ts';
import { parseExpression, type Expr } from '../lib/search-expression.ts';
import { playbookKeys, taskKeys } from './query-keys.ts';
import type { SearchCondition, SearchRequest } from './types.ts';

/** What the live stream said since the last invalidation (the debounce collects it). */
export interface LiveBatch {
  tasks: TaskChange[];
  /** Playbooks that changed. */
  playbooks: ReadonlySet<string>;
  /** Refetch everything (too much was missed, the server restarted, or an event could not be read). */
  reload: boolean;
}

export const emptyBatch = (): LiveBatch => ({ tasks: [], playbooks: new Set(), reload: false });

export const isEmptyBatch = (batch: LiveBatch) => !batch.reload && batch.tasks.length === 0 && batch.playbooks.size === 0;

/**
 * How a batch touches a query: `now` (invalidate, refetch if shown), `later` (the pickers'
 * suggestions: mark stale, refresh at low priority) or `none`.
 */
export type LiveHit = 'now' | 'later' | 'none';

export function liveHit(batch: LiveBatch, key: QueryKey, data: unknown): LiveHit {
  if (isSuggestionsKey(key)) return batch.reload || batch.tasks.length > 0 ? 'later' : 'none';
  if (batch.reload) return 'now';
  if (isPlaybookKey(key)) return playbookHit(batch.playbooks, key) ? 'now' : 'none';
  if (!isTaskKey(key) || batch.tasks.length === 0) return 'none';
  const detail = taskDetailId(key);
  if (detail !== null) return batch.tasks.some((c) => c.id === detail) ? 'now' : 'none';
  const request = taskSearchRequest(key);
  // A task query of a kind not known here: refetching it is the safe side.
  if (request === null) return 'now';
  return batch.tasks.some((change) => searchMayHold(request, change) || holdsTask(data, change.id)) ? 'now' : 'none';
}

/** A changed playbook's detail, and the list (or any other playbook query) when any changed. */
function playbookHit(ids: ReadonlySet<string>, key: QueryKey): boolean {
  if (ids.size === 0) return false;
  const id = playbookDetailId(key);
  return id === null || ids.has(id);
}

/**
 * The values a task may have had, or has, in each field a change tells of (folded; null: any).
 * - Status: after and before. An unknown status may be any. A previous status of null (a new
 *   task, or one the mirror did not know) adds nothing: a column that shows the task is caught by
 *   its cached rows (`holdsTask`), and one that holds it unseen, past its loaded pages, is off by
 *   one in its count at worst, until its next refetch.
 * - Playbook: the task's own (a task never changes playbook; null is a task without one).
 * - CTA: the task's own (a task's CTA is fixed once created; null: not said).
 */
function knownValues(change: TaskChange): Record<'status' | 'playbookid' | 'ctaid', string[] | null> {
  const status = change.status === null ? null : [change.status, ...(change.previousStatus === null ? [] : [change.previousStatus])];
  return {
    status: status?.map(fold) ?? null,
    playbookid: change.playbookId === null ? [] : [fold(change.playbookId)],
    ctaid: change.ctaId === null ? null : [fold(change.ctaId)],
  };
}

/**
 * True when the search may return the task as it was before the change or as it is after (a
 * removed task: as it was). Only what the change tells (status, previous status, playbook, CTA)
 * can rule a task out. Values are compared ignoring case, which errs on the side of refetching.
 */
export function searchMayHold(request: SearchRequest, change: TaskChange): boolean {
  const required = requiredConditions(request);
  const known = knownValues(change);
  for (const field of ['status', 'playbookid', 'ctaid'] as const) {
    const allowed = allowedValues(required, field);
    const values = known[field];
    if (allowed === null || values === null) continue;
    if (!values.some((v) => allowed.has(v))) return false;
  }
  return true;
}

/** The conditions every row of the search meets: all of them without an expression, else the top-level AND terms. */
export function requiredConditions(request: SearchRequest): SearchCondition[] {
  const conditions = request.where?.conditions ?? [];
  const expression = request.where?.expression;
  if (!expression || expression.trim() === '') return conditions;
  let tree: Expr;
  try {
    tree = parseExpression(expression);
  } catch {
    return []; // the server refuses it; nothing is known
  }
  const aliases = new Set<string>();
  const walk = (node: Expr) => {
    if (node.kind === 'ref') aliases.add(node.alias);
    else if (node.kind === 'and') {
      walk(node.left);
      walk(node.right);
    }
  };
  walk(tree);
  return conditions.filter((c) => c.alias !== undefined && aliases.has(c.alias));
}

/**
 * The values (folded) a field may have in the search's rows, from its required `EQ` and `IN`
 * conditions on that field; null when they do not limit it.
 */
function allowedValues(required: readonly SearchCondition[], field: string): Set<string> | null {
  const lists: Set<string>[] = [];
  for (const condition of required) {
    if (typeof condition.name !== 'string' || condition.name.toLowerCase() !== field) continue;
    if (condition.operator !== 'EQ' && condition.operator !== 'IN') continue;
    const raw: unknown[] = Array.isArray(condition.value) ? condition.value : [condition.value];
    lists.push(new Set(raw.filter((v): v is string => typeof v === 'string').map(fold)));
  }
  const [first, ...rest] = lists;
  if (!first) return null;
  // Each required condition narrows the rows further: the intersection.
  return new Set([...first].filter((v) => rest.every((list) => list.has(v))));
}

const fold = (value: string) => value.trim().toLowerCase();

/**
 * True when cached data holds the task: a search result (`records`), the pages of a paged search,
 * or a list of rows. Such a query shows the task, so it must be refetched whatever its conditions.
 */
export function holdsTask(data: unknown, id: string, depth = 0): boolean {
  if (depth > 3 || typeof data !== 'object' || data === null) return false;
  if (Array.isArray(data)) return data.some((row) => isRow(row) && row.Gsid === id);
  const record = data as { records?: unknown; pages?: unknown };
  if (Array.isArray(record.records)) return holdsTask(record.records, id, depth + 1);
  if (Array.isArray(record.pages)) return record.pages.some((page) => holdsTask(page, id, depth + 1));
  return false;
}

const isRow = (value: unknown): value is { Gsid?: unknown } => typeof value === 'object' && value !== null;

// Reading keys back: the inverse of the factories in query-keys.ts (kept here, with the only code
// that needs it, so that it loads with live updates rather than with the first page).

const startsWith = (key: QueryKey, prefix: readonly unknown[]) => prefix.every((part, i) => key[i] === part);

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The request of a task search's key (any kind: plain, paged, all pages, a page's own), else null. */
function taskSearchRequest(key: QueryKey): SearchRequest | null {
  if (key.length < 3 || !startsWith(key, taskKeys.searches())) return null;
  const last = key[key.length - 1];
  return isRecord(last) ? (last as SearchRequest) : null;
}

/** The task id of a `taskKeys.detail` key, else null. */
function taskDetailId(key: QueryKey): string | null {
  return key.length === 3 && startsWith(key, taskKeys.details()) && typeof key[2] === 'string' ? key[2] : null;
}

/** The playbook id of a `playbookKeys.detail` key, else null. */
function playbookDetailId(key: QueryKey): string | null {
  return key.length === 3 && startsWith(key, playbookKeys.details()) && typeof key[2] === 'string' ? key[2] : null;
}

const isTaskKey = (key: QueryKey) => startsWith(key, taskKeys.all);
const isPlaybookKey = (key: QueryKey) => startsWith(key, playbookKeys.all);
const isSuggestionsKey = (key: QueryKey) => key.length === 2 && startsWith(key, taskKeys.suggestions());
