/**
 * Saved searches, kept in the browser (localStorage): a name and the search's URL form (the `s`
 * parameter, relative dates kept), so opening one goes through the same checks as a shared link.
 * Pure apart from the Storage it is given; what it reads is checked, and junk is skipped.
 */

export interface SavedSearch {
  id: string;
  name: string;
  /** The `s` URL parameter ('' for the default search). */
  search: string;
  savedAt: string;
}

export type StoreResult = { ok: true; saved: SavedSearch; replaced: boolean } | { ok: false; message: string };

export const SAVED_SEARCHES_KEY = 'cockpit-board.saved-searches.v1';
const MAX_NAME_LENGTH = 80;
const MAX_SAVED = 200;

type StorageLike = Pick<Storage, 'getItem' | 'setItem'>;

export interface StoreOptions {
  key?: string;
  now?: () => Date;
  newId?: () => string;
}

function isSaved(value: unknown): value is SavedSearch {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    v.name.trim() !== '' &&
    typeof v.search === 'string' &&
    typeof v.savedAt === 'string'
  );
}

const randomId = () => `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function createSavedSearchStore(storage: StorageLike, options: StoreOptions = {}) {
  const key = options.key ?? SAVED_SEARCHES_KEY;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomId;
  const listeners = new Set<() => void>();
  let lastRaw: string | null | undefined;
  let lastList: SavedSearch[] = [];

  function read(): string | null {
    try {
      return storage.getItem(key);
    } catch {
      return null;
    }
  }

  /** The saved searches, sorted by name; the same array until something changes. */
  function list(): SavedSearch[] {
    const raw = read();
    if (raw === lastRaw) return lastList;
    lastRaw = raw;
    let parsed: unknown;
    try {
      parsed = raw === null ? [] : JSON.parse(raw);
    } catch {
      parsed = [];
    }
    lastList = (Array.isArray(parsed) ? parsed.filter(isSaved) : []).sort((a, b) => a.name.localeCompare(b.name));
    return lastList;
  }

  function write(items: SavedSearch[]): string | null {
    try {
      storage.setItem(key, JSON.stringify(items));
    } catch {
      return 'The browser would not store it (storage is full or turned off).';
    }
    listeners.forEach((l) => l());
    return null;
  }

  function checkName(name: string, exceptId: string | null): string | { error: string } {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (clean === '') return { error: 'Give the search a name.' };
    if (clean.length > MAX_NAME_LENGTH) return { error: `A name has at most ${MAX_NAME_LENGTH} characters.` };
    const clash = list().find((s) => s.id !== exceptId && s.name.toLowerCase() === clean.toLowerCase());
    if (clash && exceptId !== null) return { error: `There is already a saved search named "${clash.name}".` };
    return clean;
  }

  return {
    list,

    /** Saves under a name; a search already saved under that name (any case) is replaced. */
    save(name: string, search: string): StoreResult {
      const clean = checkName(name, null);
      if (typeof clean !== 'string') return { ok: false, message: clean.error };
      const items = list();
      const existing = items.find((s) => s.name.toLowerCase() === clean.toLowerCase());
      if (!existing && items.length >= MAX_SAVED)
        return { ok: false, message: `At most ${MAX_SAVED} searches can be saved; delete one first.` };
      const saved: SavedSearch = { id: existing?.id ?? newId(), name: clean, search, savedAt: now().toISOString() };
      const error = write(existing ? items.map((s) => (s.id === existing.id ? saved : s)) : [...items, saved]);
      return error ? { ok: false, message: error } : { ok: true, saved, replaced: existing !== undefined };
    },

    rename(id: string, name: string): StoreResult {
      const items = list();
      const item = items.find((s) => s.id === id);
      if (!item) return { ok: false, message: 'That saved search no longer exists.' };
      const clean = checkName(name, id);
      if (typeof clean !== 'string') return { ok: false, message: clean.error };
      const saved = { ...item, name: clean };
      const error = write(items.map((s) => (s.id === id ? saved : s)));
      return error ? { ok: false, message: error } : { ok: true, saved, replaced: false };
    },

    /** Removes one; returns it (for an undo), or null when it was not there. */
    remove(id: string): SavedSearch | null {
      const items = list();
      const item = items.find((s) => s.id === id);
      if (!item) return null;
      return write(items.filter((s) => s.id !== id)) ? null : item;
    },

    /** Puts a removed search back (undo). */
    restore(item: SavedSearch): void {
      const items = list().filter((s) => s.id !== item.id && s.name.toLowerCase() !== item.name.toLowerCase());
      write([...items, item]);
    },

    /** Tells `listener` about changes made through this store; call `notify` for changes from elsewhere. */
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },

    notify(): void {
      listeners.forEach((l) => l());
    },
  };
}

export type SavedSearchStore = ReturnType<typeof createSavedSearchStore>;
