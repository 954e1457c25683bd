import type { ReactNode } from 'react';
import { NewTaskDialog } from './new-task-dialog.tsx';
import { NewTaskHost } from './new-task-host.tsx';

/**
 * Provides `useNewTask().openNewTask(preset?)` with the dialog's code bundled in: it opens in the
 * same render as the click. The app itself uses NewTaskHost with a dialog loaded on demand
 * (src/app/new-task-dialog-loader.tsx), which keeps the form and its pickers out of the first visit.
 */
export function NewTaskProvider({ children }: { children: ReactNode }) {
  return <NewTaskHost dialog={NewTaskDialog}>{children}</NewTaskHost>;
}
