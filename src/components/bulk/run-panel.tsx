/**
 * The bulk change's panel: its progress, Stop while it runs, each task's result (done, left as it
 * was and why, failed with the server's reason, or not sent after a stop), Retry failed, Continue,
 * Undo, and Dismiss once over.
 */
import { useId } from 'react';
import { Link } from '../router/router.tsx';
import { Modal } from '../modal/modal.tsx';
import { Button } from '../ui/button.tsx';
import { tasksWord } from './bulk-plan.ts';
import { summarize, type RunItem, type RunState } from './bulk-runner.ts';
import { closeBulkPanel, continueBulkChange, dismissBulkRun, retryFailed, stopBulkChange, undoBulkChange } from './run-store.ts';

/** Where the run is, in one sentence. */
function runSummary(state: RunState): string {
  const s = summarize(state);
  const undo = state.kind === 'undo';
  if (state.running) {
    const progress = `${s.finished} of ${tasksWord(s.total)} finished${s.failed ? `, ${s.failed} failed` : ''}`;
    return state.stopping ? `Stopping: ${progress}; the tasks being sent now finish first…` : `${progress}…`;
  }
  const parts = [`${s.done} of ${tasksWord(s.total)} ${undo ? 'undone' : 'changed'}`];
  if (s.skipped) parts.push(`${s.skipped} left as ${s.skipped === 1 ? 'it was' : 'they were'}`);
  if (s.failed) parts.push(`${s.failed} failed`);
  if (s.stopped) parts.push(`${s.stopped} not sent (stopped)`);
  return `${parts.join(', ')}.`;
}

const ORDER: Record<RunItem['status'], number> = { failed: 0, stopped: 1, skipped: 2, working: 3, queued: 4, done: 5 };
const WORDS: Record<RunItem['status'], string> = {
  failed: 'Failed',
  stopped: 'Not sent',
  skipped: 'Left as it was',
  working: 'Working…',
  queued: 'Waiting',
  done: 'Done',
};
const TONE: Record<RunItem['status'], string> = {
  failed: 'text-red-800',
  stopped: 'text-slate-700',
  skipped: 'text-amber-900',
  working: 'text-slate-700',
  queued: 'text-slate-600',
  done: 'text-green-800',
};

export function RunPanel({ state }: { state: RunState }) {
  const id = useId();
  const s = summarize(state);
  const items = [...state.items].sort((a, b) => ORDER[a.status] - ORDER[b.status]);
  const notUndone = state.kind === 'undo' ? state.items.filter((i) => i.status === 'skipped') : [];
  return (
    <Modal labelledBy={`${id}-title`} describedBy={`${id}-summary`} onRequestClose={closeBulkPanel} placement="side">
      <div className="p-5">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {state.title}
        </h2>
        <progress
          aria-label="Bulk change progress"
          max={Math.max(s.total, 1)}
          value={s.finished}
          className="mt-3 h-2 w-full overflow-hidden rounded [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-blue-700"
        />
        <p id={`${id}-summary`} role="status" className="mt-2 text-sm text-slate-900">
          {runSummary(state)}
          {state.waiting && <span className="block text-slate-700">{state.waiting}</span>}
        </p>
        {!state.running && notUndone.length > 0 && (
          <p role="alert" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
            Not undone, because someone changed {notUndone.length === 1 ? 'it' : 'them'} since:{' '}
            {notUndone.map((i) => `"${i.name}"`).join(', ')}.
          </p>
        )}
        <div className="mt-3 flex flex-wrap gap-2">
          {state.running && (
            <Button size="sm" variant="secondary" onClick={stopBulkChange} disabled={state.stopping}>
              {state.stopping ? 'Stopping…' : 'Stop'}
            </Button>
          )}
          {!state.running && s.stopped > 0 && (
            <Button size="sm" variant="primary" onClick={continueBulkChange}>
              Continue ({s.stopped})
            </Button>
          )}
          {!state.running && s.failed > 0 && (
            <Button size="sm" variant="primary" onClick={retryFailed}>
              Retry failed ({s.failed})
            </Button>
          )}
          {!state.running && state.kind === 'change' && s.done > 0 && (
            <Button size="sm" variant="secondary" onClick={undoBulkChange}>
              Undo
            </Button>
          )}
          {!state.running && (
            <Button size="sm" variant="secondary" onClick={dismissBulkRun}>
              Dismiss
            </Button>
          )}
          <Button size="sm" variant="secondary" onClick={closeBulkPanel} className="ml-auto">
            Close
          </Button>
        </div>
        <h3 className="mt-4 text-sm font-semibold">Tasks</h3>
        <ul aria-label="Results" className="mt-1 divide-y divide-slate-200 text-sm">
          {items.map((item) => (
            <li key={item.id} className="py-1.5">
              <Link
                to={`/tasks/${encodeURIComponent(item.id)}`}
                onClick={closeBulkPanel}
                className="font-medium text-blue-800 hover:underline"
              >
                {item.name || 'Untitled task'}
              </Link>
              <span className={`ml-2 ${TONE[item.status]}`}>
                {WORDS[item.status]}
                {item.reason && `: ${item.reason}`}
              </span>
            </li>
          ))}
        </ul>
      </div>
    </Modal>
  );
}
