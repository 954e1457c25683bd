/** Starts the task page's data as soon as the page is asked for (the page reads the same queries). */
import type { QueryClient } from '@tanstack/react-query';
import { playbookQueryOptions, playbooksQueryOptions } from '../../api/playbooks.ts';
import { taskQueryOptions } from '../../api/tasks.ts';
import type { Playbook } from '../../api/types.ts';

/**
 * Warms the task and, for its "step 3 of 7", its playbook. Which playbook is known only once the
 * task is in, so the playbook list (the same one the board uses, usually cached already) is asked
 * for alongside the task, and the task's playbook is taken from it: no request waits for the
 * task's. A playbook the list does not have (or a list that failed) is asked for on its own.
 */
export function prefetchTask(queryClient: QueryClient, taskId: string | undefined): void {
  if (!taskId) return;
  const list: Promise<Playbook[]> = queryClient.ensureQueryData(playbooksQueryOptions()).catch(() => []);
  queryClient
    .ensureQueryData(taskQueryOptions(taskId))
    .then((task) => {
      const playbookId = task.PlaybookId;
      if (!playbookId) return;
      const detail = playbookQueryOptions(playbookId);
      void queryClient.prefetchQuery({
        ...detail,
        queryFn: async (context) => (await list).find((p) => p.Gsid === playbookId) ?? detail.queryFn!(context),
      });
    })
    .catch(() => {
      // The page shows the error with a retry.
    });
}
