/**
 * What lets the board draw its cards before the drag-and-drop code (dnd-kit, board-dnd.tsx) has
 * loaded, and load it only when a drag can start, without losing a drag begun before it arrived.
 *
 * The cards and columns do not call dnd-kit themselves. They register here (their element, the
 * task they carry); once loaded, the drag layer (board-dnd.tsx) draws one invisible binding per
 * card and column inside dnd-kit's context, which attaches dnd-kit to their elements and
 * publishes back what each one needs to draw: the handle's listeners and attributes, whether it
 * is dragged, whether a column is under the dragged card, and which card is dragged. A card's
 * binding is told to that card alone (its handle, see use-board-drag.ts), not to every card.
 *
 * Before the layer is in, a card's handle records a press (`setPending`) and asks for the layer
 * (`want`); the card replays the press on its handle once dnd-kit listens there. A press given
 * up before that (the pointer released, focus gone, Escape) is forgotten.
 *
 * Plain state and listeners, no React: see use-board-drag.ts for the hooks.
 */
import type { TaskStatus } from '../../../api/types.ts';
import type { DragData } from '../columns/column-ids.ts';
import type { MoveVariables } from '../moves/use-move-task.ts';

/** A swimlane cell as a drop target: its status, its lane, and what dropping a card there does. */
export interface CellTarget {
  status: TaskStatus;
  /** The lane's name, said as a card comes over the cell. */
  lane: string;
  /** Whether the card is in this cell (nothing is said as the drag starts over it). */
  holds: (data: DragData) => boolean;
  /** The move a drop of this card makes and its words, or why the drop is refused. */
  plan: (data: DragData) => { move: MoveVariables; words: string } | { refused: string };
}

/** What dnd-kit gives a card's handle: its event listeners and ARIA attributes. */
export interface HandleBinding {
  listeners: Readonly<Record<string, unknown>> | undefined;
  attributes: Readonly<Record<string, unknown>>;
  isDragging: boolean;
}

export interface CardEntry {
  /** The dnd-kit id: the task's Gsid. */
  id: string;
  data: DragData;
  node: HTMLElement | null;
  handle: HTMLElement | null;
}

/**
 * A press on a handle before dnd-kit was there to see it, as the event's init dictionary; for a
 * pointer, also where it has moved since (`moved`), so a drag carried past the activation
 * distance before dnd-kit came starts as soon as it comes, without waiting for another move.
 */
export type PendingPress =
  { kind: 'pointer'; init: PointerEventInit; moved?: PointerEventInit } | { kind: 'keyboard'; init: KeyboardEventInit };

export interface Registrations {
  /** By card instance (a task can briefly be drawn twice, in two columns). */
  cards: ReadonlyMap<string, CardEntry>;
  columns: ReadonlyMap<TaskStatus, HTMLElement>;
  /** Swimlane cells, by drop id. */
  cells: ReadonlyMap<string, { node: HTMLElement; target: CellTarget }>;
}

type Listener = () => void;

function listenerSet() {
  const listeners = new Set<Listener>();
  return {
    add(listener: Listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    notify() {
      for (const listener of [...listeners]) listener();
    },
    size: () => listeners.size,
  };
}

export function createDragRegistry() {
  let registrations: Registrations = { cards: new Map(), columns: new Map(), cells: new Map() };
  const bindings = new Map<string, HandleBinding>();
  const over = new Set<string>();
  let activeId: string | null = null;
  let wanted = false;
  const pending = new Map<string, PendingPress>();

  const registered = listenerSet();
  const published = listenerSet();
  const wants = listenerSet();
  /** Per card: told only of that card's binding (a card drawn or bound tells no other card). */
  const cardPublished = new Map<string, ReturnType<typeof listenerSet>>();

  const setRegistrations = (next: Registrations) => {
    registrations = next;
    registered.notify();
  };

  return {
    // The cards and columns (use-board-drag.ts).
    setCard(token: string, entry: CardEntry) {
      const current = registrations.cards.get(token);
      if (
        current &&
        current.id === entry.id &&
        current.data === entry.data &&
        current.node === entry.node &&
        current.handle === entry.handle
      )
        return;
      setRegistrations({ ...registrations, cards: new Map(registrations.cards).set(token, entry) });
    },
    removeCard(token: string) {
      pending.delete(token);
      if (!registrations.cards.has(token)) return;
      const cards = new Map(registrations.cards);
      cards.delete(token);
      setRegistrations({ ...registrations, cards });
    },
    setColumn(status: TaskStatus, node: HTMLElement | null) {
      if ((registrations.columns.get(status) ?? null) === node) return;
      const columns = new Map(registrations.columns);
      if (node) columns.set(status, node);
      else columns.delete(status);
      setRegistrations({ ...registrations, columns });
    },
    setCell(id: string, target: CellTarget, node: HTMLElement | null) {
      const current = registrations.cells.get(id);
      if (current ? current.node === node && current.target === target : !node) return;
      const cells = new Map(registrations.cells);
      if (node) cells.set(id, { node, target });
      else cells.delete(id);
      setRegistrations({ ...registrations, cells });
    },
    registrations: () => registrations,
    onRegistrations: registered.add,

    // What the drag layer publishes back.
    publishCard(token: string, binding: HandleBinding | null) {
      const current = bindings.get(token);
      if (binding === null ? current === undefined : current !== undefined && sameBinding(current, binding)) return;
      if (binding) bindings.set(token, binding);
      else bindings.delete(token);
      cardPublished.get(token)?.notify();
      published.notify();
    },
    /** Whether the dragged card is over a column (by status) or a cell (by drop id). */
    publishOver(status: string, isOver: boolean) {
      if (over.has(status) === isOver) return;
      if (isOver) over.add(status);
      else over.delete(status);
      published.notify();
    },
    publishActive(id: string | null) {
      if (activeId === id) return;
      activeId = id;
      published.notify();
    },
    binding: (token: string): HandleBinding | null => bindings.get(token) ?? null,
    isOver: (status: string) => over.has(status),
    activeId: () => activeId,
    /** Told of every change published (cards, columns, the dragged card). */
    onPublished: published.add,
    /** Told only when this card's binding changes. */
    onCardPublished(token: string, listener: Listener) {
      let listeners = cardPublished.get(token);
      if (!listeners) cardPublished.set(token, (listeners = listenerSet()));
      const remove = listeners.add(listener);
      return () => {
        remove();
        if (listeners.size() === 0 && cardPublished.get(token) === listeners) cardPublished.delete(token);
      };
    },

    // Loading the layer: asked for by a handle (pressed, focused, pointed at); each time, so a
    // load that failed is tried again at the next press.
    want() {
      wanted = true;
      wants.notify();
    },
    isWanted: () => wanted,
    onWant: wants.add,

    // A press made before the layer was in.
    setPending(token: string, press: PendingPress) {
      pending.set(token, press);
    },
    /** The pointer held on this card's handle has moved (nothing when no pointer press is kept). */
    movePending(token: string, moved: PointerEventInit) {
      const press = pending.get(token);
      if (press?.kind === 'pointer') pending.set(token, { ...press, moved });
    },
    clearPending(token: string, kind?: PendingPress['kind']) {
      if (!kind || pending.get(token)?.kind === kind) pending.delete(token);
    },
    /** The press to replay on this card's handle, once (null when there is none). */
    takePending(token: string): PendingPress | null {
      const press = pending.get(token) ?? null;
      pending.delete(token);
      return press;
    },
  };
}

export type DragRegistry = ReturnType<typeof createDragRegistry>;

function sameBinding(a: HandleBinding, b: HandleBinding): boolean {
  return a.listeners === b.listeners && a.attributes === b.attributes && a.isDragging === b.isDragging;
}
