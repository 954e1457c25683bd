import { afterEach, describe, expect, it, vi } from 'vitest';
import { safeLocalStorage } from './safe-storage.ts';

afterEach(() => vi.restoreAllMocks());

describe('safeLocalStorage', () => {
  it('is the real localStorage when it works', () => {
    expect(safeLocalStorage()).toBe(window.localStorage);
  });

  it('falls back to memory when reading localStorage throws', () => {
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    const storage = safeLocalStorage();
    storage.setItem('a', '1');
    expect(storage.getItem('a')).toBe('1');
    expect(storage.length).toBe(1);
    storage.removeItem('a');
    expect(storage.getItem('a')).toBeNull();
  });
});
