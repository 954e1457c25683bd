/** The ids of the calendar's drop targets: a day, or the list of tasks without a due date. */
export const UNDATED_DROP_ID = 'undated';

export const dayDropId = (date: string) => `day:${date}`;

/** The due date a drop target stands for (null: no due date), or undefined for another id. */
export function dropDate(id: string | number | null | undefined): string | null | undefined {
  if (id === UNDATED_DROP_ID) return null;
  if (typeof id === 'string' && id.startsWith('day:')) return id.slice(4);
  return undefined;
}
