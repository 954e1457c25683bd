/** The four columns, their searches and the moves between them. */
import { useCallback, useMemo, useState } from 'react';
import { usePlaybooks } from '../../api/playbooks.ts';
import { TASK_STATUSES, type Task, type TaskStatus } from '../../api/types.ts';
import { BoardColumn, ColumnProblem } from './columns/board-column.tsx';
import { boardScope, columnQueries } from './columns/board-queries.ts';
import type { BoardState } from './board-url-state.ts';
import { columnDomId } from './columns/column-ids.ts';
import { filterHidesColumn, type BoardContext } from './columns/column-request.ts';
import { DragLayer } from './dnd/drag-layer.tsx';
import { SelectionBarHost } from '../../components/bulk/selection-bar-host.tsx';
import { SelectionContext, createSelectionStore } from '../../components/bulk/selection-store.ts';
import { createDragRegistry } from './dnd/drag-registry.ts';
import { FocusRequestsContext, createFocusRequests } from './moves/focus-requests.ts';
import { PlaybookIndexContext, playbookIndex } from './cards/playbook-index.ts';
import { orderByOf } from './columns/sort-order.ts';
import { useCardShortcuts } from './columns/card-shortcuts.ts';
import { DragRegistryContext } from './dnd/use-board-drag.ts';
import { useMoveTask, usePendingMoves } from './moves/use-move-task.ts';

export function Board({ state, context }: { state: BoardState; context: BoardContext }) {
  const queries = useMemo(() => columnQueries(state, context), [state, context]);
  const columnKey = useCallback((status: TaskStatus) => queries[status].options?.queryKey ?? null, [queries]);
  const orderBy = orderByOf(state.sort, state.reverse);
  const scope = useMemo(() => boardScope(state, context), [state, context]);
  // A board of one owner's tasks ("My tasks", or the owner filter) presets that owner in "+ Add".
  const newTaskOwner = state.quick.includes('mine') && context.me ? context.me : state.owner;
  const quick = state.quick;
  const hiddenIn = useCallback((status: TaskStatus) => filterHidesColumn({ quick }, status), [quick]);
  const move = useMoveTask({ columnKey, orderBy, scope, hiddenIn });
  const pending = usePendingMoves();
  // One request for the whole board: each card reads its playbook's name and step from it.
  const playbooks = usePlaybooks();
  const playbookNames = useMemo(() => (playbooks.data ? playbookIndex(playbooks.data) : null), [playbooks.data]);
  const [focusRequests] = useState(createFocusRequests);
  const [dragRegistry] = useState(createDragRegistry);
  const [selection] = useState(createSelectionStore);
  // On a phone, one column at a time (the switcher picks it); from 640 px, all four.
  const [shown, setShown] = useState<TaskStatus>('Not Started');
  useCardShortcuts();

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
      <SelectionContext value={selection}>
        <PlaybookIndexContext value={playbookNames}>
          <DragRegistryContext value={dragRegistry}>
            <div className="flex h-full flex-col gap-2">
              <ColumnSkipLinks onSkip={setShown} />
              <ColumnSwitcher shown={shown} onShow={setShown} />
              <SelectionBarHost store={selection} />
              <div className="grid min-h-[24rem] flex-1 grid-cols-1 gap-3 sm:auto-cols-[minmax(13.5rem,1fr)] sm:grid-flow-col sm:grid-cols-none sm:overflow-x-auto">
                {TASK_STATUSES.map((status) => {
                  const { options, problem } = queries[status];
                  return options ? (
                    <BoardColumn
                      key={status}
                      status={status}
                      options={options}
                      pending={pending}
                      orderBy={orderBy}
                      scope={scope}
                      onMoveTo={onMoveTo}
                      today={context.today}
                      hiddenOnPhone={status !== shown}
                      newTaskOwner={newTaskOwner}
                      emptyNote={filterHidesColumn(state, status)}
                    />
                  ) : (
                    <ColumnProblem key={status} status={status} problem={problem} hiddenOnPhone={status !== shown} />
                  );
                })}
              </div>
            </div>
            <DragLayer registry={dragRegistry} onMove={move} today={context.today} />
          </DragRegistryContext>
        </PlaybookIndexContext>
      </SelectionContext>
    </FocusRequestsContext>
  );
}

/**
 * A skip link to each column, seen when focused: from the top of the board, a keyboard user
 * reaches any column's first card in a few Tabs instead of through every card before it.
 */
function ColumnSkipLinks({ onSkip }: { onSkip: (status: TaskStatus) => void }) {
  const skipTo = (status: TaskStatus) => {
    // On a phone the column is shown first; it is drawn by the next frame.
    onSkip(status);
    requestAnimationFrame(() => {
      const section = document.getElementById(columnDomId(status));
      const first = section?.querySelector<HTMLElement>('article[data-index="0"] a[href^="/tasks/"]');
      (first ?? section)?.focus();
    });
  };
  return (
    <nav aria-label="Board columns" className="sr-only mb-2 flex gap-2 focus-within:not-sr-only">
      {TASK_STATUSES.map((status) => (
        <a
          key={status}
          href={`#${columnDomId(status)}`}
          onClick={(event) => {
            event.preventDefault();
            skipTo(status);
          }}
          className="rounded bg-white px-2 py-1 text-sm font-medium text-blue-800 underline shadow-sm"
        >
          Skip to {status}
        </a>
      ))}
    </nav>
  );
}

/** On a phone (under 640 px), which column the board shows: one button per status. */
function ColumnSwitcher({ shown, onShow }: { shown: TaskStatus; onShow: (status: TaskStatus) => void }) {
  return (
    <div role="group" aria-label="Column shown" className="grid grid-cols-2 gap-1 sm:hidden">
      {TASK_STATUSES.map((status) => (
        <button
          key={status}
          type="button"
          aria-pressed={status === shown}
          onClick={() => onShow(status)}
          className={`rounded border px-2 py-1.5 text-sm font-medium ${
            status === shown ? 'border-blue-700 bg-blue-700 text-white' : 'border-slate-300 bg-white text-slate-800'
          }`}
        >
          {status}
        </button>
      ))}
    </div>
  );
}
