import { summarize, type ApplyState } from './apply-machine.ts';
import type { PlannedTask } from './task-plan.ts';

const tasks = (n: number) => `${n} ${n === 1 ? 'task' : 'tasks'}`;

/** One sentence on where the run is (also read out by screen readers). */
export function runMessage(state: ApplyState, plan: readonly PlannedTask[]): string {
  const s = summarize(state);
  if (state.phase === 'preparing') {
    return state.waitingForRateLimit ? 'Waiting for the rate limit…' : "Checking the CTA's existing tasks…";
  }
  if (state.phase === 'running') {
    if (state.waitingForRateLimit) return 'Waiting for the rate limit…';
    if (state.stopRequested) return 'Stopping after the current task…';
    const busy = state.items.findIndex((i) => i.status === 'sending' || i.status === 'checking');
    const task = plan[busy];
    if (task) {
      return state.items[busy]!.status === 'checking'
        ? `Checking whether "${task.name}" was created…`
        : `Creating task ${busy + 1} of ${plan.length}: ${task.name}…`;
    }
    return 'Creating tasks…';
  }
  if (state.phase === 'idle' && state.prepareFailure) {
    return `Nothing was created: could not check the CTA's existing tasks (${state.prepareFailure.message}).`;
  }
  if (s.created === s.total) return `All ${tasks(s.total)} were created.`;
  const parts = [`${s.created} of ${tasks(s.total)} created`];
  if (s.failed > 0) parts.push(`${s.failed} failed`);
  if (s.notAttempted > 0) parts.push(`${s.notAttempted} not created (stopped)`);
  return `${parts.join('; ')}.`;
}

export function ApplyProgress({ state, plan }: { state: ApplyState; plan: readonly PlannedTask[] }) {
  const s = summarize(state);
  const pct = s.total === 0 ? 0 : (s.created / s.total) * 100;
  const trouble = state.phase !== 'running' && state.phase !== 'preparing' && s.created < s.total;
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-3">
        <div
          role="progressbar"
          aria-label="Tasks created"
          aria-valuemin={0}
          aria-valuemax={s.total}
          aria-valuenow={s.created}
          aria-valuetext={`${s.created} of ${s.total}`}
          className="h-3 flex-1 overflow-hidden rounded-full border border-slate-400 bg-slate-100"
        >
          <div className={`h-full transition-[width] ${trouble ? 'bg-amber-600' : 'bg-blue-700'}`} style={{ width: `${pct}%` }} />
        </div>
        <span className="text-sm font-medium tabular-nums whitespace-nowrap">
          {s.created} of {s.total}
        </span>
      </div>
      <p role="status" className={`text-sm ${trouble ? 'font-medium text-red-800' : 'text-slate-800'}`}>
        {runMessage(state, plan)}
      </p>
    </div>
  );
}
