import { QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient } from '../../api/query-client.ts';
import { fakeApi } from '../../../test-support/fake-api.ts';
import { BulkDialog } from './bulk-dialog.tsx';
import { SelectionBar } from './selection-bar.tsx';
import { selectAll } from './selection.ts';
import { createSelectionStore } from './selection-store.ts';

beforeEach(() => {
  vi.stubGlobal('fetch', vi.fn(fakeApi({ searchTasks: () => ({ records: [], totalCount: 0 }) })));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const wrap = (ui: React.ReactNode) => render(<QueryClientProvider client={createQueryClient()}>{ui}</QueryClientProvider>);

describe('SelectionBar', () => {
  it('counts the selection, and Clear and Escape empty it; an empty selection disables the actions', async () => {
    const store = createSelectionStore();
    store.set((s) =>
      selectAll(s, [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ]),
    );
    wrap(<SelectionBar store={store} />);
    expect(screen.getByText('2 tasks selected')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Set status…' })).toBeEnabled();
    await userEvent.keyboard('{Escape}');
    expect(store.get().items.size).toBe(0);
    expect(screen.getByText('No tasks selected')).toBeInTheDocument();
    for (const name of ['Set status…', 'Set owner…', 'Set priority…', 'Set due date…', 'Shift due dates…']) {
      expect(screen.getByRole('button', { name })).toBeDisabled();
    }
  });
});

describe('BulkDialog', () => {
  it('says exactly what will change on its button', async () => {
    const onConfirm = vi.fn();
    wrap(<BulkDialog action="status" count={12} onConfirm={onConfirm} onCancel={() => {}} />);
    await userEvent.selectOptions(screen.getByLabelText('New status'), 'Skipped');
    await userEvent.click(screen.getByRole('button', { name: 'Move 12 tasks to Skipped' }));
    expect(onConfirm).toHaveBeenCalledWith({ kind: 'status', status: 'Skipped' });
  });

  it('refuses a shift that is not a whole number of days, and says why', async () => {
    const onConfirm = vi.fn();
    wrap(<BulkDialog action="shift" count={3} onConfirm={onConfirm} onCancel={() => {}} />);
    const days = screen.getByRole('textbox', { name: 'Days to shift by' });
    await userEvent.clear(days);
    await userEvent.type(days, '-2');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Working days only (Monday to Friday)' }));
    expect(screen.getByRole('button', { name: 'Move the due dates of 3 tasks 2 working days earlier' })).toBeEnabled();
    await userEvent.clear(days);
    await userEvent.type(days, 'soon');
    expect(days).toHaveAccessibleDescription(expect.stringContaining('Enter a whole number of days'));
    await userEvent.click(screen.getByRole('button', { name: 'Shift due dates' }));
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('cannot confirm for no tasks', () => {
    wrap(<BulkDialog action="status" count={0} onConfirm={() => {}} onCancel={() => {}} />);
    expect(screen.getByRole('button', { name: 'Move 0 tasks to Completed' })).toBeDisabled();
  });
});
