/**
 * The non-drag way to move a card: a "Move to" button opening a menu of the other statuses
 * (menu button pattern: arrow keys, Home/End, Enter/Space, Escape returns to the button).
 * The menu is `position: fixed` so the column's scrolling does not clip it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { TASK_STATUSES, type TaskStatus } from '../../../api/types.ts';

interface Props {
  taskName: string;
  status: TaskStatus;
  onMove: (to: TaskStatus) => void;
  /** The "Move to" button (the card focuses it after a move). */
  buttonRef: RefObject<HTMLButtonElement | null>;
  /** The button's place in the Tab order (-1 on cards other than their column's tabbable one). */
  tabIndex?: number;
}

interface Place {
  right: number;
  top?: number;
  bottom?: number;
}

const MENU_HEIGHT = 140;

export function MoveToMenu({ taskName, status, onMove, buttonRef, tabIndex }: Props) {
  const options = TASK_STATUSES.filter((s) => s !== status);
  const [place, setPlace] = useState<Place | null>(null);
  const [active, setActive] = useState(0);
  const menuRef = useRef<HTMLUListElement>(null);
  const items = useRef<(HTMLLIElement | null)[]>([]);
  const menuId = useId();
  const open = place !== null;
  /** Where the button was when the menu opened: the menu is placed for it. */
  const openedAt = useRef<DOMRect | null>(null);

  const openAt = (index: number) => {
    const rect = buttonRef.current?.getBoundingClientRect();
    if (!rect) return;
    openedAt.current = rect;
    const right = window.innerWidth - rect.right;
    const below = rect.bottom + MENU_HEIGHT < window.innerHeight;
    setPlace(below ? { right, top: rect.bottom + 4 } : { right, bottom: window.innerHeight - rect.top + 4 });
    setActive((index + options.length) % options.length);
  };
  const close = (refocus: boolean) => {
    setPlace(null);
    if (refocus) buttonRef.current?.focus();
  };

  useEffect(() => {
    if (open) items.current[active]?.focus();
  }, [open, active]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (e: PointerEvent) => {
      const target = e.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setPlace(null);
    };
    // The menu is placed for where the button was: a scroll that moves the button, or a resize,
    // closes it. Another scroller, or a scroll whose event comes just after the menu opened
    // where the button already was (a click while a scroll settles), leaves it open.
    const onScroll = (e: Event) => {
      if (menuRef.current?.contains(e.target as Node)) return;
      const now = buttonRef.current?.getBoundingClientRect();
      const was = openedAt.current;
      if (now && was && Math.abs(now.top - was.top) <= 2 && Math.abs(now.left - was.left) <= 2) return;
      setPlace(null);
    };
    const onResize = () => setPlace(null);
    document.addEventListener('pointerdown', onPointerDown);
    window.addEventListener('scroll', onScroll, true);
    window.addEventListener('resize', onResize);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      window.removeEventListener('scroll', onScroll, true);
      window.removeEventListener('resize', onResize);
    };
  }, [open, buttonRef]);

  const choose = (to: TaskStatus) => {
    setPlace(null);
    onMove(to);
  };

  const onButtonKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      openAt(e.key === 'ArrowDown' ? 0 : -1);
    }
  };

  const onMenuKeyDown = (e: KeyboardEvent) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => setActive((i) => (i + 1) % options.length),
      ArrowUp: () => setActive((i) => (i - 1 + options.length) % options.length),
      Home: () => setActive(0),
      End: () => setActive(options.length - 1),
      Escape: () => close(true),
      Enter: () => choose(options[active]!),
      ' ': () => choose(options[active]!),
    };
    if (e.key === 'Tab') return close(false);
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    e.stopPropagation();
    action();
  };

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        tabIndex={tabIndex}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => (open ? close(false) : openAt(0))}
        onKeyDown={onButtonKeyDown}
        className="shrink-0 rounded px-1.5 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-100"
      >
        Move to
      </button>
      {place && (
        <ul
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={`Move ${taskName} to`}
          onKeyDown={onMenuKeyDown}
          style={{ position: 'fixed', ...place }}
          className="z-40 min-w-40 rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
        >
          {options.map((to, i) => (
            <li
              key={to}
              ref={(el) => {
                items.current[i] = el;
              }}
              role="menuitem"
              tabIndex={i === active ? 0 : -1}
              onClick={() => choose(to)}
              onMouseEnter={() => setActive(i)}
              className="cursor-pointer px-3 py-1.5 outline-none hover:bg-blue-50 focus:bg-blue-100"
            >
              {to}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
