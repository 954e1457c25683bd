/**
 * One status column: a landmark named by its status, its count, its own scrolling, and a drop
 * target as a whole (so an empty column takes drops). Loading, empty and failed columns each
 * have their look; a failed column does not hide the others.
 */
import { useDroppable, useDndContext } from '@dnd-kit/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import type { Task, TaskStatus } from '../../api/types.ts';
import { useNewTask } from '../../components/new-task/new-task-context.tsx';
import { ErrorMessage } from '../../components/query-status.tsx';
import type { ColumnQueryOptions } from './board-queries.ts';
import { ColumnCards } from './column-cards.tsx';
import { columnDomId, columnDropId } from './column-ids.ts';
import { columnCards, columnCount } from './move-logic.ts';

interface Props {
  status: TaskStatus;
  options: ColumnQueryOptions;
  pending: ReadonlyMap<string, TaskStatus>;
  onMoveTo: (task: Task, from: TaskStatus, to: TaskStatus) => void;
  today: string;
}

const NUMBER = new Intl.NumberFormat('en-US');
const tasksWord = (n: number) => `${NUMBER.format(n)} ${n === 1 ? 'task' : 'tasks'}`;

export function BoardColumn({ status, options, pending, onMoveTo, today }: Props) {
  const query = useInfiniteQuery(options);
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(status), data: { status } });
  const { active } = useDndContext();
  const { openNewTask } = useNewTask();
  const cards = useMemo(() => columnCards(query.data, status, pending), [query.data, status, pending]);
  const count = columnCount(query.data);
  const { fetchNextPage } = query;
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);

  return (
    <section
      ref={setNodeRef}
      id={columnDomId(status)}
      aria-label={status}
      tabIndex={-1}
      data-drop-target={isOver || undefined}
      className={`flex min-h-0 flex-col rounded-lg border focus:outline-none ${
        isOver ? 'border-blue-500 bg-blue-50 ring-2 ring-blue-500' : 'border-slate-200 bg-slate-100/70'
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
          aria-label={`Add task to ${status}`}
          onClick={() => openNewTask({ Status: status })}
          className="ml-auto rounded px-2 py-0.5 text-sm font-medium text-slate-700 hover:bg-white"
        >
          + Add
        </button>
      </header>
      {query.isPending ? (
        <ColumnSkeleton status={status} />
      ) : query.isError && !query.data ? (
        <div className="px-2">
          <ErrorMessage error={query.error} title={`Could not load ${status}`} onRetry={() => void query.refetch()} />
        </div>
      ) : cards.length === 0 && !query.hasNextPage ? (
        <p className="px-3 py-6 text-center text-sm text-slate-600">No tasks</p>
      ) : (
        <ColumnCards
          status={status}
          cards={cards}
          total={count ?? cards.length}
          activeId={active ? String(active.id) : null}
          hasNextPage={query.hasNextPage}
          isFetchingNextPage={query.isFetchingNextPage}
          nextPageError={query.isFetchNextPageError ? query.error : null}
          fetchNextPage={loadMore}
          onMoveTo={onMoveTo}
          today={today}
        />
      )}
    </section>
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
