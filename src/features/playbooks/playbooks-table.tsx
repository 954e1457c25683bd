import {
  createColumnHelper,
  createSortedRowModel,
  functionalUpdate,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type SortingState,
  type Updater,
} from '@tanstack/react-table';
import { useMemo } from 'react';
import { Link, useNavigate } from '../../components/router/router.tsx';
import { SortableHeader } from '../../components/ui/sortable-header.tsx';
import { ActiveBadge, CtaTypeId } from './active-badge.tsx';
import { playbookPath } from './paths.ts';
import type { ListSort, PlaybookRow } from './playbook-rows.ts';
import { SORTABLE_COLUMNS } from './playbook-rows.ts';
import { daysWord } from './template-steps.ts';

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});

const helper = createColumnHelper<typeof features, PlaybookRow>();

const columns = helper.columns([
  helper.accessor('name', {
    id: 'name',
    header: 'Name',
    sortFn: 'alphanumeric',
    cell: (info) => (
      <Link to={playbookPath(info.row.original.id)} className="font-medium text-blue-800 hover:underline">
        {info.getValue() || '(no name)'}
      </Link>
    ),
  }),
  helper.accessor('description', {
    id: 'description',
    header: 'Description',
    sortFn: 'alphanumeric',
    cell: (info) => <span className="line-clamp-2 text-slate-700">{info.getValue()}</span>,
  }),
  helper.accessor('ctaTypeId', {
    id: 'ctaType',
    header: 'CTA type',
    sortFn: 'alphanumeric',
    cell: (info) => <CtaTypeId id={info.getValue()} />,
  }),
  helper.accessor((row) => (row.active ? 'Active' : 'Inactive'), {
    id: 'active',
    header: 'Status',
    sortFn: 'alphanumeric',
    cell: (info) => <ActiveBadge active={info.row.original.active} />,
  }),
  helper.accessor('templateCount', { id: 'templates', header: 'Tasks', sortFn: 'basic' }),
  helper.accessor('spanDays', {
    id: 'span',
    header: 'Span',
    sortFn: 'basic',
    cell: (info) => daysWord(info.getValue()),
  }),
]);

const NUMERIC = new Set(['templates', 'span']);
const isSortable = (id: string): id is ListSort['id'] => (SORTABLE_COLUMNS as readonly string[]).includes(id);

export function PlaybooksTable({
  rows,
  sort,
  onSortChange,
}: {
  rows: PlaybookRow[];
  sort: ListSort | null;
  onSortChange: (sort: ListSort | null) => void;
}) {
  const navigate = useNavigate();
  const sorting = useMemo<SortingState>(() => (sort ? [{ id: sort.id, desc: sort.desc }] : []), [sort]);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const next = functionalUpdate(updater, sorting)[0];
      onSortChange(next && isSortable(next.id) ? { id: next.id, desc: next.desc } : null);
    },
    enableSortingRemoval: false,
    sortDescFirst: false,
    enableMultiSort: false,
  });

  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="sr-only">Playbooks. Select a column header to sort by it.</caption>
      <thead className="border-b border-slate-300 bg-slate-100">
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <SortableHeader
                key={header.id}
                header={header}
                markUnsorted
                className={NUMERIC.has(header.column.id) ? 'text-right' : undefined}
              />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr
            key={row.id}
            onClick={(event) => {
              // The name is the keyboard way in; a click anywhere else on the row does the same.
              if ((event.target as HTMLElement).closest('a, button')) return;
              void navigate(playbookPath(row.original.id));
            }}
            className="cursor-pointer border-b border-slate-200 bg-white align-top hover:bg-blue-50"
          >
            {row.getAllCells().map((cell) => (
              <td key={cell.id} className={`px-3 py-2 ${NUMERIC.has(cell.column.id) ? 'text-right tabular-nums' : ''}`}>
                <table.FlexRender cell={cell} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
