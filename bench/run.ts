/**
 * The performance benchmark: what a CSM feels, in one run.
 *   npm run bench [-- --quick] [-- --runs 5 --lighthouse-runs 3 --moves 20 --session-minutes 5 --hidden-seconds 60]
 *                 [-- --before /tmp/before] [-- --only bytes,pages,lighthouse]
 *
 * Builds the app (as `npm run build` does), starts two stacks (in-memory sandbox + the production
 * server, server/team-server.ts, in front of the build): one with 10,000 tasks, one with 100,000
 * for the search. Drives headless Chromium, prints one table and writes bench/results.json.
 * Every figure is the median of its runs (the `runs` column). `--quick` takes fewer runs and a
 * 1-minute session with a 35 s hidden tab.
 *
 * `--before DIR` also builds the checkout in DIR (for example `git worktree add /tmp/before <commit>`
 * plus a node_modules link) and serves it on the same sandbox: the byte, page-load and Lighthouse
 * figures are measured for both in the same run, their runs taken in turns, and the table gets a
 * `before` column. `--only` runs some sections: bytes, pages, board, search, lighthouse, requests.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/browser.ts';
import { measureBoardLoad, measureDrops, type BoardLoad } from './lib/board.ts';
import { chunkSizes, firstVisitBytes, routeChunks, type FirstVisitBytes } from './lib/bytes.ts';
import { runLighthouse, type LighthouseScores } from './lib/lighthouse.ts';
import { ROUTE_TABLE } from '../src/lib/route-table.ts';
import { measurePageLoad, pageTargets, type PageLoad, type PageTarget } from './lib/pages.ts';
import { buildApp, buildCheckout, startStack } from './lib/servers.ts';
import { measureSearch, threeConditionCount } from './lib/search.ts';
import { runCsmSession, runHiddenCheck, runHoverSweep, type HiddenResult, type SessionResult } from './lib/session.ts';
import { median } from './lib/stats.ts';
import { entryChain, formatWaterfall, neededBefore, requestsAfterEntry, shortName } from './lib/waterfall.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'lighthouse-runs': { type: 'string' },
    moves: { type: 'string' },
    'session-minutes': { type: 'string' },
    'hidden-seconds': { type: 'string' },
    before: { type: 'string' },
    only: { type: 'string' },
    out: { type: 'string', default: 'bench/results.json' },
  },
});
const SECTIONS = ['bytes', 'pages', 'board', 'search', 'lighthouse', 'requests'] as const;
const only = new Set(values.only ? values.only.split(',').map((x) => x.trim()) : SECTIONS);
for (const name of only)
  if (!(SECTIONS as readonly string[]).includes(name)) throw new Error(`--only: unknown section "${name}" (${SECTIONS.join(', ')})`);
const runs = (section: (typeof SECTIONS)[number]) => only.has(section);
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
const FIRST_VISIT_JS_GOAL_KB = 110;
const FIRST_CARD_GOAL_MS = 700;

/** Each page's own code, by path, from the route table the app and the team server read. */
const ROUTES = Object.fromEntries(Object.values(ROUTE_TABLE).map((r) => [`/${r.path}`, r.modules[0]]));

const began = Date.now();
const log = (line: string) => console.error(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}`);

log('building the app');
const distDir = await buildApp();
const beforeDir = values.before ? (log(`building the "before" checkout ${values.before}`), await buildCheckout(values.before)) : null;
const board = await startStack({ distDir, tasks: BOARD_TASKS });
const beforeUrl = beforeDir ? await board.serve(beforeDir) : null;
const browser = await launchBrowser();

interface Row {
  section: string;
  measure: string;
  value: number;
  unit: 'KB' | 'ms' | '' | 'MB' | '/min';
  samples: number[];
  /** The same figure for the `--before` build. */
  before?: { value: number; samples: number[] };
  goal?: string;
  met?: boolean;
}
const rows: Row[] = [];
const add = (row: Row) => rows.push(row);
const KB = (bytes: number) => bytes / 1024;
const MB = (bytes: number) => bytes / 1024 / 1024;
const withMedian = (samples: number[]) => ({ value: median(samples), samples });

/**
 * Runs `measure` `times` times for this build and, with `--before`, as often for the before
 * build, in turns (so both see the same load on the machine).
 */
async function inTurns<T>(times: number, measure: (appUrl: string) => Promise<T>): Promise<{ now: T[]; before: T[] }> {
  const now: T[] = [];
  const before: T[] = [];
  for (let i = 0; i < times; i++) {
    now.push(await measure(board.appUrl));
    if (beforeUrl) before.push(await measure(beforeUrl));
  }
  return { now, before };
}
const beforeOf = (samples: number[]) => (beforeUrl ? withMedian(samples) : undefined);

// 1. Bytes.
const firstVisit: { now: FirstVisitBytes[]; before: FirstVisitBytes[] } = { now: [], before: [] };
if (runs('bytes')) {
  log('first-visit bytes');
  const critical = await inTurns(RUNS, (url) =>
    firstVisitBytes(browser, `${url}/board`, 'section[aria-label] article', { holdIdlePreload: true }),
  );
  const withIdle = await inTurns(RUNS, (url) => firstVisitBytes(browser, `${url}/board`, 'section[aria-label] article'));
  Object.assign(firstVisit, critical);
  const js = (b: FirstVisitBytes[]) => b.map((x) => KB(x.js));
  const css = (b: FirstVisitBytes[]) => b.map((x) => KB(x.css));
  const idle = (all: FirstVisitBytes[], first: FirstVisitBytes[]) => all.map((b, i) => KB(b.js - first[i]!.js));
  const jsNow = withMedian(js(critical.now));
  add({
    section: 'bytes',
    measure: 'first visit /board: JS before the first card (gzip)',
    ...jsNow,
    unit: 'KB',
    before: beforeOf(js(critical.before)),
    goal: `<= ${FIRST_VISIT_JS_GOAL_KB} KB`,
    met: jsNow.value <= FIRST_VISIT_JS_GOAL_KB,
  });
  add({
    section: 'bytes',
    measure: 'first visit /board: CSS (gzip)',
    ...withMedian(css(critical.now)),
    unit: 'KB',
    before: beforeOf(css(critical.before)),
  });
  add({
    section: 'bytes',
    measure: '  + JS loaded once the page has settled (dnd-kit, other routes)',
    ...withMedian(idle(withIdle.now, critical.now)),
    unit: 'KB',
    before: beforeOf(idle(withIdle.before, critical.before)),
  });
  const routes = routeChunks(distDir, ROUTES);
  const routesBefore = beforeDir ? routeChunks(beforeDir, ROUTES) : [];
  for (const r of routes) {
    const b = routesBefore.find((x) => x.route === r.route);
    add({
      section: 'bytes',
      measure: `route ${r.route}: its chunks beyond the shell (gzip)`,
      ...withMedian([KB(r.gzip)]),
      unit: 'KB',
      before: b ? withMedian([KB(b.gzip)]) : undefined,
    });
  }
  // The board's drag and drop, loaded when a drag can start (part of the board's chunk before).
  const [drag] = routeChunks(distDir, { drag: 'src/features/board/dnd/board-dnd.tsx' });
  if (drag)
    add({
      section: 'bytes',
      measure: "  the board's drag and drop (dnd-kit), loaded when a drag can start",
      ...withMedian([KB(drag.gzip)]),
      unit: 'KB',
    });
}

// 2. Each page, cold: its first meaningful element and the requests it waited for.
const targets: PageTarget[] = await pageTargets(board.sandbox);
interface PageFigures {
  target: PageTarget;
  now: PageLoad[];
  before: PageLoad[];
}
const pages: PageFigures[] = [];
/** The chain of requests the element waited for, through the entry script. */
const chainOf = (load: PageLoad) => entryChain(neededBefore(load.requests, load.elementMs), load.entries) ?? [];
const afterEntry = (load: PageLoad) => (load.entries.length > 0 ? requestsAfterEntry(chainOf(load), load.entries) : NaN);
if (runs('pages')) {
  for (const target of targets) {
    log(`${target.route}: ${RUNS} cold loads${beforeUrl ? ' (and as many of the before build)' : ''}`);
    const loads = await inTurns(RUNS, (url) => measurePageLoad(browser, url, target));
    pages.push({ target, ...loads });
    const ms = (l: PageLoad[]) => l.map((x) => x.elementMs);
    const isBoard = target.route === '/board';
    const time = withMedian(ms(loads.now));
    add({
      section: 'pages',
      measure: `${target.route}${isBoard ? ` (${BOARD_TASKS.toLocaleString('en-US')} tasks)` : ''}: navigation -> ${target.element}`,
      ...time,
      unit: 'ms',
      before: beforeOf(ms(loads.before)),
      ...(isBoard ? { goal: `< ${FIRST_CARD_GOAL_MS} ms`, met: time.value < FIRST_CARD_GOAL_MS } : {}),
    });
    const chain = withMedian(loads.now.map(afterEntry));
    add({
      section: 'pages',
      measure: `  longest request chain after the entry script`,
      ...chain,
      unit: '',
      before: beforeOf(loads.before.map(afterEntry)),
      goal: '<= 1',
      met: chain.value <= 1,
    });
  }
}

// 3. The board with 10,000 tasks.
let drops: Awaited<ReturnType<typeof measureDrops>> | null = null;
if (runs('board')) {
  log(
    `board with ${BOARD_TASKS} tasks: ${RUNS} cold loads, scrolling ${SCROLL_CARDS} cards${beforeUrl ? ' (and as many of the before build)' : ''}`,
  );
  const loads = await inTurns(RUNS, (url) => measureBoardLoad(browser, url, SCROLL_CARDS));
  const addLoad = (measure: string, f: (l: BoardLoad) => number, unit: Row['unit'], goal?: string, ok?: (v: number) => boolean) => {
    const samples = loads.now.map(f);
    const value = median(samples);
    add({ section: 'board', measure, value, unit, samples, before: beforeOf(loads.before.map(f)), goal, met: ok?.(value) });
  };
  addLoad(
    'DOM elements after load',
    (l) => l.domElements,
    '',
    '< 3000',
    (v) => v < 3000,
  );
  addLoad('JS heap used after load', (l) => MB(l.heapBytes), 'MB');
  addLoad(`JS heap used after scrolling ${SCROLL_CARDS} cards`, (l) => MB(l.heapAfterScrollBytes), 'MB');
  addLoad(`scrolling a column through ${SCROLL_CARDS} cards: duration`, (l) => l.scroll.ms, 'ms');
  addLoad('  long tasks (> 50 ms) while scrolling', (l) => l.scroll.count, '');
  addLoad('  their blocking time (sum of time over 50 ms)', (l) => l.scroll.blockingMs, 'ms');
  addLoad('  longest task while scrolling', (l) => l.scroll.longestMs, 'ms');
  // The same scroll by the page's own CPU time (a trace), which a busy machine does not inflate.
  addLoad('  main-thread CPU time while scrolling (trace)', (l) => l.scrollWork.cpuMs, 'ms');
  addLoad('  tasks over 50 ms of CPU while scrolling', (l) => l.scrollWork.longTasks, '');
  addLoad('  their CPU time over 50 ms', (l) => l.scrollWork.blockingMs, 'ms');
  // What React drew meanwhile: counts, the same on a busy machine as on an idle one.
  addLoad('  commits while scrolling', (l) => l.scrollRenders.commits, '');
  addLoad('  components rendered again while scrolling', (l) => l.scrollRenders.renders, '');
  addLoad('  components mounted while scrolling', (l) => l.scrollRenders.mounts, '');

  log(`${MOVES} keyboard moves with ${LATENCY_MS} ms server latency`);
  board.sandbox.faults.update({ latencyMs: LATENCY_MS });
  const moves = await inTurns(1, (url) => measureDrops(browser, url, MOVES));
  board.sandbox.faults.update({ latencyMs: 0 });
  drops = moves.now[0]!;
  const dropsBefore = moves.before[0];
  const dom = withMedian(drops.domMs);
  add({
    section: 'board',
    measure: `drop -> move shown in new column (DOM), ${LATENCY_MS / 1000} s latency`,
    ...dom,
    unit: 'ms',
    before: dropsBefore && beforeOf(dropsBefore.domMs),
    goal: '< 50 ms',
    met: dom.value < 50,
  });
  add({
    section: 'board',
    measure: '  ... and painted (next frame)',
    ...withMedian(drops.frameMs),
    unit: 'ms',
    before: dropsBefore && beforeOf(dropsBefore.frameMs),
  });
}

// 4. Search over 100,000 tasks.
if (runs('search')) {
  log(`search stack with ${SEARCH_TASKS} tasks`);
  const big = await startStack({ distDir, tasks: SEARCH_TASKS });
  const total = await threeConditionCount(big.sandbox);
  const searchMs: number[] = [];
  for (let i = 0; i < RUNS; i++) searchMs.push(await measureSearch(browser, big.appUrl, total));
  await big.close();
  add({
    section: 'search',
    measure: `3-condition search over ${SEARCH_TASKS / 1000}k tasks: Search -> first row`,
    value: median(searchMs),
    unit: 'ms',
    samples: searchMs,
  });
}

// 5. Lighthouse (one Chromium of its own per run; nothing else runs meanwhile).
const lighthouse: Record<string, { now: LighthouseScores[]; before: LighthouseScores[] }> = {};
if (runs('lighthouse')) {
  for (const target of targets) {
    log(`Lighthouse ${target.route} x${LH_RUNS}${beforeUrl ? ' (and the before build)' : ''}`);
    const scores = await inTurns(LH_RUNS, (url) => runLighthouse(`${url}${target.path}`));
    lighthouse[target.route] = scores;
    for (const [key, label] of [
      ['performance', 'performance'],
      ['accessibility', 'accessibility'],
      ['bestPractices', 'best practices'],
    ] as const) {
      const now = withMedian(scores.now.map((s) => s[key]));
      add({
        section: 'lighthouse',
        measure: `${target.route}: ${label}`,
        ...now,
        unit: '',
        before: beforeOf(scores.before.map((s) => s[key])),
        goal: '100',
        met: now.value === 100,
      });
    }
  }
}

// 6. Request economy: the session and the hidden tab run side by side (counts, not times).
let session: SessionResult | null = null;
let hidden: HiddenResult | null = null;
let sweep: Awaited<ReturnType<typeof runHoverSweep>> | null = null;
if (runs('requests')) {
  log(`request economy: a ${SESSION_MINUTES}-minute CSM session, and ${HIDDEN_SECONDS} s with the tab hidden`);
  [session, hidden, sweep] = await Promise.all([
    runCsmSession(browser, board.appUrl, SESSION_MINUTES),
    runHiddenCheck(browser, board.appUrl, HIDDEN_SECONDS),
    runHoverSweep(browser, board.appUrl),
  ]);
  add({
    section: 'requests',
    measure: `CSM session (${session.minutes.toFixed(1)} min, ${session.rounds} rounds): requests a minute`,
    value: session.perMinute,
    unit: '/min',
    samples: session.byMinute,
    goal: '< 30 /min',
    met: session.perMinute < 30,
  });
  add({
    section: 'requests',
    measure: `tab hidden ${HIDDEN_SECONDS} s: requests`,
    value: hidden.whileHidden,
    unit: '',
    samples: [hidden.whileHidden],
    goal: '0',
    met: hidden.whileHidden === 0,
  });
  add({
    section: 'requests',
    measure: '  on showing the tab again (stale data refreshed)',
    value: hidden.onReturn,
    unit: '',
    samples: [hidden.onReturn],
  });
  add({
    section: 'requests',
    measure: `mouse passing over ${sweep.cards} cards (${Math.round(sweep.msPerCard)} ms each), resting on the last`,
    value: sweep.requests,
    unit: '',
    samples: [sweep.requests],
  });
}

await browser.close();
await board.close();

// The table.
const fmt = (n: number, unit: Row['unit']) => {
  if (!Number.isFinite(n)) return 'n/a';
  const text = unit === 'KB' || unit === 'MB' || unit === '/min' ? n.toFixed(1) : Number.isInteger(n) ? String(n) : n.toFixed(0);
  return unit ? `${text} ${unit}` : text;
};
const width = Math.max(...rows.map((r) => r.measure.length));
const beforeColumn = beforeUrl ? `  ${'before'.padStart(10)}` : '';
const header = `${'measure'.padEnd(width)}${beforeColumn}  ${'median'.padStart(10)}  ${'min'.padStart(10)}  ${'max'.padStart(10)}  runs  goal`;
const lines = [
  `Cockpit Board benchmark, ${new Date().toISOString()}: production build behind server/team-server.ts, headless Chromium.`,
  `Board ${BOARD_TASKS.toLocaleString('en-US')} tasks, search ${SEARCH_TASKS.toLocaleString('en-US')} tasks; ${RUNS} runs per figure, ${LH_RUNS} Lighthouse runs per page, ${MOVES} moves.`,
  ...(beforeUrl
    ? [`"before": the build of ${values.before}, served on the same sandbox, its runs taken in turns with this build's (medians).`]
    : []),
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
  const before = beforeUrl ? `  ${(r.before ? fmt(r.before.value, r.unit) : '').padStart(10)}` : '';
  lines.push(`${r.measure.padEnd(width)}${before}  ${cells.join('  ')}  ${String(r.samples.length).padStart(4)}  ${goal}`);
}

// The waterfall of each page's median load: every request until the page was quiet, the first
// element marked, and the chain of requests the element waited for.
const medianLoad = (loads: PageLoad[]) => [...loads].sort((a, b) => a.elementMs - b.elementMs)[Math.floor((loads.length - 1) / 2)];
for (const { target, now, before } of pages) {
  for (const [label, loads] of [
    ['', now],
    [' (before)', before],
  ] as const) {
    const load = medianLoad(loads);
    if (!load) continue;
    lines.push(
      '',
      `${target.route}${label}: requests of the median load (ms from navigation start), ${target.element} at ${load.elementMs.toFixed(0)} ms`,
    );
    lines.push(...formatWaterfall(load.requests, { label: `<- ${target.element}`, at: load.elementMs }).map((l) => `  ${l}`));
    lines.push(
      `  chain the ${target.element} waited for: ${chainOf(load).map(shortName).join(' -> ')} (${afterEntry(load)} after the entry script)`,
    );
  }
}
for (const [route, scores] of Object.entries(lighthouse)) {
  const failed = [...new Set(scores.now.flatMap((s) => s.failed))];
  if (failed.length > 0) lines.push('', `Lighthouse ${route}: audits not passed in some run: ${failed.join('; ')}`);
}
if (session) lines.push('', `Requests in the session by method and path: ${session.byPath.map(([k, n]) => `${k} ${n}`).join(', ')}`);
lines.push(`Run took ${((Date.now() - began) / 60_000).toFixed(1)} minutes.`);
console.log(lines.join('\n'));

writeFileSync(
  values.out!,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      options: {
        runs: RUNS,
        lighthouseRuns: LH_RUNS,
        moves: MOVES,
        sessionMinutes: SESSION_MINUTES,
        hiddenSeconds: HIDDEN_SECONDS,
        boardTasks: BOARD_TASKS,
        searchTasks: SEARCH_TASKS,
      },
      before: values.before ?? null,
      rows,
      chunks: chunkSizes(distDir),
      chunksBefore: beforeDir ? chunkSizes(beforeDir) : null,
      routes: routeChunks(distDir, ROUTES),
      firstVisitFiles: firstVisit.now[0]?.files,
      firstVisitFilesBefore: firstVisit.before[0]?.files ?? null,
      pages: pages.map((p) => ({ route: p.target.route, path: p.target.path, element: p.target.element, now: p.now, before: p.before })),
      lighthouse,
      drops,
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
