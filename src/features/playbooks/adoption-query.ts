import { queryOptions, useQuery } from '@tanstack/react-query';
import { searchTasks } from '../../api/client.ts';
import { taskKeys } from '../../api/query-keys.ts';
import { searchAllPages } from '../../api/search-pages.ts';
import type { SearchRequest } from '../../api/types.ts';
import { ADOPTION_FIELDS, type AdoptionTask } from './adoption.ts';
import { MAX_PAGE_SIZE } from '../../lib/search/limits.ts';

function adoptionRequest(playbookId: string): SearchRequest {
  return {
    select: [...ADOPTION_FIELDS],
    where: { conditions: [{ name: 'PlaybookId', alias: 'A', operator: 'EQ', value: [playbookId] }] },
    limit: MAX_PAGE_SIZE,
  };
}

/**
 * Every task created by the playbook (all pages). The key sits under `taskKeys.searches()`, so
 * creating or updating tasks refreshes it.
 */
export function adoptionQueryOptions(playbookId: string) {
  const request = adoptionRequest(playbookId);
  return queryOptions({
    queryKey: taskKeys.searchAllPages(request),
    queryFn: ({ signal }): Promise<AdoptionTask[]> => searchAllPages(searchTasks, request, { signal }),
  });
}

export function useAdoptionTasks(playbookId: string) {
  return useQuery(adoptionQueryOptions(playbookId));
}
