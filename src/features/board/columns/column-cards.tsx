/**
 * A column's cards as a virtual list (only the cards in view, plus a few, are in the page), an
 * ARIA feed of articles; more cards load as the list nears its end.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { useLocation, useNavigationType } from '../../../components/router/router.tsx';
import type { Task, TaskStatus } from '../../../api/types.ts';
import { ErrorMessage } from '../../../components/query-status.tsx';
import { SelectionListContext, type SelectionList } from '../../../components/bulk/selection-store.ts';
import { boardPlace, saveColumnScroll, saveOpenedCard } from './board-place.ts';
import { cardIndexAfter, columnsToward, focusCardAt, focusCardBeside, isCardKey, tabbableCard, type CardKey } from './card-keys.ts';
import { registerColumnTravel } from './card-shortcuts.ts';
import { TaskCard } from '../cards/task-card.tsx';
import { useVirtualList } from './use-virtual-list.ts';
import type { NextPages } from './next-pages.ts';

interface Props {
  status: TaskStatus;
  cards: Task[];
  total: number;
  /** The dragged card, kept drawn while it is dragged even when scrolled out of view. */
  activeId: string | null;
  /** The column's next pages (useNextPages). */
  pages: NextPages;
  onMoveTo: (task: Task, from: TaskStatus, to: TaskStatus) => void;
  today: string;
  /** Cards drawn beyond those in view on each side (fewer in a swimlane's small cells). */
  overscan?: number;
}

const ESTIMATED_CARD_HEIGHT = 104;
const CARD_GAP = 8;
/** Load the next page when the last drawn card is this close to the end of the loaded ones. */
const LOAD_AHEAD = 10;

export function ColumnCards({ status, cards, total, activeId, pages, onMoveTo, today, overscan = 3 }: Props) {
  const { hasNextPage, isFetchingNextPage, nextPageError, fetchNextPage } = pages;
  const scrollRef = useRef<HTMLDivElement>(null);
  const activeIndex = activeId ? cards.findIndex((c) => c.Gsid === activeId) : -1;
  const keyOf = useCallback((index: number) => cards[index]?.Gsid ?? String(index), [cards]);
  const { items, totalSize, measure } = useVirtualList({
    count: cards.length,
    keyOf,
    estimateSize: ESTIMATED_CARD_HEIGHT,
    gap: CARD_GAP,
    overscan,
    scrollRef,
    keepIndex: activeIndex,
  });
  const lastDrawn = items.at(-1)?.index ?? -1;
  usePlaceKept(status, scrollRef, cards.length);

  // Roving focus: one card per column is in the Tab order (the last one focused, or the first
  // drawn); arrows reach the others.
  const [lastFocused, setLastFocused] = useState(0);
  const tabbable = tabbableCard(
    lastFocused,
    items.map((item) => item.index),
  );
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    const index = event.target.closest('article[data-index]')?.getAttribute('data-index');
    if (index != null) setLastFocused(Number(index));
  };

  // The column is a list for the selection: a Shift-click selects a range within it.
  const selectionList = useMemo<SelectionList>(
    () => ({ id: status, tasks: () => cards.map((t) => ({ id: t.Gsid ?? '', name: t.Name ?? '(no name)' })) }),
    [status, cards],
  );

  // Arrows, Home and End on a card's link travel between cards (card-keys.ts); so do the `j` and
  // `k` shortcuts from anywhere in a card (card-shortcuts.ts).
  const travel = (key: CardKey, article: Element) => {
    if (!scrollRef.current) return;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      focusCardBeside(article, columnsToward(key, status));
      return;
    }
    const to = cardIndexAfter(key, Number(article.getAttribute('data-index')), cards.length);
    if (to !== null) focusCardAt(scrollRef.current, to, ESTIMATED_CARD_HEIGHT + CARD_GAP);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || !isCardKey(event.key)) return;
    const link = event.target as Element;
    const article = link.matches(TASK_LINK) ? link.closest('article[data-index]') : null;
    if (!article) return;
    event.preventDefault();
    travel(event.key, article);
  };
  const feedRef = useRef<HTMLDivElement>(null);
  const latestTravel = useRef(travel);
  useLayoutEffect(() => {
    latestTravel.current = travel;
  });
  useEffect(() => {
    const feed = feedRef.current;
    return feed ? registerColumnTravel(feed, (key, article) => latestTravel.current(key, article)) : undefined;
  }, []);

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !nextPageError && lastDrawn >= cards.length - LOAD_AHEAD) fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, nextPageError, lastDrawn, cards.length, fetchNextPage]);

  return (
    <div
      ref={scrollRef}
      onClick={useOpenedCardNote(status)}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      className="min-h-0 flex-1 overflow-y-auto px-2 pb-2"
    >
      <SelectionListContext value={selectionList}>
        <div
          ref={feedRef}
          role="feed"
          aria-label={`${status} tasks`}
          aria-busy={isFetchingNextPage}
          className="relative"
          style={{ height: totalSize }}
        >
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
                tabbable={item.index === tabbable}
                measure={measure}
                onMoveTo={onMoveTo}
                today={today}
              />
            );
          })}
        </div>
      </SelectionListContext>
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

/** The link of a task's page, from a card (its href is `/tasks/<id>`). */
const TASK_LINK = 'a[href^="/tasks/"]';

/** Notes the card whose link is followed, so that going Back focuses it again. */
function useOpenedCardNote(status: TaskStatus) {
  const { key } = useLocation();
  return useCallback(
    (event: MouseEvent) => {
      const link = (event.target as Element).closest(TASK_LINK);
      const href = link?.getAttribute('href');
      if (!link || !href) return;
      const scroller = link.closest('[role="feed"]')?.parentElement;
      const article = link.closest('article');
      const offset = scroller && article ? article.getBoundingClientRect().top - scroller.getBoundingClientRect().top : undefined;
      saveOpenedCard(key, status, decodeURIComponent(href.slice('/tasks/'.length)), offset);
    },
    [key, status],
  );
}

/**
 * How long, after coming Back, the opened card is held where it was unless the user acts first
 * (see usePlaceKept): on a busy machine the cards above it can be measured again seconds later.
 */
const HOLD_MS = 5000;

/**
 * Keeps the column's place for this history entry: its scroll position is noted as the board is
 * left, and on coming Back (a POP navigation) the column scrolls where it was, once it has its
 * cards, and the card that was opened gets the focus again.
 */
function usePlaceKept(status: TaskStatus, scrollRef: RefObject<HTMLDivElement | null>, cardCount: number) {
  const { key } = useLocation();
  const navigationType = useNavigationType();
  const restored = useRef(false);

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    return () => {
      if (scroller) saveColumnScroll(key, status, scroller.scrollTop);
    };
  }, [key, status, scrollRef]);

  useLayoutEffect(() => {
    if (restored.current || cardCount === 0) return;
    restored.current = true;
    const place = navigationType === 'POP' ? boardPlace(key) : null;
    const scroller = scrollRef.current;
    if (!place || !scroller) return;
    const top = place.scroll[status];
    if (top !== undefined) scroller.scrollTop = top;
    const opened = place.opened;
    if (opened?.status !== status) return;
    // The virtual list draws the cards in view after the scroll: look for the card a few frames.
    // The cards drawn again are measured again, and their heights can differ from the estimates
    // the restored scroll position now stands on (and a column's later pages may still be coming):
    // for a moment more (HOLD_MS) the card is held at the height in the column it was opened
    // from, so it is where the user left it, unless the user scrolls, types or points first.
    let frames = 0;
    let holdUntil = 0;
    const linkOf = () => scroller.querySelector<HTMLElement>(`a[href="/tasks/${CSS.escape(encodeURIComponent(opened.gsid))}"]`);
    const USER_INPUT = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
    const letGo = () => {
      holdUntil = 0;
      for (const type of USER_INPUT) window.removeEventListener(type, letGo, true);
    };
    const hold = () => {
      const article = linkOf()?.closest('article');
      if (!scroller.isConnected || opened.offset === undefined || performance.now() > holdUntil) return letGo();
      if (article) {
        const drift = article.getBoundingClientRect().top - scroller.getBoundingClientRect().top - opened.offset;
        if (Math.abs(drift) > 1) scroller.scrollTop += drift;
      }
      requestAnimationFrame(hold);
    };
    const startHolding = () => {
      holdUntil = performance.now() + HOLD_MS;
      for (const type of USER_INPUT) window.addEventListener(type, letGo, { capture: true, passive: true });
      hold();
    };
    const focusOpened = () => {
      if (!scroller.isConnected) return;
      const link = linkOf();
      if (!link) {
        if (++frames < 30) requestAnimationFrame(focusOpened);
        return;
      }
      startHolding();
      // Unless the user has already moved on (focus somewhere on purpose).
      if (document.activeElement === document.body || document.activeElement === null)
        link.focus(opened.offset === undefined ? undefined : { preventScroll: true });
    };
    requestAnimationFrame(focusOpened);
  }, [cardCount, key, navigationType, status, scrollRef]);
}
