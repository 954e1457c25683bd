import { describe, expect, it } from 'vitest';
import { layoutTimeline, tickStep } from './timeline-layout.ts';
import { orderTemplates } from './template-steps.ts';

const g = { width: 1000, pad: 0, markerRadius: 10 };

describe('layoutTimeline', () => {
  it('places templates by day on an axis from day 0 to the last day', () => {
    const layout = layoutTimeline(
      orderTemplates([
        { name: 'a', order: 1, daysFromCreation: 0 },
        { name: 'b', order: 2, daysFromCreation: 50 },
        { name: 'c', order: 3, daysFromCreation: 100 },
      ]),
      g,
    );
    expect([layout.minDay, layout.maxDay]).toEqual([0, 100]);
    expect(layout.markers.map((m) => [m.template.name, m.x, m.lane])).toEqual([
      ['a', 0, 0],
      ['b', 500, 0],
      ['c', 1000, 0],
    ]);
    expect(layout.lanes).toBe(1);
  });

  it('moves markers that would overlap to other lanes, and reuses lanes once clear', () => {
    const layout = layoutTimeline(
      orderTemplates([
        { name: 'a', order: 1, daysFromCreation: 0 },
        { name: 'b', order: 2, daysFromCreation: 0 },
        { name: 'c', order: 3, daysFromCreation: 1 },
        { name: 'd', order: 4, daysFromCreation: 50 },
        { name: 'e', order: 5, daysFromCreation: 100 },
      ]),
      g,
    );
    expect(layout.markers.map((m) => [m.template.name, m.lane])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 0],
      ['e', 0],
    ]);
    expect(layout.lanes).toBe(3);
  });

  it('keeps a one-day axis for a single day-0 template, and extends left for negative days', () => {
    expect(layoutTimeline(orderTemplates([{ name: 'a', order: 1, daysFromCreation: 0 }]), g)).toMatchObject({ minDay: 0, maxDay: 1 });
    const neg = layoutTimeline(
      orderTemplates([
        { name: 'a', order: 1, daysFromCreation: -10 },
        { name: 'b', order: 2, daysFromCreation: 10 },
      ]),
      g,
    );
    expect([neg.minDay, neg.maxDay]).toEqual([-10, 10]);
    expect(neg.ticks.find((t) => t.day === 0)?.x).toBe(500);
  });

  it('ticks at round intervals, ending on the last day', () => {
    const days = (last: number) =>
      layoutTimeline(orderTemplates([{ name: 'a', order: 1, daysFromCreation: last }]), g).ticks.map((t) => t.day);
    expect(days(90)).toEqual([0, 15, 30, 45, 60, 75, 90]);
    expect(days(45)).toEqual([0, 10, 20, 30, 40, 45]);
    expect(days(21)).toEqual([0, 5, 10, 15, 20]);
    expect(tickStep(6)).toBe(1);
    expect(tickStep(30)).toBe(5);
    expect(tickStep(365)).toBe(90);
  });
});
