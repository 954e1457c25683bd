import { Suspense, lazy, useMemo, useState } from 'react';
import { loadWithRetry } from '../../components/lazy-load.ts';
import { todayIso } from '../../lib/dates.ts';
import { Board } from './board.tsx';
import { BoardChips } from './toolbar/board-chips.tsx';
import { needsMe } from './columns/board-queries.ts';
import { BoardTeamViews } from './toolbar/board-team-views.tsx';
import { BoardToolbar } from './toolbar/board-toolbar.tsx';
import { hasFilters, serializeBoardParams } from './board-url-state.ts';
import { DEFAULT_SORT } from './columns/sort-order.ts';
import { useMe } from '../../lib/me-store.ts';
import { useBoardState } from './use-board-state.ts';
import { Button } from '../../components/ui/button.tsx';
import { LinkProblems } from '../../components/ui/link-problems.tsx';

/** The board with swimlanes, loaded when grouping is on. */
// Offline, the grouped board waits for the network; a load that still fails shows the page's error view, with Try again.
const Swimlanes = lazy(() => loadWithRetry(() => import('./lanes/swimlanes.tsx')));

export function BoardPage() {
  const { state, problems, whereError, update } = useBoardState();
  const [me, setMe] = useMe();
  const today = todayIso();
  const context = useMemo(() => ({ today, me }), [today, me]);
  // On a phone the filters sit behind a button, so the cards get the screen.
  const [filtersShown, setFiltersShown] = useState(false);
  const filtersOn = hasFilters(state);

  return (
    <div className="flex h-[calc(100vh-5.5rem)] min-h-[36rem] flex-col gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">Board</h1>
        <BoardTeamViews
          params={serializeBoardParams(state).toString()}
          nothingToShare={
            hasFilters(state) || state.sort !== DEFAULT_SORT || state.group
              ? null
              : 'Choose a filter or a sort first: the plain board needs no saved view.'
          }
        />
      </div>
      <Button
        variant="secondary"
        size="toolbar"
        aria-expanded={filtersShown}
        aria-controls="board-filters"
        onClick={() => setFiltersShown((shown) => !shown)}
        className="self-start sm:hidden"
      >
        {filtersShown ? 'Hide filters' : filtersOn ? 'Filters (on)' : 'Filters'}
      </Button>
      <div id="board-filters" className={`flex flex-col gap-3 ${filtersShown ? '' : 'max-sm:hidden'}`}>
        <BoardToolbar state={state} update={update} me={me} setMe={setMe} />
        <BoardChips state={state} update={update} />
      </div>
      <LinkProblems problems={problems}>
        <button
          type="button"
          onClick={() => update({})}
          className="mt-2 rounded border border-amber-400 bg-white px-3 py-1 font-medium hover:bg-amber-100"
        >
          Tidy the link
        </button>
      </LinkProblems>
      {whereError ? (
        <div role="alert" className="rounded border border-red-200 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{whereError}</p>
          <p className="mt-1 text-sm">
            The link may be stale or was changed by hand. The board is not shown, as it would not be what the link meant.
          </p>
          <button
            type="button"
            onClick={() => update({ where: null })}
            className="mt-3 rounded border border-red-300 bg-white px-3 py-1 text-sm font-medium hover:bg-red-100"
          >
            Show the board without this filter
          </button>
        </div>
      ) : needsMe(state, me) ? (
        <p role="status" className="rounded border border-blue-200 bg-blue-50 p-4 text-blue-950">
          “My tasks” needs to know who you are: choose yourself in “I am” above. The board remembers it.
        </p>
      ) : (
        <div className="min-h-0 flex-1">
          {state.group ? (
            <Suspense fallback={<p role="status">Loading the lanes…</p>}>
              <Swimlanes state={state} context={context} />
            </Suspense>
          ) : (
            <Board state={state} context={context} />
          )}
        </div>
      )}
    </div>
  );
}
