import { createContext, useContext } from 'react';
import type { TaskStatus } from '../../api/types.ts';

/**
 * Fields a caller may preset in the "New task" dialog: a board column presets its status, and
 * its owner when the board shows one owner's tasks (My tasks, or an owner filter).
 */
export interface NewTaskPreset {
  Status?: TaskStatus;
  OwnerId?: string;
}

export interface NewTaskApi {
  openNewTask: (preset?: NewTaskPreset) => void;
}

export const NewTaskContext = createContext<NewTaskApi | null>(null);

/** Opens the app-wide "New task" dialog from any page. */
export function useNewTask(): NewTaskApi {
  const api = useContext(NewTaskContext);
  if (!api) throw new Error('useNewTask must be used inside the app (NewTaskProvider)');
  return api;
}
