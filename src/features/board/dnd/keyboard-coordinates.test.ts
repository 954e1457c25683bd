import { describe, expect, it } from 'vitest';
import { nextColumnCoordinates } from './keyboard-coordinates.ts';

const column = (id: string, left: number) => ({ id, rect: { left, top: 100, width: 300, height: 600 } });
const columns = [column('c', 640), column('a', 0), column('b', 320), column('d', 960)];
const card = { left: 10, top: 150, width: 280, height: 100 };

describe('nextColumnCoordinates', () => {
  it('carries the card to the middle of the next column, keeping its height', () => {
    expect(nextColumnCoordinates(1, columns, 'a', card)).toEqual({ x: 330, y: 150 });
    expect(nextColumnCoordinates(-1, columns, 'c', { ...card, left: 650 })).toEqual({ x: 330, y: 150 });
  });

  it('keeps the card inside the column vertically', () => {
    expect(nextColumnCoordinates(1, columns, 'a', { ...card, top: 900 })).toEqual({ x: 330, y: 600 });
    expect(nextColumnCoordinates(1, columns, 'a', { ...card, top: 0 })).toEqual({ x: 330, y: 100 });
  });

  it('stops at the edges, and starts from the nearest column when over none', () => {
    expect(nextColumnCoordinates(-1, columns, 'a', card)).toBeNull();
    expect(nextColumnCoordinates(1, columns, 'd', card)).toBeNull();
    expect(nextColumnCoordinates(1, columns, null, { ...card, left: 700 })).toEqual({ x: 970, y: 150 });
    expect(nextColumnCoordinates(1, [], null, card)).toBeNull();
  });
});
