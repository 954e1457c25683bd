import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUGGESTIONS_REQUEST, holdSuggestionsUntil, useSuggestions } from './suggestions.ts';

function envelope(data: unknown): Response {
  return new Response(JSON.stringify({ result: true, errorCode: null, errorDesc: null, requestId: 'r1', data }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}

function Owners() {
  const { data, isPending } = useSuggestions();
  return <p>{isPending ? 'Loading' : data?.owners.map((o) => o.ownerName).join(', ')}</p>;
}

afterEach(() => vi.unstubAllGlobals());

describe('suggestions', () => {
  it('ask for the most recently modified 1,000 tasks, a few fields', () => {
    expect(SUGGESTIONS_REQUEST).toEqual({
      select: ['CTAId', 'CompanyId', 'CompanyName', 'OwnerId', 'OwnerName'],
      orderBy: { ModifiedDate: 'desc' },
      limit: 1000,
    });
  });

  it('wait while the app holds them back, then load once released', async () => {
    const fetchMock = vi.fn(async () => envelope({ records: [{ OwnerId: 'U1', OwnerName: 'Ada Lovelace' }], totalCount: 1 }));
    vi.stubGlobal('fetch', fetchMock);
    let release: () => void = () => {};
    holdSuggestionsUntil(new Promise<void>((r) => (release = r)));
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
