/**
 * The selection bar (sticky above the page's tasks while something is selected): how many tasks,
 * Clear, and the bulk actions, each through its dialog. Escape clears the selection, except in a
 * dialog and where the focus takes keys of its own (a text field, where Escape is the field's:
 * a search box clears its text; a select, a combobox, a menu). Loaded only once something is
 * selected.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Button } from '../ui/button.tsx';
import { ACTION_LABELS, BulkDialog, type BulkAction } from './bulk-dialog.tsx';
import { tasksWord, type BulkChange } from './bulk-plan.ts';
import { startBulkChange, useBulkRunning } from './run-store.ts';
import { EMPTY_SELECTION } from './selection.ts';
import { useSelectionCount, type SelectionStore } from './selection-store.ts';

interface Props {
  store: SelectionStore;
  /** More controls after the count (the search's "Select all N matching"). */
  extra?: ReactNode;
}

const ACTIONS = Object.keys(ACTION_LABELS) as BulkAction[];

/** Where Escape belongs to the focused element (a checkbox's Escape is the page's: it clears). */
const OWN_ESCAPE =
  'input:not([type=checkbox],[type=radio],[type=button],[type=submit],[type=reset]),textarea,select,[contenteditable]:not([contenteditable="false"]),[role=combobox],[role=listbox],[role=menu],[role=menuitem]';

export function SelectionBar({ store, extra }: Props) {
  const count = useSelectionCount(store);
  const running = useBulkRunning();
  const [action, setAction] = useState<BulkAction | null>(null);
  const queryClient = useQueryClient();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (event.target instanceof Element && event.target.closest(OWN_ESCAPE)) return;
      if (store.get().items.size === 0) return;
      store.set(() => EMPTY_SELECTION);
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [store]);

  const confirm = (change: BulkChange) => {
    const tasks = [...store.get().items.values()];
    setAction(null);
    if (startBulkChange(tasks, change, queryClient)) store.set(() => EMPTY_SELECTION);
  };

  const disabled = count === 0 || running;
  return (
    <div
      role="region"
      aria-label="Selection"
      className="sticky top-0 z-20 flex flex-wrap items-center gap-2 rounded-lg border border-blue-300 bg-blue-50 px-3 py-2 shadow-sm"
    >
      <p className="text-sm font-semibold text-slate-900" aria-live="polite">
        {count === 0 ? 'No tasks selected' : `${tasksWord(count)} selected`}
      </p>
      {extra}
      <Button size="sm" variant="secondary" onClick={() => store.set(() => EMPTY_SELECTION)} disabled={count === 0}>
        Clear
      </Button>
      <div role="group" aria-label="Bulk actions" className="flex flex-wrap gap-2 sm:ml-auto">
        {ACTIONS.map((a) => (
          <Button key={a} size="sm" variant="secondary" disabled={disabled} onClick={() => setAction(a)}>
            {ACTION_LABELS[a]}…
          </Button>
        ))}
      </div>
      {running && count > 0 && (
        <p className="w-full text-xs text-slate-700">A bulk change is running; these actions wait until it is over.</p>
      )}
      {action && <BulkDialog action={action} count={count} onConfirm={confirm} onCancel={() => setAction(null)} />}
    </div>
  );
}
