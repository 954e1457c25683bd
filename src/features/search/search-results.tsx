import { useQuery } from '@tanstack/react-query';
import { useMemo, useState, useSyncExternalStore } from 'react';
import { Link } from '../../components/router/router.tsx';
import type { SearchRequest, Task } from '../../api/types.ts';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';
import type { SearchState } from './builder-state.ts';
import { boardHref, type BuildResult } from './build-request.ts';
import { ColumnPicker } from './column-picker.tsx';
import { CsvExport } from './csv-export.tsx';
import { rangeText } from './paging.ts';
import { ResultsPager } from './results-pager.tsx';
import { ResultsTable } from './results-table.tsx';
import { searchPageQueryOptions } from './search-query.ts';
import { sortTasks } from './sort-tasks.ts';
import { Button } from '../../components/ui/button.tsx';
import { SelectionBarHost } from '../../components/bulk/selection-bar-host.tsx';
import { SelectionContext, createSelectionStore } from '../../components/bulk/selection-store.ts';
import { SelectMatchingButton } from './select-matching-button.tsx';
import { LINK } from './styles.ts';

interface Props {
  state: SearchState;
  built: BuildResult;
  onChange: (state: SearchState) => void;
}

const NO_ROWS: Task[] = [];

/** The results of the search in the URL: toolbar, table, pages; or why there are none. */
export function SearchResults({ state, built, onChange }: Props) {
  return (
    <section aria-labelledby="search-results-title" className="mt-6">
      {built.ok ? (
        <Results state={state} request={built.request} onChange={onChange} />
      ) : (
        <>
          <h2 id="search-results-title" className="text-lg font-semibold">
            Results
          </h2>
          <div role="alert" className="mt-2 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-900">
            <p className="font-semibold">Not searched: the search has problems.</p>
            <ul className="mt-1 list-disc pl-5">
              {built.issues.map((i) => (
                <li key={i.message}>{i.message}</li>
              ))}
            </ul>
          </div>
        </>
      )}
    </section>
  );
}

function Results({ state, request, onChange }: { state: SearchState; request: SearchRequest; onChange: (s: SearchState) => void }) {
  const query = useQuery(searchPageQueryOptions(request));
  const { data } = query;
  const browserSort = data?.orderByRefused != null && state.sort !== null;
  const rows = useMemo(
    () => (!data ? NO_ROWS : browserSort && state.sort ? sortTasks(data.records, state.sort) : data.records),
    [data, browserSort, state.sort],
  );
  const shownPage = data ? Math.floor(data.offset / state.pageSize) : state.page;
  const range = data ? rangeText(shownPage, state.pageSize, data.records.length, data.totalCount) : '';
  const updating = query.isPlaceholderData && query.isFetching;
  const { limit: _limit, offset: _offset, ...whole } = request;
  const [selection] = useState(createSelectionStore);
  // "Select all N matching" is offered once the whole page is selected and the search has more.
  const pageSelected = useSyncExternalStore(selection.subscribe, () => {
    const items = selection.get().items;
    return rows.length > 0 && rows.every((t) => !t.Gsid || items.has(t.Gsid));
  });
  const total = data?.totalCount ?? 0;

  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="search-results-title" className="text-lg font-semibold">
          Results
        </h2>
        <p className="text-sm text-slate-800" aria-live="polite">
          {range}
          {updating && <span className="ml-2 text-slate-600">Updating…</span>}
        </p>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          <ColumnPicker columns={state.columns} onChange={(columns) => onChange({ ...state, columns })} />
          <CsvExport request={whole} sort={state.sort} total={data ? data.totalCount : null} />
          <Link to={boardHref(request)} className={`${LINK} text-sm`}>
            Show on board
          </Link>
        </div>
      </div>
      {browserSort && (
        <p role="status" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
          The server would not sort ({data?.orderByRefused}), so this page is sorted in the browser: only the rows on this page are in
          order.
        </p>
      )}
      <SelectionContext value={selection}>
        <div className="mt-2">
          <SelectionBarHost
            store={selection}
            extra={
              pageSelected && total > rows.length ? (
                <SelectMatchingButton key={JSON.stringify(whole)} store={selection} request={whole} total={total} />
              ) : undefined
            }
          />
          {query.isPending && <Loading label="Searching…" />}
          {query.isError && <ErrorMessage error={query.error} title="The search failed" onRetry={() => void query.refetch()} />}
          {data && !query.isError && data.totalCount === 0 && <p className="py-6 text-slate-700">No tasks match this search.</p>}
          {data && !query.isError && data.totalCount > 0 && rows.length === 0 && (
            <p className="py-6 text-slate-700">
              There are no rows on page {state.page + 1}: the search has {data.totalCount} in all.{' '}
              <Button variant="secondary" size="sm" onClick={() => onChange({ ...state, page: 0 })}>
                Go to the first page
              </Button>
            </p>
          )}
          {data && !query.isError && rows.length > 0 && (
            <ResultsTable
              rows={rows}
              columns={state.columns}
              sort={state.sort}
              busy={updating}
              caption={`Search results, ${range}`}
              onSortChange={(sort) => onChange({ ...state, sort, page: 0 })}
            />
          )}
        </div>
      </SelectionContext>
      {data && !query.isError && data.totalCount > 0 && (
        <div className="mt-2">
          <ResultsPager
            page={state.page}
            pageSize={state.pageSize}
            total={data.totalCount}
            onPage={(page) => onChange({ ...state, page })}
            onPageSize={(pageSize) => onChange({ ...state, pageSize, page: 0 })}
          />
        </div>
      )}
    </>
  );
}
