/**
 * A task on the board: an `article` named by the task, with a drag handle, the name linking to
 * the task page, the "Move to" menu and the task's facts. Resting the pointer on it, or keeping
 * focus in it, warms the task page's data.
 *
 * The card takes part in drag and drop through use-board-drag.ts (dnd-kit itself loads on
 * demand). The card is split: the outer part knows whether it is dragged; the body is memoised
 * and redraws only when its task changes; the drag handle reads dnd-kit's listeners and
 * attributes itself, so when dnd-kit binds a card (once it has loaded, and for every card
 * scrolled into view after that) only the handle is drawn again, not the card (scrolling through
 * many cards and a drop on a board of many cards stay quick).
 */
import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useMemo, useRef, type RefObject } from 'react';
import { Link } from '../../../components/router/router.tsx';
import { prefetchTask } from '../../../api/tasks.ts';
import { QuickLookButton } from '../../../components/quick-look/quick-look.tsx';
import { SelectCheckbox } from '../../../components/bulk/select-checkbox.tsx';
import type { Task, TaskStatus } from '../../../api/types.ts';
import { CardDetails } from './card-details.tsx';
import type { DragData } from '../columns/column-ids.ts';
import { useFocusRequests } from '../moves/focus-requests.ts';
import { MoveToMenu } from '../moves/move-to-menu.tsx';
import { useCardBody, useCardDrag, useDragHandle } from '../dnd/use-board-drag.ts';
import { useRestIntent } from './use-rest-intent.ts';

type OnMoveTo = (task: Task, from: TaskStatus, to: TaskStatus) => void;

interface Props {
  task: Task;
  status: TaskStatus;
  index: number;
  /** Where the virtual list puts the card (px from the list's top). */
  start: number;
  /** The column's count, for aria-setsize. */
  setSize: number;
  /** Whether the card's controls are in the Tab order (one card per column, see card-keys.ts). */
  tabbable: boolean;
  measure: (element: HTMLElement | null) => void;
  onMoveTo: OnMoveTo;
  today: string;
}

export const TaskCard = memo(function TaskCard({ task, status, index, start, setSize, tabbable, measure, onMoveTo, today }: Props) {
  const gsid = task.Gsid ?? '';
  const data: DragData = useMemo(() => ({ task, status }), [task, status]);
  const { token, nodeRef, handleRef: dragHandleRef, isDragging } = useCardDrag(gsid, data);
  const queryClient = useQueryClient();
  const handle = useRef<HTMLButtonElement | null>(null);
  const menuButton = useRef<HTMLButtonElement | null>(null);
  const focusRequests = useFocusRequests();

  useEffect(() => {
    const claim = () => {
      const target = focusRequests.claim(gsid, status);
      if (target) (target === 'handle' ? handle : menuButton).current?.focus();
    };
    claim();
    return focusRequests.subscribe(claim);
  }, [focusRequests, gsid, status]);

  const ref = useCallback(
    (element: HTMLElement | null) => {
      nodeRef(element);
      measure(element);
    },
    [nodeRef, measure],
  );
  const handleRef = useCallback(
    (element: HTMLButtonElement | null) => {
      handle.current = element;
      dragHandleRef(element);
    },
    [dragHandleRef],
  );
  // Warms the task page when the pointer rests on the card or focus stays in it (not for every
  // card the mouse passes over).
  const restIntent = useRestIntent(() => void prefetchTask(queryClient, gsid));
  // The whole card drags (a press on its body goes to the handle) and a click on it opens it.
  const body = useCardBody(handle);

  return (
    <article
      ref={ref}
      data-index={index}
      aria-label={task.Name ?? '(no name)'}
      aria-posinset={index + 1}
      aria-setsize={setSize}
      {...restIntent}
      onPointerDown={body.onPointerDown}
      onClick={body.onClick}
      style={{ position: 'absolute', top: start, left: 0, right: 0 }}
      className={`group cursor-grab rounded-md border p-2.5 shadow-sm active:cursor-grabbing ${isDragging ? 'border-dashed border-blue-400 bg-blue-50' : 'border-slate-200 bg-white has-[input:checked]:border-blue-600 has-[input:checked]:bg-blue-50'}`}
    >
      <CardBody
        task={task}
        status={status}
        today={today}
        tabbable={tabbable}
        onMoveTo={onMoveTo}
        handleRef={handleRef}
        menuButton={menuButton}
        dragToken={token}
      />
    </article>
  );
});

interface BodyProps {
  task: Task;
  status: TaskStatus;
  today: string;
  tabbable: boolean;
  onMoveTo: OnMoveTo;
  handleRef: (element: HTMLButtonElement | null) => void;
  menuButton: RefObject<HTMLButtonElement | null>;
  /** The card's key in the drag registry (see use-board-drag.ts). */
  dragToken: string;
}

const CardBody = memo(function CardBody({ task, status, today, tabbable, onMoveTo, handleRef, menuButton, dragToken }: BodyProps) {
  const tabIndex = tabbable ? 0 : -1;
  const name = task.Name ?? '(no name)';
  return (
    <>
      <div className="flex items-start gap-1">
        <DragHandle token={dragToken} name={name} handleRef={handleRef} tabIndex={tabIndex} />
        <Link
          to={`/tasks/${encodeURIComponent(task.Gsid ?? '')}`}
          tabIndex={tabIndex}
          className="min-w-0 flex-1 break-words text-sm font-medium text-slate-900 hover:underline"
        >
          {name}
        </Link>
        <QuickLookButton taskId={task.Gsid ?? ''} taskName={name} tabIndex={tabIndex} />
        <MoveToMenu
          taskName={name}
          status={status}
          onMove={(to) => onMoveTo(task, status, to)}
          buttonRef={menuButton}
          tabIndex={tabIndex}
        />
      </div>
      {/* The checkbox sits in the gutter under the handle: it takes no room from the card's text. */}
      <div className="relative pl-5">
        <SelectCheckbox id={task.Gsid ?? ''} name={name} tabIndex={tabIndex} reveal className="absolute left-0 top-0.5" />
        <CardDetails task={task} today={today} />
      </div>
    </>
  );
});

interface HandleProps {
  token: string;
  name: string;
  handleRef: (element: HTMLButtonElement | null) => void;
  tabIndex: number;
}

/** The drag handle: the only part of a card drawn again when dnd-kit binds it. */
const DragHandle = memo(function DragHandle({ token, name, handleRef, tabIndex }: HandleProps) {
  const handleProps = useDragHandle(token);
  return (
    <button
      ref={handleRef}
      {...handleProps}
      tabIndex={tabIndex}
      type="button"
      aria-label={`Move ${name}`}
      className="-ml-1 shrink-0 cursor-grab touch-none rounded px-1 py-0.5 text-slate-500 hover:bg-slate-100 hover:text-slate-800"
    >
      <span
        aria-hidden="true"
        className="block h-4 w-2.5 bg-[radial-gradient(circle,currentColor_1.2px,transparent_1.5px)] bg-[length:5px_5px]"
      />
    </button>
  );
});
