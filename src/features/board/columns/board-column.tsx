/**
 * One status column: a landmark named by its status, its count, its own scrolling, and a drop
 * target as a whole (so an empty column takes drops). Loading, empty and failed columns each
 * have their look; a failed column does not hide the others.
 */
import { useInfiniteQuery } from '@tanstack/react-query';
import { useContext, useMemo, useRef, type Ref } from 'react';
import { isApiError } from '../../../api/errors.ts';
import type { SearchRequest, Task, TaskStatus } from '../../../api/types.ts';
import { useNewTask } from '../../../components/new-task/new-task-context.tsx';
import { ErrorMessage } from '../../../components/query-status.tsx';
import { ToastContext } from '../../../components/toast/toasts.tsx';
import { SelectionContext } from '../../../components/bulk/selection-store.ts';
import type { ColumnQueryOptions } from './board-queries.ts';
import { ColumnCards } from './column-cards.tsx';
import { useNextPages } from './next-pages.ts';
import { columnDomId } from './column-ids.ts';
import { columnView, type PendingMove } from '../moves/move-logic.ts';
import type { OrderBy } from './sort-order.ts';
import { useActiveDragId, useColumnDrop } from '../dnd/use-board-drag.ts';

interface Props {
  status: TaskStatus;
  options: ColumnQueryOptions;
  /** Running moves, laid over the column's cached rows. */
  pending: ReadonlyMap<string, PendingMove>;
  orderBy: OrderBy;
  /** The board's filters (see boardScope). */
  scope: string;
  onMoveTo: (task: Task, from: TaskStatus, to: TaskStatus) => void;
  today: string;
  /** On a phone the board shows one column at a time: the others are hidden there. */
  hiddenOnPhone?: boolean;
  /** The owner "+ Add" presets: the one owner whose tasks the board shows, if any. */
  newTaskOwner?: string | null;
  /** Why the filters leave this column empty, said instead of "No tasks" (see filterHidesColumn). */
  emptyNote?: string | null;
}

const PHONE_HIDDEN = 'max-sm:hidden';

const errorText = (error: unknown) => (isApiError(error) ? error.errorDesc : error instanceof Error ? error.message : String(error));

const NUMBER = new Intl.NumberFormat('en-US');
const tasksWord = (n: number) => `${NUMBER.format(n)} ${n === 1 ? 'task' : 'tasks'}`;

export function BoardColumn({
  status,
  options,
  pending,
  orderBy,
  scope,
  onMoveTo,
  today,
  hiddenOnPhone = false,
  newTaskOwner = null,
  emptyNote = null,
}: Props) {
  const query = useInfiniteQuery(options);
  const { ref: dropRef, isOver } = useColumnDrop(status);
  const activeId = useActiveDragId();
  const { openNewTask } = useNewTask();
  const { cards, count } = useMemo(
    () => columnView(query.data, status, pending, orderBy, scope),
    [query.data, status, pending, orderBy, scope],
  );
  // The dragged card is over its own column: a drop here changes nothing, and the column says so.
  const refuses = isOver && activeId !== null && cards.some((task) => task.Gsid === activeId);
  const pages = useNextPages(query);
  const selection = useContext(SelectionContext);
  const toast = useContext(ToastContext);
  // Every task of the column: the loaded cards at once, the rest read by id (up to a bulk change's cap).
  const selectColumn = () => {
    const request = query.hasNextPage ? (options.queryKey.at(-1) as SearchRequest) : null;
    if (selection)
      void import('../../../components/bulk/select-matching.ts').then((m) => m.selectColumn(selection, cards, request, status, toast));
  };
  const refreshAlert = useRef<HTMLDivElement>(null);
  const retryRefresh = () =>
    void query.refetch().then((result) => {
      // The alert goes once the column is fresh: a keyboard user on its button stays in the column.
      if (!result.isError && refreshAlert.current?.contains(document.activeElement)) document.getElementById(columnDomId(status))?.focus();
    });

  return (
    <section
      ref={dropRef}
      id={columnDomId(status)}
      aria-label={status}
      tabIndex={-1}
      data-drop-target={(isOver && !refuses) || undefined}
      data-drop-refused={refuses || undefined}
      className={`flex min-h-0 flex-col rounded-lg border focus:outline-none ${hiddenOnPhone ? PHONE_HIDDEN : ''} ${
        refuses
          ? 'border-dashed border-amber-500 bg-amber-50 ring-2 ring-amber-400'
          : isOver
            ? 'border-blue-500 bg-blue-50 ring-2 ring-blue-500'
            : 'border-slate-200 bg-slate-100/70'
      }`}
    >
      <header className="flex items-center gap-2 px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-900">
          {status}
          {count !== undefined && (
            <span className="ml-2 rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200">
              <span className="sr-only">, </span>
              {tasksWord(count)}
            </span>
          )}
        </h2>
        <button
          type="button"
          aria-label={`Select all in ${status}`}
          disabled={cards.length === 0}
          onClick={selectColumn}
          className="ml-auto rounded px-2 py-0.5 text-sm font-medium text-slate-700 hover:bg-white disabled:hidden"
        >
          Select all
        </button>
        <button
          type="button"
          aria-label={`Add task to ${status}`}
          onClick={() => openNewTask(newTaskOwner ? { Status: status, OwnerId: newTaskOwner } : { Status: status })}
          className="rounded px-2 py-0.5 text-sm font-medium text-slate-700 hover:bg-white"
        >
          + Add
        </button>
      </header>
      {refuses && (
        // Seen while the card is over its own column (the drag's announcements say it to screen readers).
        <p aria-hidden="true" className="mx-2 mb-1 rounded bg-amber-100 px-2 py-1 text-xs font-medium text-amber-950">
          Already in {status}. Drop on another column to change the status.
        </p>
      )}
      {query.isRefetchError && (
        // The cards stay (they are what the column last loaded); the failure is told, with a retry.
        <RefreshError ref={refreshAlert} status={status} error={query.error} retrying={query.isFetching} onRetry={retryRefresh} />
      )}
      {query.isPending ? (
        <ColumnSkeleton status={status} />
      ) : query.isError && !query.data ? (
        <div className="px-2">
          <ErrorMessage error={query.error} title={`Could not load ${status}`} onRetry={() => void query.refetch()} />
        </div>
      ) : cards.length === 0 && !query.hasNextPage ? (
        <p className="px-3 py-6 text-center text-sm text-slate-600">{emptyNote ?? 'No tasks'}</p>
      ) : (
        <ColumnCards
          status={status}
          cards={cards}
          total={count ?? cards.length}
          activeId={activeId}
          pages={pages}
          onMoveTo={onMoveTo}
          today={today}
        />
      )}
    </section>
  );
}

/**
 * A column whose search the board cannot run with these filters (a link's search that leaves no
 * room for them): the column is there, and says why it is not shown.
 */
export function ColumnProblem({
  status,
  problem,
  hiddenOnPhone = false,
}: {
  status: TaskStatus;
  problem: string;
  hiddenOnPhone?: boolean;
}) {
  return (
    <section
      id={columnDomId(status)}
      aria-label={status}
      tabIndex={-1}
      className={`flex min-h-0 flex-col rounded-lg border border-slate-200 bg-slate-100/70 focus:outline-none ${hiddenOnPhone ? PHONE_HIDDEN : ''}`}
    >
      <header className="px-3 py-2">
        <h2 className="text-sm font-semibold text-slate-900">{status}</h2>
      </header>
      <div role="alert" className="mx-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
        <p className="font-semibold">This column cannot be shown with these filters</p>
        <p className="mt-1">{problem}</p>
      </div>
    </section>
  );
}

interface RefreshErrorProps {
  ref: Ref<HTMLDivElement>;
  status: TaskStatus;
  error: unknown;
  retrying: boolean;
  onRetry: () => void;
}

/** A refetch of a column that has cards failed: small, above the cards, with the reason and a retry. */
function RefreshError({ ref, status, error, retrying, onRetry }: RefreshErrorProps) {
  return (
    <div ref={ref} role="alert" className="mx-2 mb-2 rounded border border-red-200 bg-red-50 px-2 py-1.5 text-xs text-red-900">
      <p>
        <span className="font-semibold">Could not refresh {status}:</span> {errorText(error)}
      </p>
      <p className="mt-0.5">These cards may be out of date.</p>
      <button
        type="button"
        onClick={onRetry}
        aria-disabled={retrying || undefined}
        className="mt-1 rounded border border-red-300 bg-white px-2 py-0.5 font-medium hover:bg-red-100 aria-disabled:opacity-60"
      >
        {retrying ? 'Trying again…' : 'Try again'}
      </button>
    </div>
  );
}

function ColumnSkeleton({ status }: { status: TaskStatus }) {
  return (
    <div role="status" className="space-y-2 px-2 pb-2">
      <span className="sr-only">Loading {status} tasks…</span>
      {[0, 1, 2].map((i) => (
        <div key={i} aria-hidden="true" className="h-20 animate-pulse rounded-md bg-white/80 ring-1 ring-slate-200" />
      ))}
    </div>
  );
}
