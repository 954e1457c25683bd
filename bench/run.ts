/**
 * The performance benchmark: what a CSM feels, in one run.
 *   npm run bench [-- --quick] [-- --runs 5 --lighthouse-runs 3 --moves 20 --session-minutes 5 --hidden-seconds 60]
 *
 * Builds the app (as `npm run build` does), starts two stacks (in-memory sandbox + the production
 * server, server/app-server.ts, in front of the build): one with 10,000 tasks, one with 100,000
 * for the search. Drives headless Chromium, prints one table and writes bench/results.json.
 * Every figure is the median of its runs (the `runs` column). `--quick` takes fewer runs and a
 * 1-minute session with a 35 s hidden tab.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/browser.ts';
import { measureBoardLoad, measureDrops, type BoardLoad } from './lib/board.ts';
import { chunkSizes, firstVisitBytes, routeChunks, type FirstVisitBytes } from './lib/bytes.ts';
import { runLighthouse, type LighthouseScores } from './lib/lighthouse.ts';
import { buildApp, startStack } from './lib/servers.ts';
import { measureSearch, threeConditionCount } from './lib/search.ts';
import { runCsmSession, runHiddenCheck, runHoverSweep } from './lib/session.ts';
import { median } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'lighthouse-runs': { type: 'string' },
    moves: { type: 'string' },
    'session-minutes': { type: 'string' },
    'hidden-seconds': { type: 'string' },
    out: { type: 'string', default: 'bench/results.json' },
  },
});
const quick = values.quick!;
const RUNS = Number(values.runs ?? (quick ? 2 : 5));
const LH_RUNS = Number(values['lighthouse-runs'] ?? (quick ? 1 : 3));
const MOVES = Number(values.moves ?? 20);
const SESSION_MINUTES = Number(values['session-minutes'] ?? (quick ? 1 : 5));
const HIDDEN_SECONDS = Number(values['hidden-seconds'] ?? (quick ? 35 : 60));
const BOARD_TASKS = 10_000;
const SEARCH_TASKS = 100_000;
const SCROLL_CARDS = 500;
const LATENCY_MS = 1500;

const ROUTES = {
  '/board': 'src/features/board/board-route.tsx',
  '/search': 'src/features/search/search-route.tsx',
  '/playbooks': 'src/features/playbooks/playbooks-route.tsx',
  '/playbooks/:id': 'src/features/playbooks/playbook-route.tsx',
  '/tasks/:id': 'src/features/tasks/task-route.tsx',
};

const began = Date.now();
const log = (line: string) => console.error(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);

log('building the app');
const distDir = await buildApp();
const board = await startStack({ distDir, tasks: BOARD_TASKS });
const browser = await launchBrowser();

interface Row {
  section: string;
  measure: string;
  value: number;
  unit: 'KB' | 'ms' | '' | 'MB' | '/min';
  samples: number[];
  goal?: string;
  met?: boolean;
}
const rows: Row[] = [];
const add = (row: Row) => rows.push(row);
const KB = (bytes: number) => bytes / 1024;
const MB = (bytes: number) => bytes / 1024 / 1024;

// 1. Bytes.
log('first-visit bytes');
const critical: FirstVisitBytes[] = [];
const withIdle: FirstVisitBytes[] = [];
for (let i = 0; i < RUNS; i++) {
  critical.push(await firstVisitBytes(browser, `${board.appUrl}/board`, 'section[aria-label] article', { holdIdlePreload: true }));
  withIdle.push(await firstVisitBytes(browser, `${board.appUrl}/board`, 'section[aria-label] article'));
}
add({ section: 'bytes', measure: 'first visit /board: JS (gzip)', value: KB(median(critical.map((b) => b.js))), unit: 'KB', samples: critical.map((b) => KB(b.js)), goal: '<= 150 KB', met: median(critical.map((b) => b.js)) <= 150 * 1024 });
add({ section: 'bytes', measure: 'first visit /board: CSS (gzip)', value: KB(median(critical.map((b) => b.css))), unit: 'KB', samples: critical.map((b) => KB(b.css)) });
const idleExtra = withIdle.map((b, i) => KB(b.js - critical[i]!.js));
add({ section: 'bytes', measure: '  + JS preloaded once the page has settled (other routes)', value: median(idleExtra), unit: 'KB', samples: idleExtra });
const routes = routeChunks(distDir, ROUTES);
for (const r of routes) add({ section: 'bytes', measure: `route ${r.route}: its chunks beyond the shell (gzip)`, value: KB(r.gzip), unit: 'KB', samples: [KB(r.gzip)] });

// 2. The board with 10,000 tasks.
log(`board with ${BOARD_TASKS} tasks: ${RUNS} cold loads, scrolling ${SCROLL_CARDS} cards`);
const loads: BoardLoad[] = [];
for (let i = 0; i < RUNS; i++) loads.push(await measureBoardLoad(browser, board.appUrl, SCROLL_CARDS));
const pick = (f: (l: BoardLoad) => number) => loads.map(f);
const addLoad = (measure: string, f: (l: BoardLoad) => number, unit: Row['unit'], goal?: string, ok?: (v: number) => boolean) => {
  const samples = pick(f);
  const value = median(samples);
  add({ section: 'board', measure, value, unit, samples, goal, met: ok?.(value) });
};
addLoad('navigation -> first card visible', (l) => l.firstCardMs, 'ms', '< 1000 ms', (v) => v < 1000);
addLoad('DOM elements after load', (l) => l.domElements, '', '< 3000', (v) => v < 3000);
addLoad('JS heap used after load', (l) => MB(l.heapBytes), 'MB');
addLoad(`JS heap used after scrolling ${SCROLL_CARDS} cards`, (l) => MB(l.heapAfterScrollBytes), 'MB');
addLoad(`scrolling a column through ${SCROLL_CARDS} cards: duration`, (l) => l.scroll.ms, 'ms');
addLoad('  long tasks (> 50 ms) while scrolling', (l) => l.scroll.count, '');
addLoad('  their blocking time (sum of time over 50 ms)', (l) => l.scroll.blockingMs, 'ms');
addLoad('  longest task while scrolling', (l) => l.scroll.longestMs, 'ms');

log(`${MOVES} keyboard moves with ${LATENCY_MS} ms server latency`);
board.sandbox.faults.update({ latencyMs: LATENCY_MS });
const drops = await measureDrops(browser, board.appUrl, MOVES);
board.sandbox.faults.update({ latencyMs: 0 });
add({ section: 'board', measure: `drop -> card in new column (DOM), ${LATENCY_MS / 1000} s latency`, value: median(drops.domMs), unit: 'ms', samples: drops.domMs, goal: '< 50 ms', met: median(drops.domMs) < 50 });
add({ section: 'board', measure: '  ... and painted (next frame)', value: median(drops.frameMs), unit: 'ms', samples: drops.frameMs });

// 3. Search over 100,000 tasks.
log(`search stack with ${SEARCH_TASKS} tasks`);
const big = await startStack({ distDir, tasks: SEARCH_TASKS });
const total = await threeConditionCount(big.sandbox);
const searchMs: number[] = [];
for (let i = 0; i < RUNS; i++) searchMs.push(await measureSearch(browser, big.appUrl, total));
await big.close();
add({ section: 'search', measure: `3-condition search over ${SEARCH_TASKS / 1000}k tasks: Search -> first row`, value: median(searchMs), unit: 'ms', samples: searchMs });

// 4. Lighthouse (one Chromium of its own per run; nothing else runs meanwhile).
const lighthouse: Record<string, LighthouseScores[]> = {};
for (const path of ['/board', '/search', '/playbooks']) {
  log(`Lighthouse ${path} x${LH_RUNS}`);
  lighthouse[path] = [];
  for (let i = 0; i < LH_RUNS; i++) lighthouse[path].push(await runLighthouse(`${board.appUrl}${path}`));
  const scores = lighthouse[path];
  const m = (k: keyof LighthouseScores) => median(scores.map((s) => s[k]));
  add({ section: 'lighthouse', measure: `${path}: performance`, value: m('performance'), unit: '', samples: scores.map((s) => s.performance), goal: '>= 95', met: m('performance') >= 95 });
  add({ section: 'lighthouse', measure: `${path}: accessibility`, value: m('accessibility'), unit: '', samples: scores.map((s) => s.accessibility), goal: '100', met: m('accessibility') === 100 });
  add({ section: 'lighthouse', measure: `${path}: best practices`, value: m('bestPractices'), unit: '', samples: scores.map((s) => s.bestPractices), goal: '>= 95', met: m('bestPractices') >= 95 });
}

// 5. Request economy: the session and the hidden tab run side by side (counts, not times).
log(`request economy: a ${SESSION_MINUTES}-minute CSM session, and ${HIDDEN_SECONDS} s with the tab hidden`);
const [session, hidden, sweep] = await Promise.all([
  runCsmSession(browser, board.appUrl, SESSION_MINUTES),
  runHiddenCheck(browser, board.appUrl, HIDDEN_SECONDS),
  runHoverSweep(browser, board.appUrl),
]);
add({ section: 'requests', measure: `CSM session (${session.minutes.toFixed(1)} min, ${session.rounds} rounds): requests a minute`, value: session.perMinute, unit: '/min', samples: session.byMinute, goal: '< 30 /min', met: session.perMinute < 30 });
add({ section: 'requests', measure: `tab hidden ${HIDDEN_SECONDS} s: requests`, value: hidden.whileHidden, unit: '', samples: [hidden.whileHidden], goal: '0', met: hidden.whileHidden === 0 });
add({ section: 'requests', measure: '  on showing the tab again (stale data refreshed)', value: hidden.onReturn, unit: '', samples: [hidden.onReturn] });
add({ section: 'requests', measure: `mouse passing over ${sweep.cards} cards (${Math.round(sweep.msPerCard)} ms each), resting on the last`, value: sweep.requests, unit: '', samples: [sweep.requests] });

await browser.close();
await board.close();

// The table.
const fmt = (n: number, unit: Row['unit']) => {
  if (!Number.isFinite(n)) return 'n/a';
  const text = unit === 'KB' || unit === 'MB' || unit === '/min' ? n.toFixed(1) : Number.isInteger(n) ? String(n) : n.toFixed(0);
  return unit ? `${text} ${unit}` : text;
};
const width = Math.max(...rows.map((r) => r.measure.length));
const header = `${'measure'.padEnd(width)}  ${'median'.padStart(10)}  ${'min'.padStart(10)}  ${'max'.padStart(10)}  runs  goal`;
const lines = [
  `Cockpit Board benchmark, ${new Date().toISOString()}: production build behind server/app-server.ts, headless Chromium.`,
  `Board ${BOARD_TASKS.toLocaleString('en-US')} tasks, search ${SEARCH_TASKS.toLocaleString('en-US')} tasks; ${RUNS} runs per figure, ${LH_RUNS} Lighthouse runs per page, ${MOVES} moves.`,
  '',
  header,
  '-'.repeat(header.length + 12),
];
let section = '';
for (const r of rows) {
  if (r.section !== section && section) lines.push('');
  section = r.section;
  const goal = r.goal ? `${r.goal} ${r.met ? 'met' : 'MISSED'}` : '';
  const cells = [r.value, Math.min(...r.samples), Math.max(...r.samples)].map((n) => fmt(n, r.unit).padStart(10));
  lines.push(`${r.measure.padEnd(width)}  ${cells.join('  ')}  ${String(r.samples.length).padStart(4)}  ${goal}`);
}
lines.push('', `Requests in the session by method and path: ${session.byPath.map(([k, n]) => `${k} ${n}`).join(', ')}`);
lines.push(`Run took ${((Date.now() - began) / 60_000).toFixed(1)} minutes.`);
console.log(lines.join('\n'));

writeFileSync(
  values.out!,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      options: { runs: RUNS, lighthouseRuns: LH_RUNS, moves: MOVES, sessionMinutes: SESSION_MINUTES, hiddenSeconds: HIDDEN_SECONDS, boardTasks: BOARD_TASKS, searchTasks: SEARCH_TASKS },
      rows,
      chunks: chunkSizes(distDir),
      routes,
      firstVisitFiles: critical[0]?.files,
      lighthouse,
      session,
      hidden,
      sweep,
    },
    null,
    2,
  ) + '\n',
);
console.error(`wrote ${values.out}`);
process.exit(0);
