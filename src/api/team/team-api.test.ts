import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.ts';
import {
  createTeamApi,
  readActivityAnswer,
  readTeamView,
  TEAM_ENDPOINT_MISSING,
  teamApiUnavailable,
  teamStatusInWords,
} from './team-api.ts';
import { errorEnvelope } from '../../../test-support/api-envelope.ts';

const VIEW = {
  id: 'v1',
  kind: 'search',
  name: 'Overdue renewals',
  params: 's=%7B%7D',
  author: 'Ana',
  createdAt: '2026-08-19T10:00:00.000Z',
  updatedAt: '2026-08-19T10:00:00.000Z',
  editable: true,
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function apiWith(answer: (request: Request) => Response | Promise<Response>, timeoutMs?: number) {
  const requests: Request[] = [];
  const api = createTeamApi({
    fetch: async (request) => {
      requests.push(request);
      return answer(request);
    },
    timeoutMs,
  });
  return { api, requests };
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the team server client', () => {
  it("sends the app's headers on every call, reads and writes alike, with JSON bodies", async () => {
    const { api, requests } = apiWith((request) => {
      if (request.method === 'DELETE') return new Response(null, { status: 204 });
      if (request.url.endsWith('/activity')) return json(200, { taskId: '1T1', entries: [], retentionDays: 90, available: true });
      if (request.method === 'GET') return json(200, { views: [VIEW] });
      return json(request.method === 'POST' ? 201 : 200, VIEW);
    });
    await api.listTeamViews();
    await api.getTaskActivity('1T1');
    await api.createTeamView({ kind: 'search', name: 'Overdue renewals', params: 's=%7B%7D' });
    await api.updateTeamView('v1', { name: 'Renamed' });
    await api.deleteTeamView('v1');
    expect(requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'GET /api/views',
      'GET /api/tasks/1T1/activity',
      'POST /api/views',
      'PUT /api/views/v1',
      'DELETE /api/views/v1',
    ]);
    for (const request of requests) {
      expect(request.headers.get('X-Requested-With')).toBe('cockpit-board');
      expect(request.headers.get('Accept')).toBe('application/json');
    }
    expect(requests[2]!.headers.get('Content-Type')).toBe('application/json');
    expect(await requests[2]!.json()).toEqual({ kind: 'search', name: 'Overdue renewals', params: 's=%7B%7D' });
    expect(await requests[3]!.json()).toEqual({ name: 'Renamed' });
  });

  it('puts ids in the path percent-encoded, and refuses an id a URL would resolve away', async () => {
    const { api, requests } = apiWith(() => json(200, { taskId: 'a/b', entries: [], retentionDays: 90, available: true }));
    await api.getTaskActivity('a/b?c');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/tasks/a%2Fb%3Fc/activity');
    expect((await failure(api.deleteTeamView('..'))).errorDesc).toBe('Invalid view id "..".');
    expect(requests).toHaveLength(1);
  });

  it("fails with the team server's own words from its envelope", async () => {
    const { api } = apiWith(() => json(403, errorEnvelope('VIEW_403', 'Only its author can change it.', 'r9')));
    const error = await failure(api.updateTeamView('v1', { name: 'x' }));
    expect(error).toMatchObject({
      kind: 'api',
      status: 403,
      errorCode: 'VIEW_403',
      errorDesc: 'Only its author can change it.',
      requestId: 'r9',
    });
  });

  it('words a failure that came without an envelope (an older server, a proxy)', async () => {
    const missing = await failure(
      apiWith(() => json(404, { message: 'Route GET:/api/views not found', statusCode: 404 })).api.listTeamViews(),
    );
    expect(missing).toMatchObject({
      status: 404,
      errorCode: null,
      errorDesc: 'The team server does not offer this (404); it may be an older version.',
    });
    const gateway = await failure(apiWith(() => new Response('<html>Bad gateway</html>', { status: 502 })).api.listTeamViews());
    expect(gateway.errorDesc).toBe('The team server could not be reached (502). Try again in a moment.');
  });

  it("refuses a 200 that is not JSON or not in the contract's shape", async () => {
    const text = await failure(
      apiWith(() => new Response('ok', { status: 200, headers: { 'Content-Type': 'text/plain' } })).api.listTeamViews(),
    );
    expect(text.errorDesc).toMatch(/^The team server answered GET \/api\/views with something that is not JSON/);
    expect(teamApiUnavailable(text)).toBeNull();
    const shape = await failure(apiWith(() => json(200, { items: [] })).api.listTeamViews());
    expect(shape.errorDesc).toBe("The team server answered with the team's views in a shape this app does not know.");
    const view = await failure(apiWith(() => json(201, { id: 'v1' })).api.createTeamView({ kind: 'board', name: 'x', params: '' }));
    expect(view.errorDesc).toBe('The team server answered with a view in a shape this app does not know.');
  });

  it("takes the app's own page, where JSON was expected, for a server without the endpoint (an SPA fallback)", async () => {
    const page = await failure(
      apiWith(
        () => new Response('<!doctype html><html></html>', { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
      ).api.getTaskActivity('1T1'),
    );
    expect(page).toMatchObject({ status: 200, errorCode: TEAM_ENDPOINT_MISSING });
    expect(page.errorDesc).toBe(
      "The server answered GET /api/tasks/1T1/activity with a web page, not the team server's JSON: it has no such endpoint (an older team server?).",
    );
    expect(teamApiUnavailable(page)).toBe('missing');
  });

  it('leaves out list entries that are not views', async () => {
    const { api } = apiWith(() =>
      json(200, { views: [VIEW, { ...VIEW, id: 'v2', kind: 'playbook' }, null, { ...VIEW, id: 'v3', editable: 'yes' }] }),
    );
    expect((await api.listTeamViews()).map((v) => v.id)).toEqual(['v1']);
  });

  it("tells a lost connection and a timeout apart, and keeps a caller's abort an AbortError", async () => {
    const offline = await failure(apiWith(() => Promise.reject(new TypeError('Failed to fetch'))).api.listTeamViews());
    expect(offline).toMatchObject({ kind: 'network', errorDesc: 'Could not reach the team server (Failed to fetch).' });

    const hanging = (request: Request) =>
      new Promise<Response>((_resolve, reject) => request.signal.addEventListener('abort', () => reject(request.signal.reason)));
    const slow = await failure(apiWith(hanging, 30).api.listTeamViews());
    expect(slow).toMatchObject({ kind: 'timeout', errorDesc: 'The team server did not answer within 30 ms.' });

    const controller = new AbortController();
    const call = apiWith(hanging).api.listTeamViews({ signal: controller.signal });
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('what the app cannot use here, as opposed to a failure', () => {
  it('is "missing" for a server without the endpoint and "sign-in" for one that needs a session', () => {
    expect(teamApiUnavailable(new ApiError({ kind: 'api', status: 404, errorDesc: 'x' }))).toBe('missing');
    expect(teamApiUnavailable(new ApiError({ kind: 'api', status: 405, errorDesc: 'x' }))).toBe('missing');
    expect(teamApiUnavailable(new ApiError({ kind: 'api', status: 401, errorCode: 'AUTH_401', errorDesc: 'x' }))).toBe('sign-in');
    expect(teamApiUnavailable(new ApiError({ kind: 'api', status: 403, errorDesc: 'x' }))).toBeNull();
    expect(teamApiUnavailable(new ApiError({ kind: 'api', status: 500, errorDesc: 'x' }))).toBeNull();
    expect(teamApiUnavailable(new ApiError({ kind: 'network', status: 0, errorDesc: 'x' }))).toBeNull();
    expect(teamApiUnavailable(new Error('boom'))).toBeNull();
  });

  it('words statuses as the team server, not the Gainsight API', () => {
    expect(teamStatusInWords(404)).toBe('The team server does not offer this (404); it may be an older version.');
    expect(teamStatusInWords(403)).toBe('The team server did not allow this (403).');
    expect(teamStatusInWords(500)).toBe('The team server ran into a problem (500). Try again in a moment.');
  });
});

describe('reading answers', () => {
  it('keeps a view as sent; an empty author is no author', () => {
    expect(readTeamView(VIEW)).toEqual(VIEW);
    expect(readTeamView({ ...VIEW, author: '' })).toEqual({ ...VIEW, author: null });
    expect(readTeamView({ ...VIEW, kind: 'other' })).toBeNull();
  });

  it("keeps an activity's good entries and changes, and leaves out the rest", () => {
    const answer = readActivityAnswer(
      {
        taskId: '1T1',
        retentionDays: 90,
        available: true,
        entries: [
          {
            at: '2026-08-19T11:58:00.000Z',
            source: 'cockpit',
            actor: 'Ana',
            kind: 'changed',
            changes: [
              { field: 'Status', from: 'Not Started', to: 'Completed' },
              { field: 'X', from: {}, to: 1 },
            ],
          },
          { at: 'yesterday', source: 'cockpit', actor: null, kind: 'changed', changes: [] },
          { at: '2026-08-18T11:58:00.000Z', source: 'somewhere', actor: null, kind: 'changed', changes: [] },
          { at: '2026-08-17T11:58:00.000Z', source: 'outside', kind: 'created' },
        ],
      },
      '1T1',
    );
    expect(answer.entries).toEqual([
      {
        at: '2026-08-19T11:58:00.000Z',
        source: 'cockpit',
        actor: 'Ana',
        kind: 'changed',
        changes: [{ field: 'Status', from: 'Not Started', to: 'Completed' }],
      },
      { at: '2026-08-17T11:58:00.000Z', source: 'outside', actor: null, kind: 'created', changes: [] },
    ]);
    expect(() => readActivityAnswer({ entries: 'none' }, '1T1')).toThrow(ApiError);
  });
});
