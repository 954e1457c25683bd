/**
 * A vertical virtual list in its own scroll box: only the items in view (plus `overscan` on each
 * side, plus `keepIndex`) are drawn, absolutely placed at their `start`. Items are measured once
 * drawn (before paint) and again when they change size; until then they count as `estimateSize`.
 *
 * The board needs no more than this, so it does without a virtualizer library (about 10 KB of
 * gzip JS on the first visit): see the performance budget in e2e/budgets.spec.ts.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import { indexesToDraw, layoutList, sameRange, visibleRange, type ListLayout } from './virtual-range.ts';

interface VirtualItem {
  index: number;
  key: string;
  /** px from the list's top. */
  start: number;
}

interface Options {
  count: number;
  /** A stable key per item: measured sizes follow the item, not its place. */
  keyOf: (index: number) => string;
  estimateSize: number;
  gap: number;
  overscan: number;
  scrollRef: RefObject<HTMLElement | null>;
  /** An item drawn even out of view (the dragged card), or -1. */
  keepIndex: number;
}

interface View {
  top: number;
  height: number;
}

export function useVirtualList({ count, keyOf, estimateSize, gap, overscan, scrollRef, keepIndex }: Options) {
  const [sizes, setSizes] = useState<ReadonlyMap<string, number>>(() => new Map());
  const [view, setView] = useState<View>({ top: 0, height: 0 });
  const layout = useMemo(
    () => layoutList(count, (i) => sizes.get(keyOf(i)) ?? estimateSize, gap),
    [count, keyOf, sizes, estimateSize, gap],
  );
  const items: VirtualItem[] = indexesToDraw(visibleRange(layout, view.top, view.height, overscan), keepIndex, count).map((index) => ({
    index,
    key: keyOf(index),
    start: layout.starts[index]!,
  }));

  // What the DOM callbacks below read: the latest render's values.
  const latest = useRef<{ layout: ListLayout; view: View; overscan: number; keyOf: (index: number) => string }>({
    layout,
    view,
    overscan,
    keyOf,
  });
  const drawn = useRef(new Set<HTMLElement>());
  const itemObserver = useRef<ResizeObserver | null>(null);

  /** Reads the drawn items' heights; a change redraws the list (before paint when called during a commit). */
  const measureDrawn = useCallback(() => {
    const changes: [string, number][] = [];
    for (const element of drawn.current) {
      if (!element.isConnected) {
        drawn.current.delete(element);
        itemObserver.current?.unobserve(element);
        continue;
      }
      const index = Number(element.dataset.index);
      if (!Number.isInteger(index) || index >= latest.current.layout.sizes.length) continue;
      const size = element.offsetHeight;
      if (size !== latest.current.layout.sizes[index]) changes.push([latest.current.keyOf(index), size]);
    }
    if (changes.length === 0) return;
    setSizes((current) => {
      const next = new Map(current);
      for (const [key, size] of changes) next.set(key, size);
      return next;
    });
  }, []);

  /** Follows the scroll box; redraws only when the drawn range changes. */
  const readView = useCallback(
    (sync: boolean) => {
      const box = scrollRef.current;
      if (!box) return;
      const next: View = { top: box.scrollTop, height: box.clientHeight };
      const { layout, view, overscan } = latest.current;
      if (
        next.height === view.height &&
        sameRange(visibleRange(layout, next.top, next.height, overscan), visibleRange(layout, view.top, view.height, overscan))
      ) {
        return;
      }
      latest.current = { ...latest.current, view: next };
      // While scrolling, the new cards are drawn before the browser paints the scrolled box.
      if (sync) flushSync(() => setView(next));
      else setView(next);
    },
    [scrollRef],
  );

  // After every commit: the latest values for the callbacks, then the new items' sizes.
  useLayoutEffect(() => {
    latest.current = { layout, view, overscan, keyOf };
    // Measuring the DOM a commit produced is what layout effects are for: a new size redraws the
    // list before the browser paints, and the next commit measures the same sizes (no loop).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    measureDrawn();
  });

  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    const onScroll = () => readView(true);
    box.addEventListener('scroll', onScroll, { passive: true });
    const boxObserver = new ResizeObserver(() => readView(false));
    boxObserver.observe(box);
    itemObserver.current = new ResizeObserver(() => measureDrawn());
    for (const element of drawn.current) itemObserver.current.observe(element);
    readView(false);
    return () => {
      box.removeEventListener('scroll', onScroll);
      boxObserver.disconnect();
      itemObserver.current?.disconnect();
      itemObserver.current = null;
    };
  }, [scrollRef, readView, measureDrawn]);

  /** Ref callback for each drawn item (which carries `data-index`). Stable. */
  const measure = useCallback((element: HTMLElement | null) => {
    if (!element || drawn.current.has(element)) return;
    drawn.current.add(element);
    itemObserver.current?.observe(element);
  }, []);

  return { items, totalSize: layout.total, measure };
}
