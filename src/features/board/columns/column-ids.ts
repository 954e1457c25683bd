import type { Task, TaskStatus } from '../../../api/types.ts';

/** dnd-kit ids of the columns (cards use their Gsid). */
export const columnDropId = (status: TaskStatus) => `column:${status}`;
export const isColumnDropId = (id: string) => id.startsWith('column:');
/** The DOM id of a column's section (focus goes there when a moved card is not drawn). */
export const columnDomId = (status: TaskStatus) => `board-column-${status.replace(/\s+/g, '-').toLowerCase()}`;

/** What a card carries while dragged. */
export interface DragData {
  task: Task;
  status: TaskStatus;
}
