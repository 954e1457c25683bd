import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { playbooksQueryOptions, usePlaybook } from './playbooks.ts';
import { createQueryClient } from './query-client.ts';
import { playbookKeys, taskKeys } from './query-keys.ts';
import {
  nextSearchOffset,
  prefetchTask,
  taskQueryOptions,
  taskSearchInfiniteQueryOptions,
  taskSearchQueryOptions,
  useCreateTask,
  useInfiniteTaskSearch,
  useTask,
  useTaskSearch,
  useUpdateTask,
} from './tasks.ts';
import type { Playbook, SearchRequest, Task } from './types.ts';
import { errorResponse, okResponse } from '../../test-support/api-envelope.ts';

const OLD: Task = { Gsid: '1T1', Name: 'Kick-off', CTAId: '1C1', Status: 'Not Started' };
const NEW: Task = { ...OLD, Status: 'Completed' };
const PLAYBOOKS: Playbook[] = [{ Gsid: '1P1', Name: 'Onboarding' }];
const SEARCH: SearchRequest = { where: { conditions: [{ name: 'Status', operator: 'EQ', value: ['Not Started'] }] } };

let queryClient: QueryClient;
let fetchMock: ReturnType<typeof vi.fn<(request: Request) => Promise<Response>>>;

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

beforeEach(() => {
  queryClient = createQueryClient();
  fetchMock = vi.fn<(request: Request) => Promise<Response>>();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

/** Seeds a task detail, two kinds of search and the playbook list, all fresh. */
function seedCache() {
  queryClient.setQueryData(taskQueryOptions('1T1').queryKey, OLD);
  queryClient.setQueryData(taskSearchQueryOptions(SEARCH).queryKey, { records: [OLD], totalCount: 1 });
  queryClient.setQueryData(taskSearchInfiniteQueryOptions(SEARCH).queryKey, {
    pages: [{ records: [OLD], totalCount: 1 }],
    pageParams: [0],
  });
  queryClient.setQueryData(playbooksQueryOptions().queryKey, PLAYBOOKS);
}

const invalidated = (queryKey: readonly unknown[]) => queryClient.getQueryState(queryKey)?.isInvalidated;

describe('query keys', () => {
  it('are hierarchical', () => {
    expect(taskKeys.all).toEqual(['tasks']);
    expect(taskKeys.search(SEARCH)).toEqual(['tasks', 'search', SEARCH]);
    expect(taskKeys.searchInfinite(SEARCH)).toEqual(['tasks', 'search', 'infinite', SEARCH]);
    expect(taskKeys.detail('1T1')).toEqual(['tasks', 'detail', '1T1']);
    expect(playbookKeys.list()).toEqual(['playbooks', 'list']);
    expect(playbookKeys.detail('1P1')).toEqual(['playbooks', 'detail', '1P1']);
    expect(taskQueryOptions('1T1').queryKey).toEqual(taskKeys.detail('1T1'));
    expect(taskSearchQueryOptions(SEARCH).queryKey).toEqual(taskKeys.search(SEARCH));
  });

  it('give each kind of task search a key of its own under the searches, the request last', () => {
    expect(taskKeys.searchBuilderPage(SEARCH)).toEqual(['tasks', 'search', 'builder-page', SEARCH]);
    expect(taskKeys.searchAllPages(SEARCH)).toEqual(['tasks', 'search', 'all-pages', SEARCH]);
  });
});

describe('useUpdateTask', () => {
  it('writes the answer into the detail cache and invalidates searches, not playbooks', async () => {
    seedCache();
    fetchMock.mockResolvedValue(okResponse(NEW));
    const { result } = renderHook(() => useUpdateTask(), { wrapper });

    await result.current.mutateAsync({ id: '1T1', input: { Name: 'Kick-off', CTAId: '1C1', Status: 'Completed' } });

    const request = fetchMock.mock.calls[0]![0];
    expect(request.method).toBe('PUT');
    expect(new URL(request.url).pathname).toBe('/v1/tasks/1T1');
    expect(queryClient.getQueryData(taskKeys.detail('1T1'))).toEqual(NEW);
    expect(invalidated(taskKeys.detail('1T1'))).toBe(false);
    expect(invalidated(taskKeys.search(SEARCH))).toBe(true);
    expect(invalidated(taskKeys.searchInfinite(SEARCH))).toBe(true);
    expect(invalidated(playbookKeys.list())).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(1); // nothing observed the searches, so nothing refetched
  });
});

describe('useCreateTask', () => {
  it('writes the new task into its detail cache and invalidates only the searches', async () => {
    seedCache();
    const created: Task = { Gsid: '1T2', Name: 'Follow-up', CTAId: '1C1', PlaybookId: '1P1', Order: 2 };
    fetchMock.mockResolvedValue(okResponse(created));
    const { result } = renderHook(() => useCreateTask(), { wrapper });

    await result.current.mutateAsync({ Name: 'Follow-up', CTAId: '1C1', PlaybookId: '1P1', Order: 2 });

    expect(fetchMock.mock.calls[0]![0].method).toBe('POST');
    expect(queryClient.getQueryData(taskKeys.detail('1T2'))).toEqual(created);
    expect(queryClient.getQueryData(taskKeys.detail('1T1'))).toEqual(OLD);
    expect(invalidated(taskKeys.detail('1T1'))).toBe(false);
    expect(invalidated(taskKeys.search(SEARCH))).toBe(true);
    expect(invalidated(playbookKeys.list())).toBe(false);
  });
});

describe('a write does not wait for the searches to refetch', () => {
  const CREATED: Task = { Gsid: '1T2', Name: 'Follow-up', CTAId: '1C1', Status: 'Not Started' };

  /**
   * An active search (as the board has) answers its first load at once and its refetch only when
   * the test says so; the write itself is answered at once.
   */
  function slowRefetchServer(write: Task) {
    let answerRefetch: (response: Response) => void = () => {};
    let searches = 0;
    fetchMock.mockImplementation(async (request) => {
      if (new URL(request.url).pathname !== '/v1/tasks/search') return okResponse(write);
      searches += 1;
      if (searches === 1) return okResponse({ records: [OLD], totalCount: 1 });
      return new Promise<Response>((resolve) => {
        answerRefetch = resolve;
      });
    });
    return { searches: () => searches, answerRefetch: (response: Response) => answerRefetch(response) };
  }

  it('useCreateTask resolves once the server said yes, and the searches refetch in the background', async () => {
    const server = slowRefetchServer(CREATED);
    const { result } = renderHook(() => ({ search: useTaskSearch(SEARCH), create: useCreateTask() }), { wrapper });
    await waitFor(() => expect(result.current.search.data?.totalCount).toBe(1));
    queryClient.setQueryData(playbooksQueryOptions().queryKey, PLAYBOOKS);

    let created: Task | undefined;
    void result.current.create.mutateAsync({ Name: 'Follow-up', CTAId: '1C1' }).then((task) => {
      created = task;
    });
    await waitFor(() => expect(created).toEqual(CREATED));
    expect(queryClient.getQueryData(taskKeys.detail('1T2'))).toEqual(CREATED);
    // The search was invalidated and is refetching, still unanswered; playbooks are untouched.
    await waitFor(() => expect(server.searches()).toBe(2));
    expect(result.current.search.isFetching).toBe(true);
    expect(invalidated(playbookKeys.list())).toBe(false);

    server.answerRefetch(okResponse({ records: [OLD, CREATED], totalCount: 2 }));
    await waitFor(() => expect(result.current.search.data?.totalCount).toBe(2));
  });

  it('useUpdateTask resolves once the server said yes, and the searches refetch in the background', async () => {
    const server = slowRefetchServer(NEW);
    const { result } = renderHook(() => ({ search: useTaskSearch(SEARCH), update: useUpdateTask() }), { wrapper });
    await waitFor(() => expect(result.current.search.data?.totalCount).toBe(1));

    let saved: Task | undefined;
    void result.current.update.mutateAsync({ id: '1T1', input: { Name: 'Kick-off', CTAId: '1C1', Status: 'Completed' } }).then((task) => {
      saved = task;
    });
    await waitFor(() => expect(saved).toEqual(NEW));
    expect(queryClient.getQueryData(taskKeys.detail('1T1'))).toEqual(NEW);
    await waitFor(() => expect(server.searches()).toBe(2));
    expect(result.current.search.isFetching).toBe(true);

    server.answerRefetch(okResponse({ records: [NEW], totalCount: 1 }));
    await waitFor(() => expect(result.current.search.data?.records).toEqual([NEW]));
  });
});

describe('read hooks', () => {
  it('useTask fetches the task and passes a signal', async () => {
    fetchMock.mockResolvedValue(okResponse(OLD));
    const { result } = renderHook(() => useTask('1T1'), { wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual(OLD);
    expect(fetchMock.mock.calls[0]![0].signal).toBeInstanceOf(AbortSignal);
  });

  it('usePlaybook reports a 404 as an ApiError without retrying', async () => {
    fetchMock.mockResolvedValue(errorResponse(404, 'GSOBJ_1011', 'No such playbook'));
    const { result } = renderHook(() => usePlaybook('1P404'), { wrapper });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect(result.current.error).toMatchObject({ name: 'ApiError', status: 404, errorDesc: 'No such playbook' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('useInfiniteTaskSearch pages by offset until totalCount', async () => {
    const all: Task[] = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ Gsid: id, Name: id }));
    const offsets: number[] = [];
    fetchMock.mockImplementation(async (request) => {
      const body = (await request.json()) as { offset: number; limit: number };
      offsets.push(body.offset);
      return okResponse({ records: all.slice(body.offset, body.offset + body.limit), totalCount: all.length });
    });
    const { result } = renderHook(() => useInfiniteTaskSearch({ ...SEARCH, limit: 2 }), { wrapper });
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(1));
    expect(result.current.hasNextPage).toBe(true);
    await result.current.fetchNextPage();
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(2));
    await result.current.fetchNextPage();
    await waitFor(() => expect(result.current.data?.pages).toHaveLength(3));
    expect(result.current.hasNextPage).toBe(false);
    expect(result.current.data?.pages.flatMap((p) => p.records.map((t) => t.Gsid))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(result.current.data?.pageParams).toEqual([0, 2, 4]);
    expect(offsets).toEqual([0, 2, 4]);
  });
});

describe('nextSearchOffset', () => {
  it('moves past the page, and stops at totalCount or on an empty page', () => {
    expect(nextSearchOffset({ records: [OLD, OLD], totalCount: 5 }, 0)).toBe(2);
    expect(nextSearchOffset({ records: [OLD], totalCount: 5 }, 4)).toBeUndefined();
    expect(nextSearchOffset({ records: [], totalCount: 5 }, 2)).toBeUndefined();
  });
});

describe('prefetchTask', () => {
  it('fills the detail cache entry, marked as background work for the team server', async () => {
    fetchMock.mockResolvedValue(okResponse(OLD));
    await prefetchTask(queryClient, '1T1');
    expect(queryClient.getQueryData(taskQueryOptions('1T1').queryKey)).toEqual(OLD);
    expect(fetchMock.mock.calls[0]![0].headers.get('X-Cockpit-Priority')).toBe('background');
  });
});
