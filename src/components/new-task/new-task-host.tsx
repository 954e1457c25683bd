import { useMemo, useState, type ComponentType, type ReactNode } from 'react';
import { TASK_STATUSES } from '../../api/types.ts';
import { NewTaskContext, type NewTaskApi, type NewTaskPreset } from './new-task-context.tsx';
import type { NewTaskDialogProps } from './new-task-dialog.tsx';

/**
 * Provides `useNewTask().openNewTask(preset?)` below it and shows `dialog` while it is open. It
 * needs the query client and the toast store above it, not the router. It does not import the
 * dialog itself, so the app can pass one whose code loads on demand
 * (src/app/new-task-dialog-loader.tsx) and keep it out of the first visit.
 */
export function NewTaskHost({ children, dialog: Dialog }: { children: ReactNode; dialog: ComponentType<NewTaskDialogProps> }) {
  const [open, setOpen] = useState<{ preset: NewTaskPreset } | null>(null);
  const api = useMemo<NewTaskApi>(
    () => ({
      openNewTask: (preset) => {
        // Only a known status and an owner id are taken (a click handler passing its event by mistake presets nothing).
        const given = preset && typeof preset === 'object' ? preset : {};
        const safe: NewTaskPreset = {};
        if (given.Status && TASK_STATUSES.includes(given.Status)) safe.Status = given.Status;
        if (typeof given.OwnerId === 'string' && given.OwnerId.trim()) safe.OwnerId = given.OwnerId.trim();
        setOpen((current) => current ?? { preset: safe });
      },
    }),
    [],
  );
  return (
    <NewTaskContext value={api}>
      {children}
      {open && <Dialog preset={open.preset} onClose={() => setOpen(null)} />}
    </NewTaskContext>
  );
}
