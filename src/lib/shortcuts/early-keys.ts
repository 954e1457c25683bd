/**
 * Keys pressed before the keyboard shortcuts' listener has loaded (it loads once the first page
 * has settled): the entry starts keeping them, and the listener takes them as it starts and acts
 * on them as if they had just been pressed. Only single characters are kept (`?`, `/`, `n`, `g`,
 * `b`…): keys with a browser action of their own (arrows, Enter, Space) have had it already.
 */

/** A kept key older than this when the listener starts is dropped: the user has moved on. */
export const EARLY_KEY_MAX_AGE_MS = 3_000;
/** At most this many are kept (if the listener never comes, the list stays small). */
const MAX_KEPT = 8;

let kept: KeyboardEvent[] | null = null;

const keep = (event: KeyboardEvent) => {
  if (!kept || event.key.length !== 1 || event.repeat) return;
  kept.push(event);
  if (kept.length > MAX_KEPT) kept.shift();
};

/** Starts keeping keys (the entry calls it once). */
export function keepEarlyKeys(doc: Document = document): void {
  if (kept) return;
  kept = [];
  doc.addEventListener('keydown', keep);
}

/**
 * Stops keeping keys and returns those not yet handled by the page (default not prevented) and
 * pressed less than EARLY_KEY_MAX_AGE_MS before `now` (the events' clock: performance.now()).
 */
export function takeEarlyKeys(now: number, doc: Document = document): KeyboardEvent[] {
  doc.removeEventListener('keydown', keep);
  const keys = kept ?? [];
  kept = null;
  return keys.filter((event) => !event.defaultPrevented && now - event.timeStamp < EARLY_KEY_MAX_AGE_MS);
}
