/**
 * The cards' and columns' side of drag and drop (see drag-registry.ts): they register their
 * elements and read back what the drag layer publishes, so they never import dnd-kit and draw
 * the same before and after it has loaded (no card is redrawn from scratch when it arrives, so
 * focus and an open menu stay where they are). A card's handle reads its own binding
 * (useDragHandle): when dnd-kit binds a card, only the handle is drawn again, not the card.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type KeyboardEvent as ReactKeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from 'react';
import type { TaskStatus } from '../../../api/types.ts';
import type { DragData } from '../columns/column-ids.ts';
import type { DragRegistry, PendingPress } from './drag-registry.ts';

/** The board's registry; null outside a board (a column or card drawn alone has no drag). */
export const DragRegistryContext = createContext<DragRegistry | null>(null);

const noSubscription = () => () => {};

/** The keys that pick a card up (dnd-kit's KeyboardSensor's defaults). */
const PICK_UP_CODES = ['Space', 'Enter'];

/**
 * What a handle says about itself before dnd-kit is in: what dnd-kit's attributes say of a handle
 * at rest (it adds its instructions' id, `aria-describedby`, when it comes).
 */
const ATTRIBUTES_AT_REST = { role: 'button', tabIndex: 0, 'aria-disabled': false, 'aria-roledescription': 'draggable' } as const;

const pointerInit = (e: PointerEvent): PointerEventInit => ({
  pointerId: e.pointerId,
  pointerType: e.pointerType,
  isPrimary: e.isPrimary,
  button: e.button,
  buttons: e.buttons,
  clientX: e.clientX,
  clientY: e.clientY,
  screenX: e.screenX,
  screenY: e.screenY,
  width: e.width,
  height: e.height,
  pressure: e.pressure,
});

/**
 * Dispatches a press again, on the handle, now that dnd-kit listens there; and for a pointer that
 * has moved since, the move to where it is now (dnd-kit listens for it on the document from the
 * press on), so a drag already past the activation distance starts at once.
 */
function replay(handle: HTMLElement, press: PendingPress) {
  const init = { bubbles: true, cancelable: true, composed: true };
  if (press.kind === 'pointer') {
    handle.dispatchEvent(new PointerEvent('pointerdown', { ...press.init, ...init }));
    if (press.moved) handle.dispatchEvent(new PointerEvent('pointermove', { ...press.moved, ...init }));
  } else if (handle.ownerDocument.activeElement === handle) handle.dispatchEvent(new KeyboardEvent('keydown', { ...press.init, ...init }));
}

export interface CardDrag {
  /** The card's key in the registry: its handle reads its binding with it (useDragHandle). */
  token: string;
  /** Ref callbacks for the card's element and its drag handle. */
  nodeRef: (element: HTMLElement | null) => void;
  handleRef: (element: HTMLElement | null) => void;
  isDragging: boolean;
}

/** Subscribes to one card's binding (stable for a registry and token). */
function useCardSubscription(registry: DragRegistry | null, token: string) {
  return useCallback((listener: () => void) => (registry ? registry.onCardPublished(token, listener) : () => {}), [registry, token]);
}

/**
 * The card's side: registers its element and handle, and tells whether it is dragged. The card
 * redraws only when that changes; the handle's listeners and attributes, which come when dnd-kit
 * binds the card, are read by the handle alone (useDragHandle), so a card is drawn once, not again
 * when it is bound.
 */
export function useCardDrag(id: string, data: DragData): CardDrag {
  const registry = useContext(DragRegistryContext);
  const token = useId();
  const node = useRef<HTMLElement | null>(null);
  const handle = useRef<HTMLElement | null>(null);
  const subscribe = useCardSubscription(registry, token);
  const isDragging = useSyncExternalStore(subscribe, () => registry?.binding(token)?.isDragging ?? false);

  // Registered after every commit (the registry ignores what did not change), dropped at the end.
  useLayoutEffect(() => {
    registry?.setCard(token, { id, data, node: node.current, handle: handle.current });
  });
  useLayoutEffect(() => () => registry?.removeCard(token), [registry, token]);

  const [nodeRef, handleRef] = useMemo(
    () => [
      (element: HTMLElement | null) => void (node.current = element),
      (element: HTMLElement | null) => void (handle.current = element),
    ],
    [],
  );

  return { token, nodeRef, handleRef, isDragging };
}

/**
 * The handle's side, for the card `token` (from useCardDrag): the props to spread on the handle,
 * dnd-kit's listeners and attributes or, until it is in, the ones that keep a press for it; and
 * the press kept, given to dnd-kit once it listens on the handle.
 */
export function useDragHandle(token: string): Readonly<Record<string, unknown>> {
  const registry = useContext(DragRegistryContext);
  const subscribe = useCardSubscription(registry, token);
  const binding = useSyncExternalStore(subscribe, () => registry?.binding(token) ?? null);

  const keepPress = useMemo(() => {
    if (!registry) return ATTRIBUTES_AT_REST;
    const followPointer = (e: PointerEvent) => {
      if (e.isPrimary) registry.movePending(token, pointerInit(e));
    };
    const forgetPointer = () => {
      registry.clearPending(token, 'pointer');
      window.removeEventListener('pointermove', followPointer, true);
    };
    return {
      ...ATTRIBUTES_AT_REST,
      onPointerEnter: () => registry.want(),
      onFocus: () => registry.want(),
      onBlur: () => registry.clearPending(token, 'keyboard'),
      onPointerDown: (e: ReactPointerEvent) => {
        if (e.isPrimary && e.button === 0) {
          registry.setPending(token, { kind: 'pointer', init: pointerInit(e.nativeEvent) });
          // Where it is carried while dnd-kit is on its way; released before it came: a click, not a drag.
          window.addEventListener('pointermove', followPointer, true);
          window.addEventListener('pointerup', forgetPointer, { once: true, capture: true });
          window.addEventListener('pointercancel', forgetPointer, { once: true, capture: true });
        }
        registry.want();
      },
      onKeyDown: (e: ReactKeyboardEvent) => {
        if (e.code === 'Escape') registry.clearPending(token, 'keyboard');
        else if (PICK_UP_CODES.includes(e.code) && !e.repeat)
          registry.setPending(token, { kind: 'keyboard', init: { code: e.code, key: e.key } });
        registry.want();
      },
    };
  }, [registry, token]);

  // dnd-kit now listens on the handle: a press it missed is given to it.
  const listening = binding?.listeners !== undefined;
  useEffect(() => {
    if (!listening || !registry) return;
    const press = registry.takePending(token);
    const handle = registry.registrations().cards.get(token)?.handle;
    if (press && handle?.isConnected) replay(handle, press);
  }, [listening, registry, token]);

  return useMemo(() => (binding ? { ...binding.listeners, ...binding.attributes } : keepPress), [binding, keepPress]);
}

/** A column as a drop target: a ref for its element, and whether the dragged card is over it. */
export function useColumnDrop(status: TaskStatus) {
  const registry = useContext(DragRegistryContext);
  const ref = useMemo(() => (element: HTMLElement | null) => registry?.setColumn(status, element), [registry, status]);
  const isOver = useSyncExternalStore(registry?.onPublished ?? noSubscription, () => registry?.isOver(status) ?? false);
  return { ref, isOver };
}

/** The Gsid of the card being dragged, or null. */
export function useActiveDragId(): string | null {
  const registry = useContext(DragRegistryContext);
  return useSyncExternalStore(registry?.onPublished ?? noSubscription, () => registry?.activeId() ?? null);
}

/** What a press or a click on a card leaves to the element itself: its links, buttons and menu. */
const INTERACTIVE = 'a, button, input, select, textarea, [role="button"], [role="menu"], [role="menuitem"]';

/**
 * The card's body as a drag source and a way in: a mouse press on the body (not on a link or a
 * button) is given to the card's drag handle, so the whole card drags once the mouse moves a little
 * (the same activation distance as the handle: a click stays a click); a click on the body opens
 * the task, as its name's link does (so going Back finds it, see column-cards.tsx).
 *
 * A touch (or a pen) on the body is left to the browser: a swipe there scrolls the column. Given
 * to the handle, it would start a drag at the first few pixels, before the browser takes the touch
 * for a scroll and cancels it, so every scroll would pick a card up and drop it again. A finger
 * drags by the handle, where touch-action is none.
 */
export function useCardBody(handle: RefObject<HTMLElement | null>) {
  return useMemo(() => {
    const onBody = (target: EventTarget) => target instanceof Element && target.closest(INTERACTIVE) === null;
    return {
      onPointerDown: (e: ReactPointerEvent<HTMLElement>) => {
        if (e.pointerType !== 'mouse' || !e.isPrimary || e.button !== 0 || !onBody(e.target) || !handle.current) return;
        handle.current.dispatchEvent(
          new PointerEvent('pointerdown', { ...pointerInit(e.nativeEvent), bubbles: true, cancelable: true, composed: true }),
        );
      },
      onClick: (e: ReactMouseEvent<HTMLElement>) => {
        if (e.button !== 0 || e.defaultPrevented || !onBody(e.target)) return;
        // Selecting the card's text is not opening it.
        if ((window.getSelection()?.toString() ?? '') !== '') return;
        e.currentTarget.querySelector<HTMLAnchorElement>('a[href^="/tasks/"]')?.click();
      },
    };
  }, [handle]);
}
