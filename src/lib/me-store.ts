/**
 * Who "My tasks" means: the user picks themselves once from the owners, and the browser
 * remembers it (localStorage), in every tab. When storage is blocked (privacy settings, a
 * sandboxed frame) or full, the choice is kept in memory instead, for as long as the page lives.
 */
import { useCallback, useSyncExternalStore } from 'react';

export const ME_STORAGE_KEY = 'cockpit-board.me';

const listeners = new Set<() => void>();

/** The choice kept in memory when storage refused it; undefined while storage works. */
let inMemory: string | null | undefined;

export function readMe(): string | null {
  if (inMemory !== undefined) return inMemory;
  try {
    return localStorage.getItem(ME_STORAGE_KEY) || null;
  } catch {
    return null; // storage blocked and nothing chosen yet on this page
  }
}

export function writeMe(ownerId: string | null): void {
  try {
    if (ownerId) localStorage.setItem(ME_STORAGE_KEY, ownerId);
    else localStorage.removeItem(ME_STORAGE_KEY);
    inMemory = undefined;
  } catch {
    inMemory = ownerId; // storage blocked or full: the choice lasts until the page is left
  }
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  const onStorage = (e: StorageEvent) => {
    if (e.key === ME_STORAGE_KEY || e.key === null) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export function useMe(): [string | null, (ownerId: string | null) => void] {
  const me = useSyncExternalStore(subscribe, readMe, () => null);
  return [me, useCallback((id: string | null) => writeMe(id), [])];
}
