/**
 * A page's selection as a small external store (one per page, given to its parts by context):
 * each checkbox reads only whether its own task is selected, so a toggle redraws one card, not
 * the board.
 */
import { createContext, useContext, useSyncExternalStore } from 'react';
import { EMPTY_SELECTION, toggle, toggleRange, type SelectedTask, type Selection } from './selection.ts';

export interface SelectionStore {
  get: () => Selection;
  set: (update: (selection: Selection) => Selection) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createSelectionStore(): SelectionStore {
  let selection = EMPTY_SELECTION;
  const listeners = new Set<() => void>();
  return {
    get: () => selection,
    set(update) {
      const next = update(selection);
      if (next === selection) return;
      selection = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const SelectionContext = createContext<SelectionStore | null>(null);

const none = () => () => {};
const no = () => false;

/** Whether task `id` is selected, and whether anything is (checkboxes then always show). */
export function useSelected(id: string): { selected: boolean; selecting: boolean } {
  const store = useContext(SelectionContext);
  const selected = useSyncExternalStore(store?.subscribe ?? none, store ? () => store.get().items.has(id) : no);
  const selecting = useSyncExternalStore(store?.subscribe ?? none, store ? () => store.get().items.size > 0 : no);
  return { selected, selecting };
}

/** The number of selected tasks. */
export function useSelectionCount(store: SelectionStore): number {
  return useSyncExternalStore(store.subscribe, () => store.get().items.size);
}

/** The list a selectable task is drawn in (a board column, a page of results): where a Shift-click range runs. */
export interface SelectionList {
  id: string;
  /** Its tasks in order, as drawn now. */
  tasks: () => readonly SelectedTask[];
}

export const SelectionListContext = createContext<SelectionList | null>(null);

/** Toggles `task` in the page's selection; with Shift, the range from the anchor in its list. */
export function useToggleSelected(): (task: SelectedTask, range: boolean) => void {
  const store = useContext(SelectionContext);
  const list = useContext(SelectionListContext);
  return (task, range) => {
    if (!store) return;
    const id = list?.id ?? '';
    store.set((s) => (range && list ? toggleRange(s, list.tasks(), task, id) : toggle(s, task, id)));
  };
}
