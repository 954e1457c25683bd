/**
 * Keyboard dragging across columns: Left and Right carry the dragged card to the middle of the
 * neighbouring column (dnd-kit's default moves 25 px a press, which takes a dozen presses).
 * Up and Down do nothing: within a column the order is the sort's, not a position.
 */
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Coordinates {
  x: number;
  y: number;
}

/**
 * Where the dragged rect's top-left goes for one press: centred in the next column in
 * `direction` (columns sorted left to right), vertically kept where it is but inside the column.
 * Null when there is no column that way.
 */
export function nextColumnCoordinates(
  direction: -1 | 1,
  columns: { id: string; rect: Rect }[],
  overId: string | null,
  dragged: Rect,
): Coordinates | null {
  if (columns.length === 0) return null;
  const sorted = [...columns].sort((a, b) => a.rect.left - b.rect.left);
  const centre = dragged.left + dragged.width / 2;
  let current = sorted.findIndex((c) => c.id === overId);
  if (current === -1) {
    // Not over a column: the nearest one by horizontal centre.
    let best = Infinity;
    sorted.forEach((c, i) => {
      const d = Math.abs(c.rect.left + c.rect.width / 2 - centre);
      if (d < best) [best, current] = [d, i];
    });
  }
  const target = sorted[current + direction];
  if (!target) return null;
  const { rect } = target;
  const y = Math.min(Math.max(dragged.top, rect.top), Math.max(rect.top, rect.top + rect.height - dragged.height));
  return { x: rect.left + (rect.width - dragged.width) / 2, y };
}

/** dnd-kit's keyboard getter over the droppables whose id passes `isColumn`. */
export function columnCoordinateGetter(isColumn: (id: string) => boolean): KeyboardCoordinateGetter {
  return (event, { context }) => {
    const direction = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
    if (direction === 0) {
      if (event.code === 'ArrowUp' || event.code === 'ArrowDown') event.preventDefault();
      return undefined;
    }
    const { collisionRect, droppableRects, over } = context;
    if (!collisionRect) return undefined;
    const columns = [...droppableRects.entries()].filter(([id]) => isColumn(String(id))).map(([id, rect]) => ({ id: String(id), rect }));
    return nextColumnCoordinates(direction, columns, over ? String(over.id) : null, collisionRect) ?? undefined;
  };
}
