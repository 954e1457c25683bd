import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { Button } from '../ui/button.tsx';

export interface ModalProps {
  /** The id of the element (a heading) that names the dialog. */
  labelledBy: string;
  /** The id of the element that describes it, if any. */
  describedBy?: string;
  /** Escape (or another close request) asks to close: the owner decides, e.g. after a confirm. */
  onRequestClose: () => void;
  /**
   * Focused when the dialog opens (a ref, or an element's id); else the browser focuses the first
   * focusable element.
   */
  initialFocus?: RefObject<HTMLElement | null> | string;
  /** Focused again when the dialog closes; default: whatever had the focus when it opened. */
  returnFocus?: RefObject<HTMLElement | null>;
  role?: 'dialog' | 'alertdialog';
  /** `center`: a box in the middle; `side`: a sheet along the right edge, the full width on a phone. */
  placement?: 'center' | 'side';
  className?: string;
  children: ReactNode;
}

const PLACEMENT = {
  center: 'm-auto max-h-[calc(100vh-2rem)] rounded-lg border',
  side: 'my-0 mr-0 ml-auto h-dvh max-h-dvh w-full max-w-full overflow-y-auto border-l sm:w-[30rem]',
} as const;

/** The modals shown, in the order they opened: the last is the one on top. */
const openModals: HTMLDialogElement[] = [];

/**
 * A modal dialog: a native `<dialog>` opened with showModal() while mounted, so the page behind
 * it is inert and the focus stays inside. Escape asks the owner to close it; on unmount the focus
 * goes back where it was.
 */
export function Modal({
  labelledBy,
  describedBy,
  onRequestClose,
  initialFocus,
  returnFocus,
  role = 'dialog',
  placement = 'center',
  className = '',
  children,
}: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  /** Set while this component closes the dialog itself (on unmount). */
  const closing = useRef(false);
  const requestClose = useRef(onRequestClose);
  const focusFirst = useRef(initialFocus);
  /** Read when the dialog closes, so the latest target wins. */
  const focusBack = useRef(returnFocus);
  useLayoutEffect(() => {
    requestClose.current = onRequestClose;
    focusBack.current = returnFocus;
  });

  // A layout effect: the dialog is modal before it is first painted, and the focus is back on the
  // opener with the commit that takes the dialog away, before the next paint (Preact runs a
  // passive effect's cleanup after it).
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    closing.current = false;
    if (!dialog.open) {
      if (typeof dialog.showModal === 'function') dialog.showModal();
      else dialog.setAttribute('open', ''); // jsdom has no showModal
    }
    openModals.push(dialog);
    const target = focusFirst.current;
    const first = typeof target === 'string' ? document.getElementById(target) : target?.current;
    first?.focus();
    return () => {
      closing.current = true;
      const index = openModals.indexOf(dialog);
      const covered = index !== openModals.length - 1;
      openModals.splice(index, 1);
      const finish = () => {
        if (dialog.isConnected) {
          if (typeof dialog.close === 'function') dialog.close();
          else dialog.removeAttribute('open');
        }
        const back = focusBack.current?.current ?? opener;
        if (back?.isConnected) back.focus();
      };
      // At once, so a key that closed the dialog acts where the focus went back (the shortcuts'
      // help). Under a dialog opened after it (a confirm, inside it or beside it, whose cleanup
      // runs after this one when both close together), the page is inert and the focus cannot go
      // back yet: once this commit has taken both away.
      if (covered) queueMicrotask(finish);
      else finish();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-modal="true"
      onCancel={(e) => {
        // The browser would close the dialog by itself; let the owner decide instead.
        e.preventDefault();
        requestClose.current();
      }}
      onClose={() => {
        // Closed by the browser, not by unmounting (e.g. a close request it would not let be
        // cancelled): show it again and let the owner decide, so nothing is dropped unseen.
        const dialog = ref.current;
        if (!dialog || dialog.open || closing.current) return;
        if (typeof dialog.showModal === 'function') dialog.showModal();
        requestClose.current();
      }}
      onKeyDown={(e) => {
        // Handled here too: browsers stop honouring a cancelled `cancel` event after a while.
        if (e.key === 'Escape' && !e.defaultPrevented) {
          e.preventDefault();
          e.stopPropagation();
          requestClose.current();
        }
      }}
      className={`${PLACEMENT[placement]} border-slate-300 bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-900/40 ${className}`}
    >
      {children}
    </dialog>
  );
}

export interface ConfirmDialogProps {
  title: string;
  message: ReactNode;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm: () => void;
  /** Also what Escape does. */
  onCancel: () => void;
  /** 'danger' colours the confirm button red (e.g. discarding changes). */
  tone?: 'danger' | 'default';
  /** Where the focus goes once it closes (default: where it was). */
  returnFocus?: RefObject<HTMLElement | null>;
  /** Ids must be unique on the page. */
  id: string;
}

/** A yes/no question in a modal alert dialog; the safe answer has the focus. */
export function ConfirmDialog({
  title,
  message,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  tone = 'danger',
  returnFocus,
  id,
}: ConfirmDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  return (
    <Modal
      role="alertdialog"
      labelledBy={`${id}-title`}
      describedBy={`${id}-message`}
      onRequestClose={onCancel}
      initialFocus={cancelRef}
      returnFocus={returnFocus}
      className="w-[28rem] max-w-[calc(100vw-2rem)]"
    >
      <div className="p-5">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {title}
        </h2>
        <div id={`${id}-message`} className="mt-2 text-sm text-slate-700">
          {message}
        </div>
        <div className="mt-5 flex justify-end gap-2">
          <Button ref={cancelRef} variant="secondary" onClick={onCancel}>
            {cancelLabel}
          </Button>
          <Button variant={tone === 'danger' ? 'danger' : 'primary'} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </div>
      </div>
    </Modal>
  );
}
