/**
 * Drag and drop on the calendar (dnd-kit, in the calendar's own chunk only): pointer (mouse,
 * touch and pen, by a task's Move handle) and keyboard (Space or Enter on the handle, arrows by
 * day and week, see keyboard-days.ts), a drag overlay, the day under the task highlighted,
 * Escape to cancel, and announcements in plain words. A drop on another day changes the task's
 * due date; a drop on the "No due date" list clears it.
 */
import {
  closestCenter,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type Over,
} from '@dnd-kit/core';
import { useMemo, useState, type ReactNode } from 'react';
import type { Task } from '../../api/types.ts';
import { useToast } from '../../components/toast/toasts.tsx';
import { SCREEN_READER_INSTRUCTIONS, words, type DragWords } from './announcements.ts';
import { dropDate } from './drop-ids.ts';
import { dayCoordinateGetter } from './keyboard-days.ts';
import type { DueChange } from './use-change-due-date.ts';

/** What a dragged task carries. */
export interface TaskDragData {
  task: Task;
  /** Its due date as shown (null: none). */
  from: string | null;
}

/** The task whose handle should take the focus when it is drawn again (after a keyboard drop). */
let focusWanted: string | null = null;

/** Asks for the focus on the task's Move handle when it is drawn again (after its due date changed). */
export function requestFocus(gsid: string | undefined): void {
  const wanted = gsid ?? null;
  focusWanted = wanted;
  // A task moved out of the dates shown is not drawn again: forget it.
  setTimeout(() => {
    if (focusWanted === wanted) focusWanted = null;
  }, 1000);
}

/** True once (and forgets it) when the task with `gsid` should take the focus. */
export function claimFocus(gsid: string): boolean {
  if (focusWanted !== gsid) return false;
  focusWanted = null;
  return true;
}

/** The pointer's day when there is a pointer; otherwise (keyboard) the day nearest the task. */
const collisionDetection: CollisionDetection = (args) => {
  if (args.pointerCoordinates) return pointerWithin(args);
  return closestCenter(args);
};

const POINTER_OPTIONS = { activationConstraint: { distance: 5 } };

const dragData = (active: Active) => active.data.current as TaskDragData | undefined;
const dragWords = (active: Active): DragWords => {
  const data = dragData(active);
  return { name: data?.task.Name ?? 'task', from: data?.from ?? null };
};
const overDate = (over: Over | null) => (over ? dropDate(over.id) : undefined);

function createAnnouncements(): Announcements {
  let lastOver: string | null | undefined;
  return {
    onDragStart: ({ active }) => {
      const drag = dragWords(active);
      lastOver = drag.from;
      return words.start(drag);
    },
    onDragOver: ({ active, over }) => {
      const date = overDate(over);
      if (date === lastOver) return undefined;
      lastOver = date;
      return words.over(dragWords(active), date);
    },
    onDragEnd: ({ active, over }) => words.end(dragWords(active), overDate(over)),
    onDragCancel: ({ active }) => words.cancel(dragWords(active)),
  };
}

interface Props {
  onChange: (change: DueChange) => void;
  today: string;
  children: ReactNode;
}

export function CalendarDnd({ onChange, today, children }: Props) {
  const keyboardOptions = useMemo(() => ({ coordinateGetter: dayCoordinateGetter(() => today) }), [today]);
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, keyboardOptions));
  const [dragged, setDragged] = useState<Task | null>(null);
  const toast = useToast();
  const accessibility = useMemo(
    () => ({ announcements: createAnnouncements(), screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS } }),
    [],
  );

  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    setDragged(null);
    const data = dragData(active);
    const to = overDate(over);
    if (!data?.task.Gsid || to === undefined) return;
    if (to === data.from) {
      toast.show({ tone: 'info', message: words.end(dragWords(active), to) });
      return;
    }
    if (activatorEvent instanceof KeyboardEvent) requestFocus(data.task.Gsid);
    onChange({ task: data.task, from: data.from, to });
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      autoScroll
      accessibility={accessibility}
      onDragStart={({ active }) => setDragged(dragData(active)?.task ?? null)}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      {children}
      <DragOverlay dropAnimation={null}>
        {dragged ? (
          <div
            aria-hidden="true"
            className="cursor-grabbing rounded border border-blue-300 bg-white px-2 py-1 text-xs font-medium text-slate-900 shadow-xl ring-2 ring-blue-500/40"
          >
            {dragged.Name}
          </div>
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}

/** A task's drag: its handle's listeners and attributes, and whether it is dragged. */
export function useTaskDrag(task: Task, from: string | null) {
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({
    id: task.Gsid ?? '',
    data: { task, from } satisfies TaskDragData,
  });
  return { nodeRef: setNodeRef, handleRef: setActivatorNodeRef, handleProps: { ...attributes, ...listeners }, isDragging };
}

/** A drop target: a day (its date) or the list without a due date (null). */
export function useDayDrop(id: string) {
  const { setNodeRef, isOver } = useDroppable({ id });
  return { ref: setNodeRef, isOver };
}
