import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { holdUntilFirstPage } from './after-first-page.ts';
import { SUGGESTIONS_REQUEST, suggestionsQueryOptions, useSuggestions } from './suggestions.ts';
import { okResponse } from '../../test-support/api-envelope.ts';

function Owners() {
  const { data, isPending } = useSuggestions();
  return <p>{isPending ? 'Loading' : data?.owners.map((o) => o.ownerName).join(', ')}</p>;
}

afterEach(() => vi.unstubAllGlobals());

describe('suggestions', () => {
  it('ask for the most recently modified 1,000 tasks, a few fields', () => {
    expect(SUGGESTIONS_REQUEST).toEqual({
      select: ['CTAId', 'CompanyId', 'CompanyName', 'OwnerId', 'OwnerName', 'PlaybookId', 'CreatedDate', 'Priority'],
      orderBy: { ModifiedDate: 'desc' },
      limit: 1000,
    });
  });

  it("tell each CTA's facts (exact when the sample holds every task), the owners and the priorities seen", () => {
    const select = suggestionsQueryOptions().select!;
    const records = [
      { CTAId: 'C2', CompanyId: 'K2', CompanyName: 'Zeta', Priority: 'low', CreatedDate: '2026-02-01T00:00:00Z' },
      { CTAId: 'C1', CompanyId: 'K1', CompanyName: 'Acme', OwnerId: 'U1', OwnerName: 'Ada', Priority: 'Low', PlaybookId: 'P1' },
      { CTAId: 'C1', CompanyId: 'K1', CompanyName: 'Acme', Priority: 'High', CreatedDate: '2026-01-05T10:00:00Z' },
      { CTAId: 'C3', CompanyName: 'Acme', Priority: 'Urgent', CreatedDate: '2026-03-01T00:00:00Z' },
    ];
    const all = select({ records, totalCount: 4 });
    expect(all.ctas).toEqual([
      { ctaId: 'C3', companyId: '', companyName: 'Acme', playbookIds: [], taskCount: 1, complete: true, since: '2026-03-01' },
      { ctaId: 'C1', companyId: 'K1', companyName: 'Acme', playbookIds: ['P1'], taskCount: 2, complete: true, since: '2026-01-05' },
      { ctaId: 'C2', companyId: 'K2', companyName: 'Zeta', playbookIds: [], taskCount: 1, complete: true, since: '2026-02-01' },
    ]);
    expect(all.owners).toEqual([{ ownerId: 'U1', ownerName: 'Ada' }]);
    expect(all.priorities).toEqual(['High', 'Low', 'low', 'Urgent']);
    expect(select({ records, totalCount: 5000 }).ctas.every((c) => !c.complete)).toBe(true);
  });

  it('wait while the app holds them back, then load once released', async () => {
    const fetchMock = vi.fn(async () => okResponse({ records: [{ OwnerId: 'U1', OwnerName: 'Ada Lovelace' }], totalCount: 1 }));
    vi.stubGlobal('fetch', fetchMock);
    let release: () => void = () => {};
    holdUntilFirstPage(new Promise<void>((r) => (release = r)));
    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={queryClient}>
        <Owners />
      </QueryClientProvider>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByText('Loading')).toBeInTheDocument();
    expect(fetchMock).not.toHaveBeenCalled();

    await act(async () => release());
    await waitFor(() => expect(screen.getByText('Ada Lovelace')).toBeInTheDocument());
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
