import {
  infiniteQueryOptions,
  queryOptions,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import { createTask, getTask, searchTasks, updateTask } from './client.ts';
import { taskKeys } from './query-keys.ts';
import { DEFAULT_PAGE_SIZE } from '../lib/search/limits.ts';
import type { CreateTaskInput, SearchRequest, SearchResult, UpdateTaskInput } from './types.ts';

export function taskQueryOptions(id: string) {
  return queryOptions({
    queryKey: taskKeys.detail(id),
    queryFn: ({ signal }) => getTask(id, { signal }),
  });
}

/**
 * Loads a task into the cache ahead of need (the pointer resting on its card): marked as
 * background work, so the team server sends it after the calls people are waiting for.
 */
export function prefetchTask(queryClient: QueryClient, id: string): Promise<void> {
  return queryClient.prefetchQuery({ ...taskQueryOptions(id), queryFn: ({ signal }) => getTask(id, { signal, background: true }) });
}

export function taskSearchQueryOptions(request: SearchRequest) {
  return queryOptions({
    queryKey: taskKeys.search(request),
    queryFn: ({ signal }) => searchTasks(request, { signal }),
  });
}

/** Pages through a search by offset: the request's own `offset` is the first page's. */
export function taskSearchInfiniteQueryOptions(request: SearchRequest) {
  return infiniteQueryOptions({
    queryKey: taskKeys.searchInfinite(request),
    queryFn: ({ pageParam, signal }) =>
      searchTasks({ ...request, limit: request.limit ?? DEFAULT_PAGE_SIZE, offset: pageParam }, { signal }),
    initialPageParam: request.offset ?? 0,
    getNextPageParam: (lastPage, _allPages, lastPageParam) => nextSearchOffset(lastPage, lastPageParam),
  });
}

/** The offset of the page after `page` (fetched at `offset`), or undefined when it was the last. */
export function nextSearchOffset(page: SearchResult, offset: number): number | undefined {
  const next = offset + page.records.length;
  return page.records.length > 0 && next < page.totalCount ? next : undefined;
}

export function useTask(id: string) {
  return useQuery(taskQueryOptions(id));
}

export function useTaskSearch(request: SearchRequest) {
  return useQuery(taskSearchQueryOptions(request));
}

export function useInfiniteTaskSearch(request: SearchRequest) {
  return useInfiniteQuery(taskSearchInfiniteQueryOptions(request));
}

/**
 * Marks every task search stale and refetches the active ones in the background. Not awaited: a
 * write is done once the server said yes; the searches (the board's columns, with their retries
 * and timeouts) catch up on their own and must not keep a dialog on "Creating…".
 */
function refreshSearches(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: taskKeys.searches() });
}

/**
 * Creates a task. On success the new task goes into its detail cache entry and every task search
 * is invalidated; the mutation settles at once, without waiting for the searches to refetch.
 */
export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateTaskInput) => createTask(input),
    onSuccess: (task) => {
      if (task.Gsid) queryClient.setQueryData(taskQueryOptions(task.Gsid).queryKey, task);
      refreshSearches(queryClient);
    },
  });
}

export interface UpdateTaskVariables {
  id: string;
  input: UpdateTaskInput;
}

/**
 * Updates a task. On success the answer replaces its detail cache entry, and task searches and the
 * task's activity (which has a new entry) are invalidated (refetched in the background, not awaited).
 */
export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: UpdateTaskVariables) => updateTask(id, input),
    onSuccess: (task, { id }) => {
      queryClient.setQueryData(taskQueryOptions(id).queryKey, task);
      void queryClient.invalidateQueries({ queryKey: taskKeys.activity(id) });
      refreshSearches(queryClient);
    },
  });
}
