import { useEffect, useSyncExternalStore } from 'react';
import { safeLocalStorage } from '../../lib/safe-storage.ts';
import { createSavedSearchStore, SAVED_SEARCHES_KEY, type SavedSearchStore } from './saved-searches-store.ts';

let store: SavedSearchStore | null = null;

/** The browser's saved-search store (one per page). */
function savedSearchStore(): SavedSearchStore {
  store ??= createSavedSearchStore(safeLocalStorage());
  return store;
}

/** The saved searches, kept current (also when another tab changes them). */
export function useSavedSearches() {
  const s = savedSearchStore();
  const list = useSyncExternalStore(s.subscribe, s.list, s.list);
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === null || e.key === SAVED_SEARCHES_KEY) s.notify();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [s]);
  return { list, store: s };
}
