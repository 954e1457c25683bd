import { useTable, type SortingState, type Updater, type ColumnVisibilityState } from '@tanstack/react-table';
import { useContext, useMemo } from 'react';
import { Link, useNavigate } from '../../components/router/router.tsx';
import type { Task } from '../../api/types.ts';
import type { SortState } from './builder-state.ts';
import { resultColumns, resultFeatures } from './results-columns.tsx';
import { SEARCH_FIELDS, type FieldName } from './search-fields.ts';
import { QuickLookButton } from '../../components/quick-look/quick-look.tsx';
import { ScrollRegion } from '../../components/scroll-region.tsx';
import { SelectCheckbox } from '../../components/bulk/select-checkbox.tsx';
import { selectAll, unselectAll } from '../../components/bulk/selection.ts';
import { SelectionContext, SelectionListContext, useSelectionCount, type SelectionStore } from '../../components/bulk/selection-store.ts';
import { SortableHeader } from '../../components/ui/sortable-header.tsx';

interface Props {
  rows: Task[];
  columns: readonly FieldName[];
  sort: SortState | null;
  onSortChange: (sort: SortState | null) => void;
  busy: boolean;
  caption: string;
}

const taskHref = (task: Task) => `/tasks/${encodeURIComponent(task.Gsid ?? '')}`;

/**
 * One page of results. Sorting is the server's (`manualSorting`): a header click changes the
 * search's sort, which is part of the request. A row opens its task: by its link (keyboard) or a
 * click anywhere on it.
 */
export function ResultsTable({ rows, columns, sort, onSortChange, busy, caption }: Props) {
  const navigate = useNavigate();
  const pageTasks = useMemo(() => rows.flatMap((t) => (t.Gsid ? [{ id: t.Gsid, name: t.Name || 'Untitled task' }] : [])), [rows]);
  const list = useMemo(() => ({ id: 'page', tasks: () => pageTasks }), [pageTasks]);
  const sorting = useMemo<SortingState>(() => (sort ? [{ id: sort.field, desc: sort.dir === 'desc' }] : []), [sort]);
  const columnVisibility = useMemo<ColumnVisibilityState>(
    () => Object.fromEntries(SEARCH_FIELDS.map((f) => [f.name, columns.includes(f.name)])),
    [columns],
  );
  const table = useTable({
    features: resultFeatures,
    columns: resultColumns,
    data: rows,
    getRowId: (task, index) => task.Gsid ?? String(index),
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: true,
    state: { sorting, columnVisibility },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = typeof updater === 'function' ? updater(sorting) : updater;
      const first = next[0];
      onSortChange(first ? { field: first.id as FieldName, dir: first.desc ? 'desc' : 'asc' } : null);
    },
    onColumnVisibilityChange: () => {},
  });

  return (
    <SelectionListContext value={list}>
      <ScrollRegion label={caption}>
        <table className={`w-full text-left text-sm ${busy ? 'opacity-60' : ''}`} aria-busy={busy || undefined}>
          <caption className="sr-only">{caption}</caption>
          <thead className="border-b border-slate-300 bg-slate-100">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                <th scope="col" className="w-8 px-3 py-1.5">
                  <span className="sr-only">Select</span>
                  <SelectPage tasks={pageTasks} />
                </th>
                {group.headers.map((header) => (
                  <SortableHeader key={header.id} header={header} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.getRowModel().rows.map((row) => {
              const cells = row.getVisibleCells();
              const linkCell = cells.find((c) => c.column.id === 'Name') ?? cells[0];
              return (
                <tr
                  key={row.id}
                  className="cursor-pointer border-b border-slate-100 hover:bg-blue-50"
                  onClick={(e) => {
                    if (!(e.target as HTMLElement).closest('a, input') && !window.getSelection()?.toString())
                      void navigate(taskHref(row.original));
                  }}
                >
                  <td className="px-3 py-1.5 align-top">
                    <SelectCheckbox id={row.original.Gsid ?? ''} name={row.original.Name || 'Untitled task'} className="mt-0.5" />
                  </td>
                  {cells.map((cell) => (
                    <td key={cell.id} className="px-3 py-1.5 align-top">
                      {cell === linkCell ? (
                        <div className="flex items-start justify-between gap-2">
                          <Link to={taskHref(row.original)} className="font-medium text-blue-800 hover:underline">
                            <table.FlexRender cell={cell} />
                            {cell.column.id !== 'Name' && <span className="sr-only">{' (open task)'}</span>}
                            {cell.column.id === 'Name' && !row.original.Name && 'Untitled task'}
                          </Link>
                          <QuickLookButton taskId={row.original.Gsid ?? ''} taskName={row.original.Name || 'Untitled task'} look="text" />
                        </div>
                      ) : (
                        <table.FlexRender cell={cell} />
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </SelectionListContext>
  );
}

/** The header's checkbox: selects (or unselects) every row of the page; mixed when some are. */
function SelectPage({ tasks }: { tasks: readonly { id: string; name: string }[] }) {
  const store = useContext(SelectionContext);
  return store ? <SelectPageBox store={store} tasks={tasks} /> : null;
}

function SelectPageBox({ store, tasks }: { store: SelectionStore; tasks: readonly { id: string; name: string }[] }) {
  useSelectionCount(store);
  const items = store.get().items;
  const chosen = tasks.filter((t) => items.has(t.id)).length;
  const all = chosen === tasks.length && tasks.length > 0;
  return (
    <input
      type="checkbox"
      aria-label="Select all on this page"
      checked={all}
      ref={(el) => {
        if (el) el.indeterminate = chosen > 0 && !all;
      }}
      onChange={() => store.set((s) => (all ? unselectAll(s, tasks) : selectAll(s, tasks)))}
      className="size-4 cursor-pointer accent-blue-700"
    />
  );
}
