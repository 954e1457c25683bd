/**
 * The selection of tasks for a bulk change, pure: which tasks (by id, with their names for the
 * results list) and the anchor a Shift-click range starts from. Every function returns a new
 * selection (or the same one when nothing changes). Small on purpose: the board's first page
 * loads it.
 */
export interface SelectedTask {
  id: string;
  name: string;
}

export interface Selection {
  items: ReadonlyMap<string, SelectedTask>;
  /** The last task toggled on its own, and the list (a column) it was in: where a range starts. */
  anchor: { id: string; list: string } | null;
}

export const EMPTY_SELECTION: Selection = { items: new Map(), anchor: null };

/** Selects or unselects one task; it becomes the anchor. */
export function toggle(selection: Selection, task: SelectedTask, list: string): Selection {
  const items = new Map(selection.items);
  if (items.has(task.id)) items.delete(task.id);
  else items.set(task.id, task);
  return { items, anchor: { id: task.id, list } };
}

/**
 * Shift-click on `task` in `tasks` (the list `list`, in its order): every task from the anchor to
 * it takes the state the clicked task is getting (selected unless it was selected). Without an
 * anchor in the same list (or once the anchor has left it) it is a plain toggle.
 */
export function toggleRange(selection: Selection, tasks: readonly SelectedTask[], task: SelectedTask, list: string): Selection {
  const anchor = selection.anchor;
  const from = anchor && anchor.list === list ? tasks.findIndex((t) => t.id === anchor.id) : -1;
  const to = tasks.findIndex((t) => t.id === task.id);
  if (from === -1 || to === -1) return toggle(selection, task, list);
  const select = !selection.items.has(task.id);
  const items = new Map(selection.items);
  for (const t of tasks.slice(Math.min(from, to), Math.max(from, to) + 1)) {
    if (select) items.set(t.id, t);
    else items.delete(t.id);
  }
  return { items, anchor: selection.anchor };
}

/** Adds every one of `tasks` (a column, a page, all that match); the anchor is kept. */
export function selectAll(selection: Selection, tasks: readonly SelectedTask[]): Selection {
  if (tasks.every((t) => selection.items.has(t.id))) return selection;
  const items = new Map(selection.items);
  for (const t of tasks) items.set(t.id, t);
  return { items, anchor: selection.anchor };
}

/** Removes every one of `tasks`. */
export function unselectAll(selection: Selection, tasks: readonly SelectedTask[]): Selection {
  if (!tasks.some((t) => selection.items.has(t.id))) return selection;
  const items = new Map(selection.items);
  for (const t of tasks) items.delete(t.id);
  return { items, anchor: selection.anchor };
}
