/**
 * `npm run bench:team`: a team of simulated CSMs at the HTTP level against the team server in
 * front of the local API server with Gainsight's 100-requests-a-minute limit on, first with the
 * mirror on, then (same run, same load) with it off.
 *
 * Each CSM holds an event stream (`GET /events`) and repeats the read mix of the scripted browser
 * session in bench/lib/session.ts (a board of four columns, a second page of one column, a task and
 * its playbook, back to the board, a search and its second page), refetches the columns an event
 * touches (as the app does), and makes one write every 2 minutes (a fresh read, then the PUT).
 * An "outside" writer changes a task straight on the API server every 20 s.
 *
 * Prints, for each mode: upstream requests a minute by kind, the answers clients saw (429s
 * included), read latency through the team server (p50/p95/p99), propagation of a write to every
 * other client (p95), and of an outside change to every client (p95).
 *
 *   npx tsx bench/team-bench.ts [-- --users 50 --minutes 5 --poll 10 --mode both|on|off]
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { CARD_FIELDS, COLUMN_PAGE_SIZE } from '../src/features/board/columns/column-request.ts';
import { ORDER_BY } from '../src/features/board/columns/sort-order.ts';
import { FRESH_HEADER, FRESH_VALUE, type LiveEvent, type TaskChange } from '../src/lib/live-events.ts';
import { sleep } from '../src/lib/sleep.ts';
import { TASK_STATUSES } from '../search-engine/fields.ts';
import { openEventStream, type SseConnection } from './lib/sse-client.ts';
import { percentile } from './lib/stats.ts';

const { values } = parseArgs({
  options: {
    users: { type: 'string' },
    minutes: { type: 'string' },
    poll: { type: 'string' },
    mode: { type: 'string' },
    tasks: { type: 'string' },
  },
});
const USERS = Number(values.users ?? 50);
const MINUTES = Number(values.minutes ?? 5);
const POLL_S = Number(values.poll ?? 10);
const TASKS = Number(values.tasks ?? 2000);
const MODES = (values.mode ?? 'both') === 'both' ? (['on', 'off'] as const) : ([values.mode as 'on' | 'off'] as const);
/** Time between two rounds of a CSM's read mix (about 26 reads a minute, as the browser session measured). */
const ROUND_MS = 30_000;
const WRITE_EVERY_MS = 120_000;
const OUTSIDE_EVERY_MS = 20_000;
const TENANT_LIMIT = 100;

type Kind = 'sync or read' | 'fresh read' | 'write' | 'outside write';

interface Upstream {
  at: number;
  kind: Kind;
  status: number;
}

/** The team server in a process of its own, so its event loop is not the clients'. */
function startTeamServer(
  mode: 'on' | 'off',
  target: string,
  accessKey: string,
  mirrorDb: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = fork(
    new URL('./lib/team-server-process.ts', import.meta.url).pathname,
    [mode, target, accessKey, mirrorDb, String(POLL_S)],
    {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`team server exited with ${code}`)));
  });
}

interface ClientStats {
  reads: number[];
  statuses: Map<number, number>;
  /** For each change id + modifiedDate: when this client heard of it. */
  heard: Map<string, number>;
  events: number;
}

const changeKey = (c: Pick<TaskChange, 'id' | 'modifiedDate'>) => `${c.id} ${c.modifiedDate}`;

function columnSearch(status: string, offset = 0) {
  return {
    select: CARD_FIELDS,
    where: { conditions: [{ name: 'Status', alias: 'A', operator: 'EQ', value: [status] }], expression: 'A' },
    orderBy: ORDER_BY.due,
    limit: COLUMN_PAGE_SIZE,
    offset,
  };
}

/** One simulated CSM: an event stream, the read mix, a write every 2 minutes. */
class Csm {
  readonly stats: ClientStats = { reads: [], statuses: new Map(), heard: new Map(), events: 0 };
  private stream: SseConnection | null = null;
  private stopped = false;
  private readonly pendingColumns = new Set<string>();
  private taskIds: string[] = [];

  constructor(
    private readonly base: string,
    private readonly index: number,
    private readonly onWrite: (key: string, at: number, by: number) => void,
  ) {}

  async start(): Promise<void> {
    this.stream = openEventStream(`${this.base}/events`, (message, at) => {
      if (message.event !== 'tasks') return;
      const event = { type: 'tasks', ...(JSON.parse(message.data) as object) } as Extract<LiveEvent, { type: 'tasks' }>;
      this.stats.events++;
      for (const change of event.changes) {
        const key = changeKey(change);
        if (!this.stats.heard.has(key)) this.stats.heard.set(key, at);
        if (change.status) this.pendingColumns.add(change.status);
        if (change.previousStatus) this.pendingColumns.add(change.previousStatus);
      }
    });
    await this.stream.opened.catch(() => undefined);
  }

  stop(): void {
    this.stopped = true;
    this.stream?.close();
  }

  private async call(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; json: unknown }> {
    const started = performance.now();
    const response = await fetch(`${this.base}/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'x-requested-with': 'cockpit-board', ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    }).catch(() => null);
    const status = response?.status ?? 0;
    const json = response ? await response.json().catch(() => null) : null;
    if (method === 'GET' || path === '/tasks/search') this.stats.reads.push(performance.now() - started);
    this.stats.statuses.set(status, (this.stats.statuses.get(status) ?? 0) + 1);
    return { status, json };
  }

  private async search(body: unknown): Promise<Record<string, unknown>[]> {
    const { json } = await this.call('POST', '/tasks/search', body);
    const records = (json as { data?: { records?: Record<string, unknown>[] } } | null)?.data?.records ?? [];
    return records;
  }

  private async board(): Promise<void> {
    const columns = await Promise.all(TASK_STATUSES.map((s) => this.search(columnSearch(s))));
    const ids = columns.flat().map((t) => String(t.Gsid));
    if (ids.length > 0) this.taskIds = ids;
  }

  /** The columns events touched since the last look, refetched as the app's invalidation does. */
  private async refetchTouched(): Promise<void> {
    const statuses = [...this.pendingColumns];
    this.pendingColumns.clear();
    await Promise.all(statuses.map((s) => this.search(columnSearch(s))));
  }

  async run(until: number): Promise<void> {
    // Spread the CSMs over the first round, so they do not all start in the same millisecond.
    await sleep((this.index / USERS) * ROUND_MS);
    let nextWrite = performance.now() + ((this.index * 7919) % WRITE_EVERY_MS);
    let round = 0;
    while (!this.stopped && performance.now() < until) {
      const roundStart = performance.now();
      await this.board();
      await this.call('GET', '/playbooks');
      await this.search(columnSearch(TASK_STATUSES[round % 2]!, COLUMN_PAGE_SIZE));
      const id = this.taskIds[(this.index + round) % Math.max(1, this.taskIds.length)];
      if (id) {
        const { json } = await this.call('GET', `/tasks/${encodeURIComponent(id)}`);
        const playbook = (json as { data?: { PlaybookId?: string } } | null)?.data?.PlaybookId;
        if (playbook) await this.call('GET', `/playbooks/${encodeURIComponent(playbook)}`);
      }
      await this.board();
      await this.search({
        select: ['Gsid', 'Name', 'Priority', 'DueDate'],
        where: { conditions: [{ name: 'Priority', alias: 'A', operator: 'EQ', value: ['High'] }] },
        limit: 25,
      });
      await this.search({
        select: ['Gsid', 'Name', 'Priority', 'DueDate'],
        where: { conditions: [{ name: 'Priority', alias: 'A', operator: 'EQ', value: ['High'] }] },
        limit: 25,
        offset: 25,
      });
      if (performance.now() >= nextWrite && id) {
        nextWrite += WRITE_EVERY_MS;
        await this.write(id);
      }
      // Between rounds, the columns that events touched are refetched (debounced, as in the app).
      while (!this.stopped && performance.now() < Math.min(until, roundStart + ROUND_MS)) {
        await sleep(1000);
        if (this.pendingColumns.size > 0) await this.refetchTouched();
      }
      round++;
    }
  }

  private async write(id: string): Promise<void> {
    const { json, status } = await this.call('GET', `/tasks/${encodeURIComponent(id)}`, undefined, { [FRESH_HEADER]: FRESH_VALUE });
    const task = (json as { data?: Record<string, unknown> } | null)?.data;
    if (status !== 200 || !task) return;
    const next = TASK_STATUSES[(TASK_STATUSES.indexOf(task.Status as (typeof TASK_STATUSES)[number]) + 1) % TASK_STATUSES.length]!;
    const input = {
      Name: task.Name,
      Description: task.Description,
      CTAId: task.CTAId,
      OwnerId: task.OwnerId,
      Status: next,
      Priority: task.Priority,
      DueDate: task.DueDate,
    };
    const sent = performance.now();
    const put = await this.call('PUT', `/tasks/${encodeURIComponent(id)}`, input);
    const saved = (put.json as { data?: { Gsid: string; ModifiedDate: string } } | null)?.data;
    if (put.status === 200 && saved) this.onWrite(changeKey({ id: saved.Gsid, modifiedDate: saved.ModifiedDate }), sent, this.index);
  }
}

/** Changes a task straight on the API server, as someone in Gainsight would. */
async function outsideWrite(sandbox: Sandbox, n: number): Promise<{ key: string; at: number } | null> {
  const search = await fetch(`${sandbox.url}/tasks/search`, {
    method: 'POST',
    headers: { accessKey: sandbox.accessKey, 'content-type': 'application/json' },
    body: JSON.stringify({ select: ['Gsid'], limit: 1, offset: (n * 37) % 500 }),
  });
  if (search.status !== 200) return null;
  const id = ((await search.json()) as { data: { records: { Gsid: string }[] } }).data.records[0]?.Gsid;
  const current = id ? sandbox.store.getTask(id) : undefined;
  if (!id || !current) return null;
  const at = performance.now();
  const put = await fetch(`${sandbox.url}/tasks/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { accessKey: sandbox.accessKey, 'content-type': 'application/json' },
    body: JSON.stringify({
      Name: current.Name,
      CTAId: current.CTAId,
      Status: current.Status,
      ...(current.OwnerId ? { OwnerId: current.OwnerId } : {}),
      ...(current.Priority ? { Priority: current.Priority } : {}),
      DueDate: `2027-0${1 + (n % 9)}-1${n % 10}`,
    }),
  });
  if (put.status !== 200) return null;
  const saved = ((await put.json()) as { data: { Gsid: string; ModifiedDate: string } }).data;
  return { key: changeKey({ id: saved.Gsid, modifiedDate: saved.ModifiedDate }), at };
}

interface ModeResult {
  mode: 'on' | 'off';
  minutes: number;
  upstream: Record<Kind, number>;
  upstreamLimited: number;
  statuses: Map<number, number>;
  reads: number[];
  propagation: number[];
  propagationMissed: number;
  outside: number[];
  outsideMissed: number;
}

async function runMode(mode: 'on' | 'off'): Promise<ModeResult> {
  const upstream: Upstream[] = [];
  const sandbox = await startSandbox({
    tasks: TASKS,
    seed: 7,
    faults: { rateLimit: TENANT_LIMIT, rateLimitWindowMs: 60_000 },
    log: (line) => {
      const m = /^(GET|POST|PUT) \/v1(\/\S*) -> (\d+)/.exec(line);
      if (!m) return;
      upstream.push({ at: performance.now(), kind: currentKind(m[1]!, m[2]!), status: Number(m[3]) });
    },
  });
  const currentKind = (method: string, path: string): Kind => {
    if (method === 'PUT' || (method === 'POST' && path === '/tasks')) return 'write';
    if (mode === 'on' && method === 'GET' && /^\/tasks\/[^/]+$/.test(path)) return 'fresh read';
    return 'sync or read';
  };

  const dir = mkdtempSync(join(tmpdir(), 'team-bench-'));
  const server = await startTeamServer(mode, sandbox.url, sandbox.accessKey, join(dir, 'mirror.db'));
  // With the mirror on, wait for its first sync before the clock starts (it is a one-off cost).
  if (mode === 'on') {
    for (let i = 0; i < 600; i++) {
      const ready = await fetch(`${server.url}/readyz`)
        .then((r) => r.text())
        .catch(() => '');
      if (!/syncing/i.test(ready)) break;
      await sleep(500);
    }
  }
  const warmUpCalls = upstream.length;

  const writes = new Map<string, { at: number; by: number }>();
  const clients: Csm[] = [];
  for (let i = 0; i < USERS; i++) clients.push(new Csm(server.url, i, (key, at, by) => writes.set(key, { at, by })));
  await Promise.all(clients.map((c) => c.start()));
  const started = performance.now();
  const until = started + MINUTES * 60_000;

  const outside = new Map<string, number>();
  /** The bench's own calls straight to the API server (a search and a PUT per outside change). */
  let outsideCalls = 0;
  const outsideLoop = (async () => {
    let n = 0;
    while (performance.now() < until - OUTSIDE_EVERY_MS / 2) {
      await sleep(OUTSIDE_EVERY_MS);
      const done = await outsideWrite(sandbox, n++);
      outsideCalls += 2;
      if (done) outside.set(done.key, done.at);
    }
  })();

  await Promise.all([...clients.map((c) => c.run(until)), outsideLoop]);
  // Let the last events arrive (one poll interval and a little).
  await sleep((POLL_S + 3) * 1000);
  for (const c of clients) c.stop();
  const elapsedMin = (performance.now() - started) / 60_000;

  const measured = upstream.slice(warmUpCalls);
  const byKind = { 'sync or read': 0, 'fresh read': 0, write: 0, 'outside write': 0 } as Record<Kind, number>;
  for (const u of measured) byKind[u.kind]++;
  // The outside writer's calls were logged as a search and a write: count them as its own.
  byKind['sync or read'] -= outsideCalls / 2;
  byKind.write -= outsideCalls / 2;
  byKind['outside write'] = outsideCalls;
  const statuses = new Map<number, number>();
  const reads: number[] = [];
  for (const c of clients) {
    reads.push(...c.stats.reads);
    for (const [s, n] of c.stats.statuses) statuses.set(s, (statuses.get(s) ?? 0) + n);
  }
  /** For each change: the time until the last client (other than its author) heard of it. */
  const spread = (key: string, at: number, except: number | null) => {
    let last = 0;
    for (const c of clients) {
      if (clients.indexOf(c) === except) continue;
      const heard = c.stats.heard.get(key);
      if (heard === undefined) return null;
      last = Math.max(last, heard - at);
    }
    return last;
  };
  const propagation: number[] = [];
  let propagationMissed = 0;
  for (const [key, { at, by }] of writes) {
    const t = spread(key, at, by);
    if (t === null) propagationMissed++;
    else propagation.push(t);
  }
  const outsideTimes: number[] = [];
  let outsideMissed = 0;
  for (const [key, at] of outside) {
    const t = spread(key, at, null);
    if (t === null) outsideMissed++;
    else outsideTimes.push(t);
  }

  server.child.kill('SIGTERM');
  await new Promise((r) => server.child.once('exit', r));
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    mode,
    minutes: elapsedMin,
    upstream: byKind,
    upstreamLimited: measured.filter((u) => u.status === 429).length,
    statuses,
    reads,
    propagation,
    propagationMissed,
    outside: outsideTimes,
    outsideMissed,
  };
}

function report(r: ModeResult): void {
  const perMin = (n: number) => (n / r.minutes).toFixed(1);
  const total = Object.values(r.upstream).reduce((a, b) => a + b, 0);
  const fmt = (v: number[]) =>
    v.length
      ? `p50 ${percentile(v, 50).toFixed(0)} ms, p95 ${percentile(v, 95).toFixed(0)} ms, p99 ${percentile(v, 99).toFixed(0)} ms (${v.length})`
      : 'none';
  const clientTotal = [...r.statuses.values()].reduce((a, b) => a + b, 0);
  const statuses = [...r.statuses.entries()]
    .sort(([a], [b]) => a - b)
    .map(([s, n]) => `${s === 0 ? 'no answer' : s}: ${n}`)
    .join(', ');
  console.log(
    `\nmirror ${r.mode.toUpperCase()}: ${USERS} CSMs for ${r.minutes.toFixed(1)} min (poll ${POLL_S} s, ${TASKS} tasks, tenant limit ${TENANT_LIMIT}/min)`,
  );
  console.log(`  upstream a minute: ${perMin(total)} in all`);
  for (const [kind, n] of Object.entries(r.upstream)) console.log(`    ${kind.padEnd(14)} ${perMin(n)}/min (${n})`);
  console.log(`  upstream 429s (the tenant's limit): ${r.upstreamLimited}`);
  console.log(`  client calls: ${clientTotal} (${perMin(clientTotal)}/min); answers: ${statuses}`);
  console.log(`  client-visible 429s: ${r.statuses.get(429) ?? 0}`);
  console.log(`  reads through the team server: ${fmt(r.reads)}`);
  const teamTotal = total - r.upstream['outside write'];
  const goal = 2 * (r.upstream.write / r.minutes) + 8;
  console.log(
    `  the team server's upstream: ${perMin(teamTotal)}/min; goal with the mirror: <= 2 x writes/min + 8 = ${goal.toFixed(1)} and < 70/min`,
  );
  console.log(`  write -> every other client's event: ${fmt(r.propagation)}; never heard by someone: ${r.propagationMissed}`);
  console.log(`  outside change -> every client's event: ${fmt(r.outside)}; never heard by someone: ${r.outsideMissed}`);
}

const results: ModeResult[] = [];
for (const mode of MODES) {
  console.log(`running mirror ${mode} (${MINUTES} min)…`);
  const result = await runMode(mode);
  report(result);
  results.push(result);
}
process.exit(0);
