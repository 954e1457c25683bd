import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestionsQueryOptions } from '../../api/suggestions.ts';
import type { Task } from '../../api/types.ts';
import { CtaCombobox } from './cta-combobox.tsx';
import { OwnerCombobox } from './owner-combobox.tsx';

const RECORDS: Task[] = [
  { CTAId: '1C-ACME', CompanyId: 'K1', CompanyName: 'Acme Corp', OwnerId: 'U1', OwnerName: 'Ada Lovelace' },
  { CTAId: '1C-NW', CompanyId: 'K2', CompanyName: 'Northwind', OwnerId: 'U2', OwnerName: 'Grace Hopper' },
];

function renderWithSuggestions(ui: React.ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(suggestionsQueryOptions().queryKey, { records: RECORDS, totalCount: RECORDS.length });
  return render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}

afterEach(cleanup);

function Cta() {
  const [value, setValue] = useState('');
  return <CtaCombobox id="cta" value={value} onChange={setValue} required />;
}

function Owner({ initial }: { initial: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <OwnerCombobox id="owner" value={value} onChange={setValue} currentOwner={{ ownerId: 'U9', ownerName: 'Alan Turing' }} />
      <output data-testid="owner-value">{value}</output>
    </>
  );
}

describe('CtaCombobox', () => {
  it('suggests CTAs by company with their id, and fills in the CTA id', async () => {
    const user = userEvent.setup();
    renderWithSuggestions(<Cta />);
    const input = screen.getByRole('combobox', { name: 'CTA' });
    await user.type(input, 'acme');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Acme CorpCTA 1C-ACME']);
    await user.keyboard('{ArrowDown}{Enter}');
    expect(input).toHaveValue('1C-ACME');
    expect(input).toHaveAccessibleDescription('Company: Acme Corp');
  });

  it('finds a CTA by its id and accepts an id no task uses', async () => {
    const user = userEvent.setup();
    renderWithSuggestions(<Cta />);
    const input = screen.getByRole('combobox', { name: 'CTA' });
    await user.type(input, '1c-nw');
    expect(screen.getByRole('option', { name: /Northwind/ })).toBeVisible();
    await user.clear(input);
    await user.type(input, '1C-NEW');
    await user.tab();
    expect(input).toHaveValue('1C-NEW');
    expect(input).toHaveAccessibleDescription(/Not a CTA seen in tasks/);
  });
});

describe('OwnerCombobox', () => {
  it('shows the current owner by name even when no task names them, and lists the others', async () => {
    const user = userEvent.setup();
    renderWithSuggestions(<Owner initial="U9" />);
    const input = screen.getByRole('combobox', { name: 'Owner' });
    expect(input).toHaveValue('Alan Turing');
    await user.clear(input);
    await user.type(input, 'grace');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('owner-value')).toHaveTextContent('U2');
    expect(input).toHaveValue('Grace Hopper');
  });
});
