/**
 * The arithmetic of a vertical virtual list: where each item starts, and which items a viewport
 * shows. Sizes are the measured heights (an estimate until an item is measured).
 */

export interface ListLayout {
  /** Where each item starts, px from the list's top. */
  starts: Float64Array;
  sizes: Float64Array;
  /** The list's height: the end of its last item. */
  total: number;
}

export interface IndexRange {
  first: number;
  last: number;
}

export function layoutList(count: number, sizeAt: (index: number) => number, gap: number): ListLayout {
  const starts = new Float64Array(count);
  const sizes = new Float64Array(count);
  let y = 0;
  for (let i = 0; i < count; i++) {
    if (i > 0) y += gap;
    starts[i] = y;
    sizes[i] = sizeAt(i);
    y += sizes[i]!;
  }
  return { starts, sizes, total: y };
}

/**
 * The items a viewport (`top`, `height`, px from the list's top) touches, with `overscan` more on
 * each side; null for an empty list.
 */
export function visibleRange(layout: ListLayout, top: number, height: number, overscan: number): IndexRange | null {
  const count = layout.starts.length;
  if (count === 0) return null;
  // The first item that ends below the viewport's top.
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (layout.starts[mid]! + layout.sizes[mid]! <= top) lo = mid + 1;
    else hi = mid;
  }
  let last = lo;
  const bottom = top + height;
  while (last < count - 1 && layout.starts[last + 1]! < bottom) last++;
  return { first: Math.max(0, lo - overscan), last: Math.min(count - 1, last + overscan) };
}

export function sameRange(a: IndexRange | null, b: IndexRange | null): boolean {
  return a === b || (a !== null && b !== null && a.first === b.first && a.last === b.last);
}

/** The indexes to draw, in order: the range, plus `keep` (say, the dragged item) when it is outside. */
export function indexesToDraw(range: IndexRange | null, keep: number, count: number): number[] {
  const indexes: number[] = [];
  if (range) for (let i = range.first; i <= range.last; i++) indexes.push(i);
  if (keep >= 0 && keep < count && !(range && keep >= range.first && keep <= range.last)) {
    indexes.push(keep);
    indexes.sort((a, b) => a - b);
  }
  return indexes;
}
