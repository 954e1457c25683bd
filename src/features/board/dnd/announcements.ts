/** What a screen reader hears during a drag, in plain words. */
import type { TaskStatus } from '../../../api/types.ts';

export interface DragWords {
  name: string;
  from: TaskStatus;
}

export const SCREEN_READER_INSTRUCTIONS =
  'To move a task, press Space or Enter on its Move button to pick it up. ' +
  'Use the Left and Right arrow keys to carry it to another column, ' +
  'then press Space or Enter to drop it there, or Escape to cancel. ' +
  'Each card also has a "Move to" menu.';

/**
 * Why a card dropped in its own column stays where it was: a column's order is the board's sort,
 * and the API keeps no order within a status. Said on the drop (announced and shown).
 */
export const sameColumnDrop = ({ name, from }: DragWords) =>
  `${name} stays in ${from}: cards in a column follow the board's sort and cannot be reordered by hand. Drop it on another column to change its status.`;

export const words = {
  start: ({ name }: DragWords) => `Picked up task ${name}.`,
  over: ({ from }: DragWords, over: TaskStatus | null) =>
    over === null ? 'Not over a column.' : over === from ? `Over ${over}, where it already is.` : `Over ${over}.`,
  end: (drag: DragWords, over: TaskStatus | null) => {
    if (!over) return `Dropped outside the columns. ${drag.name} stays in ${drag.from}.`;
    if (over === drag.from) return sameColumnDrop(drag);
    return `Dropped in ${over}.`;
  },
  cancel: ({ name, from }: DragWords) => `Cancelled. ${name} stays in ${from}.`,
};
