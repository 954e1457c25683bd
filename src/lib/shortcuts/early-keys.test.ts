import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_KEY_MAX_AGE_MS, keepEarlyKeys, takeEarlyKeys } from './early-keys.ts';

const press = (key: string, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  document.body.dispatchEvent(event);
  return event;
};

afterEach(() => {
  takeEarlyKeys(performance.now());
});

describe('early keys', () => {
  it('keeps single characters pressed before the listener starts, in order, and stops keeping once taken', () => {
    keepEarlyKeys();
    press('g');
    press('ArrowDown');
    press('Enter');
    press('b');
    press('x', { repeat: true });
    expect(takeEarlyKeys(performance.now()).map((e) => e.key)).toEqual(['g', 'b']);
    press('?');
    expect(takeEarlyKeys(performance.now())).toEqual([]);
  });

  it('leaves out keys the page has handled and keys pressed too long ago', () => {
    keepEarlyKeys();
    const handled = new KeyboardEvent('keydown', { key: 'n', bubbles: true, cancelable: true });
    document.body.addEventListener('keydown', (e) => e.preventDefault(), { once: true });
    document.body.dispatchEvent(handled);
    press('?');
    expect(takeEarlyKeys(performance.now()).map((e) => e.key)).toEqual(['?']);

    keepEarlyKeys();
    const old = press('?');
    press('/', {});
    const later = new KeyboardEvent('keydown', { key: 'n', bubbles: true });
    Object.defineProperty(later, 'timeStamp', { value: old.timeStamp + EARLY_KEY_MAX_AGE_MS });
    document.body.dispatchEvent(later);
    expect(takeEarlyKeys(old.timeStamp + EARLY_KEY_MAX_AGE_MS + 1).map((e) => e.key)).toEqual(['n']);
  });

  it('keeps at most eight, the latest', () => {
    keepEarlyKeys();
    for (const key of 'abcdefghij') press(key);
    expect(takeEarlyKeys(performance.now()).map((e) => e.key)).toEqual([...'cdefghij']);
  });
});
