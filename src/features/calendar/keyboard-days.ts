/**
 * Keyboard dragging across days: Left and Right carry the dragged task to the day before or
 * after, Up and Down to the same weekday a week before or after (dnd-kit's default moves 25 px a
 * press). Only days the calendar shows are reached; from the list without a due date the first
 * press goes to today, or the first day shown.
 */
import type { KeyboardCoordinateGetter } from '@dnd-kit/core';
import { addDays } from '../../lib/dates.ts';
import { dayDropId, dropDate } from './drop-ids.ts';

const STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 };

/** The day a press goes to from `current` (null: the undated list), if the calendar shows it. */
export function nextDay(key: string, current: string | null, shown: ReadonlySet<string>, today: string): string | null {
  const step = STEPS[key];
  if (step === undefined) return null;
  if (current === null) return shown.has(today) ? today : ([...shown].sort()[0] ?? null);
  const target = addDays(current, step);
  return shown.has(target) ? target : null;
}

interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where the dragged rect's top-left goes to sit in the middle of `target`. */
export function centreIn(target: Rect, dragged: Rect): { x: number; y: number } {
  return { x: target.left + (target.width - dragged.width) / 2, y: target.top + (target.height - dragged.height) / 2 };
}

/** dnd-kit's keyboard getter over the calendar's days. */
export function dayCoordinateGetter(today: () => string): KeyboardCoordinateGetter {
  return (event, { context }) => {
    if (!(event.code in STEPS)) return undefined;
    event.preventDefault();
    const { collisionRect, droppableRects, over, active } = context;
    if (!collisionRect) return undefined;
    const shown = new Set<string>();
    for (const id of droppableRects.keys()) {
      const date = dropDate(id);
      if (date) shown.add(date);
    }
    const fromOver = over ? dropDate(over.id) : undefined;
    const current = fromOver !== undefined ? fromOver : ((active?.data.current as { from?: string | null } | undefined)?.from ?? null);
    const target = nextDay(event.code, current, shown, today());
    const rect = target ? droppableRects.get(dayDropId(target)) : undefined;
    return rect ? centreIn(rect, collisionRect) : undefined;
  };
}
