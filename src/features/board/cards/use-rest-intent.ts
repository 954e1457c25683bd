import { useCallback, useEffect, useRef } from 'react';

/**
 * Calls `action` once the pointer rests on an element (or focus stays in it) for `delayMs`.
 * Passing over on the way somewhere else does nothing: sweeping the mouse down a column must not
 * send a request per card (Gainsight allows 100 a minute per tenant). Only a pointer the user moved
 * counts: a card that slides under a still pointer (the one above it moved to another column, the
 * column scrolled) gets the browser's mouseover and mouseenter, but no mousemove.
 */
export function useRestIntent(action: () => void, delayMs = 150) {
  const timer = useRef<number | undefined>(undefined);
  const latest = useRef(action);
  useEffect(() => {
    latest.current = action;
  });
  const cancel = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = undefined;
  }, []);
  const arm = useCallback(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      timer.current = undefined;
      latest.current();
    }, delayMs);
  }, [delayMs]);
  useEffect(() => cancel, [cancel]);
  return { onMouseMove: arm, onMouseLeave: cancel, onFocus: arm, onBlur: cancel };
}
