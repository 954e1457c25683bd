/**
 * The board with swimlanes (`group` in the URL), loaded only when grouping is on: a lane per
 * owner, company, priority or playbook across the four status columns, each with its name, its
 * count and a collapse button. Lanes are a virtual list (only the lanes in view are drawn, and
 * only their cells searched) and each cell is a virtual list of cards (the board's own). The
 * moves are the board's (useMoveTask: optimistic, rollback with the reason, Undo, stale check);
 * a drop in another owner's or priority's lane also sets that field (lane-logic.ts).
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { memo, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { usePlaybooks } from '../../../api/playbooks.ts';
import { useSuggestions } from '../../../api/suggestions.ts';
import { taskSearchInfiniteQueryOptions } from '../../../api/tasks.ts';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../../api/types.ts';
import { ErrorMessage } from '../../../components/query-status.tsx';
import type { BoardState, GroupBy } from '../board-url-state.ts';
import { PlaybookIndexContext, playbookIndex } from '../cards/playbook-index.ts';
import { boardScope, type ColumnQuery } from '../columns/board-queries.ts';
import { ColumnCards } from '../columns/column-cards.tsx';
import { useNextPages } from '../columns/next-pages.ts';
import { boardWhere, filterHidesColumn, type BoardContext } from '../columns/column-request.ts';
import { orderByOf, type OrderBy } from '../columns/sort-order.ts';
import { useVirtualList } from '../columns/use-virtual-list.ts';
import { DragLayer } from '../dnd/drag-layer.tsx';
import { createDragRegistry, type CellTarget } from '../dnd/drag-registry.ts';
import { DragRegistryContext, useActiveDragId } from '../dnd/use-board-drag.ts';
import { FocusRequestsContext, createFocusRequests } from '../moves/focus-requests.ts';
import { columnView, type PendingMove } from '../moves/move-logic.ts';
import { useMoveTask, usePendingMoves } from '../moves/use-move-task.ts';
import { useCollapsedLanes } from './collapsed-lanes.ts';
import { cellDropId } from './lane-keys.ts';
import { GROUP_LABELS, cellSearch, laneKeyOf, laneList, planDrop, priorityValues, type Lane, type LaneValue } from './lane-logic.ts';

interface Props {
  state: BoardState;
  context: BoardContext;
}

const NUMBER = new Intl.NumberFormat('en-US');
const tasksWord = (n: number) => `${NUMBER.format(n)} ${n === 1 ? 'task' : 'tasks'}`;

/** A card's height and gap in a cell (as the columns draw them), and the most rows a cell shows. */
const ROW = 112;
const MAX_ROWS = 3;

/** The values lanes are made of, from the lists the app has (null while one loads). */
function useLaneValues(group: GroupBy): { values: LaneValue[] | null; error: unknown; retry: () => void } {
  const { data: suggested, error: suggestionsError, refetch: refetchSuggestions } = useSuggestions();
  const { data: playbooks, error: playbooksError, refetch: refetchPlaybooks } = usePlaybooks();
  // Made again only when a list changes (not on every draw: the lanes, their searches and drop
  // targets follow from it).
  return useMemo(() => {
    if (group === 'playbook') {
      const values = playbooks?.flatMap((p) => (p.Gsid ? [{ value: p.Gsid, label: p.Name?.trim() || 'Unnamed playbook' }] : []));
      return { values: values ?? null, error: playbooks ? null : playbooksError, retry: () => void refetchPlaybooks() };
    }
    const retry = () => void refetchSuggestions();
    if (group === 'priority') return { values: priorityValues(suggested?.priorities), error: null, retry };
    if (!suggested) return { values: null, error: suggestionsError, retry };
    if (group === 'owner') return { values: suggested.owners.map((o) => ({ value: o.ownerId, label: o.ownerName })), error: null, retry };
    const companies = new Map<string, string>();
    for (const c of suggested.ctas)
      if (c.companyId && !companies.has(c.companyId)) companies.set(c.companyId, c.companyName || c.companyId);
    return { values: [...companies].map(([value, label]) => ({ value, label })), error: null, retry };
  }, [group, suggested, suggestionsError, refetchSuggestions, playbooks, playbooksError, refetchPlaybooks]);
}

export default function Swimlanes({ state, context }: Props) {
  const group: GroupBy = state.group ?? 'owner';
  const { values, error, retry } = useLaneValues(group);
  const lanes = useMemo(() => (values ? laneList(group, values, state, context) : []), [values, group, state, context]);
  const where = useMemo(() => boardWhere(state, context), [state, context]);
  // Each cell's search: the column's with the lane's condition.
  const cells = useMemo(
    () =>
      new Map(
        lanes.map((lane) => [
          lane.key,
          Object.fromEntries(
            TASK_STATUSES.map((status) => {
              const search = cellSearch(where, lane, status, state);
              return [
                status,
                search.ok
                  ? { options: taskSearchInfiniteQueryOptions(search.request), problem: null }
                  : { options: null, problem: search.problem },
              ];
            }),
          ) as Record<TaskStatus, ColumnQuery>,
        ]),
      ),
    [lanes, where, state],
  );
  const orderBy = orderByOf(state.sort, state.reverse);
  const scope = useMemo(() => boardScope(state, context), [state, context]);
  const quick = state.quick;
  const hiddenIn = useCallback((status: TaskStatus) => filterHidesColumn({ quick }, status), [quick]);
  const laneOf = useCallback((task: Task) => laneKeyOf(task, group, lanes), [group, lanes]);
  const cellKeys = useCallback(
    () =>
      lanes.flatMap((lane) =>
        TASK_STATUSES.flatMap((status) => {
          const options = cells.get(lane.key)?.[status].options;
          return options
            ? [{ queryKey: options.queryKey, holds: (task: Task) => task.Status === status && laneOf(task) === lane.key }]
            : [];
        }),
      ),
    [lanes, cells, laneOf],
  );
  const columnKey = useCallback(() => null, []);
  const move = useMoveTask({ columnKey, orderBy, scope, hiddenIn, cells: cellKeys });
  const pending = usePendingMoves();
  const playbooks = usePlaybooks().data;
  const playbookNames = useMemo(() => (playbooks ? playbookIndex(playbooks) : null), [playbooks]);
  const [focusRequests] = useState(createFocusRequests);
  const [dragRegistry] = useState(createDragRegistry);
  const { collapsed, toggle } = useCollapsedLanes(group);

  const onMoveTo = useCallback(
    (task: Task, from: TaskStatus, to: TaskStatus) => {
      if (task.Gsid) focusRequests.request({ gsid: task.Gsid, status: to, target: 'menu' }, () => undefined);
      move({ task, from, to });
    },
    [focusRequests, move],
  );

  let body;
  if (!values) {
    body = error ? (
      <ErrorMessage error={error} title={`Could not load the ${GROUP_LABELS[group].toLowerCase()} lanes`} onRetry={retry} />
    ) : (
      <p role="status" className="p-4 text-sm text-slate-700">
        Loading the {GROUP_LABELS[group].toLowerCase()} lanes…
      </p>
    );
  } else {
    body = (
      <LaneList
        lanes={lanes}
        cells={cells}
        group={group}
        collapsed={collapsed}
        toggle={toggle}
        pending={pending}
        orderBy={orderBy}
        scope={scope}
        onMoveTo={onMoveTo}
        today={context.today}
        laneOf={laneOf}
        state={state}
      />
    );
  }

  return (
    <FocusRequestsContext value={focusRequests}>
      <PlaybookIndexContext value={playbookNames}>
        <DragRegistryContext value={dragRegistry}>
          {body}
          <DragLayer registry={dragRegistry} onMove={move} today={context.today} />
        </DragRegistryContext>
      </PlaybookIndexContext>
    </FocusRequestsContext>
  );
}

/** What every lane and cell is drawn from, handed down from the board. */
interface SharedLaneProps {
  lanes: Lane[];
  group: GroupBy;
  toggle: (key: string) => void;
  pending: ReadonlyMap<string, PendingMove>;
  orderBy: OrderBy;
  scope: string;
  onMoveTo: (task: Task, from: TaskStatus, to: TaskStatus) => void;
  today: string;
  laneOf: (task: Task) => string;
  state: BoardState;
}

interface ListProps extends SharedLaneProps {
  cells: Map<string, Record<TaskStatus, ColumnQuery>>;
  collapsed: string[];
}

/** The lanes as a virtual list in the board's scroll box, under a row naming the columns. */
function LaneList({ cells, collapsed, ...shared }: ListProps) {
  const { lanes, group, laneOf } = shared;
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeId = useActiveDragId();
  const activeLane = useActiveLane(activeId, laneOf);
  const keyOf = useCallback((index: number) => lanes[index]?.key ?? String(index), [lanes]);
  const { items, totalSize, measure } = useVirtualList({
    count: lanes.length,
    keyOf,
    estimateSize: 48 + ROW,
    gap: 12,
    overscan: 1,
    scrollRef,
    keepIndex: activeLane ? lanes.findIndex((l) => l.key === activeLane) : -1,
  });
  return (
    <div ref={scrollRef} className="h-full overflow-auto rounded-lg border border-slate-200 bg-slate-50">
      <div className="min-w-[56rem]">
        <div aria-hidden="true" className="sticky top-0 z-10 grid grid-cols-4 gap-2 border-b border-slate-200 bg-slate-50 px-3 py-2">
          {TASK_STATUSES.map((status) => (
            <div key={status} className="text-sm font-semibold text-slate-900">
              {status}
            </div>
          ))}
        </div>
        <div role="list" aria-label={`Lanes by ${GROUP_LABELS[group].toLowerCase()}`} className="relative" style={{ height: totalSize }}>
          {items.map((item) => {
            const lane = lanes[item.index];
            const laneCells = lane ? cells.get(lane.key) : undefined;
            if (!lane || !laneCells) return null;
            return (
              <SwimLane
                {...shared}
                key={item.key}
                index={item.index}
                start={item.start}
                measure={measure}
                lane={lane}
                cells={laneCells}
                collapsed={collapsed.includes(lane.key)}
                activeId={activeId}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The lane of the dragged card (kept drawn while it is dragged, even scrolled out of view). */
function useActiveLane(activeId: string | null, laneOf: (task: Task) => string): string | null {
  const registry = useContext(DragRegistryContext);
  // Read once as the drag starts (the dragged card is registered then).
  return useMemo(() => {
    const entry = activeId ? [...(registry?.registrations().cards.values() ?? [])].find((c) => c.id === activeId) : undefined;
    return entry ? laneOf(entry.data.task) : null;
  }, [activeId, registry, laneOf]);
}

interface LaneProps extends SharedLaneProps {
  index: number;
  start: number;
  measure: (element: HTMLElement | null) => void;
  lane: Lane;
  cells: Record<TaskStatus, ColumnQuery>;
  collapsed: boolean;
  activeId: string | null;
}

/** One lane: its header (name, count, collapse) and, unless collapsed, its four cells. */
const SwimLane = memo(function SwimLane(props: LaneProps) {
  const { index, start, measure, lane, collapsed, toggle, cells } = props;
  const [counts, setCounts] = useState<Partial<Record<TaskStatus, number>>>({});
  const onCount = useCallback((status: TaskStatus, count: number | undefined) => {
    setCounts((current) => (current[status] === count ? current : { ...current, [status]: count }));
  }, []);
  const known = TASK_STATUSES.map((s) => counts[s]);
  const total = known.every((n) => n !== undefined) ? known.reduce<number>((sum, n) => sum + (n ?? 0), 0) : undefined;
  const most = Math.max(0, ...known.map((n) => n ?? 1));
  const height = most === 0 ? 48 : Math.min(most, MAX_ROWS) * ROW + 8;
  const bodyId = `lane-${index}-cells`;
  // "Other …" (values none of the lists holds) is there so no task is lost: it is shown once a cell
  // says it holds one (its cells stay mounted and searched while it is hidden), so a lane that
  // turns out empty never shows and moves the lanes below.
  const emptyOther = lane.kind === 'other' && !known.some((n) => (n ?? 0) > 0);

  return (
    <section
      ref={measure}
      data-index={index}
      role="listitem"
      aria-label={lane.label}
      hidden={emptyOther}
      style={{ position: 'absolute', top: start, left: 0, right: 0 }}
      className="px-2"
    >
      <div className="rounded-lg border border-slate-200 bg-white/60">
        <header className="flex items-center gap-2 px-3 py-1.5">
          <h2 className="text-sm font-semibold text-slate-900">
            {lane.label}
            {total !== undefined && (
              <span className="ml-2 rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200">
                <span className="sr-only">, </span>
                {tasksWord(total)}
              </span>
            )}
          </h2>
          <button
            type="button"
            aria-expanded={!collapsed}
            aria-controls={collapsed ? undefined : bodyId}
            aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${lane.label}`}
            onClick={() => toggle(lane.key)}
            className="ml-auto rounded px-2 py-0.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
          >
            {collapsed ? 'Expand' : 'Collapse'}
          </button>
        </header>
        <div id={bodyId} className={collapsed ? 'hidden' : 'grid grid-cols-4 gap-2 px-2 pb-2'} style={collapsed ? undefined : { height }}>
          {TASK_STATUSES.map((status) => {
            const cell = cells[status];
            return cell.options ? (
              <LaneCell key={status} {...props} status={status} options={cell.options} onCount={onCount} />
            ) : (
              <div key={status} role="alert" className="rounded border border-amber-300 bg-amber-50 p-2 text-xs text-amber-950">
                {cell.problem}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
});

const noSubscription = () => () => {};

/** A cell as a drop target (`id` unique on the board): a ref for its element, and whether the dragged card is over it. */
function useCellDrop(id: string, target: CellTarget) {
  const registry = useContext(DragRegistryContext);
  const ref = useMemo(() => (element: HTMLElement | null) => registry?.setCell(id, target, element), [registry, id, target]);
  const isOver = useSyncExternalStore(registry?.onPublished ?? noSubscription, () => registry?.isOver(id) ?? false);
  return { ref, isOver };
}

interface CellProps extends LaneProps {
  status: TaskStatus;
  options: NonNullable<ColumnQuery['options']>;
  onCount: (status: TaskStatus, count: number | undefined) => void;
}

/**
 * One lane x status cell: its search (run while the lane is drawn, collapsed or not, for the
 * lane's count), a drop target, and its cards when the lane is open.
 */
function LaneCell({
  lane,
  lanes,
  group,
  status,
  options,
  onCount,
  collapsed,
  pending,
  orderBy,
  scope,
  onMoveTo,
  today,
  laneOf,
  state,
  activeId,
}: CellProps) {
  const query = useInfiniteQuery(options);
  const endsHere = useCallback((move: PendingMove) => move.to === status && laneOf(move.task) === lane.key, [status, laneOf, lane.key]);
  const { cards, count } = useMemo(
    () => columnView(query.data, status, pending, orderBy, scope, endsHere),
    [query.data, status, pending, orderBy, scope, endsHere],
  );
  useEffect(() => onCount(status, count), [onCount, status, count]);
  const target = useMemo<CellTarget>(
    () => ({
      status,
      lane: lane.label,
      holds: ({ task, status: from }) => from === status && laneOf(task) === lane.key,
      plan: ({ task, status: from }) => planDrop(group, lanes, task, from, lane, status),
    }),
    [status, lane, group, lanes, laneOf],
  );
  const { ref, isOver } = useCellDrop(cellDropId(lane.key, status), target);
  const pages = useNextPages(query);
  if (collapsed) return null;
  const emptyNote = filterHidesColumn(state, status);

  return (
    <div
      ref={ref}
      role="group"
      aria-label={`${lane.label}, ${status}${count !== undefined ? `, ${tasksWord(count)}` : ''}`}
      data-drop-target={isOver || undefined}
      className={`flex min-h-0 flex-col rounded-md border ${isOver ? 'border-blue-500 bg-blue-50 ring-2 ring-blue-500' : 'border-slate-200 bg-slate-100/70'}`}
    >
      {query.isPending ? (
        <div role="status" className="m-2 h-16 animate-pulse rounded bg-white/80">
          <span className="sr-only">
            Loading {lane.label}, {status}…
          </span>
        </div>
      ) : query.isError && !query.data ? (
        <div className="overflow-auto p-1">
          <ErrorMessage error={query.error} title={`Could not load ${lane.label}, ${status}`} onRetry={() => void query.refetch()} />
        </div>
      ) : cards.length === 0 && !query.hasNextPage ? (
        <p className="px-2 py-3 text-center text-xs text-slate-600">{emptyNote ? 'Hidden by Overdue' : 'No tasks'}</p>
      ) : (
        <ColumnCards
          status={status}
          cards={cards}
          total={count ?? cards.length}
          activeId={activeId}
          pages={pages}
          onMoveTo={onMoveTo}
          today={today}
          overscan={1}
        />
      )}
    </div>
  );
}
