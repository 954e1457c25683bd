/** Starts the playbook pages' data as soon as a page is asked for (the pages read the same queries). */
import type { QueryClient } from '@tanstack/react-query';
import { playbookQueryOptions, playbooksQueryOptions } from '../../api/playbooks.ts';
import { adoptionQueryOptions } from './adoption-query.ts';

/** /playbooks: the list. */
export function prefetchPlaybooks(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(playbooksQueryOptions());
}

/** /playbooks/:id: the playbook and its adoption, in parallel. */
export function prefetchPlaybook(queryClient: QueryClient, playbookId: string | undefined): void {
  if (!playbookId) return;
  void queryClient.prefetchQuery(playbookQueryOptions(playbookId));
  void queryClient.prefetchQuery(adoptionQueryOptions(playbookId));
}
