import { describe, expect, it } from 'vitest';
import { createApiClient, statusInWords, type ApiClientOptions } from './client.ts';
import { ApiError, isClientError, isRateLimited, isTransient, isUnauthorized } from './errors.ts';
import type { Playbook, Task } from './types.ts';
import { errorEnvelope, errorResponse, jsonResponse, okResponse } from '../../test-support/api-envelope.ts';

const TASK: Task = { Gsid: '1T0001', Name: 'Kick-off call', CTAId: '1C0001', Status: 'Not Started' };
const PLAYBOOK: Playbook = { Gsid: '1P0001', Name: 'Onboarding', IsActive: true, TaskTemplates: [] };

/** A fake fetch that records the requests it is given and answers with `answer`. */
function fakeFetch(answer: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request);
    return answer(request);
  };
  return { fetch, requests };
}

/** Never answers; rejects as a real fetch does when its signal aborts. */
function hangingFetch(request: Request): Promise<Response> {
  return new Promise((_resolve, reject) => {
    const { signal } = request;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason));
  });
}

function clientWith(answer: (request: Request) => Response | Promise<Response>, options: ApiClientOptions = {}) {
  const fake = fakeFetch(answer);
  return { api: createApiClient({ fetch: fake.fetch, ...options }), requests: fake.requests };
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

describe('the background mark for the team server', () => {
  it('marks a call nobody waits for, and only that one', async () => {
    const { api, requests } = clientWith(() => okResponse({ records: [], totalCount: 0 }));
    await api.searchTasks({ limit: 1 }, { background: true });
    await api.searchTasks({ limit: 1 });
    expect(requests[0]!.headers.get('X-Cockpit-Priority')).toBe('background');
    expect(requests[1]!.headers.get('X-Cockpit-Priority')).toBeNull();
  });
});

describe('the fresh-read mark for the team server', () => {
  it('asks the tenant, not the mirror, only for a call marked fresh', async () => {
    const { api, requests } = clientWith((request) => okResponse(request.method === 'POST' ? { records: [], totalCount: 0 } : TASK));
    await api.getTask('1T0001', { fresh: true });
    await api.getTask('1T0001');
    await api.getTask('1T0001', { fresh: false });
    await api.searchTasks({ limit: 1 }, { background: true });
    await api.getTask('1T0001', { fresh: true, background: true });
    expect(requests.map((r) => r.headers.get('X-Cockpit-Fresh'))).toEqual(['1', null, null, null, '1']);
    expect(requests.map((r) => r.headers.get('X-Cockpit-Priority'))).toEqual([null, null, null, 'background', 'background']);
  });
});

describe('what the client tells the live status store', () => {
  it("passes each successful read's headers on, and each saved task, and nothing for a failure", async () => {
    const reads: (string | null)[] = [];
    const wrote: Task[] = [];
    const saved = { ...TASK, ModifiedDate: '2026-12-01T10:00:00.000Z' };
    const { api } = clientWith(
      (request) => {
        if (request.url.endsWith('/1T0404')) return errorResponse(404, 'GS_404', 'No such task');
        if (request.method === 'PUT') return okResponse(saved);
        return okResponse(
          request.url.endsWith('/search') ? { records: [], totalCount: 0 } : request.url.endsWith('/playbooks') ? [] : TASK,
          {
            headers: { 'X-Cockpit-Source': 'mirror', 'X-Cockpit-Data-As-Of': '2026-12-01T09:59:00.000Z' },
          },
        );
      },
      { observer: { read: (headers) => reads.push(headers.get('X-Cockpit-Source')), wrote: (task) => wrote.push(task) } },
    );
    await api.getTask('1T0001');
    await api.searchTasks({ limit: 1 });
    await api.listPlaybooks();
    await failure(api.getTask('1T0404'));
    await api.updateTask('1T0001', { Name: 'x', CTAId: '1C0001', Status: 'Completed' });
    expect(reads).toEqual(['mirror', 'mirror', 'mirror']);
    expect(wrote).toEqual([saved]);
  });
});

describe('the API client unwraps the envelope of each operation', () => {
  it('getTask: GET /v1/tasks/{id}, relative base URL resolved against the page', async () => {
    const { api, requests } = clientWith(() => okResponse(TASK));
    await expect(api.getTask('1T0001')).resolves.toEqual(TASK);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.url).toBe(`${location.origin}/v1/tasks/1T0001`);
    expect(requests[0]!.headers.get('Accept')).toBe('application/json');
  });

  it('createTask: POST /v1/tasks with the input, extension fields included', async () => {
    const { api, requests } = clientWith(() => okResponse(TASK));
    const input = { Name: 'Kick-off call', CTAId: '1C0001', PlaybookId: '1P0001', Order: 2 };
    await expect(api.createTask(input)).resolves.toEqual(TASK);
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.url).toBe(`${location.origin}/v1/tasks`);
    expect(requests[0]!.headers.get('Content-Type')).toBe('application/json');
    expect(await requests[0]!.json()).toEqual(input);
  });

  it('updateTask: PUT /v1/tasks/{id} with the input', async () => {
    const updated = { ...TASK, Status: 'Completed' as const };
    const { api, requests } = clientWith(() => okResponse(updated));
    await expect(api.updateTask('1T0001', { Name: 'Kick-off call', CTAId: '1C0001', Status: 'Completed' })).resolves.toEqual(updated);
    expect(requests[0]!.method).toBe('PUT');
    expect(requests[0]!.url).toBe(`${location.origin}/v1/tasks/1T0001`);
    expect(await requests[0]!.json()).toEqual({ Name: 'Kick-off call', CTAId: '1C0001', Status: 'Completed' });
  });

  it('searchTasks: POST /v1/tasks/search with the request, orderBy included', async () => {
    const { api, requests } = clientWith(() => okResponse({ records: [TASK], totalCount: 41 }));
    const request = {
      select: ['Gsid', 'Name'],
      where: { conditions: [{ name: 'Status', alias: 'A', operator: 'IN' as const, value: ['Not Started'] }], expression: 'A' },
      orderBy: { DueDate: 'asc' as const },
      limit: 1,
      offset: 0,
    };
    await expect(api.searchTasks(request)).resolves.toEqual({ records: [TASK], totalCount: 41 });
    expect(requests[0]!.method).toBe('POST');
    expect(requests[0]!.url).toBe(`${location.origin}/v1/tasks/search`);
    expect(await requests[0]!.json()).toEqual(request);
  });

  it('searchTasks: fills in a missing totalCount as a lower bound that keeps paging going', async () => {
    const full = clientWith(() => okResponse({ records: [TASK, TASK] }));
    await expect(full.api.searchTasks({ limit: 2, offset: 10 })).resolves.toEqual({ records: [TASK, TASK], totalCount: 13 });
    const short = clientWith(() => okResponse({ records: [TASK] }));
    await expect(short.api.searchTasks({ limit: 2, offset: 10 })).resolves.toEqual({ records: [TASK], totalCount: 11 });
    const empty = clientWith(() => okResponse({}));
    await expect(empty.api.searchTasks({})).resolves.toEqual({ records: [], totalCount: 0 });
  });

  it('listPlaybooks: GET /v1/playbooks', async () => {
    const { api, requests } = clientWith(() => okResponse([PLAYBOOK]));
    await expect(api.listPlaybooks()).resolves.toEqual([PLAYBOOK]);
    expect(requests[0]!.method).toBe('GET');
    expect(requests[0]!.url).toBe(`${location.origin}/v1/playbooks`);
  });

  it('getPlaybook: GET /v1/playbooks/{id}', async () => {
    const { api, requests } = clientWith(() => okResponse(PLAYBOOK));
    await expect(api.getPlaybook('1P0001')).resolves.toEqual(PLAYBOOK);
    expect(requests[0]!.url).toBe(`${location.origin}/v1/playbooks/1P0001`);
  });

  it('uses an absolute base URL as given', async () => {
    const { api, requests } = clientWith(() => okResponse(TASK), { baseUrl: 'https://api.example.com/v1/' });
    await api.getTask('1T0001');
    expect(requests[0]!.url).toBe('https://api.example.com/v1/tasks/1T0001');
  });
});

describe('ids in the path', () => {
  it('are percent-encoded', async () => {
    const { api, requests } = clientWith(() => okResponse(TASK));
    await api.getTask('a/b?c#d é%');
    await api.updateTask('x/../y', { Name: 'n', CTAId: 'c' });
    await api.getPlaybook('p q/r');
    await api.getTask('%2e%2E');
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual([
      '/v1/tasks/a%2Fb%3Fc%23d%20%C3%A9%25',
      '/v1/tasks/x%2F..%2Fy',
      '/v1/playbooks/p%20q%2Fr',
      '/v1/tasks/%252e%252E',
    ]);
  });

  it('that a URL would resolve away are refused without a request', async () => {
    const { api, requests } = clientWith(() => okResponse(TASK));
    for (const id of ['', '.', '..']) {
      const error = await failure(api.getTask(id));
      expect(error).toMatchObject({ kind: 'api', status: 0, errorDesc: `Invalid task id ${JSON.stringify(id)}.` });
    }
    await failure(api.getPlaybook('..'));
    expect(requests).toHaveLength(0);
  });
});

describe('every failure becomes an ApiError', () => {
  it('a non-2xx Gainsight envelope: its errorCode, errorDesc and requestId', async () => {
    const { api } = clientWith(() => jsonResponse(errorEnvelope('GS_APIG_2401', 'Unauthorized', 'req-401'), { status: 401 }));
    const error = await failure(api.getTask('1T0001'));
    expect(error).toMatchObject({
      kind: 'api',
      status: 401,
      errorCode: 'GS_APIG_2401',
      errorDesc: 'Unauthorized',
      requestId: 'req-401',
      message: 'HTTP 401 GS_APIG_2401: Unauthorized (request req-401)',
    });
    expect(isUnauthorized(error)).toBe(true);
    expect(isClientError(error)).toBe(true);
    expect(isTransient(error)).toBe(false);
  });

  it('a 404 envelope', async () => {
    const { api } = clientWith(() =>
      jsonResponse(
        { result: false, errorCode: 'GSOBJ_1011', errorDesc: 'No entity matches the given criteria', requestId: 'r' },
        { status: 404 },
      ),
    );
    const error = await failure(api.getPlaybook('1P404'));
    expect(error).toMatchObject({ status: 404, errorCode: 'GSOBJ_1011', errorDesc: 'No entity matches the given criteria' });
    expect(isClientError(error)).toBe(true);
  });

  it('a 400 envelope from a search', async () => {
    const { api } = clientWith(() =>
      jsonResponse(
        { result: false, errorCode: 'COCKPIT_5101', errorDesc: 'Invalid fields in select clause - Nope', requestId: 'r' },
        { status: 400 },
      ),
    );
    const error = await failure(api.searchTasks({ select: ['Nope'] }));
    expect(error).toMatchObject({ status: 400, errorCode: 'COCKPIT_5101' });
  });

  it("a non-2xx without an envelope, such as a proxy's HTML 502 page", async () => {
    const { api } = clientWith(
      () =>
        new Response('<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>', {
          status: 502,
          headers: { 'Content-Type': 'text/html' },
        }),
    );
    const error = await failure(api.listPlaybooks());
    expect(error).toMatchObject({
      kind: 'api',
      status: 502,
      errorCode: null,
      requestId: null,
      errorDesc: 'The Gainsight API could not be reached (502). Try again in a moment.',
    });
    expect(isTransient(error)).toBe(true);
  });

  it('an envelope without words gets a sentence a person understands', async () => {
    const { api } = clientWith(() => jsonResponse({ result: false, errorCode: null, errorDesc: null, requestId: 'r9' }, { status: 503 }));
    const error = await failure(api.listPlaybooks());
    expect(error).toMatchObject({
      status: 503,
      errorDesc: 'The Gainsight API could not be reached (503). Try again in a moment.',
      requestId: 'r9',
    });
  });

  it('says every status in words, never as a bare HTTP line', () => {
    for (const status of [400, 401, 403, 404, 408, 409, 413, 429, 500, 502, 503, 504]) {
      const words = statusInWords(status);
      expect(words).toContain(`(${status})`);
      expect(words).toMatch(/^The Gainsight API|^Too many requests/);
      expect(words).not.toMatch(/HTTP|Bad Gateway|error body/);
    }
  });

  it('a non-2xx with a short plain-text body says what it says', async () => {
    const { api } = clientWith(
      () => new Response('connect ECONNREFUSED 127.0.0.1:4010', { status: 500, headers: { 'Content-Type': 'text/plain' } }),
    );
    const error = await failure(api.getTask('1T0001'));
    expect(error.errorDesc).toBe(
      'The Gainsight API ran into a problem (500). Try again in a moment. Details: connect ECONNREFUSED 127.0.0.1:4010',
    );
  });

  it('a 429 without a body', async () => {
    const { api } = clientWith(() => new Response(null, { status: 429 }));
    const error = await failure(api.createTask({ Name: 'n', CTAId: 'c' }));
    expect(error).toMatchObject({
      kind: 'api',
      status: 429,
      errorDesc: 'Too many requests to the Gainsight API right now (429). Try again in a moment.',
    });
    expect(isRateLimited(error)).toBe(true);
    expect(isTransient(error)).toBe(true);
    expect(isClientError(error)).toBe(false);
  });

  it("a 429 carries the server's Retry-After (the team server's budget sends one), and none when it is absent", async () => {
    const { api } = clientWith(() =>
      jsonResponse(
        { result: false, errorCode: 'GS_APIG_1429', errorDesc: 'Budget spent', data: null },
        { status: 429, headers: { 'Retry-After': '7' } },
      ),
    );
    expect(await failure(api.updateTask('t1', { Name: 'n', CTAId: 'c' }))).toMatchObject({ status: 429, retryAfterMs: 7000 });
    const { api: plain } = clientWith(() => new Response(null, { status: 429 }));
    expect(await failure(plain.getTask('t1'))).toMatchObject({ status: 429, retryAfterMs: null });
  });

  it('a 2xx envelope with result: false', async () => {
    const { api } = clientWith(() =>
      jsonResponse({ result: false, errorCode: 'GS_TASK_1', errorDesc: 'CTA is closed', requestId: 'req-9', data: null }),
    );
    const error = await failure(api.createTask({ Name: 'n', CTAId: 'c' }));
    expect(error).toMatchObject({ kind: 'api', status: 200, errorCode: 'GS_TASK_1', errorDesc: 'CTA is closed', requestId: 'req-9' });
    expect(isTransient(error)).toBe(false);
    expect(isClientError(error)).toBe(false);
  });

  it('a 2xx body that is not JSON, such as the SPA page when no proxy is set up', async () => {
    const { api } = clientWith(
      () => new Response('<!doctype html><div id="root"></div>', { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' } }),
    );
    const error = await failure(api.getTask('1T0001'));
    expect(error).toMatchObject({
      kind: 'api',
      status: 200,
      errorDesc: 'The API answered HTTP 200 OK with text/html content that is not JSON; is the /v1 proxy set up?',
    });
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });

  it('a 2xx with an empty body', async () => {
    const { api } = clientWith(() => new Response('', { status: 200 }));
    expect((await failure(api.listPlaybooks())).errorDesc).toBe('The API answered HTTP 200 OK with an empty body.');
  });

  it('a 2xx with JSON that is not an envelope', async () => {
    const { api } = clientWith(() => jsonResponse(TASK));
    expect((await failure(api.getTask('1T0001'))).errorDesc).toBe('The API answered with JSON that is not a Gainsight envelope.');
  });

  it('a 2xx envelope without data', async () => {
    const { api } = clientWith(() => okResponse(null));
    expect(await failure(api.getTask('1T0001'))).toMatchObject({ errorDesc: 'The API answered without data.', requestId: 'req-1' });
  });

  it('a fetch rejection: kind network, the original error as cause', async () => {
    const cause = new TypeError('Failed to fetch');
    const { api } = clientWith(() => Promise.reject(cause));
    const error = await failure(api.searchTasks({}));
    expect(error).toMatchObject({ kind: 'network', status: 0, errorCode: null, errorDesc: 'Could not reach the API (Failed to fetch).' });
    expect(error.cause).toBe(cause);
    expect(isTransient(error)).toBe(true);
  });

  it('no answer in time: kind timeout', async () => {
    const { api, requests } = clientWith(hangingFetch, { timeoutMs: 30 });
    const error = await failure(api.getTask('1T0001'));
    expect(error).toMatchObject({ kind: 'timeout', status: 0, errorDesc: 'The API did not answer within 30 ms.' });
    expect(requests[0]!.signal.aborted).toBe(true);
    expect(isTransient(error)).toBe(true);
  });

  it('times out while the caller still waits with its own signal', async () => {
    const { api } = clientWith(hangingFetch, { timeoutMs: 40 });
    const controller = new AbortController();
    const error = await failure(api.listPlaybooks({ signal: controller.signal }));
    expect(error).toMatchObject({ kind: 'timeout', errorDesc: 'The API did not answer within 40 ms.' });
    expect(controller.signal.aborted).toBe(false);
  });

  it("a TimeoutError that is not the client's own time limit is a network failure", async () => {
    const { api } = clientWith(() => Promise.reject(new DOMException('The operation timed out.', 'TimeoutError')));
    expect((await failure(api.getTask('1T0001'))).kind).toBe('network');
  });
});

describe('a caller abort stays an AbortError', () => {
  it('aborted while waiting', async () => {
    const { api, requests } = clientWith(hangingFetch);
    const controller = new AbortController();
    const call = api.searchTasks({}, { signal: controller.signal });
    await Promise.resolve();
    controller.abort();
    const error: unknown = await call.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(requests[0]!.signal.aborted).toBe(true);
  });

  it('aborted before the call', async () => {
    const { api } = clientWith(hangingFetch);
    const error: unknown = await api.getPlaybook('1P0001', { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ name: 'AbortError' });
  });
});
