import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { playbookKeys, taskKeys } from '../api/query-keys.ts';
import type { Playbook, SearchResult, Task } from '../api/types.ts';
import { ROUTES, startRoute } from './routes.ts';

const api = vi.hoisted(() => ({
  searchTasks: vi.fn<() => Promise<SearchResult>>(),
  listPlaybooks: vi.fn<() => Promise<Playbook[]>>(),
  getTask: vi.fn<() => Promise<Task>>(),
  getPlaybook: vi.fn<() => Promise<Playbook>>(),
}));
vi.mock('../api/client.ts', async (original) => ({ ...(await original<object>()), ...api }));

afterEach(() => {
  vi.clearAllMocks();
  vi.restoreAllMocks();
});

describe('startRoute', () => {
  const never = () => new Promise<never>(() => {});

  it("/board: the route's code, the four columns' first pages and the playbook list, all at once", () => {
    api.searchTasks.mockImplementation(never);
    api.listPlaybooks.mockImplementation(never);
    const load = vi.spyOn(ROUTES.board, 'load').mockImplementation(never);
    const queryClient = new QueryClient();
    expect(startRoute(queryClient, 'http://app.test/board?priority=High')).toMatchObject({ key: 'board', params: {} });
    expect(load).toHaveBeenCalledTimes(1);
    expect(api.searchTasks).toHaveBeenCalledTimes(4);
    expect(api.listPlaybooks).toHaveBeenCalledTimes(1);
    const requests = api.searchTasks.mock.calls.map((call) => JSON.stringify(call));
    expect(requests.every((r) => r.includes('High'))).toBe(true);
    expect(queryClient.isFetching({ queryKey: taskKeys.searches() })).toBe(4);
    expect(queryClient.isFetching({ queryKey: playbookKeys.list() })).toBe(1);
  });

  it('/ starts the board without the query string (the router redirects there)', () => {
    api.searchTasks.mockImplementation(never);
    api.listPlaybooks.mockImplementation(never);
    vi.spyOn(ROUTES.board, 'load').mockImplementation(never);
    startRoute(new QueryClient(), 'http://app.test/?priority=High');
    expect(api.searchTasks).toHaveBeenCalledTimes(4);
    expect(api.searchTasks.mock.calls.some((call) => JSON.stringify(call).includes('High'))).toBe(false);
  });

  it("/tasks/:id: the task and the playbook list together; the task's playbook comes from the list", async () => {
    const playbook: Playbook = { Gsid: '1P', Name: 'Onboarding', TaskTemplates: [] };
    api.getTask.mockResolvedValue({ Gsid: '1T', Status: 'Not Started', PlaybookId: '1P' });
    api.listPlaybooks.mockResolvedValue([playbook]);
    vi.spyOn(ROUTES.task, 'load').mockImplementation(never);
    const queryClient = new QueryClient();
    startRoute(queryClient, 'http://app.test/tasks/1T');
    expect(api.getTask).toHaveBeenCalledWith('1T', expect.anything());
    expect(api.listPlaybooks).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(queryClient.getQueryData(playbookKeys.detail('1P'))).toEqual(playbook));
    expect(api.getPlaybook).not.toHaveBeenCalled();
  });

  it('/tasks/:id: a playbook the list does not have is asked for on its own', async () => {
    api.getTask.mockResolvedValue({ Gsid: '1T', Status: 'Not Started', PlaybookId: '1P' });
    api.listPlaybooks.mockRejectedValue(new Error('list failed'));
    api.getPlaybook.mockImplementation(never);
    vi.spyOn(ROUTES.task, 'load').mockImplementation(never);
    startRoute(new QueryClient({ defaultOptions: { queries: { retry: false } } }), 'http://app.test/tasks/1T');
    await vi.waitFor(() => expect(api.getPlaybook).toHaveBeenCalledWith('1P', expect.anything()));
  });

  it('/playbooks/:id: the playbook at once, its adoption as soon as its code is in', async () => {
    api.getPlaybook.mockImplementation(never);
    api.searchTasks.mockImplementation(never);
    vi.spyOn(ROUTES.playbook, 'load').mockImplementation(never);
    const started = startRoute(new QueryClient(), 'http://app.test/playbooks/2P');
    expect(api.getPlaybook).toHaveBeenCalledWith('2P', expect.anything());
    await started!.dataAsked;
    expect(JSON.stringify(api.searchTasks.mock.calls.at(-1))).toContain('"2P"');
  });

  it('/search: the search in the link, once its code is in', async () => {
    api.searchTasks.mockImplementation(never);
    const load = vi.spyOn(ROUTES.search, 'load').mockImplementation(never);
    const queryClient = new QueryClient();
    const link = new URLSearchParams({ s: JSON.stringify({ c: [['Name', 'CONTAINS', ['renewal']]] }) });
    const started = startRoute(queryClient, `http://app.test/search?${link}`);
    expect(started).toMatchObject({ key: 'search', params: {} });
    // Settles once the search is asked for: the entry loads the app then.
    await started!.dataAsked;
    expect(api.searchTasks).toHaveBeenCalledTimes(1);
    expect(load).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(api.searchTasks.mock.calls[0])).toContain('renewal');
    expect(queryClient.isFetching({ queryKey: taskKeys.searches() })).toBe(1);
  });

  it('an unknown page starts nothing', () => {
    const loads = Object.values(ROUTES).map((route) => vi.spyOn(route, 'load'));
    expect(startRoute(new QueryClient(), 'http://app.test/nope')).toBeNull();
    for (const load of loads) expect(load).not.toHaveBeenCalled();
    expect(api.searchTasks).not.toHaveBeenCalled();
  });
});
