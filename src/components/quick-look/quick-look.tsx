/**
 * The quick look's host and its opener button. A page that offers quick looks (the board, the
 * search) wraps its content in <QuickLookHost>: it reads `?look=` (quick-look-url.ts) and shows
 * the panel, whose code loads only when one is opened (it is not part of the page's first load).
 * <QuickLookButton> opens it for a task; without a host around it, it draws nothing.
 */
import { createContext, Suspense, use, useEffect, useRef, type ReactNode } from 'react';
import { lazyPart } from '../lazy-part.tsx';
import { useQuickLookUrl } from './quick-look-url.ts';

// A load that fails waits for the network rather than breaking the page around it.
const QuickLookPanel = lazyPart(
  () => import('./quick-look-panel.tsx').then((m) => m.default),
  'The quick look could not be loaded. Reload the page to try again.',
);

type Open = (taskId: string) => void;

const OpenContext = createContext<Open | null>(null);

/** The attribute that marks a task's quick-look button (the focus goes back to it on close). */
const OPENER_ATTR = 'data-quick-look';

export function QuickLookHost({ children }: { children: ReactNode }) {
  const { lookId, open, close } = useQuickLookUrl();
  const shown = useRef<string | null>(null);

  useEffect(() => {
    const was = shown.current;
    shown.current = lookId;
    if (!was || was === lookId) return;
    // The panel gives the focus back to its opener when it closes; when the opener is gone (the
    // card moved to another column after a status change, or the panel was opened by the URL),
    // the task's quick-look button, where there is one, gets it instead of the page.
    requestAnimationFrame(() => {
      if (document.activeElement !== document.body && document.activeElement !== null) return;
      document.querySelector<HTMLElement>(`[${OPENER_ATTR}="${CSS.escape(was)}"]`)?.focus();
    });
  }, [lookId]);

  return (
    <OpenContext value={open}>
      {children}
      {lookId && (
        <Suspense fallback={null}>
          <QuickLookPanel key={lookId} taskId={lookId} onClose={close} />
        </Suspense>
      )}
    </OpenContext>
  );
}

export interface QuickLookButtonProps {
  taskId: string;
  taskName: string;
  tabIndex?: number;
  /** `icon`: an eye, for a board card; `text`: the words "Quick look", for a table row. */
  look?: 'icon' | 'text';
}

/** Opens the task's quick look ("Quick look: <task name>"); nothing without a QuickLookHost around it. */
export function QuickLookButton({ taskId, taskName, tabIndex, look = 'icon' }: QuickLookButtonProps) {
  const open = use(OpenContext);
  if (!open || !taskId) return null;
  const name = `Quick look: ${taskName}`;
  return (
    <button
      type="button"
      tabIndex={tabIndex}
      {...{ [OPENER_ATTR]: taskId }}
      aria-label={name}
      title={look === 'icon' ? name : undefined}
      onClick={(event) => {
        event.stopPropagation();
        open(taskId);
      }}
      className={
        look === 'icon'
          ? 'shrink-0 rounded px-1 py-0.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900'
          : 'rounded border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium whitespace-nowrap text-slate-800 hover:bg-slate-100'
      }
    >
      {look === 'icon' ? (
        <svg aria-hidden="true" viewBox="0 0 20 20" className="block h-4 w-4" fill="none" stroke="currentColor" strokeWidth="1.6">
          <path d="M1.5 10s3-6 8.5-6 8.5 6 8.5 6-3 6-8.5 6-8.5-6-8.5-6Z" />
          <circle cx="10" cy="10" r="2.5" />
        </svg>
      ) : (
        'Quick look'
      )}
    </button>
  );
}
