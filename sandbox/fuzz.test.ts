import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TASK_FIELD_NAMES } from '../src/lib/search/fields.ts';
import { SEARCH_OPERATORS } from '../src/lib/search/operators.ts';
import { startTestApi, type TestApi } from './test-helpers.ts';

/** A small seeded PRNG so a failing case can be replayed. */
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

// Every field and operator, then some that are not.
const FIELDS = [...TASK_FIELD_NAMES, 'Nope', '', 'name'];
const OPS = [...SEARCH_OPERATORS, 'BETWEEN', 'eq', '', 'LIKE'];

let api: TestApi;
let ctaId: string;
let ownerId: string;
let taskIds: string[];

beforeAll(async () => {
  api = await startTestApi({ tasks: 150 });
  const db = api.sandbox.store.db;
  ctaId = (db.prepare('SELECT id FROM ctas LIMIT 1').get() as { id: string }).id;
  ownerId = (db.prepare('SELECT id FROM users LIMIT 1').get() as { id: string }).id;
  taskIds = (db.prepare('SELECT gsid FROM tasks LIMIT 20').all() as { gsid: string }[]).map((r) => r.gsid);
});
afterAll(() => api.close());

describe('fuzz: random and mutated bodies never cause a 5xx or a half-applied write', () => {
  it('survives 1,200 requests over all operations', async () => {
    const rand = prng(20261127);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const scalar = (): unknown =>
      pick([
        () => '',
        () => ' ',
        () => 'x'.repeat(Math.floor(rand() * 300)),
        () => pick(['Completed', 'Not Started', 'High', '2026-02-30', '2026-06-15', '2028-02-29', '2026-06-15T10:00:00Z']),
        () => pick([ctaId, ownerId, ...taskIds]),
        () => Math.floor(rand() * 1e6) - 5e5,
        () => rand(),
        () => pick([true, false, null]),
        () => "'; DROP TABLE tasks; --",
        () => '<script>alert(1)</script>',
        () => '\u0000\uFFFF😀',
        () => [],
        () => ({}),
        () => [pick(['a', 1, null])],
      ])();
    const taskInput = (): unknown => {
      const base: Record<string, unknown> = {
        Name: 'Fuzz',
        CTAId: ctaId,
        OwnerId: ownerId,
        Status: 'In Progress',
        Priority: 'Low',
        DueDate: '2026-07-01',
        Description: 'd',
      };
      const n = Math.floor(rand() * 4);
      for (let i = 0; i < n; i++) {
        const key = pick([...Object.keys(base), 'PlaybookId', 'Order', 'Extra', '__proto__', 'constructor']);
        if (rand() < 0.3) delete base[key];
        else base[key] = scalar();
      }
      return rand() < 0.1 ? scalar() : base;
    };
    const condition = (): unknown => {
      if (rand() < 0.1) return scalar();
      const c: Record<string, unknown> = {
        name: pick(FIELDS),
        operator: pick(OPS),
        value: rand() < 0.5 ? [scalar(), scalar()].slice(0, 1 + Math.floor(rand() * 2)) : scalar(),
      };
      if (rand() < 0.3) c.alias = pick(['A', 'B', 'AND', '1', 'zz', '']);
      if (rand() < 0.1) delete c.operator;
      return c;
    };
    const searchBody = (): unknown => {
      const body: Record<string, unknown> = {};
      if (rand() < 0.5) body.select = rand() < 0.8 ? [pick(FIELDS), pick(FIELDS)] : scalar();
      if (rand() < 0.8) {
        const conditions = Array.from({ length: Math.floor(rand() * 4) }, condition);
        body.where = {
          conditions,
          ...(rand() < 0.5
            ? { expression: pick(['A AND B', 'A OR (B AND C)', '(A', 'A B', 'A AND', 'OR', ')(', 'a and b', 'A AND Z', '']) }
            : {}),
        };
      }
      if (rand() < 0.4) body.limit = pick([0, 1, 50, 5000, 5001, -1, 1.5, '10', null]);
      if (rand() < 0.3) body.offset = pick([0, 10, -5, 1e9, 'x']);
      if (rand() < 0.3)
        body.orderBy = pick([{ DueDate: 'asc' }, { Priority: 'DESC' }, { Nope: 'asc' }, { Name: 'sideways' }, ['Name'], 'Name']);
      return rand() < 0.05 ? scalar() : body;
    };
    const mutateText = (text: string): string => {
      const i = Math.floor(rand() * (text.length + 1));
      return pick([
        () => text.slice(0, i),
        () => text.slice(0, i) + pick(['{', '}', '"', ',', '\\', '\u0000', 'null']) + text.slice(i),
        () => text.slice(0, i) + text.slice(i + 1),
      ])();
    };

    const checksum = () => JSON.stringify(api.sandbox.store.db.prepare('SELECT * FROM tasks ORDER BY gsid').all());
    const statuses = new Map<number, number>();
    for (let i = 0; i < 1200; i++) {
      const op = pick(['create', 'update', 'search', 'get', 'playbook', 'playbooks'] as const);
      let method = 'GET';
      let path = '/v1/playbooks';
      let body: unknown;
      if (op === 'create') [method, path, body] = ['POST', '/v1/tasks', taskInput()];
      if (op === 'update')
        [method, path, body] = ['PUT', `/v1/tasks/${encodeURIComponent(String(rand() < 0.9 ? pick(taskIds) : scalar()))}`, taskInput()];
      if (op === 'search') [method, path, body] = ['POST', '/v1/tasks/search', searchBody()];
      if (op === 'get') path = `/v1/tasks/${encodeURIComponent(String(rand() < 0.7 ? pick(taskIds) : scalar()))}`;
      if (op === 'playbook') path = `/v1/playbooks/${encodeURIComponent(String(scalar()))}`;
      let text = body === undefined ? undefined : (JSON.stringify(body) ?? 'undefined');
      if (text !== undefined && rand() < 0.2) text = mutateText(text);
      const isWrite = method !== 'GET' && op !== 'search';
      const before = isWrite ? checksum() : '';
      const res = await fetch(`${api.sandbox.origin}${path}`, {
        method,
        headers: { accessKey: api.sandbox.accessKey, 'Content-Type': 'application/json' },
        body: text,
      });
      const reply = (await res.json()) as { result: boolean; errorCode: string | null; errorDesc: string | null };
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      expect(res.status, `${method} ${path} ${text?.slice(0, 300)} -> ${reply.errorDesc}`).toBeLessThan(500);
      expect(reply.result).toBe(res.status === 200);
      if (res.status !== 200) {
        expect(reply.errorCode).toBeTruthy();
        expect(reply.errorDesc).toBeTruthy();
        if (isWrite) expect(checksum(), `rejected ${method} ${path} changed the database`).toBe(before);
      }
    }
    // The fuzz must reach both sides: accepted and rejected requests of several kinds.
    expect(statuses.get(200) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(400) ?? 0).toBeGreaterThan(100);
    expect(statuses.get(404) ?? 0).toBeGreaterThan(10);
  });
});
