import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../components/router/router.tsx';
import type { SearchState } from './builder-state.ts';
import { SEARCH_PARAM, decodeSearch, encodeSearch } from './url-state.ts';

/** The search as the URL holds it (checked when read), and a way to change it. */
export function useSearchUrl() {
  const [params, setParams] = useSearchParams();
  const raw = params.get(SEARCH_PARAM);
  const { state, problems } = useMemo(() => decodeSearch(raw), [raw]);

  const setSearch = useCallback(
    (next: SearchState, options: { replace?: boolean } = {}) => {
      setParams(
        (previous) => {
          const out = new URLSearchParams(previous);
          const encoded = encodeSearch(next);
          if (encoded === null) out.delete(SEARCH_PARAM);
          else out.set(SEARCH_PARAM, encoded);
          return out;
        },
        { replace: options.replace },
      );
    },
    [setParams],
  );

  return { state, problems, setSearch };
}
