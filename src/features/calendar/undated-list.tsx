/**
 * The tasks without a due date, beside the calendar: the most recently changed first (a page of
 * them), with how many there are in all. A drop here clears a task's due date; a task dragged from here to a
 * day gets that day.
 */
import type { SearchResult, Task } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';
import { useDayDrop } from './calendar-dnd.tsx';
import { UNDATED_DROP_ID } from './drop-ids.ts';
import { TaskChip } from './task-chip.tsx';

interface Props {
  result: SearchResult | undefined;
  /** The rows to show (the result's, with changes on their way laid over). */
  rows: Task[];
  error: unknown;
  pending: boolean;
  onRetry: () => void;
  today: string;
  onChangeDate: (task: Task, from: string | null, opener: HTMLButtonElement | null) => void;
}

export function UndatedList({ result, rows, error, pending, onRetry, today, onChangeDate }: Props) {
  const { ref, isOver } = useDayDrop(UNDATED_DROP_ID);
  const sorted = rows;
  const total = result ? result.totalCount + rows.length - result.records.length : rows.length;
  return (
    <section
      ref={ref}
      aria-labelledby="undated-title"
      data-over={isOver || undefined}
      className="flex min-w-0 flex-col gap-2 rounded-md border border-slate-300 bg-white p-2 data-over:bg-blue-50 data-over:ring-2 data-over:ring-blue-500 lg:w-72 lg:shrink-0"
    >
      <h2 id="undated-title" className="text-base font-semibold">
        No due date{result ? ` (${total})` : ''}
      </h2>
      {pending ? (
        <Loading label="Loading tasks without a due date…" />
      ) : error ? (
        <ErrorMessage error={error} title="Tasks without a due date could not be loaded." onRetry={onRetry} />
      ) : sorted.length === 0 ? (
        <p className="text-sm text-slate-600">Every task shown has a due date.</p>
      ) : (
        <>
          <ul aria-label="Tasks without a due date" className="flex flex-col gap-1">
            {sorted.map((task) => (
              <TaskChip key={task.Gsid} task={task} from={null} today={today} onChangeDate={onChangeDate} />
            ))}
          </ul>
          {total > sorted.length && (
            <p className="text-xs text-slate-700">
              Showing {sorted.length} of {total}. Narrow the filters, or find the rest on the Search page.
            </p>
          )}
        </>
      )}
      <p className="text-xs text-slate-600">Drop a task here to remove its due date.</p>
    </section>
  );
}
