import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState, useSyncExternalStore } from 'react';
import { createTask, searchTasks } from '../../api/client.ts';
import { retryDelay } from '../../api/query-client.ts';
import { taskKeys } from '../../api/query-keys.ts';
import { interruptibleSleep } from '../../lib/sleep.ts';
import type { ApplyState } from './apply-machine.ts';
import { createApplyRun, type ApplyDeps, type ApplyJob, type ApplyRun } from './apply-runner.ts';

const DEPS: ApplyDeps = { createTask, searchTasks, sleep: interruptibleSleep, retryDelay };

const noSubscribe = () => () => {};
const noState = () => null;

/**
 * An application of a playbook in the dialog: `start(job)` creates the tasks, `retry()` sends
 * what failed, `stop()` stops after the request in flight. When a run ends, every task search is
 * invalidated (so the board and the adoption figures show the new tasks) and `onRunEnd` is told.
 */
export function useApplyRun(onRunEnd?: (run: ApplyRun) => void) {
  const queryClient = useQueryClient();
  const [run, setRun] = useState<ApplyRun | null>(null);
  const state: ApplyState | null = useSyncExternalStore(run?.subscribe ?? noSubscribe, run?.getState ?? noState, run?.getState ?? noState);

  const go = useCallback(
    async (r: ApplyRun) => {
      await r.run();
      await queryClient.invalidateQueries({ queryKey: taskKeys.searches() });
      onRunEnd?.(r);
    },
    [queryClient, onRunEnd],
  );

  return {
    run,
    state,
    start: (job: ApplyJob) => {
      const r = createApplyRun(job, DEPS);
      setRun(r);
      void go(r);
    },
    retry: () => {
      if (run) void go(run);
    },
    stop: () => run?.stop(),
  };
}
