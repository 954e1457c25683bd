import { describe, expect, it, vi } from 'vitest';
import { loadWithRetry } from './lazy-import.ts';

describe('loading route code', () => {
  it('retries a failed load and returns the module', async () => {
    const load = vi.fn().mockRejectedValueOnce(new TypeError('Failed to fetch dynamically imported module')).mockResolvedValue('mod');
    await expect(loadWithRetry(load)).resolves.toBe('mod');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('waits for the browser to be online before trying again', async () => {
    const online = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const load = vi.fn().mockRejectedValueOnce(new TypeError('offline')).mockResolvedValue('mod');
    const result = loadWithRetry(load);
    await new Promise((r) => setTimeout(r, 20));
    expect(load).toHaveBeenCalledTimes(1);
    online.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await expect(result).resolves.toBe('mod');
    expect(load).toHaveBeenCalledTimes(2);
    online.mockRestore();
  });

  it('gives up after the last attempt with the error', async () => {
    const load = vi.fn().mockRejectedValue(new TypeError('gone'));
    await expect(loadWithRetry(load, 2)).rejects.toThrow('gone');
    expect(load).toHaveBeenCalledTimes(2);
  });
});
