import { queryOptions, useQuery } from '@tanstack/react-query';
import { getPlaybook, listPlaybooks } from './client.ts';
import { playbookKeys } from './query-keys.ts';

export function playbooksQueryOptions() {
  return queryOptions({
    queryKey: playbookKeys.list(),
    queryFn: ({ signal }) => listPlaybooks({ signal }),
  });
}

export function playbookQueryOptions(id: string) {
  return queryOptions({
    queryKey: playbookKeys.detail(id),
    queryFn: ({ signal }) => getPlaybook(id, { signal }),
  });
}

export function usePlaybooks() {
  return useQuery(playbooksQueryOptions());
}

export function usePlaybook(id: string) {
  return useQuery(playbookQueryOptions(id));
}
