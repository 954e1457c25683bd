/**
 * Whether a bulk change is there to show (running, or finished and not yet dismissed): all the
 * app's layout knows of bulk changes, so that the run's indicator and its code load only then.
 */
import { useSyncExternalStore } from 'react';

let present = false;
const listeners = new Set<() => void>();

export function setBulkRunPresent(value: boolean): void {
  if (value === present) return;
  present = value;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const get = () => present;

export const useBulkRunPresent = () => useSyncExternalStore(subscribe, get, get);
