/**
 * The browser's localStorage, or, where it is blocked (privacy settings, sandboxed frames: even
 * reading `window.localStorage` throws there), an in-memory stand-in that lasts as long as the page.
 */
export function safeLocalStorage(): Storage {
  try {
    const storage = window.localStorage;
    const probe = '__cockpit_probe__';
    storage.setItem(probe, probe);
    storage.removeItem(probe);
    return storage;
  } catch {
    return memoryStorage();
  }
}

export function memoryStorage(): Storage {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (key) => map.get(key) ?? null,
    key: (index) => [...map.keys()][index] ?? null,
    removeItem: (key) => void map.delete(key),
    setItem: (key, value) => void map.set(key, String(value)),
  };
}
