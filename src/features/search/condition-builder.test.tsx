import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render as renderDom, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { suggestionsQueryOptions } from '../../api/suggestions.ts';
import { EMPTY_WHERE, type WhereState } from './builder-state.ts';
import { buildWhere } from './build-request.ts';
import { ConditionBuilder } from './condition-builder.tsx';

function Harness({ onSearch }: { onSearch: (where: WhereState) => void }) {
  const [draft, setDraft] = useState<WhereState>(EMPTY_WHERE);
  return (
    <ConditionBuilder
      draft={draft}
      built={buildWhere(draft, '2026-11-27')}
      dirty={false}
      onChange={setDraft}
      onSearch={() => onSearch(draft)}
    />
  );
}

afterEach(cleanup);

/** Renders with the pickers' suggestions in the cache: tasks with priorities High, HIGH, Low and Urgent. */
function render(ui: React.ReactElement) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  const records = ['High', 'HIGH', 'Low', 'Urgent'].map((Priority) => ({ Priority }));
  queryClient.setQueryData(suggestionsQueryOptions().queryKey, { records, totalCount: records.length });
  return renderDom(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}

const row = (letter: string) => screen.getByRole('group', { name: `Condition ${letter}` });

describe('ConditionBuilder', () => {
  it('builds lettered rows whose value editor follows the field type and operator', async () => {
    const user = userEvent.setup();
    const onSearch = vi.fn();
    render(<Harness onSearch={onSearch} />);
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await user.click(screen.getByRole('button', { name: 'Add condition' }));

    await user.selectOptions(within(row('A')).getByLabelText('Field'), 'Status');
    await user.selectOptions(within(row('A')).getByLabelText('Operator'), 'IN');
    const statuses = within(row('A')).getByRole('group', { name: 'Value' });
    expect(within(statuses).getAllByRole('checkbox')).toHaveLength(4);

    await user.selectOptions(within(row('B')).getByLabelText('Field'), 'DueDate');
    await user.selectOptions(within(row('B')).getByLabelText('Operator'), 'BTW');
    expect(within(row('B')).getByLabelText('From type')).toHaveValue('today');
    await user.selectOptions(within(row('B')).getByLabelText('To type'), 'ahead');
    expect(within(row('B')).getByLabelText('To')).toHaveValue(7);

    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith(
      expect.objectContaining({
        conditions: [expect.objectContaining({ values: ['Not Started'] }), expect.objectContaining({ values: ['today', 'today+7'] })],
      }),
    );
  });

  it('checks custom logic as it is typed and will not search while it is wrong', async () => {
    const user = userEvent.setup();
    const onSearch = vi.fn();
    render(<Harness onSearch={onSearch} />);
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Add condition' }));
    for (const letter of ['A', 'B', 'C']) await user.type(within(row(letter)).getByLabelText('Value'), 'x');
    await user.click(screen.getByRole('radio', { name: 'Custom logic' }));
    const expression = screen.getByLabelText('Custom logic expression');
    expect(expression).toHaveValue('A AND B AND C');
    // Letters and AND/OR are not words to check the spelling of.
    expect(expression).toHaveAttribute('spellcheck', 'false');

    await user.clear(expression);
    await user.type(expression, 'A OR (B AND');
    expect(expression).toHaveAttribute('aria-invalid', 'true');
    expect(expression).toHaveAccessibleDescription(/Expected a condition letter at end of expression \(column 12\)/);
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).not.toHaveBeenCalled();
    expect(screen.getByRole('alert')).toHaveTextContent('Not searched');
    expect(expression).toHaveFocus();

    await user.type(expression, ' C)');
    expect(expression).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledTimes(1);
  });

  it('moves letters up after a removal and rewrites the expression to match', async () => {
    const user = userEvent.setup();
    render(<Harness onSearch={vi.fn()} />);
    for (let i = 0; i < 3; i++) await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await user.click(screen.getByRole('radio', { name: 'Custom logic' }));
    const expression = screen.getByLabelText('Custom logic expression');
    await user.clear(expression);
    await user.type(expression, 'A OR (B AND C)');
    await user.click(screen.getByRole('button', { name: 'Remove condition B' }));
    expect(screen.queryByRole('group', { name: 'Condition C' })).toBeNull();
    expect(expression).toHaveValue('A OR B');
    await user.click(screen.getByRole('button', { name: 'Duplicate condition A' }));
    expect(expression).toHaveValue('A OR C');
    expect(screen.getByText('Left out of the logic: B. It filters nothing.')).toBeInTheDocument();
  });

  it("says nothing about a new condition's value before it was touched, then says what is missing", async () => {
    const user = userEvent.setup();
    render(<Harness onSearch={vi.fn()} />);
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    const value = within(row('A')).getByLabelText('Value');
    expect(within(row('A')).queryByText(/enter a value/)).toBeNull();
    expect(value).toHaveAccessibleDescription('Any capitalisation matches.');
    await user.click(value);
    await user.tab();
    expect(within(row('A')).getByText('Condition A (Name): enter a value')).toBeVisible();

    // Another new row stays quiet until Search is pressed.
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    expect(within(row('B')).queryByText(/enter a value/)).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(within(row('B')).getByText('Condition B (Name): enter a value')).toBeVisible();
  });

  it('offers Priority as a list of the values seen in tasks, one per spelling, with operators in words', async () => {
    const user = userEvent.setup();
    const onSearch = vi.fn();
    render(<Harness onSearch={onSearch} />);
    await user.click(screen.getByRole('button', { name: 'Add condition' }));
    await user.selectOptions(within(row('A')).getByLabelText('Field'), 'Priority');
    const operator = within(row('A')).getByLabelText('Operator');
    expect(
      within(operator)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['is', 'is not', 'is any of', 'is none of', 'contains', 'starts with', 'is empty', 'is not empty']);
    const value = within(row('A')).getByRole('combobox', { name: 'Value' });
    expect(
      within(value)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Choose…', 'High', 'Medium', 'Low', 'Urgent']);
    expect(value).toHaveAccessibleDescription('Any capitalisation matches.');
    await user.selectOptions(value, 'High');
    await user.selectOptions(operator, 'IN');
    const choices = within(row('A')).getByRole('group', { name: 'Value' });
    expect(within(choices).getByRole('checkbox', { name: 'High' })).toBeChecked();
    await user.click(within(choices).getByRole('checkbox', { name: 'Urgent' }));
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(onSearch).toHaveBeenCalledWith(
      expect.objectContaining({ conditions: [expect.objectContaining({ values: ['High', 'Urgent'] })] }),
    );
  });
});
