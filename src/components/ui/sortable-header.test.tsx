import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  createColumnHelper,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_basic,
  tableFeatures,
  useTable,
  type SortingState,
} from '@tanstack/react-table';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { SortableHeader } from './sortable-header.tsx';

interface Row {
  name: string;
  tasks: number;
}

const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic },
});
const helper = createColumnHelper<typeof features, Row>();
const columns = helper.columns([
  helper.accessor('name', { id: 'name', header: 'Name', sortFn: 'alphanumeric' }),
  helper.accessor('tasks', { id: 'tasks', header: 'Tasks', sortFn: 'basic' }),
]);
const DATA: Row[] = [
  { name: 'Onboarding', tasks: 5 },
  { name: 'Renewal', tasks: 2 },
  { name: 'Adoption', tasks: 9 },
];

function Table({ markUnsorted = false }: { markUnsorted?: boolean }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: 'name', desc: false }]);
  const table = useTable({
    features,
    columns,
    data: DATA,
    state: { sorting },
    onSortingChange: setSorting,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
  });
  return (
    <table>
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id}>
            {group.headers.map((header) => (
              <SortableHeader
                key={header.id}
                header={header}
                markUnsorted={markUnsorted}
                className={header.column.id === 'tasks' ? 'text-right' : undefined}
              />
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            <td>{row.original.name}</td>
            <td>{row.original.tasks}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const header = (name: string) => screen.getByRole('columnheader', { name });
const names = () =>
  screen
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]?.textContent);

describe('SortableHeader', () => {
  it('says by aria-sort which column sorts the rows, and how', () => {
    render(<Table />);
    expect(header('Name')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Tasks')).not.toHaveAttribute('aria-sort');
    expect(names()).toEqual(['Adoption', 'Onboarding', 'Renewal']);
  });

  it('holds a button named by the column that toggles its sorting', async () => {
    render(<Table />);
    const tasks = within(header('Tasks')).getByRole('button', { name: 'Tasks' });
    await userEvent.click(tasks);
    expect(header('Tasks')).toHaveAttribute('aria-sort', 'ascending');
    expect(header('Name')).not.toHaveAttribute('aria-sort');
    expect(names()).toEqual(['Renewal', 'Onboarding', 'Adoption']);

    await userEvent.click(tasks);
    expect(header('Tasks')).toHaveAttribute('aria-sort', 'descending');
    expect(names()).toEqual(['Adoption', 'Onboarding', 'Renewal']);
  });

  it('sorts from the keyboard too', async () => {
    render(<Table />);
    await userEvent.tab();
    expect(within(header('Name')).getByRole('button')).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    expect(header('Name')).toHaveAttribute('aria-sort', 'descending');
  });

  it('shows the direction as a mark hidden from assistive technology, and ↕ on unsorted columns only when asked', () => {
    const { unmount } = render(<Table />);
    expect(header('Name')).toHaveTextContent(/^Name▲$/);
    expect(header('Tasks')).toHaveTextContent(/^Tasks$/);
    expect(within(header('Name')).getByText('▲')).toHaveAttribute('aria-hidden', 'true');
    unmount();
    render(<Table markUnsorted />);
    expect(header('Tasks')).toHaveTextContent(/^Tasks↕$/);
    expect(header('Tasks')).toHaveClass('text-right');
  });
});
