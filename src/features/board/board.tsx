/** The four columns, their searches and the moves between them. */
import { useCallback, useMemo, useState } from 'react';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../api/types.ts';
import { BoardColumn } from './board-column.tsx';
import { BoardDnd } from './board-dnd.tsx';
import { columnQueries } from './board-queries.ts';
import type { BoardState } from './board-url-state.ts';
import { columnDomId } from './column-ids.ts';
import type { BoardContext } from './column-request.ts';
import { FocusRequestsContext, createFocusRequests } from './focus-requests.ts';
import { ORDER_BY } from './sort-order.ts';
import { useMoveTask, usePendingMoves } from './use-move-task.ts';

export function Board({ state, context }: { state: BoardState; context: BoardContext }) {
  const queries = useMemo(() => columnQueries(state, context), [state, context]);
  const columnKey = useCallback((status: TaskStatus) => queries[status].queryKey, [queries]);
  const move = useMoveTask({ columnKey, orderBy: ORDER_BY[state.sort] });
  const pending = usePendingMoves();
  const [focusRequests] = useState(createFocusRequests);

  const onMoveTo = useCallback(
    (task: Task, from: TaskStatus, to: TaskStatus) => {
      if (task.Gsid) {
        focusRequests.request({ gsid: task.Gsid, status: to, target: 'menu' }, () => document.getElementById(columnDomId(to))?.focus());
      }
      move({ task, from, to });
    },
    [focusRequests, move],
  );

  return (
    <FocusRequestsContext value={focusRequests}>
      <BoardDnd onMove={move} today={context.today}>
        <div className="grid h-full min-h-[24rem] auto-cols-[minmax(16rem,1fr)] grid-flow-col gap-3 overflow-x-auto">
          {TASK_STATUSES.map((status) => (
            <BoardColumn key={status} status={status} options={queries[status]} pending={pending} onMoveTo={onMoveTo} today={context.today} />
          ))}
        </div>
      </BoardDnd>
    </FocusRequestsContext>
  );
}
