import { describe, expect, it } from 'vitest';
import { indexesToDraw, layoutList, sameRange, visibleRange } from './virtual-range.ts';

describe('virtual list layout', () => {
  it('places items one after another with the gap between them, and ends at the last one', () => {
    const layout = layoutList(3, (i) => [100, 50, 80][i]!, 8);
    expect([...layout.starts]).toEqual([0, 108, 166]);
    expect(layout.total).toBe(246);
    expect(layoutList(0, () => 100, 8).total).toBe(0);
  });

  it('items measured 0 (a column hidden on a phone) stay a gap apart, so a viewport still touches only a few', () => {
    const layout = layoutList(500, () => 0, 8);
    expect(layout.starts[499]).toBe(499 * 8);
    const range = visibleRange(layout, 0, 80, 3)!;
    expect(range.last - range.first).toBeLessThan(20);
  });

  it('finds the items a viewport touches, plus the overscan, within the list', () => {
    // Items of 100 px with 10 px gaps: item i spans [110 i, 110 i + 100).
    const layout = layoutList(100, () => 100, 10);
    expect(visibleRange(layout, 0, 300, 0)).toEqual({ first: 0, last: 2 });
    expect(visibleRange(layout, 0, 300, 3)).toEqual({ first: 0, last: 5 });
    // Scrolled into item 10 (1100..1200): items 10 to 12 show (item 13 starts at 1430, below 1400).
    expect(visibleRange(layout, 1150, 250, 0)).toEqual({ first: 10, last: 12 });
    // A viewport ending inside a gap does not reach the next item; one at the very end stops there.
    expect(visibleRange(layout, 0, 105, 0)).toEqual({ first: 0, last: 0 });
    expect(visibleRange(layout, 50_000, 900, 3)).toEqual({ first: 96, last: 99 });
    expect(
      visibleRange(
        layoutList(0, () => 100, 10),
        0,
        900,
        3,
      ),
    ).toBeNull();
  });

  it('uses each item’s own size', () => {
    const layout = layoutList(4, (i) => (i === 0 ? 500 : 50), 0);
    expect(visibleRange(layout, 0, 400, 0)).toEqual({ first: 0, last: 0 });
    expect(visibleRange(layout, 480, 100, 0)).toEqual({ first: 0, last: 2 });
  });

  it('draws the range, and a kept item outside it in order', () => {
    expect(indexesToDraw({ first: 3, last: 5 }, -1, 10)).toEqual([3, 4, 5]);
    expect(indexesToDraw({ first: 3, last: 5 }, 4, 10)).toEqual([3, 4, 5]);
    expect(indexesToDraw({ first: 3, last: 5 }, 0, 10)).toEqual([0, 3, 4, 5]);
    expect(indexesToDraw({ first: 3, last: 5 }, 9, 10)).toEqual([3, 4, 5, 9]);
    expect(indexesToDraw({ first: 3, last: 5 }, 10, 10)).toEqual([3, 4, 5]);
    expect(indexesToDraw(null, -1, 0)).toEqual([]);
  });

  it('compares ranges by value', () => {
    expect(sameRange({ first: 1, last: 2 }, { first: 1, last: 2 })).toBe(true);
    expect(sameRange({ first: 1, last: 2 }, { first: 1, last: 3 })).toBe(false);
    expect(sameRange(null, null)).toBe(true);
    expect(sameRange(null, { first: 0, last: 0 })).toBe(false);
  });
});
