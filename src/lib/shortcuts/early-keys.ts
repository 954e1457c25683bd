/**
 * A shortcut pressed before the keyboard shortcuts' listener has loaded (it loads once the first
 * page has settled): the entry starts keeping keys, and the listener takes the last shortcut
 * pressed as it starts and acts on it as if it had just been pressed.
 *
 * Only the last one (a key pressed twice because nothing seemed to happen must not act twice: `?`
 * twice would open the help and close it), and only when nothing has happened since that would
 * make it act somewhere else: the focus is where it was, the page is the same, and the pointer has
 * not been pressed (the user has moved on, e.g. ticked by hand the card `x` was for). Only single
 * characters are kept (`?`, `/`, `n`, `g`, `b`…), not Space: keys with a browser action of their
 * own (arrows, Enter, Space) have had it already.
 */

/** A kept key older than this when the listener starts is dropped: the user has moved on. */
export const EARLY_KEY_MAX_AGE_MS = 3_000;

interface Kept {
  event: KeyboardEvent;
  /** The page's path (its query may change as the page settles: filters written into the URL). */
  path: string;
  focus: Element | null;
}

let kept: Kept[] | null = null;

const keep = (event: KeyboardEvent) => {
  if (!kept || event.key.length !== 1 || event.key === ' ' || event.repeat) return;
  kept.push({ event, path: location.pathname, focus: document.activeElement });
  // `g` then a letter is one shortcut: the last two keys are all that can be needed.
  if (kept.length > 2) kept.shift();
};

const forget = () => {
  if (kept) kept.length = 0;
};

/** Starts keeping keys (the entry calls it once). */
export function keepEarlyKeys(): void {
  if (kept) return;
  kept = [];
  document.addEventListener('keydown', keep);
  document.addEventListener('pointerdown', forget, true);
}

/**
 * Stops keeping keys and returns the last shortcut pressed (one key, or `g` and its second key),
 * when it was pressed less than EARLY_KEY_MAX_AGE_MS before `now` (the events' clock), the page
 * did not handle it (default not prevented), and the focus and the page are still where they were.
 */
export function takeEarlyKeys(now: number): KeyboardEvent[] {
  document.removeEventListener('keydown', keep);
  document.removeEventListener('pointerdown', forget, true);
  const keys = kept ?? [];
  kept = null;
  const last = keys.at(-1);
  if (!last || document.activeElement !== last.focus || location.pathname !== last.path) return [];
  const shortcut = keys.length === 2 && keys[0]!.event.key === 'g' && last.event.key !== 'g' ? keys : [last];
  const usable = shortcut.every(({ event }) => !event.defaultPrevented && now - event.timeStamp < EARLY_KEY_MAX_AGE_MS);
  return usable ? shortcut.map((k) => k.event) : [];
}
