/** What a screen reader hears during a drag, in plain words. */
import type { TaskStatus } from '../../api/types.ts';

export interface DragWords {
  name: string;
  from: TaskStatus;
}

export const SCREEN_READER_INSTRUCTIONS =
  'To move a task, press Space or Enter on its Move button to pick it up. ' +
  'Use the Left and Right arrow keys to carry it to another column, ' +
  'then press Space or Enter to drop it there, or Escape to cancel. ' +
  'Each card also has a "Move to" menu.';

export const words = {
  start: ({ name }: DragWords) => `Picked up task ${name}.`,
  over: (_: DragWords, over: TaskStatus | null) => (over ? `Over ${over}.` : 'Not over a column.'),
  end: ({ name, from }: DragWords, over: TaskStatus | null) => {
    if (!over) return `Dropped outside the columns. ${name} stays in ${from}.`;
    if (over === from) return `Dropped in ${over}. ${name} stays in ${from}.`;
    return `Dropped in ${over}.`;
  },
  cancel: ({ name, from }: DragWords) => `Cancelled. ${name} stays in ${from}.`,
};
