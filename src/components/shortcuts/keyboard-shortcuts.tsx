/**
 * The keyboard shortcuts' one listener (the keys and when they are left alone: keys.ts) and the
 * header's "Keyboard shortcuts" button; both open the help, whose code loads when it is first
 * opened. The layout draws this once the first page has settled, so none of it is part of the
 * first visit; a key pressed before then is kept by the entry (early-keys.ts) and acted on here.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { createPortal, flushSync } from 'react-dom';
import { useNavigate } from '../router/router.tsx';
import { useNewTask } from '../new-task/new-task-context.tsx';
import { useToast } from '../toast/toasts.tsx';
import { pageBoardKeys, pageSearchField } from '../../lib/shortcuts/registry.ts';
import { takeEarlyKeys } from '../../lib/shortcuts/early-keys.ts';
import { keysBelongToFocus, resolveKey, shortcutsActive, type ShortcutAction } from './keys.ts';

const isGo = (action: ShortcutAction): action is `go:${string}` & ShortcutAction => action.startsWith('go:');

type HelpModule = typeof import('./shortcuts-help.tsx');

export function KeyboardShortcuts() {
  const navigate = useNavigate();
  const { openNewTask } = useNewTask();
  const [helpOpen, setHelpOpen] = useState(false);
  const help = useHelpCode(helpOpen, () => setHelpOpen(false));
  const perform = useRef<(action: ShortcutAction) => boolean>(() => false);
  useLayoutEffect(() => {
    perform.current = (action) => {
      if (action === 'help') {
        setHelpOpen((open) => !open);
        return true;
      }
      // Any other key from the help closes it first (its focus goes back), then acts.
      if (helpOpen) flushSync(() => setHelpOpen(false));
      if (action === 'new-task') openNewTask();
      else if (action === 'search') {
        const field = pageSearchField();
        if (!field?.getClientRects().length) return false;
        field.focus();
      } else if (isGo(action)) void navigate(action.slice(3));
      else return pageBoardKeys()?.(action) ?? false;
      return true;
    };
  });

  useEffect(() => {
    let gAt: number | null = null;
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target instanceof Element ? event.target : null;
      if (event.defaultPrevented || event.isComposing || keysBelongToFocus(target, document) || !shortcutsActive()) {
        gAt = null;
        return;
      }
      const resolved = resolveKey(event, gAt, event.timeStamp);
      gAt = resolved.gAt;
      if (resolved.action && perform.current(resolved.action)) event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    // Keys pressed while this code was on its way count as pressed now.
    for (const event of takeEarlyKeys(performance.now())) onKeyDown(event);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      {/* Its words from 1024 px; a "?" (the key that opens the same list) where the header is narrow. */}
      <button
        type="button"
        aria-haspopup="dialog"
        aria-keyshortcuts="?"
        title="Keyboard shortcuts (?)"
        onClick={() => setHelpOpen(true)}
        className="rounded px-2 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
      >
        <span aria-hidden="true" className="lg:hidden">
          ?
        </span>
        <span className="max-lg:sr-only">Keyboard shortcuts</span>
      </button>
      {/* In the body: the button may sit in the phone's collapsed menu. */}
      {helpOpen && help && createPortal(<help.ShortcutsHelp onClose={() => setHelpOpen(false)} />, document.body)}
    </>
  );
}

/** The help dialog's code, loaded when it is first opened (a failure says so and closes it). */
function useHelpCode(open: boolean, close: () => void): HelpModule | null {
  const [code, setCode] = useState<HelpModule | null>(null);
  const toast = useToast();
  const onFail = useRef(close);
  useLayoutEffect(() => {
    onFail.current = close;
  });
  useEffect(() => {
    if (!open || code) return;
    let live = true;
    import('./shortcuts-help.tsx').then(
      (m) => live && setCode(m),
      () => {
        if (!live) return;
        toast.show({ message: 'The keyboard shortcuts could not be loaded. Check the connection and try again.', tone: 'error' });
        onFail.current();
      },
    );
    return () => {
      live = false;
    };
  }, [open, code, toast]);
  return code;
}
