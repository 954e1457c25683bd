import { Link } from '../../components/router/router.tsx';
import { formatDate } from '../../lib/dates.ts';
import type { ApplyItem, ApplyPhase } from './apply-machine.ts';
import type { PlannedTask } from './task-plan.ts';
import { dayLabel } from './template-steps.ts';

/** The tasks an application creates, with their calendar due dates and, once running, what happened to each. */
export function PlanTable({ plan, items, phase }: { plan: readonly PlannedTask[]; items?: readonly ApplyItem[]; phase?: ApplyPhase }) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="mb-1 text-left text-sm font-semibold text-slate-800">
        {items ? 'Tasks' : `Tasks to create (${plan.length})`}
      </caption>
      <thead className="border-b border-slate-300 bg-slate-100">
        <tr>
          <th scope="col" className="px-2 py-1.5">
            Step
          </th>
          <th scope="col" className="px-2 py-1.5">
            Task
          </th>
          <th scope="col" className="px-2 py-1.5">
            Due
          </th>
          {items && (
            <th scope="col" className="px-2 py-1.5">
              Result
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {plan.map((task, i) => {
          const item = items?.[i];
          return (
            <tr key={task.step} className="border-b border-slate-200 align-top">
              <td className="px-2 py-1.5 tabular-nums whitespace-nowrap">{task.step}</td>
              <td className="px-2 py-1.5">{task.name}</td>
              <td className="px-2 py-1.5 whitespace-nowrap">
                <time dateTime={task.dueDate}>{formatDate(task.dueDate)}</time>
                <span className="block text-xs text-slate-600">{dayLabel(task.daysFromCreation)}</span>
              </td>
              {item && (
                <td className="px-2 py-1.5">
                  <ItemResult item={item} phase={phase} />
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ItemResult({ item, phase }: { item: ApplyItem; phase?: ApplyPhase }) {
  const over = phase === 'finished' || phase === 'idle';
  switch (item.status) {
    case 'pending':
      return <span className="text-slate-600">{over ? 'Not created' : item.sends > 0 ? 'Waiting to send again' : 'Waiting'}</span>;
    case 'verify':
      return <span className="text-slate-600">{over ? 'Not checked yet' : 'Waiting to check'}</span>;
    case 'sending':
      return <span className="font-medium text-blue-800">Creating…</span>;
    case 'checking':
      return <span className="font-medium text-blue-800">Checking whether it was created…</span>;
    case 'created':
      return (
        <span className="text-green-800">
          <span aria-hidden="true">✓ </span>
          {item.taskId ? (
            <Link to={`/tasks/${encodeURIComponent(item.taskId)}`} className="font-medium underline">
              Created
            </Link>
          ) : (
            'Created'
          )}
          {item.recovered && <span className="block text-xs text-slate-700">Its reply was lost; found on the server.</span>}
        </span>
      );
    case 'failed':
    case 'unknown':
      return (
        <span className="text-red-800">
          <span className="font-medium">
            <span aria-hidden="true">✕ </span>
            {item.status === 'failed' ? 'Failed' : 'Failed (outcome unknown)'}
          </span>
          {item.failure && <span className="block text-xs">{item.failure.message}</span>}
          {item.status === 'unknown' && (
            <span className="block text-xs text-slate-700">
              The server may have created it anyway; Retry checks before sending it again.
            </span>
          )}
          {item.failure?.requestId && <span className="block text-xs text-slate-600">Request id: {item.failure.requestId}</span>}
        </span>
      );
  }
}
