import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSpec } from './spec.ts';
import { createTeamServer } from '../server/team-server.ts';
import { FakeClock } from '../server/test-support/fake-clock.ts';
import { startTestApi, type Reply, type Task, type TestApi } from './test-helpers.ts';

const validators = compileSpec();
let api: TestApi;
let ctaId: string;
let companyName: string;
let ownerId: string;
let ownerName: string;
let playbookId: string;

/** Asserts the reply is a success envelope whose body matches the operation's 200 schema. */
function expectContract(reply: { status: number; body: unknown }, operationId: string) {
  expect(reply.status).toBe(200);
  const validate = validators.responses[operationId]!;
  const valid = validate(reply.body);
  expect(validate.errors ?? [], `${operationId} response breaks the spec`).toEqual([]);
  expect(valid).toBe(true);
  const body = reply.body as Record<string, unknown>;
  expect(body.result).toBe(true);
  expect(body.errorCode).toBeNull();
  expect(typeof body.requestId).toBe('string');
}

function tableChecksum(): string {
  const rows = api.sandbox.store.db.prepare('SELECT * FROM tasks ORDER BY gsid').all();
  return JSON.stringify(rows);
}

beforeAll(async () => {
  api = await startTestApi();
  const db = api.sandbox.store.db;
  const cta = db.prepare('SELECT ctas.id, companies.name FROM ctas JOIN companies ON companies.id = ctas.company_id LIMIT 1').get() as {
    id: string;
    name: string;
  };
  ctaId = cta.id;
  companyName = cta.name;
  const user = db.prepare('SELECT id, name FROM users LIMIT 1').get() as { id: string; name: string };
  ownerId = user.id;
  ownerName = user.name;
  playbookId = (db.prepare('SELECT id FROM playbooks WHERE is_active = 1 LIMIT 1').get() as { id: string }).id;
});
afterAll(() => api.close());

describe('contract: every operation answers as the spec says', () => {
  it('createTask sets server fields, defaults and extension fields', async () => {
    const reply = await api.call<Task>('POST', '/v1/tasks', {
      Name: 'Kickoff call',
      CTAId: ctaId,
      OwnerId: ownerId,
      Priority: 'High',
      DueDate: '2026-07-01',
      Description: 'Agenda: goals, timeline',
      PlaybookId: playbookId,
      Order: 3,
    });
    expectContract(reply, 'createTask');
    const task = reply.body.data;
    expect(task.Gsid).toMatch(/^1T[0-9A-Z]{34}$/);
    expect(task.Status).toBe('Not Started');
    expect(task.CompanyName).toBe(companyName);
    expect(task.CompanyId).toBeTruthy();
    expect(task.OwnerName).toBe(ownerName);
    expect(task.PlaybookId).toBe(playbookId);
    expect(task.Order).toBe(3);
    expect(task.CreatedDate).toBe(task.ModifiedDate);
    expect(task.CompletedDate).toBeUndefined();
  });

  it('getTask returns what was created', async () => {
    const created = await api.call<Task>('POST', '/v1/tasks', { Name: 'Get me', CTAId: ctaId });
    const reply = await api.call<Task>('GET', `/v1/tasks/${created.body.data.Gsid}`);
    expectContract(reply, 'getTask');
    expect(reply.body.data).toEqual(created.body.data);
  });

  it('updateTask replaces input fields, clears omitted ones and manages CompletedDate', async () => {
    const created = await api.call<Task>('POST', '/v1/tasks', {
      Name: 'Renewal quote',
      CTAId: ctaId,
      OwnerId: ownerId,
      Description: 'Send the quote',
      Priority: 'Low',
      DueDate: '2026-08-01',
      PlaybookId: playbookId,
      Order: 2,
    });
    const before = created.body.data;
    const done = await api.call<Task>('PUT', `/v1/tasks/${before.Gsid}`, {
      Name: 'Renewal quote sent',
      CTAId: ctaId,
      Status: 'Completed',
      DueDate: '2026-08-02',
    });
    expectContract(done, 'updateTask');
    const after = done.body.data;
    expect(after.Name).toBe('Renewal quote sent');
    expect(after.Description).toBeUndefined();
    expect(after.OwnerId).toBeUndefined();
    expect(after.Priority).toBeUndefined();
    expect(after.CompletedDate).toBe(new Date().toISOString().slice(0, 10));
    expect(after.Gsid).toBe(before.Gsid);
    expect(after.CreatedDate).toBe(before.CreatedDate);
    expect(after.PlaybookId).toBe(playbookId);
    expect(after.Order).toBe(2);
    expect(String(after.ModifiedDate) > String(before.ModifiedDate)).toBe(true);

    const reopened = await api.call<Task>('PUT', `/v1/tasks/${before.Gsid}`, {
      Name: 'Renewal quote sent',
      CTAId: ctaId,
      Status: 'In Progress',
    });
    expect(reopened.body.data.CompletedDate).toBeUndefined();
    expect(String(reopened.body.data.ModifiedDate) > String(after.ModifiedDate)).toBe(true);
  });

  it('PUT ignores attempts to change PlaybookId and Order', async () => {
    const created = await api.call<Task>('POST', '/v1/tasks', { Name: 'x', CTAId: ctaId, PlaybookId: playbookId, Order: 1 });
    const updated = await api.call<Task>('PUT', `/v1/tasks/${created.body.data.Gsid}`, {
      Name: 'x',
      CTAId: ctaId,
      PlaybookId: 'other',
      Order: 99,
      Gsid: 'forged',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data.PlaybookId).toBe(playbookId);
    expect(updated.body.data.Order).toBe(1);
    expect(updated.body.data.Gsid).toBe(created.body.data.Gsid);
  });

  it('searchTasks returns records and totalCount', async () => {
    const reply = await api.call<{ records: Task[]; totalCount: number }>('POST', '/v1/tasks/search', {
      where: { conditions: [{ name: 'Status', operator: 'EQ', value: ['Completed'] }] },
      limit: 10,
    });
    expectContract(reply, 'searchTasks');
    expect(reply.body.data.records.length).toBeLessThanOrEqual(10);
    expect(reply.body.data.records.every((t) => t.Status === 'Completed')).toBe(true);
    expect(reply.body.data.totalCount).toBeGreaterThan(reply.body.data.records.length);
  });

  it('listPlaybooks and getPlaybook return templates sorted by order', async () => {
    const list = await api.call<{ Gsid: string; TaskTemplates: { order: number }[] }[]>('GET', '/v1/playbooks');
    expectContract(list, 'listPlaybooks');
    expect(list.body.data).toHaveLength(12);
    for (const pb of list.body.data) {
      const orders = pb.TaskTemplates.map((t) => t.order);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
    const one = await api.call('GET', `/v1/playbooks/${list.body.data[0]!.Gsid}`);
    expectContract(one, 'getPlaybook');
    expect(one.body.data).toEqual(list.body.data[0]);
  });

  it('stores some templates out of order and with gaps, as admins leave them', () => {
    const rows = api.sandbox.store.db.prepare('SELECT playbook_id, ord FROM task_templates ORDER BY playbook_id, storage_pos').all() as {
      playbook_id: string;
      ord: number;
    }[];
    const byPlaybook = new Map<string, number[]>();
    for (const r of rows) byPlaybook.set(r.playbook_id, [...(byPlaybook.get(r.playbook_id) ?? []), r.ord]);
    const stored = [...byPlaybook.values()];
    expect(stored.some((ords) => ords.some((o, i) => i > 0 && o < ords[i - 1]!))).toBe(true);
    expect(stored.some((ords) => [...ords].sort((a, b) => a - b).some((o, i, s) => i > 0 && o - s[i - 1]! > 1))).toBe(true);
  });
});

describe('authentication', () => {
  it.each([
    ['missing', {} as Record<string, string>],
    ['wrong', { accessKey: 'nope' }],
    ['empty', { accessKey: '' }],
  ])('%s key is a 401 with the Gainsight envelope', async (_label, headers) => {
    const res = await fetch(`${api.sandbox.url}/playbooks`, { headers });
    expect(res.status).toBe(401);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ result: false, errorCode: 'GS_APIG_2401', errorDesc: 'Unauthorized' });
    expect(typeof body.requestId).toBe('string');
  });

  it.each(['accessKey', 'Accesskey', 'ACCESSKEY'])('accepts header name %s', async (name) => {
    const res = await fetch(`${api.sandbox.url}/playbooks`, { headers: { [name]: api.sandbox.accessKey } });
    expect(res.status).toBe(200);
  });

  it('checks the key before anything else, even on unknown routes and the control route', async () => {
    expect((await fetch(`${api.sandbox.origin}/nothing`)).status).toBe(401);
    expect((await fetch(`${api.sandbox.origin}/__sandbox/faults`)).status).toBe(401);
  });
});

describe('errors', () => {
  it('unknown route is 404 GS_APIG_1000', async () => {
    for (const path of ['/v1/nothing', '/v2/tasks', '/', '/v1/tasks/a/b']) {
      const reply = await api.call('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body.errorCode).toBe('GS_APIG_1000');
      expect(reply.body.result).toBe(false);
    }
  });

  it('unknown task and playbook ids are 404s that name the id', async () => {
    const task = await api.call('GET', '/v1/tasks/1TNOPE');
    expect(task.status).toBe(404);
    expect(task.body.errorDesc).toContain('1TNOPE');
    const put = await api.call('PUT', '/v1/tasks/1TNOPE', { Name: 'x', CTAId: ctaId });
    expect(put.status).toBe(404);
    const pb = await api.call('GET', '/v1/playbooks/1PNOPE');
    expect(pb.status).toBe(404);
    expect(pb.body.errorDesc).toContain('1PNOPE');
  });

  it('a wrong method is a 405 with Allow', async () => {
    const reply = await api.call('DELETE', '/v1/tasks/abc');
    expect(reply.status).toBe(405);
    expect(reply.headers.get('allow')).toBe('GET, PUT');
    expect((await api.call('GET', '/v1/tasks/search')).status).toBe(405);
  });

  it('malformed JSON, an empty body and a non-JSON content type are 400/415', async () => {
    const bad = await api.raw('POST', '/v1/tasks', '{"Name": ');
    expect(bad.status).toBe(400);
    expect(bad.body.errorDesc).toMatch(/Malformed JSON/);
    expect((await api.raw('POST', '/v1/tasks', '')).status).toBe(400);
    const type = await api.raw('POST', '/v1/tasks', 'Name=x', { 'Content-Type': 'text/plain' });
    expect(type.status).toBe(415);
  });

  it('a body over 1 MiB is a 413', async () => {
    const huge = JSON.stringify({ Name: 'x', CTAId: ctaId, Description: 'a'.repeat(1024 * 1024) });
    const reply = await api.raw('POST', '/v1/tasks', huge);
    expect(reply.status).toBe(413);
    expect(reply.body.errorCode).toBe('GS_APIG_1413');
  });

  it('lists every field error at once and changes nothing', async () => {
    const before = tableChecksum();
    const reply = await api.call('POST', '/v1/tasks', { Name: 5, DueDate: '2026-02-30', Status: 'Done' });
    expect(reply.status).toBe(400);
    expect(reply.body.errorDesc).toContain('Name: must be string');
    expect(reply.body.errorDesc).toContain('CTAId: is required');
    expect(reply.body.errorDesc).toContain('DueDate: must be a valid calendar date');
    expect(reply.body.errorDesc).toContain('Status: must be one of');
    expect(tableChecksum()).toBe(before);
  });

  it.each([
    [{ Name: '   ', CTAId: 'x' }, 'Name: must not be blank'],
    [{ Name: 'a', CTAId: 'x', DueDate: '2026-02-30' }, 'DueDate: must be a valid calendar date'],
    [{ Name: 'a', CTAId: 'x', DueDate: '2025-02-29' }, 'DueDate: must be a valid calendar date'],
    [{ Name: 'a', CTAId: '1CNOPE' }, 'CTAId: no CTA with id "1CNOPE"'],
  ])('rejects %j with a specific message', async (body, message) => {
    const before = tableChecksum();
    const reply = await api.call('POST', '/v1/tasks', body);
    expect(reply.status).toBe(400);
    expect(reply.body.errorDesc).toContain(message);
    expect(tableChecksum()).toBe(before);
  });

  it('an unknown owner is a 400 on create and update, and the update changes nothing', async () => {
    const created = await api.call<Task>('POST', '/v1/tasks', { Name: 'Keep me', CTAId: ctaId });
    const before = tableChecksum();
    const create = await api.call('POST', '/v1/tasks', { Name: 'a', CTAId: ctaId, OwnerId: '1UNOPE' });
    expect(create.status).toBe(400);
    expect(create.body.errorDesc).toContain('OwnerId: no user with id "1UNOPE"');
    const update = await api.call('PUT', `/v1/tasks/${created.body.data.Gsid}`, { Name: 'Changed', CTAId: ctaId, OwnerId: '1UNOPE' });
    expect(update.status).toBe(400);
    expect(tableChecksum()).toBe(before);
  });

  it('accepts a leap day', async () => {
    const reply = await api.call<Task>('POST', '/v1/tasks', { Name: 'Leap', CTAId: ctaId, DueDate: '2028-02-29' });
    expect(reply.status).toBe(200);
    expect(reply.body.data.DueDate).toBe('2028-02-29');
  });

  it('rejects __proto__ keys', async () => {
    const reply = await api.raw('POST', '/v1/tasks', `{"Name":"a","CTAId":"${ctaId}","__proto__":{"admin":true}}`);
    expect(reply.status).toBe(400);
    expect(reply.body.errorDesc).toContain('__proto__');
    const nested = await api.raw('POST', '/v1/tasks/search', '{"where":{"conditions":[{"__proto__":{}}]}}');
    expect(nested.status).toBe(400);
  });

  it('text is stored and returned as given, HTML and SQL included', async () => {
    const name = `<b>urgent</b> '); DROP TABLE tasks; -- "quoted" Ünïcødé`;
    const reply = await api.call<Task>('POST', '/v1/tasks', { Name: name, CTAId: ctaId });
    expect(reply.status).toBe(200);
    const back = await api.call<Task>('GET', `/v1/tasks/${encodeURIComponent(String(reply.body.data.Gsid))}`);
    expect(back.body.data.Name).toBe(name);
  });

  it('ids with odd characters are decoded, and malformed encoding is a 400', async () => {
    expect((await api.call('GET', `/v1/tasks/${encodeURIComponent("x' OR '1'='1")}`)).status).toBe(404);
    expect((await api.call('GET', '/v1/tasks/%E0%A4%A')).status).toBe(400);
  });
});

/**
 * The search tests run twice: against the local API server, and against the team server's
 * mirror of it (server/mirror/), which must answer every search the same way.
 */
const SEARCH_TARGETS = ['the local API server', 'the team server mirror'] as const;

describe.each(SEARCH_TARGETS)('search, answered by %s', (target) => {
  let mirror: { url: string; close: () => Promise<unknown> } | null = null;
  beforeAll(async () => {
    if (target !== 'the team server mirror') return;
    const team = await createTeamServer({
      backend: { target: api.sandbox.url, accessKey: api.sandbox.accessKey },
      logger: false,
      budget: { perMinute: 100_000, perDay: 1_000_000, maxWaitMs: 5_000 },
      clock: new FakeClock(),
      mirror: { dbPath: ':memory:' },
    });
    const url = await team.app.listen({ port: 0, host: '127.0.0.1' });
    await team.live.sync!.syncNow();
    mirror = { url, close: () => team.app.close() };
  });
  afterAll(() => mirror?.close());

  const search = async (body: unknown): Promise<Reply<{ records: Task[]; totalCount: number }>> => {
    if (!mirror) return api.call<{ records: Task[]; totalCount: number }>('POST', '/v1/tasks/search', body);
    const res = await fetch(`${mirror.url}/v1/tasks/search`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.headers.get('x-cockpit-source')).toBe('mirror');
    return { status: res.status, headers: res.headers, body: (await res.json()) as Reply<{ records: Task[]; totalCount: number }>['body'] };
  };

  it('select returns exactly the selected fields', async () => {
    const reply = await search({ select: ['Gsid', 'Name', 'Status'], limit: 20 });
    expect(reply.status).toBe(200);
    for (const r of reply.body.data.records) {
      expect(Object.keys(r).sort()).toEqual(['Gsid', 'Name', 'Status']);
    }
  });

  it('an unknown field in select or a condition is a 400 COCKPIT_5101', async () => {
    const sel = await search({ select: ['Gsid', 'Nope'] });
    expect(sel.status).toBe(400);
    expect(sel.body.errorCode).toBe('COCKPIT_5101');
    expect(sel.body.errorDesc).toContain('Nope');
    const cond = await search({ where: { conditions: [{ name: 'name; DROP TABLE tasks', operator: 'EQ', value: ['x'] }] } });
    expect(cond.status).toBe(400);
    expect(cond.body.errorCode).toBe('COCKPIT_5101');
  });

  it('applies AND before OR and honours parentheses', async () => {
    const conditions = [
      { name: 'Status', alias: 'A', operator: 'EQ', value: ['Completed'] },
      { name: 'Priority', alias: 'B', operator: 'EQ', value: ['High'] },
      { name: 'Status', alias: 'C', operator: 'EQ', value: ['Skipped'] },
    ];
    const all = (await search({ limit: 5000 })).body.data.records;
    const count = (pred: (t: Task) => boolean) => all.filter(pred).length;
    const a = (t: Task) => t.Status === 'Completed';
    const b = (t: Task) => t.Priority === 'High';
    const c = (t: Task) => t.Status === 'Skipped';
    const flat = await search({ where: { conditions, expression: 'A OR B and C' }, limit: 0 });
    expect(flat.body.data.totalCount).toBe(count((t) => a(t) || (b(t) && c(t))));
    const grouped = await search({ where: { conditions, expression: '(A or B) AND C' }, limit: 0 });
    expect(grouped.body.data.totalCount).toBe(count((t) => (a(t) || b(t)) && c(t)));
    const noExpr = await search({ where: { conditions: conditions.slice(0, 2) }, limit: 0 });
    expect(noExpr.body.data.totalCount).toBe(count((t) => a(t) && b(t)));
  });

  it('a bad expression or unknown alias is a 400 that says where', async () => {
    const conditions = [{ name: 'Status', operator: 'EQ', value: ['Completed'] }];
    const bad = await search({ where: { conditions, expression: 'A AND (' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errorDesc).toMatch(/column|position/i);
    const unknown = await search({ where: { conditions, expression: 'A OR Q' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errorDesc).toContain('Q');
  });

  it('takes a bare scalar value as a one-element array', async () => {
    const scalar = await search({ where: { conditions: [{ name: 'Status', operator: 'EQ', value: 'Skipped' }] }, limit: 0 });
    const array = await search({ where: { conditions: [{ name: 'Status', operator: 'EQ', value: ['Skipped'] }] }, limit: 0 });
    expect(scalar.status).toBe(200);
    expect(scalar.body.data.totalCount).toBe(array.body.data.totalCount);
  });

  it('limit defaults to 100 and is at most 5000; offset must be >= 0', async () => {
    expect((await search({})).body.data.records).toHaveLength(100);
    expect((await search({ limit: 5001 })).status).toBe(400);
    expect((await search({ offset: -1 })).status).toBe(400);
  });

  it('pages through 10 pages with no row repeated or missed', async () => {
    const total = (await search({ limit: 0 })).body.data.totalCount;
    const size = Math.ceil(total / 10);
    const seen: string[] = [];
    for (let page = 0; page < 10; page++) {
      const reply = await search({ select: ['Gsid'], limit: size, offset: page * size });
      expect(reply.body.data.totalCount).toBe(total);
      seen.push(...reply.body.data.records.map((r) => String(r.Gsid)));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('pages in orderBy order with ties broken by Gsid', async () => {
    const order = { orderBy: { Priority: 'asc', DueDate: 'desc' } };
    const full = (await search({ ...order, select: ['Gsid'], limit: 5000 })).body.data.records.map((r) => r.Gsid);
    const paged: unknown[] = [];
    for (let offset = 0; offset < full.length; offset += 37) {
      paged.push(...(await search({ ...order, select: ['Gsid'], limit: 37, offset })).body.data.records.map((r) => r.Gsid));
    }
    expect(paged).toEqual(full);
    const rows = (await search({ orderBy: { DueDate: 'asc' }, select: ['DueDate'], limit: 5000 })).body.data.records;
    const dates = rows.map((r) => r.DueDate).filter((d) => d !== undefined);
    expect(dates).toEqual([...dates].sort());
    // tasks with no due date come last
    expect(rows.slice(dates.length).every((r) => r.DueDate === undefined)).toBe(true);
  });

  it('SQL-looking values are harmless', async () => {
    const reply = await search({
      where: { conditions: [{ name: 'Name', operator: 'CONTAINS', value: ["'; DROP TABLE tasks; --"] }] },
    });
    expect(reply.status).toBe(200);
    expect(reply.body.data.totalCount).toBe(0);
    expect((await search({ limit: 0 })).body.data.totalCount).toBeGreaterThan(0);
  });
});

describe('faults', () => {
  it('a rule fails the next matching calls, then lets them through', async () => {
    const set = await api.call('PUT', '/__sandbox/faults', { rules: [{ method: 'GET', path: '/playbooks', status: 503, times: 2 }] });
    expect(set.status).toBe(200);
    expect((await api.call('GET', '/v1/playbooks')).status).toBe(503);
    expect((await api.call('GET', '/v1/tasks/1TNOPE')).status).toBe(404); // another path is untouched
    expect((await api.call('GET', '/v1/playbooks')).status).toBe(503);
    expect((await api.call('GET', '/v1/playbooks')).status).toBe(200);
  });

  it('a "before" fault changes nothing; an "after" fault applies the write and loses the reply', async () => {
    const before = tableChecksum();
    await api.call('PUT', '/__sandbox/faults', { rules: [{ method: 'POST', path: '/tasks', status: 500, times: 1 }] });
    expect((await api.call('POST', '/v1/tasks', { Name: 'Lost', CTAId: ctaId })).status).toBe(500);
    expect(tableChecksum()).toBe(before);
    await api.call('PUT', '/__sandbox/faults', { rules: [{ method: 'POST', path: '/tasks', status: 502, times: 1, when: 'after' }] });
    const reply = await api.call('POST', '/v1/tasks', { Name: 'Applied then lost', CTAId: ctaId });
    expect(reply.status).toBe(502);
    expect(tableChecksum()).not.toBe(before);
  });

  it('enforces the rate limit with 429 per window', async () => {
    await api.call('PUT', '/__sandbox/faults', { rateLimit: 3, rateLimitWindowMs: 60_000 });
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await api.call('GET', '/v1/playbooks')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const limited = await api.call('GET', '/v1/playbooks');
    expect(limited.body.errorCode).toBe('GS_APIG_1429');
    await api.call('DELETE', '/__sandbox/faults');
    expect((await api.call('GET', '/v1/playbooks')).status).toBe(200);
  });

  it('adds latency', async () => {
    await api.call('PUT', '/__sandbox/faults', { latencyMs: 150 });
    const t = performance.now();
    await api.call('GET', '/v1/playbooks');
    expect(performance.now() - t).toBeGreaterThanOrEqual(140);
    await api.call('DELETE', '/__sandbox/faults');
  });

  it('rejects bad settings with a specific message', async () => {
    const reply = await api.call('PUT', '/__sandbox/faults', { errorRate: 2, bogus: 1 });
    expect(reply.status).toBe(400);
    expect(reply.body.errorDesc).toContain('errorRate');
    expect(reply.body.errorDesc).toContain('bogus');
  });
});
