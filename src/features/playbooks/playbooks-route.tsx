import { useMemo } from 'react';
import { useSearchParams } from '../../components/router/router.tsx';
import { usePlaybooks } from '../../api/playbooks.ts';
import { ErrorMessage, Loading } from '../../components/query-status.tsx';
import { PlaybookFilters } from './playbook-filters.tsx';
import { filterRows, listStateParams, parseListState, toPlaybookRow, type ListState } from './playbook-rows.ts';
import { PlaybooksTable } from './playbooks-table.tsx';
import { Button } from '../../components/ui/button.tsx';

export function Component() {
  const query = usePlaybooks();
  const [params, setParams] = useSearchParams();
  const { state, problems } = useMemo(() => parseListState(params), [params]);
  const update = (change: Partial<ListState>) => setParams(listStateParams({ ...state, ...change }), { replace: true });

  const allRows = useMemo(() => (query.data ?? []).map(toPlaybookRow), [query.data]);
  const rows = useMemo(() => filterRows(allRows, state.active, state.text), [allRows, state.active, state.text]);
  const filtered = state.text !== '' || state.active !== 'all';

  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-2xl font-semibold">Playbooks</h1>
        <p className="text-slate-700">Sets of tasks with due dates relative to a CTA, applied to a CTA in one go.</p>
      </div>
      {problems.length > 0 && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This link had settings that were not understood and were ignored: {problems.join('; ')}.
        </p>
      )}
      <PlaybookFilters
        text={state.text}
        active={state.active}
        onTextChange={(text) => update({ text })}
        onActiveChange={(active) => update({ active })}
      />
      {query.isPending && <Loading label="Loading playbooks…" />}
      {query.isError && <ErrorMessage error={query.error} title="Could not load playbooks" onRetry={() => void query.refetch()} />}
      {query.isSuccess && (
        <>
          <p role="status" className="text-sm text-slate-700">
            {filtered ? `${rows.length} of ${allRows.length} playbooks match.` : `${allRows.length} playbooks.`}
          </p>
          {rows.length > 0 ? (
            <div className="overflow-x-auto rounded border border-slate-200">
              <PlaybooksTable rows={rows} sort={state.sort} onSortChange={(sort) => update({ sort })} />
            </div>
          ) : (
            <div className="rounded border border-dashed border-slate-300 bg-white p-6 text-center">
              <p className="font-medium">{allRows.length === 0 ? 'No playbooks are set up yet.' : 'No playbook matches these filters.'}</p>
              {filtered && (
                <Button variant="secondary" size="sm" className="mt-3" onClick={() => update({ text: '', active: 'all' })}>
                  Clear filters
                </Button>
              )}
            </div>
          )}
        </>
      )}
    </div>
  );
}
