/**
 * Swimlanes: the board grouped by a field (owner, company, priority, playbook). Each lane runs
 * across the four status columns; each lane x status cell is the column's search plus the lane's
 * condition. Pure: the lane list, a lane's condition, which lane a task is in, and what a drop
 * in another lane changes (the status only, unless the lanes are by owner or priority).
 *
 * Lanes come from the lists the app already has (owners and companies seen in tasks, the
 * priorities, the playbooks), plus "Other …" for values none of those lists holds (so every task
 * is in exactly one lane) and "No …" for tasks without a value.
 */
import type { SearchCondition, SearchRequest, Task, TaskStatus } from '../../../api/types.ts';
import { MAX_IN_VALUES } from '../../../lib/search/limits.ts';
import { PRIORITIES, priorityRank } from '../../../lib/priorities.ts';
import type { BoardState, GroupBy } from '../board-url-state.ts';
import { freshAlias, type BoardContext, type BoardWhere } from '../columns/column-request.ts';
import { columnSearch, type ColumnSearch } from '../columns/column-search.ts';
import type { FieldChange } from '../../../lib/task-change/put-input.ts';

/** The task field each grouping reads. */
const GROUP_FIELD = {
  owner: 'OwnerId',
  company: 'CompanyId',
  priority: 'Priority',
  playbook: 'PlaybookId',
} as const satisfies Record<GroupBy, keyof Task>;

export const GROUP_LABELS: Record<GroupBy, string> = { owner: 'Owner', company: 'Company', priority: 'Priority', playbook: 'Playbook' };

const NONE_LABELS: Record<GroupBy, string> = { owner: 'No owner', company: 'No company', priority: 'No priority', playbook: 'No playbook' };
const OTHER_LABELS: Record<GroupBy, string> = {
  owner: 'Other owners',
  company: 'Other companies',
  priority: 'Other priorities',
  playbook: 'Other playbooks',
};

/** A lane: a value of the field, the tasks without one ("none"), or values no list holds ("other"). */
export interface Lane {
  /** Unique in the board: `v:<value>`, `none` or `other`. */
  key: string;
  kind: 'value' | 'none' | 'other';
  /** The field's value (kind "value"), else null. */
  value: string | null;
  label: string;
  /** What a task must meet to be in the lane (besides the board's filters and the status). */
  conditions: Omit<SearchCondition, 'alias'>[];
}

/** A value a lane can be for, with its name in words. */
export interface LaneValue {
  value: string;
  label: string;
}

const NO_LANE_KEY = 'none';
const OTHER_LANE_KEY = 'other';
const valueKey = (value: string) => `v:${value}`;

const byLabel = (a: LaneValue, b: LaneValue) =>
  a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }) || a.value.localeCompare(b.value);

/** The filter of the board on the grouped field, if any: then there is one lane, that value's. */
function filteredValue(group: GroupBy, state: BoardState, context: Pick<BoardContext, 'me'>): string | null {
  if (group === 'owner') return state.owner ?? (state.quick.includes('mine') ? context.me : null);
  if (group === 'company') return state.company;
  if (group === 'priority') return state.priority;
  return state.playbook;
}

/**
 * The lanes, in order: the known values (by name; priorities in picklist order), then "Other"
 * (values outside the list, when a list was given), then "No …". A board filtered to one value of
 * the field has that value's lane only.
 */
export function laneList(group: GroupBy, known: readonly LaneValue[], state: BoardState, context: Pick<BoardContext, 'me'>): Lane[] {
  const field = GROUP_FIELD[group];
  const only = filteredValue(group, state, context);
  const valueLane = ({ value, label }: LaneValue): Lane => ({
    key: valueKey(value),
    kind: 'value',
    value,
    label,
    conditions: [{ name: field, operator: 'EQ', value: [value] }],
  });
  if (only) return [valueLane(known.find((k) => k.value === only) ?? { value: only, label: only })];
  const seen = new Set<string>();
  const values = known.filter((k) => k.value && !seen.has(k.value) && seen.add(k.value));
  const sorted =
    group === 'priority'
      ? [...values].sort((a, b) => priorityRank(a.value) - priorityRank(b.value) || byLabel(a, b))
      : [...values].sort(byLabel);
  const lanes = sorted.map(valueLane);
  // Values the lists do not hold (an owner not among the recent tasks'): one lane, so no task is lost.
  const listed = sorted.map((v) => v.value).slice(0, MAX_IN_VALUES);
  lanes.push({
    key: OTHER_LANE_KEY,
    kind: 'other',
    value: null,
    label: OTHER_LABELS[group],
    conditions: [
      { name: field, operator: 'IS_NOT_NULL', value: [] },
      ...(listed.length > 0 ? [{ name: field, operator: 'NOT_IN' as const, value: listed }] : []),
    ],
  });
  lanes.push({
    key: NO_LANE_KEY,
    kind: 'none',
    value: null,
    label: NONE_LABELS[group],
    conditions: [{ name: field, operator: 'IS_NULL', value: [] }],
  });
  return lanes;
}

/** The priorities a lane list starts from: the picklist's and any other seen in tasks. */
export function priorityValues(seen: readonly string[] = []): LaneValue[] {
  return [...new Set([...PRIORITIES, ...seen])].map((p) => ({ value: p, label: p }));
}

/** The key of the lane a task is in. */
export function laneKeyOf(task: Task, group: GroupBy, lanes: readonly Lane[]): string {
  const value = task[GROUP_FIELD[group]];
  if (value === undefined || value === null || value === '') return NO_LANE_KEY;
  const key = valueKey(String(value));
  return lanes.some((l) => l.key === key) ? key : OTHER_LANE_KEY;
}

/** The board's conditions with the lane's added (ANDed, like the board's own filters). */
function laneWhere(where: BoardWhere, lane: Lane): BoardWhere {
  const used = new Set(where.used);
  const added = lane.conditions.map((c) => ({ ...c, alias: freshAlias(used, 'Lane') }));
  return {
    ...where,
    conditions: [...where.conditions, ...added],
    ownAliases: [...where.ownAliases, ...added.map((c) => c.alias)],
    used,
    own: [...where.own, ...added.map((condition) => ({ condition, filter: 'the lane' }))],
  };
}

/** A lane cell shows a few cards: its pages are smaller than a column's. */
export const CELL_PAGE_SIZE = 20;

/** The search of one lane x status cell: the column's, with the lane's condition. */
export function cellSearch(where: BoardWhere, lane: Lane, status: TaskStatus, state: Pick<BoardState, 'sort' | 'reverse'>): ColumnSearch {
  const search = columnSearch(laneWhere(where, lane), status, state);
  if (!search.ok) return search;
  const request: SearchRequest = { ...search.request, limit: CELL_PAGE_SIZE };
  return { ok: true, request };
}

const changeWords = (group: 'owner' | 'priority', lane: Lane) => (lane.kind === 'none' ? `no ${group}` : `${group} ${lane.label}`);

/**
 * What a drop from `from` to `to` changes besides the status: the owner or the priority when the
 * lanes are by one of those and the lanes differ; nothing otherwise (company and playbook are not
 * a task's to change, and "Other …" names no value to set).
 */
export function laneChange(group: GroupBy, from: Lane | undefined, to: Lane | undefined): FieldChange | null {
  if (!to || !from || from.key === to.key || to.kind === 'other') return null;
  if (group !== 'owner' && group !== 'priority') return null;
  const change: FieldChange = { field: GROUP_FIELD[group], value: to.value, words: changeWords(group, to) };
  if (group === 'owner' && to.value) change.name = to.label;
  return change;
}

/** The change that undoes `change` on `task` (its value before the move). */
function undoChange(change: FieldChange, task: Task): FieldChange {
  const value = task[change.field] ?? null;
  if (change.field === 'OwnerId') {
    const name = task.OwnerName ?? value ?? undefined;
    return { field: 'OwnerId', value, words: value ? `owner ${name}` : 'no owner', ...(name && value ? { name } : {}) };
  }
  return { field: 'Priority', value, words: value ? `priority ${value}` : 'no priority' };
}

/**
 * The drop's words: "Moved X to In Progress and to owner Jane.", "Moved X to owner Jane (still in
 * In Progress).", or, for lanes whose field a move does not change, that the task stays in its lane.
 */
function dropWords(
  name: string,
  from: TaskStatus,
  to: TaskStatus,
  change: FieldChange | null,
  crossed: { group: GroupBy; stays: string } | null,
): string {
  if (change) return from === to ? `Moved ${name} to ${change.words} (still in ${to}).` : `Moved ${name} to ${to} and to ${change.words}.`;
  const moved = `Moved ${name} to ${to}.`;
  return crossed
    ? `${moved} A move does not change the ${GROUP_LABELS[crossed.group].toLowerCase()}: it stays in ${crossed.stays}.`
    : moved;
}

/** What a drop of `task` (shown in `from`) on the cell of `toLane` x `toStatus` does. */
export type DropPlan =
  { move: { task: Task; from: TaskStatus; to: TaskStatus; change?: FieldChange; undo?: FieldChange }; words: string } | { refused: string };

/**
 * A drop on a swimlane cell: a move (the status, and the owner or priority when the lanes are by
 * one of those), with the words to announce; or, when it would change nothing, why not.
 */
export function planDrop(group: GroupBy, lanes: readonly Lane[], task: Task, from: TaskStatus, toLane: Lane, to: TaskStatus): DropPlan {
  const name = task.Name ?? 'task';
  const fromLane = lanes.find((l) => l.key === laneKeyOf(task, group, lanes));
  const change = laneChange(group, fromLane, toLane);
  const sameLane = !fromLane || fromLane.key === toLane.key;
  if (from === to && !change) {
    return {
      refused: sameLane
        ? `${name} stays in ${from}: cards in a cell follow the board's sort and cannot be reordered by hand. Drop it on another column to change its status.`
        : toLane.kind === 'other'
          ? `${name} stays where it is: "${toLane.label}" names no ${group} to give it. Drop it on a named lane or another column.`
          : `${name} stays in ${fromLane.label}: moving a card does not change its ${GROUP_LABELS[group].toLowerCase()}. Drop it on another column to change its status.`,
    };
  }
  const crossed = !sameLane && !change ? { group, stays: fromLane.label } : null;
  const move = change ? { task, from, to, change, undo: undoChange(change, task) } : { task, from, to };
  return { move, words: dropWords(name, from, to, change, crossed) };
}
