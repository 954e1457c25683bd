import { useMemo, useState, type ReactNode } from 'react';
import { TASK_STATUSES } from '../../api/types.ts';
import { NewTaskContext, type NewTaskApi, type NewTaskPreset } from './new-task-context.tsx';
import { NewTaskDialog } from './new-task-dialog.tsx';

/**
 * Provides `useNewTask().openNewTask(preset?)` to the whole app and shows the dialog. It needs the
 * query client and the toast store above it, not the router.
 */
export function NewTaskProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<{ preset: NewTaskPreset } | null>(null);
  const api = useMemo<NewTaskApi>(
    () => ({
      openNewTask: (preset) => {
        // Only a known status is taken (a click handler passing its event by mistake presets nothing).
        const status = preset && typeof preset === 'object' ? preset.Status : undefined;
        const safe: NewTaskPreset = status && TASK_STATUSES.includes(status) ? { Status: status } : {};
        setOpen((current) => current ?? { preset: safe });
      },
    }),
    [],
  );
  return (
    <NewTaskContext value={api}>
      {children}
      {open && <NewTaskDialog preset={open.preset} onClose={() => setOpen(null)} />}
    </NewTaskContext>
  );
}
