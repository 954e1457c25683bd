/**
 * Reads the first page does not need wait until it has settled (app.tsx holds them until then,
 * see page-settled.ts), so they never delay the cards or rows the user waits for: the pickers'
 * large suggestions search, the team's views (which ask the team server's session first). Open
 * unless held.
 */
import { useSyncExternalStore } from 'react';

let held = false;
const listeners = new Set<() => void>();

export function holdUntilFirstPage(ready: Promise<unknown>) {
  held = true;
  const release = () => {
    held = false;
    listeners.forEach((listener) => listener());
  };
  ready.then(release, release);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

/** False while the app holds reads back for the first page; true once it has settled (and when not held). */
export function useAfterFirstPage(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => !held,
    () => true,
  );
}
