/** What a screen reader hears during a drag on the calendar, in plain words. */
import { dayName } from './calendar-grid.ts';

export interface DragWords {
  name: string;
  /** The due date it has (null: none). */
  from: string | null;
}

export const SCREEN_READER_INSTRUCTIONS =
  "To change a task's due date, press Space or Enter on its Move button to pick it up. " +
  'Use the Left and Right arrow keys to carry it a day, Up and Down a week, ' +
  'then press Space or Enter to drop it there, or Escape to cancel. ' +
  'Each task also has a "Change due date" button.';

const place = (date: string | null) => (date ? dayName(date) : 'No due date');
const stays = ({ name, from }: DragWords) => (from ? `${name} stays on ${dayName(from)}.` : `${name} stays without a due date.`);

export const words = {
  start: ({ name, from }: DragWords) => `Picked up task ${name}, ${from ? `due ${dayName(from)}` : 'no due date'}.`,
  over: (drag: DragWords, over: string | null | undefined) =>
    over === undefined ? 'Not over a day.' : over === drag.from ? `Over ${place(over)}, where it already is.` : `Over ${place(over)}.`,
  end: (drag: DragWords, over: string | null | undefined) => {
    if (over === undefined) return `Dropped outside the calendar. ${stays(drag)}`;
    if (over === drag.from) return `Dropped where it was. ${stays(drag)}`;
    return `Dropped on ${place(over)}.`;
  },
  cancel: (drag: DragWords) => `Cancelled. ${stays(drag)}`,
};
