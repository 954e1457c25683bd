import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playbooksQueryOptions } from '../../api/playbooks.ts';
import { suggestionsQueryOptions } from '../../api/suggestions.ts';
import type { Task } from '../../api/types.ts';
import { todayIso } from '../../lib/dates.ts';
import { CtaCombobox } from './cta-combobox.tsx';
import { OwnerCombobox } from './owner-combobox.tsx';
import { useCtaChoice } from './use-cta-choice.ts';
import { fakeApi } from '../../../test-support/fake-api.ts';

const ACME = '1CACME000000000000000000000000000001';
const ACME2 = '1CACME000000000000000000000000000002';
const NW = '1CNW00000000000000000000000000000003';
const NOBODY = '1CNOBODY0000000000000000000000000004';
const year = todayIso().slice(0, 4);

const RECORDS: Task[] = [
  {
    CTAId: ACME,
    CompanyId: 'K1',
    CompanyName: 'Acme Corp',
    OwnerId: 'U1',
    OwnerName: 'Ada Lovelace',
    PlaybookId: '1PRENEW',
    CreatedDate: `${year}-08-12T10:00:00.000Z`,
  },
  { CTAId: ACME, CompanyId: 'K1', CompanyName: 'Acme Corp', PlaybookId: '1PRENEW', CreatedDate: `${year}-08-13T10:00:00.000Z` },
  { CTAId: ACME2, CompanyId: 'K1', CompanyName: 'Acme Corp', PlaybookId: '1PCHURN', CreatedDate: `${year}-09-01T10:00:00.000Z` },
  { CTAId: NW, CompanyId: 'K2', CompanyName: 'Northwind', OwnerId: 'U2', OwnerName: 'Grace Hopper' },
];

let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;
beforeEach(() => {
  // Only a look-up of an id the suggestions lack reaches the network: no task has it.
  fetchMock = vi.fn(fakeApi());
  vi.stubGlobal('fetch', fetchMock);
});

function renderWithSuggestions(ui: React.ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  queryClient.setQueryData(suggestionsQueryOptions().queryKey, { records: RECORDS, totalCount: RECORDS.length });
  queryClient.setQueryData(playbooksQueryOptions().queryKey, [
    { Gsid: '1PRENEW', Name: 'Renewal - 120 Days Out' },
    { Gsid: '1PCHURN', Name: 'Churn Save' },
  ]);
  return render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function Cta() {
  const [value, setValue] = useState('');
  const choice = useCtaChoice(value);
  return (
    <>
      <CtaCombobox id="cta" value={value} onChange={setValue} choice={choice} required />
      <output data-testid="cta-value">{value}</output>
      <output data-testid="cta-status">{choice.status.kind}</output>
    </>
  );
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

const ctaInput = () => screen.getByRole('combobox', { name: 'CTA' });

describe('CtaCombobox', () => {
  it('names CTAs by company, playbook, task count and age, with the id as secondary text', async () => {
    const user = userEvent.setup();
    renderWithSuggestions(<Cta />);
    await user.type(ctaInput(), 'acme');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      `Acme Corp · Churn Save · 1 task · since Sep 1CTA id ${ACME2}`,
      `Acme Corp · Renewal - 120 Days Out · 2 tasks · since Aug 12CTA id ${ACME}`,
    ]);
    // A playbook's name narrows the list.
    await user.type(ctaInput(), ' renewal');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(screen.getByTestId('cta-value')).toHaveTextContent(ACME);
    expect(ctaInput()).toHaveValue('Acme Corp · Renewal - 120 Days Out · 2 tasks · since Aug 12');
    expect(ctaInput()).toHaveAccessibleDescription(`CTA id ${ACME}`);
    expect(screen.getByTestId('cta-status')).toHaveTextContent('known');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('Enter on a company with several CTAs chooses nothing and says so', async () => {
    const user = userEvent.setup();
    renderWithSuggestions(<Cta />);
    await user.type(ctaInput(), 'Acme');
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('cta-value')).toHaveTextContent(/^$/);
    expect(ctaInput()).toHaveAccessibleDescription('2 CTAs match: choose one with the arrow keys, or type more.');
    await user.tab();
    expect(ctaInput()).toHaveValue('');
    expect(screen.getByTestId('cta-status')).toHaveTextContent('empty');
  });

  it('takes a CTA typed by its whole id', async () => {
    const user = userEvent.setup();
    renderWithSuggestions(<Cta />);
    await user.type(ctaInput(), NW.toLowerCase());
    await user.tab();
    expect(screen.getByTestId('cta-value')).toHaveTextContent(NW);
    expect(ctaInput()).toHaveValue('Northwind · 1 task');
  });

  it('an id no task names is used only once the user confirms it; other text is refused', async () => {
    const user = userEvent.setup();
    renderWithSuggestions(<Cta />);
    await user.type(ctaInput(), 'Zeta Industries');
    await user.tab();
    expect(screen.getByTestId('cta-value')).toHaveTextContent(/^$/);
    expect(ctaInput()).toHaveAccessibleDescription('No CTAs match “Zeta Industries”. Nothing was chosen.');

    await user.type(ctaInput(), NOBODY);
    await user.tab();
    expect(screen.getByTestId('cta-value')).toHaveTextContent(NOBODY);
    const confirm = await screen.findByRole('checkbox', { name: `Use CTA id ${NOBODY} anyway` });
    expect(screen.getByTestId('cta-status')).toHaveTextContent('unknown');
    expect(ctaInput()).toHaveAccessibleDescription(`No task names CTA id ${NOBODY}, so it cannot be told which CTA it is.`);
    const lookups = fetchMock.mock.calls.map(([r]) => new URL(r.url).pathname);
    expect(lookups).toEqual(['/v1/tasks/search']);

    await user.click(confirm);
    expect(screen.getByTestId('cta-status')).toHaveTextContent('confirmed');
    expect(ctaInput()).toHaveAccessibleDescription(`CTA id ${NOBODY} is used as typed; the server checks it when you save.`);
    await user.click(confirm);
    expect(screen.getByTestId('cta-status')).toHaveTextContent('unknown');
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
