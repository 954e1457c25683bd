import { useCallback, useMemo } from 'react';
import { useSearchParams } from '../../components/router/router.tsx';
import { parseCalendarParams, serializeCalendarParams, type CalendarState } from './calendar-url-state.ts';

/** The calendar's state from the URL, and a way to change it (the URL is replaced, not pushed). */
export function useCalendarState() {
  const [params, setParams] = useSearchParams();
  const parsed = useMemo(() => parseCalendarParams(params), [params]);
  const update = useCallback(
    (patch: Partial<CalendarState>) =>
      setParams((current) => serializeCalendarParams({ ...parseCalendarParams(current).state, ...patch }), { replace: true }),
    [setParams],
  );
  return { ...parsed, update };
}
