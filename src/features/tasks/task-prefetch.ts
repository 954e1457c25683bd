/** Starts the task page's data as soon as the page is asked for (the page reads the same queries). */
import type { QueryClient } from '@tanstack/react-query';
import { playbookQueryOptions } from '../../api/playbooks.ts';
import { taskQueryOptions } from '../../api/tasks.ts';

/** Warms the task and, once it is known, its playbook (for the "step 3 of 7"). */
export function prefetchTask(queryClient: QueryClient, taskId: string | undefined): void {
  if (!taskId) return;
  queryClient
    .ensureQueryData(taskQueryOptions(taskId))
    .then((task) => {
      if (task.PlaybookId) void queryClient.prefetchQuery(playbookQueryOptions(task.PlaybookId));
    })
    .catch(() => {
      // The page shows the error with a retry.
    });
}
