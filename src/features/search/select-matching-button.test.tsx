import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchRequest } from '../../api/types.ts';
import { createSelectionStore } from '../../components/bulk/selection-store.ts';
import { fakeApi } from '../../../test-support/fake-api.ts';
import { SelectMatchingButton } from './select-matching-button.tsx';

const TOTAL = 2345;
const asked: SearchRequest[] = [];

beforeEach(() => {
  asked.length = 0;
  vi.stubGlobal(
    'fetch',
    vi.fn(
      fakeApi({
        searchTasks: (body) => {
          asked.push(body);
          const offset = body.offset ?? 0;
          const count = Math.max(0, Math.min(body.limit ?? 0, TOTAL - offset));
          return {
            records: Array.from({ length: count }, (_, i) => ({ Gsid: `t${offset + i}`, Name: `Task ${offset + i}` })),
            totalCount: TOTAL,
          };
        },
      }),
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('Select all N matching', () => {
  it('asks first, says it stops at 1,000 and why, then selects the first 1,000', async () => {
    const store = createSelectionStore();
    const where = { conditions: [{ name: 'Priority', operator: 'EQ' as const, value: ['High'] }] };
    render(<SelectMatchingButton store={store} request={{ where }} total={TOTAL} />);
    await userEvent.click(screen.getByRole('button', { name: 'Select all 2,345 matching' }));
    const question = screen.getByRole('alertdialog', { name: 'Select all 2,345 matching tasks?' });
    expect(question).toHaveTextContent('Only the first 1,000 will be selected. A bulk change takes at most 1,000 tasks');
    expect(asked).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Select 1,000 tasks' }));
    await waitFor(() => expect(store.get().items.size).toBe(1000));
    expect(screen.getByRole('status')).toHaveTextContent('The first 1,000 of 2,345 matching tasks are selected.');
    expect(asked.every((r) => JSON.stringify(r.where) === JSON.stringify(where))).toBe(true);
  });

  it('Cancel selects nothing', async () => {
    const store = createSelectionStore();
    render(<SelectMatchingButton store={store} request={{}} total={40} />);
    await userEvent.click(screen.getByRole('button', { name: 'Select all 40 matching' }));
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(store.get().items.size).toBe(0);
    expect(asked).toHaveLength(0);
  });
});
