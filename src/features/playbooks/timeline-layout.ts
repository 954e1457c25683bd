/**
 * Where the timeline draws things: each template on a days axis from the CTA's creation (day 0),
 * markers that would overlap moved to a lane below, and round tick marks.
 */
import type { OrderedTemplate } from './template-steps.ts';

export interface TimelineGeometry {
  width: number;
  /** Left and right padding of the axis. */
  pad: number;
  markerRadius: number;
}

export const DEFAULT_GEOMETRY: TimelineGeometry = { width: 1000, pad: 32, markerRadius: 12 };

interface PlacedMarker {
  template: OrderedTemplate;
  x: number;
  lane: number;
}

export interface TimelineLayout {
  minDay: number;
  maxDay: number;
  markers: PlacedMarker[];
  lanes: number;
  ticks: { day: number; x: number }[];
}

const TICK_STEPS = [1, 2, 5, 7, 10, 14, 15, 30, 60, 90, 180, 365, 730];

/** A round tick interval giving at most `maxTicks` intervals over `range` days. */
export function tickStep(range: number, maxTicks = 6): number {
  return TICK_STEPS.find((s) => range / s <= maxTicks) ?? Math.ceil(range / maxTicks);
}

export function layoutTimeline(templates: readonly OrderedTemplate[], g: TimelineGeometry = DEFAULT_GEOMETRY): TimelineLayout {
  const days = templates.map((t) => t.daysFromCreation);
  const minDay = Math.min(0, ...days);
  const maxDay = Math.max(minDay + 1, ...days);
  const usable = g.width - 2 * g.pad;
  const xOf = (day: number) => g.pad + ((day - minDay) / (maxDay - minDay)) * usable;

  // Greedy lanes: left to right, each marker goes to the first lane where it clears the last one.
  const gap = 2 * g.markerRadius + 4;
  const laneEnds: number[] = [];
  const byDay = [...templates].sort((a, b) => a.daysFromCreation - b.daysFromCreation || a.step - b.step);
  const markers = byDay.map((template) => {
    const x = xOf(template.daysFromCreation);
    let lane = laneEnds.findIndex((end) => x - end >= gap);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = x;
    return { template, x, lane };
  });
  markers.sort((a, b) => a.template.step - b.template.step);

  const step = tickStep(maxDay - minDay);
  const ticks: { day: number; x: number }[] = [];
  for (let day = Math.ceil(minDay / step) * step; day <= maxDay; day += step) ticks.push({ day, x: xOf(day) });
  if (ticks[ticks.length - 1]?.day !== maxDay && maxDay - (ticks[ticks.length - 1]?.day ?? 0) >= step / 2) {
    ticks.push({ day: maxDay, x: xOf(maxDay) });
  }
  return { minDay, maxDay, markers, lanes: Math.max(1, laneEnds.length), ticks };
}
