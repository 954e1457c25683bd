import { describe, expect, it } from 'vitest';
import { mainThreadWork, type TraceEvent } from './main-thread.ts';

const PAGE = 200;
const OTHER = 300;
const started: TraceEvent = {
  name: 'TracingStartedInBrowser',
  ph: 'I',
  pid: 100,
  tid: 100,
  ts: 0,
  args: { data: { frames: [{ processId: PAGE, isOutermostMainFrame: true, url: 'http://app.test/board' }] } },
};
const threadName = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});
const task = (pid: number, tid: number, ts: number, durMs: number, cpuMs: number): TraceEvent => ({
  name: 'RunTask',
  ph: 'X',
  pid,
  tid,
  ts,
  dur: durMs * 1000,
  tdur: cpuMs * 1000,
});

const meta = [
  started,
  threadName(PAGE, PAGE, 'CrRendererMain'),
  threadName(PAGE, 7, 'Compositor'),
  threadName(OTHER, OTHER, 'CrRendererMain'),
];

describe('mainThreadWork', () => {
  it("sums the page's main-thread tasks by CPU time, long tasks by their CPU time over 50 ms", () => {
    const work = mainThreadWork({
      traceEvents: [
        ...meta,
        task(PAGE, PAGE, 1_000, 200, 80), // 200 ms of wall time, 80 of work: long by 30
        task(PAGE, PAGE, 300_000, 120, 40), // waited for a core: not long by its own work
        task(PAGE, PAGE, 500_000, 10, 10),
        task(PAGE, 7, 1_000, 500, 500), // another thread
        task(OTHER, OTHER, 1_000, 500, 500), // another renderer (a page closed earlier)
      ],
    });
    expect(work).toEqual({ cpuMs: 130, wallMs: 330, longTasks: 1, blockingMs: 30 });
  });

  it('counts a task nested in another one once, in it', () => {
    const work = mainThreadWork([...meta, task(PAGE, PAGE, 0, 100, 90), task(PAGE, PAGE, 10_000, 20, 20), task(PAGE, PAGE, 200_000, 5, 5)]);
    expect(work.cpuMs).toBe(95);
    expect(work.longTasks).toBe(1);
  });

  it("says so when the trace does not name the page's process or its main thread", () => {
    expect(() => mainThreadWork([task(PAGE, PAGE, 0, 1, 1)])).toThrow(/TracingStartedInBrowser/);
    expect(() => mainThreadWork([started, task(PAGE, PAGE, 0, 1, 1)])).toThrow(/CrRendererMain/);
  });
});
