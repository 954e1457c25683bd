/**
 * A column's cards as a virtual list (only the cards in view, plus a few, are in the page), an
 * ARIA feed of articles; more cards load as the list nears its end.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { Task, TaskStatus } from '../../api/types.ts';
import { ErrorMessage } from '../../components/query-status.tsx';
import { TaskCard } from './task-card.tsx';
import { useVirtualList } from './use-virtual-list.ts';

interface Props {
  status: TaskStatus;
  cards: Task[];
  total: number;
  /** The dragged card, kept drawn while it is dragged even when scrolled out of view. */
  activeId: string | null;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  nextPageError: unknown;
  fetchNextPage: () => void;
  onMoveTo: (task: Task, from: TaskStatus, to: TaskStatus) => void;
  today: string;
}

const ESTIMATED_CARD_HEIGHT = 104;
const CARD_GAP = 8;
/** Load the next page when the last drawn card is this close to the end of the loaded ones. */
const LOAD_AHEAD = 10;

export function ColumnCards({ status, cards, total, activeId, hasNextPage, isFetchingNextPage, nextPageError, fetchNextPage, onMoveTo, today }: Props) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeIndex = activeId ? cards.findIndex((c) => c.Gsid === activeId) : -1;
  const keyOf = useCallback((index: number) => cards[index]?.Gsid ?? String(index), [cards]);
  const { items, totalSize, measure } = useVirtualList({
    count: cards.length,
    keyOf,
    estimateSize: ESTIMATED_CARD_HEIGHT,
    gap: CARD_GAP,
    overscan: 3,
    scrollRef,
    keepIndex: activeIndex,
  });
  const lastDrawn = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !nextPageError && lastDrawn >= cards.length - LOAD_AHEAD) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, nextPageError, lastDrawn, cards.length, fetchNextPage]);

  return (
    <div ref={scrollRef} className="min-h-0 flex-1 overflow-y-auto px-2 pb-2">
      <div role="feed" aria-label={`${status} tasks`} aria-busy={isFetchingNextPage} className="relative" style={{ height: totalSize }}>
        {items.map((item) => {
          const task = cards[item.index];
          if (!task) return null;
          return (
            <TaskCard
              key={item.key}
              task={task}
              status={status}
              index={item.index}
              start={item.start}
              setSize={total}
              measure={measure}
              onMoveTo={onMoveTo}
              today={today}
            />
          );
        })}
      </div>
      {isFetchingNextPage && (
        <p role="status" className="py-2 text-center text-xs text-slate-600">
          Loading more…
        </p>
      )}
      {nextPageError != null && (
        <div className="mt-2">
          <ErrorMessage error={nextPageError} title="Could not load more tasks" onRetry={fetchNextPage} />
        </div>
      )}
    </div>
  );
}
