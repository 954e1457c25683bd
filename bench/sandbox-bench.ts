/**
 * Benchmark of the local API server: seeds 100,000 tasks into a fresh database file, then times
 * representative calls over HTTP on loopback and prints p50/p95 per call.
 *   npm run bench:sandbox [-- --tasks 100000 --runs 200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from '../sandbox/index.ts';

const { values } = parseArgs({ options: { tasks: { type: 'string' }, runs: { type: 'string' } } });
const TASKS = Number(values.tasks ?? 100_000);
const RUNS = Number(values.runs ?? 200);
const TODAY = new Date().toISOString().slice(0, 10);

const dir = mkdtempSync(join(tmpdir(), 'sandbox-bench-'));
const seedStart = performance.now();
const sandbox = await startSandbox({ db: join(dir, 'bench.db'), tasks: TASKS, seed: 1, today: TODAY });
const seedMs = performance.now() - seedStart;
const headers = { accessKey: sandbox.accessKey, 'Content-Type': 'application/json' };

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${sandbox.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const json = (await res.json()) as { data: unknown; errorDesc: string | null };
  if (res.status !== 200) throw new Error(`${method} ${path} -> ${res.status} ${json.errorDesc}`);
  return json.data;
}

const db = sandbox.store.db;
const ownerId = (db.prepare('SELECT owner_id FROM tasks WHERE owner_id IS NOT NULL LIMIT 1').get() as { owner_id: string }).owner_id;
const playbookId = (db.prepare('SELECT playbook_id FROM tasks WHERE playbook_id IS NOT NULL LIMIT 1').get() as { playbook_id: string })
  .playbook_id;
const taskIds = (db.prepare('SELECT gsid FROM tasks ORDER BY random() LIMIT 500').all() as { gsid: string }[]).map((r) => r.gsid);

const cases: { name: string; run: (i: number) => Promise<unknown> }[] = [
  {
    name: 'board column: Status EQ, by due date, 50',
    run: () =>
      call('POST', '/tasks/search', {
        where: { conditions: [{ name: 'Status', operator: 'EQ', value: ['Not Started'] }] },
        orderBy: { DueDate: 'asc' },
        limit: 50,
      }),
  },
  {
    name: '3 conditions, A AND (B OR C), 50',
    run: () =>
      call('POST', '/tasks/search', {
        where: {
          conditions: [
            { name: 'Status', alias: 'A', operator: 'IN', value: ['Not Started', 'In Progress'] },
            { name: 'DueDate', alias: 'B', operator: 'LT', value: [TODAY] },
            { name: 'Priority', alias: 'C', operator: 'EQ', value: ['High'] },
          ],
          expression: 'A AND (B OR C)',
        },
        limit: 50,
      }),
  },
  {
    name: 'Name CONTAINS "renewal", 50',
    run: () =>
      call('POST', '/tasks/search', { where: { conditions: [{ name: 'Name', operator: 'CONTAINS', value: ['renewal'] }] }, limit: 50 }),
  },
  {
    name: "one owner's open tasks by due date, 100",
    run: () =>
      call('POST', '/tasks/search', {
        where: {
          conditions: [
            { name: 'OwnerId', operator: 'EQ', value: [ownerId] },
            { name: 'Status', operator: 'NE', value: ['Completed'] },
          ],
        },
        orderBy: { DueDate: 'asc' },
      }),
  },
  {
    name: 'playbook adoption: PlaybookId EQ, 4 fields, 5000',
    run: () =>
      call('POST', '/tasks/search', {
        select: ['Gsid', 'Status', 'Order', 'DueDate'],
        where: { conditions: [{ name: 'PlaybookId', operator: 'EQ', value: [playbookId] }] },
        limit: 5000,
      }),
  },
  { name: 'get task', run: (i) => call('GET', `/tasks/${taskIds[i % taskIds.length]}`) },
  {
    name: 'update task (PUT)',
    run: async (i) => {
      const task = (await call('GET', `/tasks/${taskIds[i % taskIds.length]}`)) as Record<string, unknown>;
      const started = performance.now();
      await call('PUT', `/tasks/${task.Gsid}`, {
        Name: task.Name,
        CTAId: task.CTAId,
        OwnerId: task.OwnerId,
        Status: 'In Progress',
        Priority: task.Priority,
        DueDate: task.DueDate,
        Description: task.Description,
      });
      return performance.now() - started;
    },
  },
];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const rows: string[][] = [];
for (const c of cases) {
  for (let i = 0; i < 10; i++) await c.run(i); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const timed = await c.run(i);
    times.push(typeof timed === 'number' ? timed : performance.now() - t);
  }
  times.sort((a, b) => a - b);
  rows.push([c.name, pct(times, 50).toFixed(2), pct(times, 95).toFixed(2)]);
}

console.log(`\nSandbox benchmark: ${TASKS.toLocaleString('en-US')} tasks, ${RUNS} runs per call, HTTP on loopback\n`);
console.log(`seeding (create schema + ${TASKS.toLocaleString('en-US')} tasks, file DB, WAL): ${(seedMs / 1000).toFixed(2)} s\n`);
const width = Math.max(...rows.map((r) => r[0]!.length));
console.log(`${'call'.padEnd(width)}  ${'p50 ms'.padStart(8)}  ${'p95 ms'.padStart(8)}`);
for (const [name, p50, p95] of rows) console.log(`${name!.padEnd(width)}  ${p50!.padStart(8)}  ${p95!.padStart(8)}`);
await sandbox.close();
rmSync(dir, { recursive: true, force: true });
