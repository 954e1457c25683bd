/**
 * The calendar feed (`GET /calendar.ics?owner=`, server/calendar/) on the running team servers,
 * read back with an iCalendar parser (ical.js): the address the app is given, the events against
 * the owner's tasks in the API, a task added and then finished showing and going; the same feed
 * from the mirror; with sign-in on, the address's token opening it to a client with no session
 * (as a calendar app is) and nothing else doing so; and the feed served by Vite's server too.
 */
import type { APIRequestContext } from '@playwright/test';
import type { Task } from '../src/api/types.ts';
import type { CalendarFeedAnswer } from '../src/lib/calendar-feed.ts';
import { lineProblems, parseFeed } from '../test-support/ical-feed.ts';
import { uniquePrefix } from './board-helpers.ts';
import { E2E } from './env.ts';
import { expect, sandboxApi, test } from './fixtures.ts';
import { signInThroughProvider } from './oidc-helpers.ts';

const OPEN = ['Not Started', 'In Progress'];

/** An owner of some open tasks with due dates in the first sandbox, and a CTA of theirs. */
async function someOwner(): Promise<{ owner: string; ownerName: string; ctaId: string }> {
  const { data } = await sandboxApi.call<{ records: Task[] }>('POST', '/v1/tasks/search', {
    select: ['OwnerId', 'OwnerName', 'CTAId'],
    where: {
      conditions: [
        { name: 'OwnerId', alias: 'A', operator: 'IS_NOT_NULL', value: [] },
        { name: 'Status', alias: 'B', operator: 'IN', value: OPEN },
        { name: 'DueDate', alias: 'C', operator: 'IS_NOT_NULL', value: [] },
      ],
    },
    limit: 1,
  });
  const task = data.records[0]!;
  return { owner: task.OwnerId!, ownerName: task.OwnerName!, ctaId: task.CTAId! };
}

/**
 * The ids the owner's feed must hold, from the API itself (every task of the owner, filtered
 * here, not through the feed's own search): of the first sandbox, or of the one at `origin`.
 */
async function expectedIds(owner: string, origin = E2E.sandboxOrigin): Promise<string[]> {
  const res = await fetch(`${origin}/v1/tasks/search`, {
    method: 'POST',
    headers: { accessKey: E2E.accessKey, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      select: ['Gsid', 'Status', 'DueDate'],
      where: { conditions: [{ name: 'OwnerId', alias: 'A', operator: 'EQ', value: [owner] }] },
      limit: 5000,
    }),
  });
  const { data } = (await res.json()) as { data: { records: Task[] } };
  return data.records
    .filter((t) => OPEN.includes(t.Status!) && t.DueDate)
    .map((t) => t.Gsid!)
    .sort();
}

async function readFeed(request: APIRequestContext, url: string) {
  const res = await request.get(url);
  expect(res.status(), await res.text()).toBe(200);
  expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const text = await res.text();
  expect(lineProblems(text)).toEqual([]);
  return { res, feed: parseFeed(text) };
}

const idOf = (uid: string) => uid.replace(/@.*$/, '');

test("the app's address gives the owner's open tasks as a calendar that follows the tasks", async ({ request }) => {
  const { owner, ownerName, ctaId } = await someOwner();
  const address = await request.get(`${E2E.appUrl}/api/calendar-feed?owner=${owner}`);
  expect(address.status()).toBe(200);
  const { url, personal } = (await address.json()) as CalendarFeedAnswer;
  expect(personal).toBe(false);
  expect(url).toBe(`${E2E.appUrl}/calendar.ics?owner=${owner}`);

  const { feed } = await readFeed(request, url);
  expect(feed.name).toBe(`Cockpit Board: ${ownerName}, open tasks`);
  expect(feed.events.map((e) => idOf(e.uid)).sort()).toEqual(await expectedIds(owner));
  const first = feed.events[0]!;
  expect(first.url).toBe(`${E2E.appUrl}/tasks/${idOf(first.uid)}`);

  // A task added through the board's server shows, on its day, with its name as written; finished, it goes.
  const name = `${uniquePrefix()} Call Bob, then; write up`;
  const created = await request.post(`${E2E.appUrl}/v1/tasks`, {
    data: { Name: name, CTAId: ctaId, OwnerId: owner, Status: 'Not Started', DueDate: '2027-01-31' },
  });
  expect(created.status()).toBe(200);
  const task = ((await created.json()) as { data: Task }).data;
  const withTask = (await readFeed(request, url)).feed.events.find((e) => e.summary === name);
  expect(withTask).toMatchObject({ uid: `${task.Gsid}@127.0.0.1:${E2E.appPort}`, start: '2027-01-31', end: '2027-02-01' });

  const done = await request.put(`${E2E.appUrl}/v1/tasks/${task.Gsid}`, {
    data: { Name: name, CTAId: ctaId, OwnerId: owner, Status: 'Completed', DueDate: '2027-01-31' },
  });
  expect(done.status()).toBe(200);
  expect((await readFeed(request, url)).feed.events.map((e) => e.summary)).not.toContain(name);
});

test('a bad owner is refused with the reason, in plain text', async ({ request }) => {
  const res = await request.get(`${E2E.appUrl}/calendar.ics?owner=a%20b`);
  expect(res.status()).toBe(400);
  expect(await res.text()).toMatch(/has characters an owner id never has/);
});

test("the mirror server answers the feed from its mirror, with the owner's tasks as its tenant has them", async ({ request }) => {
  // The mirror server has a sandbox of its own (same seed): its owners are the first sandbox's.
  const { owner } = await someOwner();
  await expect
    .poll(async () => (await request.get(`${E2E.mirrorAppUrl}/calendar.ics?owner=${owner}`)).headers()['x-cockpit-source'], {
      timeout: 20_000,
    })
    .toBe('mirror');
  const expected = await expectedIds(owner, E2E.mirrorSandboxOrigin);
  expect(expected.length).toBeGreaterThan(0);
  // Within a poll of the mirror (other specs change this sandbox's tasks too).
  await expect
    .poll(
      async () => (await readFeed(request, `${E2E.mirrorAppUrl}/calendar.ics?owner=${owner}`)).feed.events.map((e) => idOf(e.uid)).sort(),
      { timeout: 10_000 },
    )
    .toEqual(expected);
});

test('with sign-in on, the address holds a token that opens the feed to a calendar app with no session; nothing else does', async ({
  page,
  playwright,
}) => {
  const app = E2E.signInAppUrl;
  const { owner } = await someOwner();
  await signInThroughProvider(page, { appUrl: app, login: 'ana' });
  const address = await page.request.get(`${app}/api/calendar-feed?owner=${owner}`);
  expect(address.status()).toBe(200);
  const { url, personal } = (await address.json()) as CalendarFeedAnswer;
  expect(personal).toBe(true);
  const token = new URL(url).searchParams.get('token');
  expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);

  const calendarApp = await playwright.request.newContext();
  try {
    const { feed } = await readFeed(calendarApp, url);
    expect(feed.events.map((e) => idOf(e.uid)).sort()).toEqual(await expectedIds(owner));

    const none = await calendarApp.get(`${app}/calendar.ics?owner=${owner}`);
    expect(none.status()).toBe(401);
    expect(await none.text()).toMatch(/needs its token/);
    const changed = await calendarApp.get(
      url.replace(/token=([^&]*)/, (_m, t: string) => `token=${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`),
    );
    expect(changed.status()).toBe(403);
    expect(await changed.text()).toMatch(/does not match this owner's feed/);
    const elsewhere = await calendarApp.get(`${app}/calendar.ics?owner=SOMEONE_ELSE&token=${token}`);
    expect(elsewhere.status()).toBe(403);
  } finally {
    await calendarApp.dispose();
  }
  // The signed-in browser needs no token.
  expect((await page.request.get(`${app}/calendar.ics?owner=${owner}`)).status()).toBe(200);
});

test("Vite's server (npm start, npm run preview) serves the feed with the team server's code", async ({ request }) => {
  // The preview server of the wrong key: the feed route is there, and says in words why it has no tasks.
  const res = await request.get(`${E2E.wrongKeyAppUrl}/calendar.ics?owner=U1`);
  expect(res.status()).toBe(502);
  expect(res.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect(await res.text()).toMatch(/^The tasks could not be read: the Gainsight API refused the access key\./);
});
