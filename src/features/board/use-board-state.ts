import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { parseBoardParams, serializeBoardParams, type BoardState } from './board-url-state.ts';

/** The board's state from the URL, and a way to change it (the URL is replaced, not pushed). */
export function useBoardState() {
  const [params, setParams] = useSearchParams();
  const parsed = useMemo(() => parseBoardParams(params), [params]);
  const update = useCallback(
    (patch: Partial<BoardState>) =>
      setParams((current) => serializeBoardParams({ ...parseBoardParams(current).state, ...patch }), { replace: true }),
    [setParams],
  );
  return { ...parsed, update };
}
