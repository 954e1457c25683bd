import { afterEach, describe, expect, it } from 'vitest';
import { EARLY_KEY_MAX_AGE_MS, keepEarlyKeys, takeEarlyKeys } from './early-keys.ts';

/** A key pressed at `at` (the events' clock), on the focused element or the body. */
const press = (key: string, at = 1_000, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  Object.defineProperty(event, 'timeStamp', { value: at });
  (document.activeElement ?? document.body).dispatchEvent(event);
  return event;
};
const keys = (now = 1_500) => takeEarlyKeys(now).map((e) => e.key);

afterEach(() => {
  takeEarlyKeys(0);
  (document.activeElement as HTMLElement | null)?.blur();
  document.body.replaceChildren();
});

describe('early keys', () => {
  it('gives the last shortcut pressed, once: a key pressed twice acts once', () => {
    keepEarlyKeys();
    press('?');
    press('?');
    expect(keys()).toEqual(['?']);
    press('n');
    expect(keys()).toEqual([]);
  });

  it('gives g and its second key together, and ignores keys with an action of their own', () => {
    keepEarlyKeys();
    press('x');
    press('g');
    press('ArrowDown');
    press(' ');
    press('b');
    press('b', 1_000, { repeat: true });
    expect(keys()).toEqual(['g', 'b']);
  });

  it('gives nothing for a key the page handled, or one pressed too long ago', () => {
    keepEarlyKeys();
    document.body.addEventListener('keydown', (e) => e.preventDefault(), { once: true });
    press('n');
    expect(keys()).toEqual([]);

    keepEarlyKeys();
    press('?', 1_000);
    expect(keys(1_000 + EARLY_KEY_MAX_AGE_MS + 1)).toEqual([]);
    keepEarlyKeys();
    press('?', 1_000);
    expect(keys(1_000 + EARLY_KEY_MAX_AGE_MS - 1)).toEqual(['?']);
  });

  it('gives nothing once the user has moved on: the focus moved, or the pointer was pressed', () => {
    const field = document.createElement('input');
    document.body.append(field);
    keepEarlyKeys();
    press('n');
    field.focus();
    expect(keys()).toEqual([]);

    field.blur();
    keepEarlyKeys();
    press('x');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    expect(keys()).toEqual([]);
  });

  it('gives nothing on another page than the one it was pressed on; a changed query is the same page', () => {
    history.replaceState(null, '', '/board');
    keepEarlyKeys();
    press('n');
    history.pushState(null, '', '/search');
    expect(keys()).toEqual([]);

    keepEarlyKeys();
    press('n');
    history.replaceState(null, '', '/search?s=abc');
    expect(keys()).toEqual(['n']);
  });
});
