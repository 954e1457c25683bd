/**
 * Benchmark of the task board alone (bench/run.ts measures it along with everything else):
 * a production build behind the production server, on a sandbox of 10,000 tasks, driven by
 * headless Chromium.
 *   npx tsx bench/board-bench.ts [-- --tasks 10000 --runs 5 --moves 20 --latency 1500 --scroll 500]
 *
 * Measures, as medians (see bench/lib/board.ts):
 * - navigation to the first card visible (performance.now() in the page, from navigation start);
 * - DOM elements once every column shows its cards; JS heap; long tasks while scrolling a column,
 *   the page's main-thread CPU time then (a trace: not inflated by a busy machine) and the
 *   components React rendered again (a count);
 * - drop to the move shown in its new column, with the server answering 1.5 s late: keyboard
 *   moves (Space, ArrowRight, Space), timed in the page from the drop key to the DOM mutation that
 *   shows it in the target column (its count, or the card), and to the next animation frame (painted).
 */
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/browser.ts';
import { VIEWPORT, measureBoardLoad, measureDrops, type BoardLoad } from './lib/board.ts';
import { buildApp, startStack } from './lib/servers.ts';
import { median } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    tasks: { type: 'string' },
    runs: { type: 'string' },
    moves: { type: 'string' },
    latency: { type: 'string' },
    scroll: { type: 'string' },
  },
});
const TASKS = Number(values.tasks ?? 10_000);
const RUNS = Number(values.runs ?? 5);
const MOVES = Number(values.moves ?? 20);
const LATENCY_MS = Number(values.latency ?? 1500);
const SCROLL = Number(values.scroll ?? 500);

const distDir = await buildApp();
const stack = await startStack({ distDir, tasks: TASKS });
const browser = await launchBrowser();

const loads: BoardLoad[] = [];
for (let run = 0; run < RUNS; run++) loads.push(await measureBoardLoad(browser, stack.appUrl, SCROLL));

stack.sandbox.faults.update({ latencyMs: LATENCY_MS });
const drops = await measureDrops(browser, stack.appUrl, MOVES);

await browser.close();
await stack.close();

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
const rows: [string, number[], string][] = [
  ['navigation -> first card visible', loads.map((l) => l.firstCardMs), 'ms'],
  ['DOM elements after load', loads.map((l) => l.domElements), ''],
  ['JS heap used after load', loads.map((l) => l.heapBytes / 1024 / 1024), 'MB'],
  [`long tasks while scrolling ${SCROLL} cards`, loads.map((l) => l.scroll.count), ''],
  [`main-thread CPU time while scrolling ${SCROLL} cards (trace)`, loads.map((l) => l.scrollWork.cpuMs), 'ms'],
  [`tasks over 50 ms of CPU while scrolling ${SCROLL} cards`, loads.map((l) => l.scrollWork.longTasks), ''],
  [`components rendered again while scrolling ${SCROLL} cards`, loads.map((l) => l.scrollRenders.renders), ''],
  [`drop -> move shown in new column (DOM), ${LATENCY_MS / 1000} s latency`, drops.domMs, 'ms'],
  [`drop -> move shown in new column (next frame), ${LATENCY_MS / 1000} s latency`, drops.frameMs, 'ms'],
];
console.log(
  `\nBoard benchmark: ${TASKS.toLocaleString('en-US')} tasks, production build and server, headless Chromium ${VIEWPORT.width}x${VIEWPORT.height}\n`,
);
const width = Math.max(...rows.map((r) => r[0].length));
console.log(`${'measure'.padEnd(width)}  ${'median'.padStart(9)}  ${'min'.padStart(9)}  ${'max'.padStart(9)}  samples`);
for (const [label, xs, unit] of rows) {
  const cell = (n: number) => `${fmt(n)}${unit ? ` ${unit}` : ''}`.padStart(9);
  console.log(`${label.padEnd(width)}  ${cell(median(xs))}  ${cell(Math.min(...xs))}  ${cell(Math.max(...xs))}  ${xs.length}`);
}
process.exit(0);
