/**
 * A task's activity (its earlier versions, kept by the team server's mirror), read under the
 * task's own query key (see `taskKeys.activity`), so whatever refreshes the task refreshes it.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ActivityAnswer } from '../../lib/live-events.ts';
import { taskKeys, TEAM_SERVER_META } from '../query-keys.ts';
import { getTaskActivity, teamApiUnavailable } from './team-api.ts';

/** `offered: false`: the team server has no activity endpoint (an older server), so the page shows none. */
export type TaskActivity = { offered: true; answer: ActivityAnswer } | { offered: false };

export function taskActivityQueryOptions(taskId: string) {
  return queryOptions({
    queryKey: taskKeys.activity(taskId),
    meta: TEAM_SERVER_META,
    queryFn: async ({ signal }): Promise<TaskActivity> => {
      try {
        return { offered: true, answer: await getTaskActivity(taskId, { signal }) };
      } catch (error) {
        if (teamApiUnavailable(error) === 'missing') return { offered: false };
        throw error;
      }
    },
  });
}

export function useTaskActivity(taskId: string) {
  return useQuery(taskActivityQueryOptions(taskId));
}
