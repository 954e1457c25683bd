/**
 * The quick look's place in the URL: `?look=<task id>` on the page that shows it (the board, the
 * search), beside the page's own parameters, so it survives a reload and can be shared. Opening
 * it pushes a history entry (Back closes it); closing it goes back to the entry it was opened
 * from, or, when the page was loaded with it open (a reload, a shared link), removes the
 * parameter in place. Pure apart from the hook.
 */
import { useCallback, useEffect, useRef } from 'react';
import { useLocation, useNavigate } from '../router/router.tsx';

export const LOOK_PARAM = 'look';

/** The history state of an entry the quick look pushed (read to close it by going back). */
interface LookState {
  quickLook: string;
}

const pushedBy = (state: unknown): string | null =>
  typeof state === 'object' && state !== null && typeof (state as Partial<LookState>).quickLook === 'string'
    ? (state as LookState).quickLook
    : null;

/** The task id the search string opens a quick look of, or null. */
export function lookIdOf(search: string): string | null {
  const id = new URLSearchParams(search).get(LOOK_PARAM)?.trim();
  return id ? id : null;
}

/** The search string with the quick look of `taskId` (or without one, for null); the rest kept as is. */
export function withLook(search: string, taskId: string | null): string {
  const params = new URLSearchParams(search);
  if (taskId) params.set(LOOK_PARAM, taskId);
  else params.delete(LOOK_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * The quick look the URL opens, and `open` / `close`, both stable (cards keep them without
 * drawing again when the URL changes).
 */
export function useQuickLookUrl() {
  const location = useLocation();
  const navigate = useNavigate();
  const lookId = lookIdOf(location.search);
  const latest = useRef(location);
  useEffect(() => {
    latest.current = location;
  });

  const open = useCallback(
    (taskId: string) => {
      const { pathname, search, hash } = latest.current;
      if (lookIdOf(search) === taskId) return;
      const state: LookState = { quickLook: taskId };
      // From one quick look to another, the entry is replaced: Back still goes to the page.
      void navigate({ pathname, search: withLook(search, taskId), hash }, { state, replace: lookIdOf(search) !== null });
    },
    [navigate],
  );

  const close = useCallback(() => {
    const { pathname, search, hash, state } = latest.current;
    const id = lookIdOf(search);
    if (id === null) return;
    if (pushedBy(state) === id) void navigate(-1);
    else void navigate({ pathname, search: withLook(search, null), hash }, { replace: true });
  }, [navigate]);

  return { lookId, open, close };
}
