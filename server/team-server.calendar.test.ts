/**
 * The calendar feed on the team server (server/calendar/), over a real local API server: the feed
 * read back with an iCalendar parser (ical.js) holds exactly the owner's open tasks with a due
 * date, on their dates, with their names as written (commas, semicolons, line breaks), links to
 * their pages and stable UIDs; from the mirror as from the tenant; bad owners answer 400; with
 * sign-in on, a session or the subscription address's token opens it and nothing else does.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/index.ts';
import { OPEN_TASK_STATUSES, type Task, type TaskStatus } from '../src/api/types.ts';
import type { CalendarFeedAnswer } from '../src/lib/calendar-feed.ts';
import { SOURCE_HEADER } from '../src/lib/live-events.ts';
import type { Envelope } from '../test-support/api-envelope.ts';
import { lineProblems, parseFeed } from '../test-support/ical-feed.ts';
import { resolveAuthConfig } from './auth/auth-config.ts';
import { CookieSealer } from './auth/session.ts';
import { FakeClock } from './test-support/fake-clock.ts';
import { createTeamServer, type TeamServer } from './team-server.ts';

const BUDGET = { perMinute: 100_000, perDay: 1_000_000, maxWaitMs: 5_000 };
const SESSION_SECRET = 'calendar-feed-test-session-secret-0123456789abcdef';
const PUBLIC_URL = 'https://board.acme.example';
const HOST = '127.0.0.1:5173';

const NAMES = {
  punctuation: 'Call Bob, then; send the notes',
  lines: 'Renewal prep\nline two; with a comma, too\\and a backslash',
  long: `${'Prepare a detailed written summary of every outstanding onboarding item for Überprüfung 日本語 '.repeat(2)}🚀`,
};

let sandbox: Sandbox;
let owner: string;
let ownerName: string;
let ctaId: string;
/** The owner's tasks as the API has them, fetched directly. */
let ownerTasks: Task[];

async function direct<T>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { accessKey: sandbox.accessKey, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const envelope = (await res.json()) as Envelope<T>;
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${envelope.errorDesc}`);
  return envelope.data!;
}

const create = (Name: string, Status: TaskStatus, DueDate?: string) =>
  direct<Task>('POST', '/tasks', { Name, CTAId: ctaId, OwnerId: owner, Status, Priority: 'High', ...(DueDate ? { DueDate } : {}) });

async function startTeam(
  options: { mirror?: boolean; signIn?: boolean; publicUrlOnly?: boolean; log?: string[]; target?: string } = {},
): Promise<TeamServer> {
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      options.log?.push(chunk.toString('utf8'));
      done();
    },
  });
  const team = await createTeamServer({
    backend: { target: options.target ?? sandbox.url, accessKey: sandbox.accessKey },
    logger: options.log ? { level: 'info', stream } : false,
    budget: BUDGET,
    upstreamTimeoutMs: 3_000,
    clock: new FakeClock(),
    ...(options.mirror ? { mirror: { dbPath: ':memory:' } } : {}),
    ...(options.signIn
      ? {
          auth: resolveAuthConfig({
            // Never contacted: sign-in discovers the provider on the first /auth/login only.
            OIDC_ISSUER: 'http://127.0.0.1:9/issuer',
            OIDC_CLIENT_ID: 'board',
            OIDC_CLIENT_SECRET: 'client-secret-not-the-session-secret',
            PUBLIC_URL,
            SESSION_SECRET,
          }),
        }
      : options.publicUrlOnly
        ? { auth: resolveAuthConfig({ PUBLIC_URL }) }
        : {}),
  });
  if (options.mirror) await team.live.sync!.syncNow();
  return team;
}

const feed = (team: TeamServer, query: string, headers: Record<string, string> = {}) =>
  team.app.inject({ method: 'GET', url: `/calendar.ics${query}`, headers: { host: HOST, ...headers } });

const expectedEvents = () =>
  ownerTasks.filter((t) => (OPEN_TASK_STATUSES as readonly string[]).includes(t.Status!) && t.DueDate).map((t) => t.Gsid!);

beforeAll(async () => {
  sandbox = await startSandbox({ tasks: 80, seed: 11, today: '2026-06-15' });
  const some = await direct<{ records: Task[] }>('POST', '/tasks/search', {
    select: ['OwnerId', 'OwnerName', 'CTAId'],
    where: { conditions: [{ name: 'OwnerId', alias: 'A', operator: 'IS_NOT_NULL', value: [] }] },
    limit: 1,
  });
  ({ OwnerId: owner, OwnerName: ownerName, CTAId: ctaId } = some.records[0] as Required<Task>);
  await create(NAMES.punctuation, 'In Progress', '2026-12-31');
  await create(NAMES.lines, 'Not Started', '2028-02-29');
  await create(NAMES.long, 'Not Started', '2026-02-28');
  await create('Done already', 'Completed', '2026-07-01');
  await create('Not needed', 'Skipped', '2026-07-02');
  await create('Some day', 'Not Started');
  ownerTasks = (
    await direct<{ records: Task[] }>('POST', '/tasks/search', {
      where: { conditions: [{ name: 'OwnerId', alias: 'A', operator: 'EQ', value: [owner] }] },
      limit: 5000,
    })
  ).records;
});
afterAll(async () => {
  await sandbox.close();
});

describe('GET /calendar.ics, sign-in off', () => {
  let team: TeamServer;
  beforeAll(async () => {
    team = await startTeam();
  });
  afterAll(async () => {
    await team.app.close();
  });

  it("is the owner's open tasks with a due date, one all-day event each, parsed back by ical.js", async () => {
    const res = await feed(team, `?owner=${owner}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, max-age=300');
    expect(res.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(res.headers[SOURCE_HEADER.toLowerCase()]).toBe('tenant');
    expect(lineProblems(res.body)).toEqual([]);

    const parsed = parseFeed(res.body);
    expect(parsed.name).toBe(`Cockpit Board: ${ownerName}, open tasks`);
    expect(parsed.name7986).toBe(parsed.name);
    const ids = parsed.events.map((e) => e.uid.replace(/@.*$/, ''));
    expect(ids.sort()).toEqual(expectedEvents().sort());
    expect(ids.length).toBeGreaterThan(3);
    for (const name of ['Done already', 'Not needed', 'Some day']) expect(parsed.events.map((e) => e.summary)).not.toContain(name);

    for (const event of parsed.events) {
      const task = ownerTasks.find((t) => `${t.Gsid}@${HOST}` === event.uid)!;
      expect(event.summary).toBe(task.Name);
      expect(event.start).toBe(task.DueDate);
      expect(event.url).toBe(`http://${HOST}/tasks/${task.Gsid}`);
      expect(event.stamp).toBe(new Date(Math.floor(Date.parse(task.ModifiedDate!) / 1000) * 1000).toISOString());
      expect(event.description).toContain(`Priority: ${task.Priority}`);
      expect(event.description).toContain(`Company: ${task.CompanyName}`);
      expect(event.description).toContain(`CTA: ${task.CTAId}`);
    }
    const byName = (name: string) => parsed.events.find((e) => e.summary === name)!;
    expect(byName(NAMES.punctuation)).toMatchObject({ start: '2026-12-31', end: '2027-01-01' });
    expect(byName(NAMES.lines)).toMatchObject({ start: '2028-02-29', end: '2028-03-01' });
    expect(byName(NAMES.long)).toMatchObject({ start: '2026-02-28', end: '2026-03-01' });
    // The escaping as written: TEXT's backslash escapes, not the characters bare.
    expect(res.body).toContain('SUMMARY:Call Bob\\, then\\; send the notes\r\n');
  });

  it('gives the same bytes and ETag again, and 304 to a client that has them', async () => {
    const first = await feed(team, `?owner=${owner}`);
    const again = await feed(team, `?owner=${owner}`);
    expect(again.body).toBe(first.body);
    const cached = await feed(team, `?owner=${owner}`, { 'if-none-match': first.headers.etag as string });
    expect(cached.statusCode).toBe(304);
    expect(cached.body).toBe('');
  });

  it('names an owner with no open task by any task of theirs, or by the id; an unknown owner is an empty calendar', async () => {
    const res = await feed(team, '?owner=NO_SUCH_OWNER');
    expect(res.statusCode).toBe(200);
    const parsed = parseFeed(res.body);
    expect(parsed.events).toEqual([]);
    expect(parsed.name).toBe('Cockpit Board: owner NO_SUCH_OWNER, open tasks');
  });

  it.each([
    ['', /owner is missing/],
    ['?owner=', /owner is missing/],
    [`?owner=${'A'.repeat(65)}`, /65 characters long; an owner id has at most 64/],
    ['?owner=a%20b', /"a b" has characters an owner id never has/],
    ['?owner=%22%3E%3Cscript%3E', /has characters an owner id never has/],
    [`?owner=${'x'}&owner=y`, /given more than once/],
  ])('answers 400 with the reason for %s', async (query, reason) => {
    const res = await feed(team, query);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.body).toMatch(reason);
  });

  it('GET /api/calendar-feed gives the address on the origin the board was opened at, without a token', async () => {
    const res = await team.app.inject({ method: 'GET', url: `/api/calendar-feed?owner=${owner}`, headers: { host: HOST } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json<CalendarFeedAnswer>()).toEqual({ url: `http://${HOST}/calendar.ics?owner=${owner}`, personal: false });
    const bad = await team.app.inject({ method: 'GET', url: '/api/calendar-feed?owner=a;b', headers: { host: HOST } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ result: false, errorCode: 'TEAM_400', errorDesc: expect.stringMatching(/never has/) });
  });

  it('without sign-in behind a reverse proxy, the address and the links back use PUBLIC_URL, not the address the request came to', async () => {
    const proxied = await startTeam({ publicUrlOnly: true });
    try {
      const res = await proxied.app.inject({ method: 'GET', url: `/api/calendar-feed?owner=${owner}`, headers: { host: HOST } });
      expect(res.json<CalendarFeedAnswer>()).toEqual({ url: `${PUBLIC_URL}/calendar.ics?owner=${owner}`, personal: false });
      const ics = await feed(proxied, `?owner=${owner}`);
      expect(ics.statusCode).toBe(200);
      const { events } = parseFeed(ics.body);
      expect(events.map((e) => e.url).sort()).toEqual(
        expectedEvents()
          .map((id) => `${PUBLIC_URL}/tasks/${id}`)
          .sort(),
      );
    } finally {
      await proxied.app.close();
    }
  });
});

describe('GET /calendar.ics from the mirror', () => {
  it('answers the same feed from the mirror, without calling the tenant', async () => {
    const fromTenant = await startTeam();
    const fromMirror = await startTeam({ mirror: true });
    try {
      const before = fromMirror.metrics.registry.getSingleMetric('cockpit_upstream_calls_total');
      const count = async () => ((await before?.get())?.values ?? []).reduce((n, v) => n + v.value, 0);
      const calls = await count();
      const viaMirror = await feed(fromMirror, `?owner=${owner}`);
      expect(viaMirror.statusCode).toBe(200);
      expect(viaMirror.headers[SOURCE_HEADER.toLowerCase()]).toBe('mirror');
      expect(await count()).toBe(calls);
      expect(viaMirror.body).toBe((await feed(fromTenant, `?owner=${owner}`)).body);
    } finally {
      await fromTenant.app.close();
      await fromMirror.app.close();
    }
  });
});

describe('GET /calendar.ics when the tenant cannot answer', () => {
  it('answers 502 in words, never 500', async () => {
    const team = await startTeam({ target: 'http://127.0.0.1:9/v1' });
    try {
      const res = await feed(team, `?owner=${owner}`);
      expect(res.statusCode).toBe(502);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.body).toMatch(/^The tasks could not be read: the Gainsight API cannot be reached\./);
    } finally {
      await team.app.close();
    }
  });
});

describe('GET /calendar.ics, sign-in on', () => {
  let team: TeamServer;
  const log: string[] = [];
  const sealer = new CookieSealer(SESSION_SECRET);
  const session = (sub: string) => {
    const now = Date.now();
    // PUBLIC_URL is https: the session cookie is the __Host- one, sealed under its own name.
    return `__Host-cb_session=${sealer.sealSession('__Host-cb_session', { sub, name: 'Ana Souza', email: 'ana@acme.example', iat: now, seen: now })}`;
  };
  /** The address /api/calendar-feed gives `sub` for `forOwner`. */
  const addressFor = async (sub: string, forOwner = owner) => {
    const res = await team.app.inject({ method: 'GET', url: `/api/calendar-feed?owner=${forOwner}`, headers: { cookie: session(sub) } });
    expect(res.statusCode).toBe(200);
    return res.json<CalendarFeedAnswer>();
  };
  const pathOf = (url: string) => new URL(url).pathname + new URL(url).search;

  beforeAll(async () => {
    team = await startTeam({ signIn: true, log });
  });
  afterAll(async () => {
    await team.app.close();
  });

  it('gives a signed-in user an address on PUBLIC_URL with their token, which opens the feed without a session', async () => {
    const answer = await addressFor('user-ana');
    expect(answer.personal).toBe(true);
    const url = new URL(answer.url);
    expect(url.origin).toBe(PUBLIC_URL);
    expect(url.pathname).toBe('/calendar.ics');
    expect(url.searchParams.get('owner')).toBe(owner);
    expect(url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);

    const res = await feed(team, url.search);
    expect(res.statusCode).toBe(200);
    const parsed = parseFeed(res.body);
    expect(parsed.events.map((e) => e.uid).sort()).toEqual(
      expectedEvents()
        .map((id) => `${id}@board.acme.example`)
        .sort(),
    );
    expect(parsed.events[0]!.url).toMatch(/^https:\/\/board\.acme\.example\/tasks\//);
    // The same user asking again gets the same address: it is derived, not stored.
    expect((await addressFor('user-ana')).url).toBe(answer.url);
  });

  it('answers 401 in words without a session or a token', async () => {
    for (const query of [`?owner=${owner}`, `?owner=${owner}&token=`]) {
      const res = await feed(team, query);
      expect(res.statusCode, query).toBe(401);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toMatch(/needs its token: subscribe with the whole address that "Subscribe to calendar"/);
    }
  });

  it("answers 403 to a token that was changed, made for another owner, or made with another server's secret", async () => {
    const good = new URL((await addressFor('user-ana')).url).searchParams.get('token')!;
    const other = await addressFor('user-ana', 'ANOTHER_OWNER');
    const tampered = `${good.slice(0, -2)}${good.endsWith('AA') ? 'BB' : 'AA'}`;
    const anotherUser = `${Buffer.from('user-bob').toString('base64url')}.${good.split('.')[1]}`;
    const cases: [string, RegExp][] = [
      [`?owner=${owner}&token=${tampered}`, /does not match this owner's feed/],
      [`?owner=${owner}&token=${anotherUser}`, /does not match this owner's feed/],
      [`?owner=${owner}&token=${new URL(other.url).searchParams.get('token')}`, /does not match this owner's feed/],
      [`?owner=${owner}&token=garbage`, /not one this server makes/],
      [`?owner=${owner}&token=${'a'.repeat(600)}.${'b'.repeat(43)}`, /not one this server makes/],
    ];
    for (const [query, reason] of cases) {
      const res = await feed(team, query);
      expect(res.statusCode, query).toBe(403);
      expect(res.body).toMatch(reason);
      expect(res.body).toMatch(/Copy the address again from "Subscribe to calendar"/);
    }
    // A token for ANOTHER_OWNER opens that owner's feed, not this one's.
    expect((await feed(team, pathOf(other.url).slice('/calendar.ics'.length))).statusCode).toBe(200);
  });

  it('opens the feed to a signed-in session without a token', async () => {
    const res = await feed(team, `?owner=${owner}`, { cookie: session('user-ana') });
    expect(res.statusCode).toBe(200);
    expect(parseFeed(res.body).events.length).toBe(expectedEvents().length);
  });

  it('still answers 400 for a bad owner, before anything else', async () => {
    const res = await feed(team, '?owner=');
    expect(res.statusCode).toBe(400);
    expect(res.body).toMatch(/owner is missing/);
  });

  it('keeps /api/calendar-feed behind sign-in', async () => {
    const res = await team.app.inject({ method: 'GET', url: `/api/calendar-feed?owner=${owner}` });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ errorCode: 'AUTH_401' });
  });

  it('never writes a token in the log', async () => {
    const { url } = await addressFor('user-ana');
    const token = new URL(url).searchParams.get('token')!;
    await feed(team, new URL(url).search);
    await feed(team, `?owner=${owner}&token=${token}x`);
    const lines = log.join('');
    expect(lines).toContain('/calendar.ics?owner=');
    expect(lines).toContain('token=[redacted]');
    expect(lines).not.toContain(token.split('.')[1]);
  });
});
