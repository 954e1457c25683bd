import { afterEach, describe, expect, it } from 'vitest';
import { PLACES_KEPT, boardPlace, forgetBoardPlaces, saveColumnScroll, saveOpenedCard } from './board-place.ts';

afterEach(forgetBoardPlaces);

describe('board place', () => {
  it("keeps each column's scroll and the opened card per history entry", () => {
    saveColumnScroll('a', 'Not Started', 4620.4);
    saveColumnScroll('a', 'Completed', 0);
    saveOpenedCard('a', 'Not Started', '1T46');
    saveColumnScroll('b', 'Not Started', 10);
    expect(boardPlace('a')).toEqual({ scroll: { 'Not Started': 4620, Completed: 0 }, opened: { gsid: '1T46', status: 'Not Started' } });
    expect(boardPlace('b')).toEqual({ scroll: { 'Not Started': 10 }, opened: null });
    expect(boardPlace('never left')).toBeNull();
  });

  it("keeps the opened card's height in its column's view, rounded, when it is a number", () => {
    saveOpenedCard('a', 'In Progress', '1T7', 212.6);
    expect(boardPlace('a')?.opened).toEqual({ gsid: '1T7', status: 'In Progress', offset: 213 });
    saveOpenedCard('a', 'In Progress', '1T8', Number.NaN);
    expect(boardPlace('a')?.opened).toEqual({ gsid: '1T8', status: 'In Progress' });
  });

  it('ignores a scroll position that is not one, and an empty id', () => {
    saveColumnScroll('a', 'Skipped', Number.NaN);
    saveColumnScroll('a', 'Skipped', -5);
    saveOpenedCard('a', 'Skipped', '');
    expect(boardPlace('a')).toBeNull();
  });

  it(`remembers the ${PLACES_KEPT} entries used last`, () => {
    for (let i = 0; i <= PLACES_KEPT; i++) saveColumnScroll(`k${i}`, 'In Progress', i);
    expect(boardPlace('k0')).toBeNull();
    expect(boardPlace('k1')).not.toBeNull();
    // Using an entry again keeps it longer than the others.
    saveColumnScroll('k1', 'In Progress', 7);
    saveColumnScroll('new', 'In Progress', 1);
    expect(boardPlace('k1')).not.toBeNull();
    expect(boardPlace('k2')).toBeNull();
  });
});
