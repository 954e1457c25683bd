import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ME_STORAGE_KEY, readMe, useMe, writeMe } from './me-store.ts';

const blocked = () => {
  throw new DOMException('The operation is insecure.', 'SecurityError');
};

afterEach(() => {
  vi.restoreAllMocks();
  writeMe(null);
});

describe('who "My tasks" means', () => {
  it('is remembered in the browser', () => {
    writeMe('1UME');
    expect(localStorage.getItem(ME_STORAGE_KEY)).toBe('1UME');
    expect(readMe()).toBe('1UME');
  });

  it('works for the life of the page when storage is blocked', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(blocked);
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(blocked);
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(blocked);
    const { result } = renderHook(useMe);
    expect(result.current[0]).toBeNull();

    act(() => result.current[1]('1UME'));
    expect(result.current[0]).toBe('1UME');
    expect(readMe()).toBe('1UME'); // the board's prefetch reads it too

    act(() => result.current[1](null));
    expect(result.current[0]).toBeNull();
  });

  it('when storage is full, the new choice wins over the one stored before', () => {
    writeMe('1UOLD');
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    writeMe('1UNEW');
    expect(readMe()).toBe('1UNEW');
  });
});
