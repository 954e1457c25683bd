import { DndContext } from '@dnd-kit/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from '../../../components/router/router.tsx';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../api/errors.ts';
import { taskSearchInfiniteQueryOptions } from '../../../api/tasks.ts';
import type { SearchResult } from '../../../api/types.ts';
import { NewTaskContext } from '../../../components/new-task/new-task-context.tsx';
import { BoardColumn } from './board-column.tsx';
import { FocusRequestsContext, createFocusRequests } from '../moves/focus-requests.ts';
import { ORDER_BY } from './sort-order.ts';

const api = vi.hoisted(() => ({ searchTasks: vi.fn<() => Promise<SearchResult>>() }));
vi.mock('../../../api/client.ts', async (original) => ({ ...(await original<object>()), ...api }));
// jsdom lays nothing out, so the real virtual list would draw no card: a plain list stands in.
vi.mock('./column-cards.tsx', () => ({
  ColumnCards: ({ status, cards }: { status: string; cards: { Gsid?: string; Name?: string }[] }) => (
    <div role="feed" aria-label={`${status} tasks`}>
      {cards.map((c) => (
        <article key={c.Gsid} aria-label={c.Name} />
      ))}
    </div>
  ),
}));

const rows: SearchResult = {
  records: [
    { Gsid: '1T1', Name: 'Kickoff call', Status: 'In Progress', DueDate: '2026-12-01' },
    { Gsid: '1T2', Name: 'Training', Status: 'In Progress', DueDate: '2026-12-03' },
  ],
  totalCount: 2,
};

function renderColumn() {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const options = taskSearchInfiniteQueryOptions({
    where: { conditions: [{ name: 'Status', operator: 'EQ', value: ['In Progress'] }] },
    limit: 50,
  });
  render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter>
        <NewTaskContext value={{ openNewTask: vi.fn() }}>
          <FocusRequestsContext value={createFocusRequests()}>
            <DndContext>
              <BoardColumn
                status="In Progress"
                options={options}
                pending={new Map()}
                orderBy={ORDER_BY.due}
                scope="board"
                onMoveTo={vi.fn()}
                today="2026-11-27"
              />
            </DndContext>
          </FocusRequestsContext>
        </NewTaskContext>
      </MemoryRouter>
    </QueryClientProvider>,
  );
  return { queryClient, column: screen.getByRole('region', { name: 'In Progress' }) };
}

describe('BoardColumn', () => {
  it('a background refetch that fails says so, with the reason and a retry, and keeps the cards', async () => {
    api.searchTasks.mockResolvedValueOnce(rows);
    const { queryClient, column } = renderColumn();
    await waitFor(() => expect(within(column).getByRole('heading', { level: 2 })).toHaveTextContent('In Progress, 2 tasks'));

    api.searchTasks.mockRejectedValueOnce(new ApiError({ kind: 'api', status: 400, errorDesc: 'The search was refused.' }));
    await act(() => queryClient.refetchQueries().catch(() => undefined));
    const alert = await within(column).findByRole('alert');
    expect(alert).toHaveTextContent('Could not refresh In Progress: The search was refused.');
    // The cards the column had stay, and so does their count.
    expect(within(column).getByRole('feed', { name: 'In Progress tasks' })).toBeInTheDocument();
    expect(within(column).getByRole('article', { name: 'Kickoff call' })).toBeInTheDocument();
    expect(within(column).getByRole('heading', { level: 2 })).toHaveTextContent('In Progress, 2 tasks');
    expect(within(column).queryByText('No tasks')).toBeNull();

    api.searchTasks.mockResolvedValueOnce({ ...rows, records: rows.records.slice(0, 1), totalCount: 1 });
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(within(column).getByRole('heading', { level: 2 })).toHaveTextContent('In Progress, 1 task'));
    expect(within(column).queryByRole('alert')).toBeNull();
    // The button went with the alert: the keyboard user is left in the column, not at the page's top.
    expect(column).toHaveFocus();
  });
});
