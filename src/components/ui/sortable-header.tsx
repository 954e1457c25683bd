/**
 * A TanStack Table column header that sorts: a `<th>` whose `aria-sort` says how the column is
 * sorted, holding a button that toggles it (the table's own sorting options decide the order of
 * the toggle: ascending first, whether a third click removes the sort, server or client sorting).
 */
import { FlexRender, type Column_RowSorting, type Header, type RowData, type TableFeatures } from '@tanstack/react-table';

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

export interface SortableHeaderProps<TFeatures extends TableFeatures, TData extends RowData> {
  /** A header of a table with the row sorting feature. */
  header: Header<TFeatures, TData> & { column: Pick<Column_RowSorting<TFeatures, TData>, 'getIsSorted' | 'getToggleSortingHandler'> };
  /** More classes for the cell, e.g. `text-right` over a column of numbers. */
  className?: string;
  /** Show ↕ beside a column that is not sorted now (a table where any column sorts says so). */
  markUnsorted?: boolean;
}

export function SortableHeader<TFeatures extends TableFeatures, TData extends RowData>({
  header,
  className,
  markUnsorted = false,
}: SortableHeaderProps<TFeatures, TData>) {
  const sorted = header.column.getIsSorted();
  return (
    <th
      scope="col"
      aria-sort={sorted ? ARIA_SORT[sorted] : undefined}
      className={`px-3 py-2 font-semibold whitespace-nowrap text-slate-800 ${className ?? ''}`}
    >
      <button
        type="button"
        onClick={header.column.getToggleSortingHandler()}
        className="inline-flex items-center gap-1 rounded hover:text-blue-800 hover:underline"
      >
        <FlexRender header={header} />
        <span aria-hidden="true" className="w-3 text-xs text-slate-600">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : markUnsorted ? '↕' : ''}
        </span>
      </button>
    </th>
  );
}
