/** What follows the pointer during a drag (the DragOverlay): a picture of the card, not a control. */
import type { Task } from '../../../api/types.ts';
import { CardDetails } from '../cards/card-details.tsx';

export function CardPreview({ task, today }: { task: Task; today: string }) {
  return (
    <div aria-hidden="true" className="cursor-grabbing rounded-md border border-blue-300 bg-white p-2.5 shadow-xl ring-2 ring-blue-500/40">
      <p className="break-words pl-6 text-sm font-medium text-slate-900">{task.Name}</p>
      <div className="pl-6">
        <CardDetails task={task} today={today} />
      </div>
    </div>
  );
}
