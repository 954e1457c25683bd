import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../components/router/router.tsx';
import { LOOK_PARAM } from '../../components/quick-look/quick-look-url.ts';
import { parseBoardParams, serializeBoardParams, type BoardState } from './board-url-state.ts';

/**
 * The board's state from the URL, and a way to change it (the URL is replaced, not pushed). A
 * quick look open in the URL (`look`) stays open.
 */
export function useBoardState() {
  const [params, setParams] = useSearchParams();
  const parsed = useMemo(() => parseBoardParams(params), [params]);
  const update = useCallback(
    (patch: Partial<BoardState>) =>
      setParams(
        (current) => {
          const next = serializeBoardParams({ ...parseBoardParams(current).state, ...patch });
          const look = current.get(LOOK_PARAM);
          if (look) next.set(LOOK_PARAM, look);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return { ...parsed, update };
}
