/**
 * The differential test: 500 random search bodies (seeded; fields, operators and values drawn
 * from the data; AND/OR expressions; select, orderBy, limit and offset; one in five invalid in
 * some way) sent to the local API server directly and to the team server answering from its
 * mirror of it. Every answer must be the same: status, errorCode, errorDesc and every row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../sandbox/index.ts';
import { TASK_FIELDS, type FieldDef } from '../../search-engine/fields.ts';
import { SOURCE_HEADER } from '../../src/lib/live-events.ts';
import { createTeamServer, type TeamServer } from '../team-server.ts';
import { FakeClock } from '../test-support/fake-clock.ts';

type Task = Record<string, string | number>;

/**
 * Operators to try on each kind of field: mostly ones the API takes, a few it refuses (the
 * answer must then be the same refusal). Written here rather than imported, so the generator does
 * not move with the rules it tests.
 */
const TEXT = ['EQ', 'NE', 'CONTAINS', 'STARTS_WITH', 'IN', 'NOT_IN', 'IS_NULL', 'IS_NOT_NULL', 'LT'];
const ORDERED = ['EQ', 'NE', 'LT', 'LTE', 'GT', 'GTE', 'BTW', 'IN', 'NOT_IN', 'IS_NULL', 'IS_NOT_NULL', 'CONTAINS'];
const OPERATORS_TO_TRY: Record<string, string[]> = {
  id: TEXT,
  text: TEXT,
  picklist: TEXT,
  status: ['EQ', 'NE', 'IN', 'NOT_IN', 'CONTAINS'],
  date: ORDERED,
  datetime: ORDERED,
  number: ORDERED,
};

function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let sandbox: Sandbox;
let team: TeamServer;
let teamUrl: string;
let tasks: Task[];

beforeAll(async () => {
  sandbox = await startSandbox({ tasks: 400, seed: 11, today: '2026-06-15' });
  team = await createTeamServer({
    backend: { target: sandbox.url, accessKey: sandbox.accessKey },
    logger: false,
    budget: { perMinute: 100_000, perDay: 1_000_000, maxWaitMs: 5_000 },
    clock: new FakeClock(),
    mirror: { dbPath: ':memory:', pageSize: 150 },
  });
  teamUrl = await team.app.listen({ port: 0, host: '127.0.0.1' });
  await team.live.sync!.syncNow();
  tasks = sandbox.store.searchTasks({ limit: 5000 }).records as Task[];
});

afterAll(async () => {
  await team.app.close();
  await sandbox.close();
});

/** A random search body; `invalid` bends one part of it so the API must refuse it. */
function generator(seed: number) {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const chance = (p: number) => rnd() < p;

  const valueOf = (f: FieldDef): string | number => {
    for (let i = 0; i < 10; i++) {
      const v = pick(tasks)[f.name];
      if (v !== undefined) return v;
    }
    return f.type === 'number' ? 3 : 'zzz';
  };
  const variant = (f: FieldDef, v: string | number): string | number => {
    if (typeof v !== 'string') return chance(0.3) ? v + pick([-1, 1]) : v;
    if (f.type === 'datetime' && chance(0.4)) return v.slice(0, 10);
    if (f.type === 'datetime' && chance(0.2)) return v.replace('Z', '+00:00');
    if ((f.type === 'text' || f.type === 'picklist') && chance(0.3)) return chance(0.5) ? v.toUpperCase() : v.toLowerCase();
    return v;
  };
  const condition = (alias: string) => {
    const f = pick(TASK_FIELDS);
    const op = pick(OPERATORS_TO_TRY[f.type] ?? TEXT);
    let value: unknown[];
    if (op === 'IS_NULL' || op === 'IS_NOT_NULL') value = [];
    else if (op === 'IN' || op === 'NOT_IN') value = Array.from({ length: 1 + Math.floor(rnd() * 4) }, () => variant(f, valueOf(f)));
    else if (op === 'BTW') value = [valueOf(f), valueOf(f)].sort((a, b) => String(a).localeCompare(String(b)));
    else if (op === 'CONTAINS' || op === 'STARTS_WITH') {
      const text = String(valueOf(f));
      const start = op === 'STARTS_WITH' ? 0 : Math.floor(rnd() * text.length);
      value = [variant(f, text.slice(start, start + 1 + Math.floor(rnd() * 6)))];
    } else value = [variant(f, valueOf(f))];
    return { name: f.name, alias, operator: op, value };
  };
  const expression = (aliases: string[]): string => {
    if (aliases.length === 1) return aliases[0]!;
    const cut = 1 + Math.floor(rnd() * (aliases.length - 1));
    const side = (xs: string[]) => (xs.length > 1 ? `(${expression(xs)})` : xs[0]!);
    return `${side(aliases.slice(0, cut))} ${pick(['AND', 'OR'])} ${side(aliases.slice(cut))}`;
  };

  const valid = (): Record<string, unknown> => {
    const body: Record<string, unknown> = {};
    const n = Math.floor(rnd() * 5);
    if (n > 0) {
      const aliases = 'ABCD'.slice(0, n).split('');
      body.where = { conditions: aliases.map(condition), ...(chance(0.6) ? { expression: expression(aliases) } : {}) };
    }
    if (chance(0.6)) body.select = Array.from({ length: 1 + Math.floor(rnd() * 5) }, () => pick(TASK_FIELDS).name);
    if (chance(0.6))
      body.orderBy = Object.fromEntries(
        Array.from({ length: 1 + Math.floor(rnd() * 2) }, () => [pick(TASK_FIELDS).name, pick(['asc', 'desc', 'ASC'])]),
      );
    if (chance(0.8)) body.limit = pick([0, 1, 5, 20, 50, 100, 5000]);
    if (chance(0.5)) body.offset = pick([0, 1, 10, 45, 399, 1000]);
    return body;
  };

  const invalid = (): unknown => {
    const body = valid();
    const conditions = () => ((body.where ??= { conditions: [condition('A')] }) as { conditions: unknown[] }).conditions;
    switch (Math.floor(rnd() * 14)) {
      case 0:
        return { ...body, select: ['Name', 'Nope'] };
      case 1:
        return { ...body, select: 'Name' };
      case 2:
        conditions().push({ name: 'NoSuchField', alias: 'Z', operator: 'EQ', value: ['x'] });
        return body;
      case 3:
        conditions().push({ name: 'DueDate', alias: 'Z', operator: 'CONTAINS', value: ['2026'] });
        return body;
      case 4:
        conditions().push({ name: 'DueDate', alias: 'Z', operator: 'EQ', value: ['2026-02-30'] });
        return body;
      case 5:
        conditions().push({ name: 'Status', alias: 'Z', operator: 'BETWEEN', value: ['a', 'b'] });
        return body;
      case 6:
        return { ...body, where: { conditions: [condition('A')], expression: 'A AND B' } };
      case 7:
        return { ...body, where: { conditions: [condition('A'), condition('B')], expression: 'A AND (B' } };
      case 8:
        return { ...body, limit: pick([5001, -1, 2.5, '10']) };
      case 9:
        return { ...body, offset: pick([-3, 'x']) };
      case 10:
        return { ...body, orderBy: pick([{ DueDate: 'up' }, { Nope: 'asc' }, ['DueDate']]) };
      case 11:
        conditions().push({ name: 'Order', alias: 'Z', operator: 'IN', value: 'not a list' });
        return body;
      case 12:
        return pick([[body], 'search', 42, null]);
      default:
        return { ...body, where: pick([[], 'x', { conditions: 'x' }, { conditions: [5] }]) };
    }
  };

  return () => (chance(0.2) ? { body: invalid(), valid: false } : { body: valid(), valid: true });
}

async function send(base: string, text: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/v1/tasks/search`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: text,
  });
  const { requestId: _id, ...rest } = (await res.json()) as Record<string, unknown>;
  return { status: res.status, source: res.headers.get(SOURCE_HEADER), body: rest };
}

describe('the mirror answers searches as the local API server does', () => {
  it('500 random searches: same status, errorCode, errorDesc and rows', async () => {
    const next = generator(20261202);
    const outcomes = { ok: 0, refused: 0, rows: 0, codes: new Set<string>() };
    for (let i = 0; i < 500; i++) {
      const { body } = next();
      const text = i % 97 === 5 ? '{"where": {' : JSON.stringify(body);
      const fromSandbox = await send(sandbox.origin, text, { accessKey: sandbox.accessKey });
      const fromMirror = await send(teamUrl, text);
      expect(fromMirror.source, text).toBe('mirror');
      expect({ status: fromMirror.status, ...fromMirror.body }, `search #${i}: ${text}`).toEqual({
        status: fromSandbox.status,
        ...fromSandbox.body,
      });
      if (fromSandbox.status === 200) {
        outcomes.ok++;
        outcomes.rows += (fromSandbox.body.data as { records: unknown[] }).records.length;
      } else {
        outcomes.refused++;
        outcomes.codes.add(String(fromSandbox.body.errorCode));
      }
    }
    // The generator exercises both sides: many answers with rows, and refusals of every kind.
    expect(outcomes.ok).toBeGreaterThan(250);
    expect(outcomes.refused).toBeGreaterThan(60);
    expect(outcomes.rows).toBeGreaterThan(5000);
    expect([...outcomes.codes].sort()).toEqual(['COCKPIT_5100', 'COCKPIT_5101', 'COCKPIT_5102', 'COCKPIT_5103', 'GS_APIG_1400']);
  });
});
