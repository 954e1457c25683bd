import { describe, expect, it } from 'vitest';
import { cardIndexAfter, columnsToward, isCardKey, tabbableCard } from './card-keys.ts';

describe('card keys', () => {
  it('Up, Down, Page Up, Page Down, Home and End within a column; nothing past its ends', () => {
    expect(cardIndexAfter('ArrowDown', 4, 10)).toBe(5);
    expect(cardIndexAfter('PageDown', 4, 10)).toBe(5);
    expect(cardIndexAfter('ArrowUp', 4, 10)).toBe(3);
    expect(cardIndexAfter('PageUp', 4, 10)).toBe(3);
    expect(cardIndexAfter('Home', 4, 10)).toBe(0);
    expect(cardIndexAfter('End', 4, 10)).toBe(9);
    expect(cardIndexAfter('ArrowUp', 0, 10)).toBeNull();
    expect(cardIndexAfter('ArrowDown', 9, 10)).toBeNull();
    expect(cardIndexAfter('Home', 0, 10)).toBeNull();
    expect(cardIndexAfter('End', 9, 10)).toBeNull();
    expect(cardIndexAfter('ArrowDown', 0, 0)).toBeNull();
  });

  it('Left and Right try the nearest columns first', () => {
    expect(columnsToward('ArrowRight', 'Not Started')).toEqual(['In Progress', 'Completed', 'Skipped']);
    expect(columnsToward('ArrowLeft', 'Completed')).toEqual(['In Progress', 'Not Started']);
    expect(columnsToward('ArrowLeft', 'Not Started')).toEqual([]);
    expect(columnsToward('ArrowRight', 'Skipped')).toEqual([]);
  });

  it('knows its keys, and only them', () => {
    expect(['ArrowUp', 'End', 'ArrowRight'].every(isCardKey)).toBe(true);
    expect(['Tab', 'Enter', ' ', 'a'].some(isCardKey)).toBe(false);
  });

  it('keeps one card per column in the Tab order: the last focused while drawn, else the first drawn', () => {
    expect(tabbableCard(0, [0, 1, 2])).toBe(0);
    expect(tabbableCard(2, [0, 1, 2, 3])).toBe(2);
    // Scrolled away from the last focused card: the first card in view.
    expect(tabbableCard(2, [40, 41, 42])).toBe(40);
    // No card drawn: none.
    expect(tabbableCard(0, [])).toBeNull();
  });
});
