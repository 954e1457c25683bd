import { useId, useMemo } from 'react';
import { DEFAULT_GEOMETRY, layoutTimeline } from './timeline-layout.ts';
import { dayLabel, daysWord, type OrderedTemplate } from './template-steps.ts';

const LANE_HEIGHT = 30;
const TOP = 18;

/**
 * The templates on a days axis from the CTA's creation. An image to assistive technology, with a
 * title and a list of the same facts in words.
 */
export function Timeline({ templates }: { templates: readonly OrderedTemplate[] }) {
  const id = useId();
  const layout = useMemo(() => layoutTimeline(templates), [templates]);
  if (templates.length === 0) return null;
  const { width, markerRadius: r } = DEFAULT_GEOMETRY;
  const axisY = TOP + layout.lanes * LANE_HEIGHT;
  const height = axisY + 30;
  const laneY = (lane: number) => TOP + lane * LANE_HEIGHT;
  const byDay = [...templates].sort((a, b) => a.daysFromCreation - b.daysFromCreation || a.step - b.step);
  const span = layout.maxDay - Math.min(0, layout.minDay);

  return (
    <figure className="rounded border border-slate-200 bg-white p-3">
      <svg
        role="img"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-list`}
        viewBox={`0 0 ${width} ${height}`}
        className="h-auto w-full"
      >
        <title id={`${id}-title`}>{`Timeline of ${templates.length} tasks over ${daysWord(span)} from the CTA's creation`}</title>
        <line
          x1={DEFAULT_GEOMETRY.pad}
          x2={width - DEFAULT_GEOMETRY.pad}
          y1={axisY}
          y2={axisY}
          className="stroke-slate-500"
          strokeWidth={2}
        />
        {layout.ticks.map((tick) => (
          <g key={tick.day}>
            <line x1={tick.x} x2={tick.x} y1={axisY - 4} y2={axisY + 4} className="stroke-slate-500" strokeWidth={1.5} />
            <text x={tick.x} y={axisY + 20} textAnchor="middle" className="fill-slate-700 text-[12px]">
              {dayLabel(tick.day)}
            </text>
          </g>
        ))}
        {layout.markers.map(({ template, x, lane }) => (
          <g key={template.step}>
            <title>{`Step ${template.step}: ${template.name}, ${dayLabel(template.daysFromCreation)}`}</title>
            <line x1={x} x2={x} y1={laneY(lane) + r} y2={axisY} className="stroke-blue-300" strokeWidth={1.5} strokeDasharray="3 3" />
            <circle cx={x} cy={laneY(lane)} r={r} className="fill-blue-700" />
            <text x={x} y={laneY(lane) + 4.5} textAnchor="middle" className="fill-white text-[11px] font-semibold">
              {template.step}
            </text>
          </g>
        ))}
      </svg>
      <ol id={`${id}-list`} className="sr-only">
        {byDay.map((t) => (
          <li key={t.step}>{`${dayLabel(t.daysFromCreation)}: step ${t.step}, ${t.name}.`}</li>
        ))}
      </ol>
      <figcaption className="mt-1 text-xs text-slate-600">
        Circles are the steps above, placed by due day; Day 0 is the CTA's creation (or the start date chosen when applying).
      </figcaption>
    </figure>
  );
}
