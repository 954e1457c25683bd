/**
 * The header's "Live updates" indicator and the stale-data banner, both drawn from the live status
 * store. Loaded once live updates start (layout.tsx), not with the first page.
 */
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { getLiveStatus, subscribeLiveStatus } from '../../api/live-status.ts';
import { indicatorView, staleDataAsOf, staleDataMessage, type IndicatorTone } from './indicator-model.ts';

function useLiveStatus() {
  return useSyncExternalStore(subscribeLiveStatus, getLiveStatus, getLiveStatus);
}

/** The current time (`refresh` reads it again), and again every `everyMs` while `ticking`. */
function useNow(ticking: boolean, everyMs = 30_000) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ticking) return undefined;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [ticking, everyMs]);
  return { now, refresh: () => setNow(Date.now()) };
}

// The words say the state; the dot only repeats it.
const DOT: Record<IndicatorTone, string> = {
  live: 'bg-green-600',
  busy: 'bg-blue-600 motion-safe:animate-pulse',
  warning: 'bg-amber-500',
  off: 'bg-slate-400',
};

/**
 * "Live · 14:05", "Syncing…", "Data as of 14:05 · reason", "Live updates off — reconnecting…" or
 * "Not live: updates on focus": a polite status region named "Live updates", with a button that
 * shows what it means.
 */
export function LiveIndicator() {
  const status = useLiveStatus();
  const [open, setOpen] = useState(false);
  const { now, refresh } = useNow(open);
  const panelId = useId();
  const view = indicatorView(status, now);
  if (!view) return null;
  return (
    <div
      className="relative flex items-center gap-1 text-sm"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          setOpen(false);
        }
      }}
    >
      <p role="status" aria-label="Live updates" className="flex max-w-72 items-center gap-1.5 text-slate-700">
        <span aria-hidden="true" className={`inline-block size-2 shrink-0 rounded-full ${DOT[view.tone]}`} />
        <span className="truncate" title={view.label}>
          {view.label}
        </span>
      </p>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          // "2 minutes ago" as of the moment the details open.
          if (!open) refresh();
          setOpen(!open);
        }}
        className="rounded px-1.5 py-0.5 text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <svg aria-hidden="true" viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M8 7v4.5M8 4.6v.1" strokeLinecap="round" />
        </svg>
        <span className="sr-only">About live updates</span>
      </button>
      {open && (
        <div
          id={panelId}
          className="absolute right-0 top-full z-40 mt-1 w-[min(20rem,calc(100vw-2rem))] rounded border border-slate-200 bg-white p-3 text-slate-800 shadow-lg"
        >
          <p>{view.details}</p>
        </div>
      )}
    </div>
  );
}

/**
 * "Data as of 14:05 — Gainsight can't be reached right now; changes can't be saved", under the
 * header, while the pages show the team server's copy because the tenant cannot be reached.
 */
export function StaleDataBanner() {
  const status = useLiveStatus();
  const asOf = staleDataAsOf(status);
  // The region stays in the page, empty while the data is fresh, so that its message is announced when it comes.
  return (
    <div role="status" className={asOf === null ? undefined : 'border-b border-amber-300 bg-amber-50'}>
      {asOf !== null && <p className="mx-auto max-w-[1600px] px-4 py-2 text-sm text-amber-900">{staleDataMessage(asOf)}</p>}
    </div>
  );
}
