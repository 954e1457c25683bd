/**
 * The bulk change's indicator in the app's header, on every page while a run is there: its
 * progress, and a button that opens its panel. Loaded only once a run has started.
 */
import { summarize } from './bulk-runner.ts';
import { RunPanel } from './run-panel.tsx';
import { openBulkPanel, useBulkRun } from './run-store.ts';

export function BulkRunIndicator() {
  const { state, panelOpen } = useBulkRun();
  if (!state) return null;
  const s = summarize(state);
  const label = state.running
    ? `Bulk change: ${s.finished} of ${s.total}`
    : s.failed > 0
      ? `Bulk change: ${s.failed} failed`
      : `Bulk change done`;
  return (
    <>
      <button
        type="button"
        onClick={openBulkPanel}
        aria-haspopup="dialog"
        className="flex items-center gap-2 rounded border border-slate-300 bg-white px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100"
      >
        {label}
        <span aria-hidden="true" className="block h-1.5 w-12 overflow-hidden rounded bg-slate-200">
          <span className="block h-full bg-blue-700" style={{ width: `${s.total ? (s.finished / s.total) * 100 : 0}%` }} />
        </span>
      </button>
      {panelOpen && <RunPanel state={state} />}
    </>
  );
}
