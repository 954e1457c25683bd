import { createContext, useContext, useEffect, useRef, useSyncExternalStore } from 'react';
import { Link } from '../router/router.tsx';
import { UNDO_LABEL, type ToastStore } from './toast-store.ts';

/** Typing places where Ctrl/Cmd+Z is the field's own undo, not the app's. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement &&
    !['button', 'checkbox', 'radio', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type)
  );
}

/** Ctrl+Z (Cmd+Z on a Mac) outside a text field takes the newest toast's Undo. */
export function isUndoShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey'>): boolean {
  return event.key.toLowerCase() === 'z' && (event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey;
}

export const ToastContext = createContext<ToastStore | null>(null);

/** `const toast = useToast(); toast.show({ message, tone, actions, link })`. */
export function useToast(): ToastStore {
  const store = useContext(ToastContext);
  if (!store) throw new Error('useToast must be used inside ToastContext');
  return store;
}

const TONE = {
  info: 'border-slate-300 bg-white text-slate-900',
  success: 'border-green-300 bg-green-50 text-green-900',
  warning: 'border-amber-400 bg-amber-50 text-amber-950',
  error: 'border-red-300 bg-red-50 text-red-900',
};

/** The toast region: a polite live region (errors are assertive) in the corner of every page. */
export function Toasts() {
  const store = useToast();
  const toasts = useSyncExternalStore(store.subscribe, store.get, store.get);
  // The toasts' clocks stop while the pointer is over them or focus is in them (WCAG 2.2.1).
  const inside = useRef({ pointer: false, focus: false });
  const update = (change: Partial<typeof inside.current>) => {
    inside.current = { ...inside.current, ...change };
    if (inside.current.pointer || inside.current.focus) store.hold();
    else store.release();
  };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || !isUndoShortcut(event) || isEditable(event.target)) return;
      if (store.undoLatest()) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
  return (
    // The region is always in the page and is itself a polite live region, so a toast added to it
    // is announced (an element inserted together with its own role=status often is not).
    // Error toasts are role=alert, which screen readers announce when inserted.
    <section
      aria-label="Notifications"
      aria-live="polite"
      aria-relevant="additions text"
      onPointerEnter={() => update({ pointer: true })}
      onPointerLeave={() => update({ pointer: false })}
      onFocus={() => update({ focus: true })}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) update({ focus: false });
      }}
      className="pointer-events-none fixed right-4 bottom-4 z-50 flex w-96 max-w-[calc(100vw-2rem)] flex-col gap-2"
    >
      {toasts.map((t) => (
        <div
          key={t.id}
          role={t.tone === 'error' || t.tone === 'warning' ? 'alert' : 'status'}
          className={`pointer-events-auto rounded-lg border p-3 text-sm shadow-lg ${TONE[t.tone ?? 'info']}`}
        >
          <p className="break-words">{t.message}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            {t.link && (
              <Link to={t.link.to} className="font-medium text-blue-800 underline" onClick={() => store.dismiss(t.id)}>
                {t.link.label}
              </Link>
            )}
            {t.actions?.map((a) => (
              <button
                key={a.label}
                type="button"
                aria-keyshortcuts={a.label === UNDO_LABEL ? 'Control+Z Meta+Z' : undefined}
                title={a.label === UNDO_LABEL ? 'Undo (Ctrl+Z or ⌘Z)' : undefined}
                className="rounded border border-current px-2 py-0.5 font-medium"
                onClick={() => {
                  store.dismiss(t.id);
                  a.onAction();
                }}
              >
                {a.label}
              </button>
            ))}
            <button type="button" className="ml-auto rounded px-2 py-0.5 text-xs underline" onClick={() => store.dismiss(t.id)}>
              Dismiss
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}
