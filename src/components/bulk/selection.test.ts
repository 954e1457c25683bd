import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION, selectAll, toggle, toggleRange, unselectAll, type SelectedTask } from './selection.ts';
import { createSelectionStore } from './selection-store.ts';

const t = (id: string): SelectedTask => ({ id, name: `Task ${id}` });
const column = ['a', 'b', 'c', 'd', 'e'].map(t);
const ids = (s: { items: ReadonlyMap<string, unknown> }) => [...s.items.keys()].sort();

describe('selection model', () => {
  it('toggles one task and anchors there', () => {
    const one = toggle(EMPTY_SELECTION, t('b'), 'col');
    expect(ids(one)).toEqual(['b']);
    expect(one.anchor).toEqual({ id: 'b', list: 'col' });
    expect(ids(toggle(one, t('b'), 'col'))).toEqual([]);
  });

  it('selects a range from the anchor, either direction', () => {
    const anchored = toggle(EMPTY_SELECTION, t('b'), 'col');
    expect(ids(toggleRange(anchored, column, t('d'), 'col'))).toEqual(['b', 'c', 'd']);
    const fromEnd = toggle(EMPTY_SELECTION, t('e'), 'col');
    expect(ids(toggleRange(fromEnd, column, t('c'), 'col'))).toEqual(['c', 'd', 'e']);
  });

  it('a range on a selected task unselects the range', () => {
    let s = selectAll(EMPTY_SELECTION, column);
    s = toggle(s, t('a'), 'col'); // unselects a, anchors there
    s = toggleRange(s, column, t('c'), 'col');
    expect(ids(s)).toEqual(['d', 'e']);
  });

  it('a range without an anchor in the same list is a plain toggle', () => {
    expect(ids(toggleRange(EMPTY_SELECTION, column, t('c'), 'col'))).toEqual(['c']);
    const elsewhere = toggle(EMPTY_SELECTION, t('x'), 'other');
    expect(ids(toggleRange(elsewhere, column, t('c'), 'col'))).toEqual(['c', 'x']);
    // The anchor task no longer in the list (moved by someone): a plain toggle too.
    const gone = toggle(EMPTY_SELECTION, t('z'), 'col');
    expect(ids(toggleRange(gone, column, t('c'), 'col'))).toEqual(['c', 'z']);
  });

  it('selects and unselects a whole list, never twice', () => {
    const s = selectAll(toggle(EMPTY_SELECTION, t('a'), 'col'), column);
    expect(s.items.size).toBe(5);
    expect(selectAll(s, column)).toBe(s);
    expect(ids(unselectAll(s, column.slice(0, 2)))).toEqual(['c', 'd', 'e']);
    expect(unselectAll(EMPTY_SELECTION, column)).toBe(EMPTY_SELECTION);
  });
});

describe('selection store', () => {
  it('tells listeners only of a change', () => {
    const store = createSelectionStore();
    let calls = 0;
    store.subscribe(() => calls++);
    store.set((s) => toggle(s, t('a'), 'col'));
    store.set((s) => selectAll(s, [t('a')]));
    expect(calls).toBe(1);
    expect(store.get().items.has('a')).toBe(true);
  });
});
