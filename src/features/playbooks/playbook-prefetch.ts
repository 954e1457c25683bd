/** Starts the playbook pages' data as soon as a page is asked for (the pages read the same queries). */
import type { QueryClient } from '@tanstack/react-query';
import { playbookQueryOptions, playbooksQueryOptions } from '../../api/playbooks.ts';

/** /playbooks: the list. */
export function prefetchPlaybooks(queryClient: QueryClient): void {
  void queryClient.prefetchQuery(playbooksQueryOptions());
}

/**
 * /playbooks/:id: the playbook at once and its adoption in parallel. The adoption's code (every
 * page of the playbook's tasks, and the figures) is not in the entry, which every first visit
 * downloads: it comes in a small chunk of its own, then its search starts.
 */
export function prefetchPlaybook(queryClient: QueryClient, playbookId: string | undefined): Promise<void> | undefined {
  if (!playbookId) return;
  void queryClient.prefetchQuery(playbookQueryOptions(playbookId));
  // Settles once the adoption's search is asked for (not when it is answered).
  return import('./adoption-query.ts').then(
    (m) => void queryClient.prefetchQuery(m.adoptionQueryOptions(playbookId)),
    () => undefined,
  );
}
