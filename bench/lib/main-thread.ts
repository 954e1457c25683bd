/**
 * The page's main-thread work read from a Chromium trace (Playwright's `browser.startTracing`
 * with the `disabled-by-default-devtools.timeline` category): each task the renderer's main
 * thread ran (`RunTask`), with its CPU time (`tdur`) beside its wall time (`dur`).
 *
 * Wall time counts the time the thread waited for a core; on a shared, loaded machine that is
 * most of a long task, and it differs from one run to the next. CPU time is the page's own work,
 * so it compares two builds even while other processes compete for the cores.
 */

export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: Record<string, unknown>;
}

export interface MainThreadWork {
  /** CPU time of every task of the page's main thread (ms). */
  cpuMs: number;
  /** Wall time of the same tasks (ms). */
  wallMs: number;
  /** Tasks whose CPU time is over 50 ms. */
  longTasks: number;
  /** Sum of their CPU time over 50 ms (the blocking time the page itself caused). */
  blockingMs: number;
}

const LONG_TASK_MS = 50;

interface FrameInfo {
  processId?: number;
  isOutermostMainFrame?: boolean;
  parent?: string;
}

/** The renderer process of the traced page's main frame (from `TracingStartedInBrowser`). */
function pageProcess(events: readonly TraceEvent[]): number | null {
  for (const e of events) {
    if (e.name !== 'TracingStartedInBrowser') continue;
    const frames = ((e.args?.data as { frames?: FrameInfo[] } | undefined)?.frames ?? []).filter((f) => f.processId !== undefined);
    const main = frames.find((f) => f.isOutermostMainFrame) ?? frames.find((f) => !f.parent);
    if (main?.processId !== undefined) return main.processId;
  }
  return null;
}

/** The main thread's id in a process (the `thread_name` metadata `CrRendererMain`). */
function mainThread(events: readonly TraceEvent[], pid: number): number | null {
  const meta = events.find(
    (e) =>
      e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain',
  );
  return meta ? meta.tid : null;
}

/** Sums the traced page's main-thread tasks; a task nested in another one is counted in it, once. */
export function mainThreadWork(trace: { traceEvents: readonly TraceEvent[] } | readonly TraceEvent[]): MainThreadWork {
  const events = Array.isArray(trace) ? (trace as readonly TraceEvent[]) : (trace as { traceEvents: readonly TraceEvent[] }).traceEvents;
  const pid = pageProcess(events);
  if (pid === null) throw new Error('trace: no TracingStartedInBrowser event naming the page’s process');
  const tid = mainThread(events, pid);
  if (tid === null) throw new Error(`trace: no CrRendererMain thread in process ${pid}`);
  const tasks = events
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && e.pid === pid && e.tid === tid && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts);
  const work: MainThreadWork = { cpuMs: 0, wallMs: 0, longTasks: 0, blockingMs: 0 };
  let coveredUntil = -Infinity;
  for (const task of tasks) {
    if (task.ts + task.dur! <= coveredUntil) continue; // inside a task already counted
    coveredUntil = task.ts + task.dur!;
    const cpu = (task.tdur ?? task.dur!) / 1000;
    work.cpuMs += cpu;
    work.wallMs += task.dur! / 1000;
    if (cpu > LONG_TASK_MS) {
      work.longTasks += 1;
      work.blockingMs += cpu - LONG_TASK_MS;
    }
  }
  return work;
}
