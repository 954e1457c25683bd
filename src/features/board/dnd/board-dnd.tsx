/**
 * Drag and drop for the board (dnd-kit), loaded on demand (see drag-layer.tsx): pointer (mouse,
 * touch, pen) and keyboard, a drag overlay, the column under the card highlighted (each column
 * is a droppable), auto-scrolling, Escape to cancel, and announcements in plain words. A drop on
 * another column is a status change.
 *
 * The cards and columns are not inside dnd-kit's context: they registered their elements (see
 * drag-registry.ts), and an invisible binding per card and column here attaches dnd-kit to them
 * and publishes back what they draw. The list of bindings follows the registrations inside
 * dnd-kit's context, so cards coming and going while a column scrolls never redraw the context.
 */
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  useDndContext,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type Active,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type Over,
} from '@dnd-kit/core';
import { memo, useLayoutEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { TaskStatus } from '../../../api/types.ts';
import { useToast } from '../../../components/toast/toasts.tsx';
import { SCREEN_READER_INSTRUCTIONS, sameColumnDrop, words, type DragWords } from './announcements.ts';
import { CardPreview } from './card-preview.tsx';
import { columnDomId, columnDropId, isColumnDropId, type DragData } from '../columns/column-ids.ts';
import type { CardEntry, CellTarget, DragRegistry } from './drag-registry.ts';
import { useFocusRequests } from '../moves/focus-requests.ts';
import { columnCoordinateGetter } from './keyboard-coordinates.ts';
import { cellCoordinateGetter } from '../lanes/lane-keys.ts';
import type { MoveVariables } from '../moves/use-move-task.ts';

/**
 * The column or cell under the pointer; for the keyboard (no pointer), the one under the card's
 * centre (cells of different heights make "overlaps most" pick a neighbour); else the one the
 * card overlaps most.
 */
const collisionDetection: CollisionDetection = (args) => {
  const rect = args.collisionRect;
  const point = args.pointerCoordinates ?? { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  const within = pointerWithin({ ...args, pointerCoordinates: point });
  return within.length > 0 ? within : rectIntersection(args);
};

// Module constants: new options would give every card new listeners, and redraw it, on each render.
const POINTER_OPTIONS = { activationConstraint: { distance: 5 } };
const columnKeys = columnCoordinateGetter(isColumnDropId);
const KEYBOARD_OPTIONS = {
  // On a board with swimlanes, the arrows go to the cell beside, above or below.
  coordinateGetter: cellCoordinateGetter(columnKeys),
};

const dragData = (active: Active): DragData | undefined => active.data.current as DragData | undefined;
const dragWords = (active: Active): DragWords => {
  const data = dragData(active);
  return { name: data?.task.Name ?? 'task', from: data?.status ?? 'Not Started' };
};
const overStatus = (over: Over | null): TaskStatus | null => (over?.data.current as { status?: TaskStatus } | undefined)?.status ?? null;
const overCell = (over: Over | null): CellTarget | null => (over?.data.current as { cell?: CellTarget } | undefined)?.cell ?? null;

/** What a drop on a swimlane cell does, with its words (see lanes/). */
const cellPlan = (active: Active, over: Over | null) => {
  const cell = overCell(over);
  const data = dragData(active);
  return cell && data ? cell.plan(data) : null;
};

/**
 * The announcements. Each column is told once as the card comes over it; the source column is
 * not told at pick-up, so "Picked up task …" is what is heard first.
 */
function createAnnouncements(): Announcements {
  let lastOver: string | null = null;
  return {
    onDragStart: ({ active }) => {
      const drag = dragWords(active);
      lastOver = drag.from;
      return words.start(drag);
    },
    onDragOver: ({ active, over }) => {
      const status = overStatus(over);
      const cell = overCell(over);
      const id = cell ? String(over?.id) : status;
      if (id === lastOver) return undefined;
      const data = dragData(active);
      // The card's own cell, as the drag starts: "Picked up" is what is heard first.
      const starting = cell && lastOver === data?.status && cell.holds(data);
      lastOver = id;
      if (starting) return undefined;
      if (!cell) return words.over(dragWords(active), status);
      return data && cell.holds(data)
        ? `Over ${cell.status} in ${cell.lane}, where it already is.`
        : `Over ${cell.status} in ${cell.lane}.`;
    },
    onDragEnd: ({ active, over }) => {
      const plan = cellPlan(active, over);
      if (plan) return 'refused' in plan ? plan.refused : plan.words;
      return words.end(dragWords(active), overStatus(over));
    },
    onDragCancel: ({ active }) => words.cancel(dragWords(active)),
  };
}

/**
 * Attaches dnd-kit to one card's element and handle, and publishes what the card draws. Memoised:
 * a card coming or going redraws its own binding, not every card's.
 */
const CardBinding = memo(function CardBinding({ registry, token, entry }: { registry: DragRegistry; token: string; entry: CardEntry }) {
  const { setNodeRef, setActivatorNodeRef, listeners, attributes, isDragging } = useDraggable({ id: entry.id, data: entry.data });
  useLayoutEffect(() => {
    setNodeRef(entry.node);
    setActivatorNodeRef(entry.handle);
  }, [setNodeRef, setActivatorNodeRef, entry.node, entry.handle]);
  useLayoutEffect(() => {
    registry.publishCard(token, { listeners, attributes: attributes as unknown as Record<string, unknown>, isDragging });
  }, [registry, token, listeners, attributes, isDragging]);
  useLayoutEffect(() => () => registry.publishCard(token, null), [registry, token]);
  return null;
});

/** Attaches dnd-kit to one column's element (a drop target as a whole) and publishes whether the dragged card is over it. */
const ColumnBinding = memo(function ColumnBinding({
  registry,
  status,
  node,
}: {
  registry: DragRegistry;
  status: TaskStatus;
  node: HTMLElement;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: columnDropId(status), data: { status } });
  useLayoutEffect(() => setNodeRef(node), [setNodeRef, node]);
  useLayoutEffect(() => registry.publishOver(status, isOver), [registry, status, isOver]);
  useLayoutEffect(() => () => registry.publishOver(status, false), [registry, status]);
  return null;
});

/** Attaches dnd-kit to one swimlane cell's element, and publishes whether the dragged card is over it. */
const CellBinding = memo(function CellBinding({
  registry,
  id,
  node,
  target,
}: {
  registry: DragRegistry;
  id: string;
  node: HTMLElement;
  target: CellTarget;
}) {
  const data = useMemo(() => ({ status: target.status, cell: target }), [target]);
  const { setNodeRef, isOver } = useDroppable({ id, data });
  useLayoutEffect(() => setNodeRef(node), [setNodeRef, node]);
  useLayoutEffect(() => registry.publishOver(id, isOver), [registry, id, isOver]);
  useLayoutEffect(() => () => registry.publishOver(id, false), [registry, id]);
  return null;
});

/**
 * The bindings of the cards and columns registered now. It alone follows the registrations, as a
 * child of dnd-kit's context: a card scrolled into view or out of it redraws this list (and the
 * one binding that came), not dnd-kit's context nor any card.
 */
const Bindings = memo(function Bindings({ registry }: { registry: DragRegistry }) {
  const { cards, columns, cells } = useSyncExternalStore(registry.onRegistrations, registry.registrations);
  return (
    <>
      {[...columns].map(([status, node]) => (
        <ColumnBinding key={status} registry={registry} status={status} node={node} />
      ))}
      {[...cells].map(([id, { node, target }]) => (
        <CellBinding key={id} registry={registry} id={id} node={node} target={target} />
      ))}
      {[...cards].map(([token, entry]) => (
        <CardBinding key={token} registry={registry} token={token} entry={entry} />
      ))}
      <ActiveBinding registry={registry} />
    </>
  );
});

/** Publishes which card is dragged. */
const ActiveBinding = memo(function ActiveBinding({ registry }: { registry: DragRegistry }) {
  const { active } = useDndContext();
  const id = active ? String(active.id) : null;
  useLayoutEffect(() => registry.publishActive(id), [registry, id]);
  useLayoutEffect(() => () => registry.publishActive(null), [registry]);
  return null;
});

interface Props {
  registry: DragRegistry;
  onMove: (move: MoveVariables) => void;
  today: string;
}

export function BoardDndLayer({ registry, onMove, today }: Props) {
  const sensors = useSensors(useSensor(PointerSensor, POINTER_OPTIONS), useSensor(KeyboardSensor, KEYBOARD_OPTIONS));
  const [dragged, setDragged] = useState<DragData | null>(null);
  const focusRequests = useFocusRequests();
  const toast = useToast();
  const accessibility = useMemo(
    () => ({ announcements: createAnnouncements(), screenReaderInstructions: { draggable: SCREEN_READER_INSTRUCTIONS } }),
    [],
  );

  const onDragStart = ({ active }: DragStartEvent) => setDragged(dragData(active) ?? null);
  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    setDragged(null);
    const data = dragData(active);
    const to = overStatus(over);
    if (!data?.task.Gsid || !to) return;
    const plan = cellPlan(active, over);
    if (plan) {
      if ('refused' in plan) {
        toast.show({ message: plan.refused, tone: 'info' });
        return;
      }
      if (activatorEvent instanceof KeyboardEvent) {
        focusRequests.request({ gsid: data.task.Gsid, status: to, target: 'handle' }, () => undefined);
      }
      onMove(plan.move);
      return;
    }
    if (to === data.status) {
      // Refused, and said where everyone sees it (the announcement is for screen readers).
      toast.show({ message: sameColumnDrop(dragWords(active)), tone: 'info' });
      return;
    }
    if (activatorEvent instanceof KeyboardEvent) {
      // Keep the keyboard user on the card they moved.
      focusRequests.request({ gsid: data.task.Gsid, status: to, target: 'handle' }, () =>
        document.getElementById(columnDomId(to))?.focus(),
      );
    }
    onMove({ task: data.task, from: data.status, to });
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={collisionDetection}
      autoScroll
      accessibility={accessibility}
      onDragStart={onDragStart}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDragged(null)}
    >
      <Bindings registry={registry} />
      <DragOverlay dropAnimation={null}>{dragged ? <CardPreview task={dragged.task} today={today} /> : null}</DragOverlay>
    </DndContext>
  );
}
