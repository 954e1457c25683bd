import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ActivityAnswer } from '../../lib/live-events.ts';
import { createFakeTeamServer, type FakeTeamServerOptions } from '../../test/fake-team-server.ts';
import { fakeApi } from '../../../test-support/fake-api.ts';
import { taskActivityQueryOptions, useTaskActivity, type TaskActivity } from './activity.ts';
import { createQueryClient } from '../query-client.ts';
import { taskKeys } from '../query-keys.ts';
import { taskQueryOptions, useUpdateTask } from '../tasks.ts';

let queryClient: QueryClient;

function wrapper({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}

function serve(options: FakeTeamServerOptions = {}) {
  const server = createFakeTeamServer(options);
  // /v1: the task update the tests make.
  const api = fakeApi({
    updateTask: (id) => (id === '1T1' ? { Gsid: '1T1', Name: 'Kickoff', CTAId: '1C1', Status: 'Completed' } : undefined),
  });
  const fetchMock = vi.fn(async (request: Request) => (await server.handle(request)) ?? api(request));
  vi.stubGlobal('fetch', fetchMock);
  return { server, fetchMock };
}

beforeEach(() => {
  queryClient = createQueryClient();
});

afterEach(() => {
  queryClient.clear();
  vi.unstubAllGlobals();
});

const ANSWER: ActivityAnswer = { taskId: '1T1', entries: [], retentionDays: 30, available: true };
const CACHED: TaskActivity = { offered: true, answer: ANSWER };

describe("a task's activity", () => {
  it('is read from the team server', async () => {
    serve({ activity: { '1T1': ANSWER } });
    const { result } = renderHook(() => useTaskActivity('1T1'), { wrapper });
    await waitFor(() => expect(result.current.data).toEqual({ offered: true, answer: ANSWER }));
  });

  it('is "not offered" by a server without the endpoint, asked once, with no error', async () => {
    const { fetchMock } = serve({ missing: true });
    const { result } = renderHook(() => useTaskActivity('1T1'), { wrapper });
    await waitFor(() => expect(result.current.data).toEqual({ offered: false }));
    expect(result.current.isError).toBe(false);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it("lives under the task's key: invalidating the task invalidates its activity, and no other task's", async () => {
    expect(taskKeys.activity('1T1').slice(0, taskKeys.detail('1T1').length)).toEqual([...taskKeys.detail('1T1')]);
    queryClient.setQueryData(taskQueryOptions('1T1').queryKey, { Gsid: '1T1' });
    queryClient.setQueryData(taskActivityQueryOptions('1T1').queryKey, CACHED);
    queryClient.setQueryData(taskActivityQueryOptions('1T2').queryKey, CACHED);
    await queryClient.invalidateQueries({ queryKey: taskKeys.detail('1T1') });
    const invalid = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
    expect(invalid(taskKeys.detail('1T1'))).toBe(true);
    expect(invalid(taskKeys.activity('1T1'))).toBe(true);
    expect(invalid(taskKeys.activity('1T2'))).toBe(false);
  });

  it('is invalidated by a save of the task', async () => {
    serve();
    queryClient.setQueryData(taskActivityQueryOptions('1T1').queryKey, CACHED);
    const { result } = renderHook(() => useUpdateTask(), { wrapper });
    await result.current.mutateAsync({ id: '1T1', input: { Name: 'Kickoff', CTAId: '1C1', Status: 'Completed' } });
    expect(queryClient.getQueryState(taskKeys.activity('1T1'))?.isInvalidated).toBe(true);
  });
});
