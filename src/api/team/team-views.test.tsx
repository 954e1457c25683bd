import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeTeamServer, type FakeTeamServerOptions, type StoredView } from '../../test/fake-team-server.ts';
import { holdUntilFirstPage } from '../after-first-page.ts';
import { createQueryClient } from '../query-client.ts';
import { sessionKeys } from '../query-keys.ts';
import { useCreateTeamView, useDeleteTeamView, useTeamViews, useUpdateTeamView, viewsOfKind } from './team-views.ts';

let queryClient: QueryClient;

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

const AT = '2026-08-19T10:00:00.000Z';
const view = (id: string, name: string, kind: 'search' | 'board', author: string | null = 'Ana'): StoredView => ({
  id,
  kind,
  name,
  params: `q=${id}`,
  author,
  createdAt: AT,
  updatedAt: AT,
});

function serve(options: FakeTeamServerOptions) {
  const server = createFakeTeamServer(options);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => (await server.handle(request)) ?? new Response('not here', { status: 500 })),
  );
  return server;
}

beforeEach(() => {
  queryClient = createQueryClient();
});

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

describe("the team's views", () => {
  it('are one list, each page selecting its kind, sorted by name', async () => {
    const server = serve({ views: [view('v1', 'zeta', 'search'), view('v2', 'Alpha', 'search'), view('v3', 'Mine', 'board')] });
    const search = renderHook(() => useTeamViews('search'), { wrapper });
    const board = renderHook(() => useTeamViews('board'), { wrapper });
    await waitFor(() => expect(search.result.current.data?.status).toBe('ok'));
    await waitFor(() => expect(board.result.current.data?.status).toBe('ok'));
    const names = (data: typeof search.result.current.data) => (data?.status === 'ok' ? data.views.map((v) => v.name) : null);
    expect(names(search.result.current.data)).toEqual(['Alpha', 'zeta']);
    expect(names(board.result.current.data)).toEqual(['Mine']);
    // The server's session answer first (it says whether there are team views), then the list, once each.
    expect(server.seen).toEqual(['GET /auth/session', 'GET /api/views']);
  });

  it('are "unavailable" rather than failed on an older server, or without a session', async () => {
    serve({ missing: true });
    const missing = renderHook(() => useTeamViews('search'), { wrapper });
    await waitFor(() => expect(missing.result.current.data).toEqual({ status: 'unavailable', reason: 'missing' }));
    queryClient.clear();
    serve({ signInRequired: true });
    const signIn = renderHook(() => useTeamViews('board'), { wrapper });
    await waitFor(() => expect(signIn.result.current.data).toEqual({ status: 'unavailable', reason: 'sign-in' }));
  });

  it('are "off" without asking for the list when the server says it keeps none (its mirror is off)', async () => {
    const server = serve({ teamViews: false });
    const { result } = renderHook(() => useTeamViews('search'), { wrapper });
    await waitFor(() => expect(result.current.data).toEqual({ status: 'unavailable', reason: 'off' }));
    expect(server.seen).toEqual(['GET /auth/session']);
  });

  it('use the session answer the page already has (the header asked for it)', async () => {
    const server = serve({});
    queryClient.setQueryData(sessionKeys.current(), { session: { kind: 'off' }, teamViews: false });
    const { result } = renderHook(() => useTeamViews('board'), { wrapper });
    await waitFor(() => expect(result.current.data).toEqual({ status: 'unavailable', reason: 'off' }));
    expect(server.seen).toEqual([]);
  });

  it('are "off", asked once and not retried, when a server that did not say answers 503 TEAM_503', async () => {
    const server = serve({ missing: true });
    server.answerNext('GET', '/api/views', () =>
      server.refuse(503, 'TEAM_503', 'Team views are kept by the mirror, which is off on this server (GAINSIGHT_MIRROR=off).'),
    );
    const { result } = renderHook(() => useTeamViews('search'), { wrapper });
    await waitFor(() => expect(result.current.data).toEqual({ status: 'unavailable', reason: 'off' }));
    expect(server.seen).toEqual(['GET /auth/session', 'GET /api/views']);
  });

  it('wait until the first page has settled, then ask', async () => {
    const server = serve({});
    let release: () => void = () => {};
    holdUntilFirstPage(new Promise<void>((r) => (release = r)));
    const { result } = renderHook(() => useTeamViews('search'), { wrapper });
    await new Promise((r) => setTimeout(r, 50));
    expect(result.current.fetchStatus).toBe('idle');
    expect(server.seen).toEqual([]);
    await act(async () => release());
    await waitFor(() => expect(result.current.data?.status).toBe('ok'));
    expect(server.seen).toEqual(['GET /auth/session', 'GET /api/views']);
  });

  it('are not asked for while not enabled', () => {
    const server = serve({});
    const { result } = renderHook(() => useTeamViews('board', { enabled: false }), { wrapper });
    expect(result.current.fetchStatus).toBe('idle');
    expect(result.current.isPending).toBe(true);
    expect(server.seen).toEqual([]);
  });

  it('take a new view, a rename and a delete into the list', async () => {
    serve({ views: [view('v1', 'Overdue', 'board')] });
    const { result } = renderHook(
      () => ({ list: useTeamViews('board'), create: useCreateTeamView(), update: useUpdateTeamView(), remove: useDeleteTeamView() }),
      { wrapper },
    );
    await waitFor(() => expect(result.current.list.data?.status).toBe('ok'));
    const names = () => (result.current.list.data?.status === 'ok' ? result.current.list.data.views.map((v) => v.name) : []);
    await act(() => result.current.create.mutateAsync({ kind: 'board', name: 'High priority', params: 'priority=High' }));
    await waitFor(() => expect(names()).toEqual(['High priority', 'Overdue']));
    await act(() => result.current.update.mutateAsync({ id: 'v1', patch: { name: 'Late' } }));
    await waitFor(() => expect(names()).toEqual(['High priority', 'Late']));
    await act(() => result.current.remove.mutateAsync('v1'));
    await waitFor(() => expect(names()).toEqual(['High priority']));
  });

  it('drop a view someone else deleted meanwhile when deleting it answers 404', async () => {
    const server = serve({ views: [view('v1', 'Overdue', 'board')] });
    const { result } = renderHook(() => ({ list: useTeamViews('board'), remove: useDeleteTeamView() }), { wrapper });
    await waitFor(() => expect(result.current.list.data?.status).toBe('ok'));
    server.views.delete('v1');
    await act(() => result.current.remove.mutateAsync('v1').catch(() => undefined));
    await waitFor(() => expect(result.current.list.data).toEqual({ status: 'ok', views: [] }));
  });
});

describe('viewsOfKind', () => {
  it('sorts by name in any case, then the newest first', () => {
    const older = { ...view('a', 'same', 'search'), editable: true };
    const newer = { ...view('b', 'Same', 'search'), updatedAt: '2026-08-19T11:00:00.000Z', editable: true };
    expect(viewsOfKind([older, newer, { ...view('c', 'board', 'board'), editable: true }], 'search').map((v) => v.id)).toEqual(['b', 'a']);
  });
});
