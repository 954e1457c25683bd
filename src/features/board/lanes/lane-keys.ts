/**
 * Keyboard dragging on a board with swimlanes: Left and Right carry the card to the cell beside
 * (same lane, another status), Up and Down to the cell above or below (same status, the lane
 * before or after). Without swimlanes the board's own getter (columns) is used.
 */
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import type { TaskStatus } from '../../../api/types.ts';
import type { Coordinates, Rect } from '../dnd/keyboard-coordinates.ts';

/** dnd-kit ids of the swimlane cells. */
export const cellDropId = (laneKey: string, status: TaskStatus) => `cell:${laneKey}:${status}`;
const isCellDropId = (id: string) => id.startsWith('cell:');

export type Direction = 'left' | 'right' | 'up' | 'down';

const centre = (r: Rect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

/**
 * Where the dragged rect's top-left goes for one press: in the next cell that way, or null when
 * there is none. Cells of a lane share their top; cells of a status share their left.
 */
export function nextCellCoordinates(
  direction: Direction,
  cells: { id: string; rect: Rect }[],
  overId: string | null,
  dragged: Rect,
): Coordinates | null {
  // A cell of a lane that is not shown (an empty "Other …") has no size and is no place to go.
  cells = cells.filter((c) => c.rect.width > 0 && c.rect.height > 0);
  if (cells.length === 0) return null;
  const here = centre(dragged);
  const current =
    cells.find((c) => c.id === overId) ??
    [...cells].sort(
      (a, b) =>
        Math.hypot(centre(a.rect).x - here.x, centre(a.rect).y - here.y) - Math.hypot(centre(b.rect).x - here.x, centre(b.rect).y - here.y),
    )[0]!;
  const from = current.rect;
  const near = (a: number, b: number) => Math.abs(a - b) < 4;
  const candidates =
    direction === 'left' || direction === 'right'
      ? cells.filter(
          (c) => near(c.rect.top, from.top) && (direction === 'right' ? c.rect.left > from.left + 1 : c.rect.left < from.left - 1),
        )
      : cells.filter((c) => near(c.rect.left, from.left) && (direction === 'down' ? c.rect.top > from.top + 1 : c.rect.top < from.top - 1));
  const distance = (c: { rect: Rect }) => Math.abs(c.rect.left - from.left) + Math.abs(c.rect.top - from.top);
  const target = candidates.sort((a, b) => distance(a) - distance(b))[0];
  if (!target) return null;
  const { rect } = target;
  const x = rect.left + (rect.width - dragged.width) / 2;
  const y =
    direction === 'up' || direction === 'down'
      ? rect.top + Math.min(8, Math.max(0, rect.height - dragged.height))
      : Math.min(Math.max(dragged.top, rect.top), Math.max(rect.top, rect.top + rect.height - dragged.height));
  // A cell lower than the card (an empty one): the card's centre goes to the cell's, so the drop
  // is over this cell and not the lane below, whatever the cell's height.
  const middle = y + dragged.height / 2;
  return middle < rect.top || middle > rect.top + rect.height ? { x, y: rect.top + (rect.height - dragged.height) / 2 } : { x, y };
}

const DIRECTIONS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

/** dnd-kit's keyboard getter: over the cells when the board has swimlanes, else `columns`. */
export function cellCoordinateGetter(columns: KeyboardCoordinateGetter): KeyboardCoordinateGetter {
  return (event, args) => {
    const { collisionRect, droppableRects, over } = args.context;
    const cells = [...droppableRects.entries()].filter(([id]) => isCellDropId(String(id))).map(([id, rect]) => ({ id: String(id), rect }));
    if (cells.length === 0) return columns(event, args);
    const direction = DIRECTIONS[event.code];
    if (!direction || !collisionRect) return undefined;
    event.preventDefault();
    return nextCellCoordinates(direction, cells, over ? String(over.id) : null, collisionRect) ?? undefined;
  };
}
