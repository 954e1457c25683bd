/**
 * The Task and Playbook API (`/v1`, the six operations of the generated schema) as a fetch
 * handler, for tests that run the real client against answers they choose. Each operation answers
 * what the test's handler for it returns, in a success envelope: its data, typed as the spec types
 * it; `undefined` for an unknown id (404 GSOBJ_1011, as the API answers); or a Response of the
 * test's own (a failure, or a promise the test resolves later to hold the call). A handler reads
 * a clone of the request, so the test can still read the one it was sent.
 *
 * Without a handler, a search finds nothing, the playbook list is empty, a get is a 404 and a write
 * is refused (501 FAKE_501, naming the operation the test did not expect). An unknown /v1 route is
 * a 404 GS_APIG_1000, as the API answers; a path outside /v1 a 404 without an envelope, as from a
 * server without that route (the team server's /api is createFakeTeamServer's, in src/test/).
 */
import type { operations } from '../src/api/schema.gen.ts';
import type { CreateTaskInput, OkData, Playbook, SearchRequest, Task, UpdateTaskInput } from '../src/api/types.ts';
import { errorResponse, jsonResponse, okResponse, type ApiData } from './api-envelope.ts';

type Answer<T> = T | Response | undefined;
type Handler<Args extends unknown[], T> = (...args: [...Args, request: Request]) => Answer<T> | Promise<Answer<T>>;

export interface FakeApiHandlers {
  searchTasks?: Handler<[body: SearchRequest], OkData<'searchTasks'>>;
  getTask?: Handler<[id: string], Task>;
  createTask?: Handler<[body: CreateTaskInput], Task>;
  updateTask?: Handler<[id: string, body: UpdateTaskInput], Task>;
  listPlaybooks?: Handler<[], Playbook[]>;
  getPlaybook?: Handler<[id: string], Playbook>;
}

interface Call {
  /** The path's id, for the operations on one task or playbook. */
  id: string;
  request: Request;
  body: () => Promise<never>;
}

const notFound = (what: string, id: string) =>
  errorResponse(404, 'GSOBJ_1011', `No entity matches the given criteria: ${what} "${id}" not found`);

/** Every operation of the spec (a new one fails to compile until it is here): its route and its answer. */
const OPERATIONS: Record<
  keyof operations,
  { method: string; path: RegExp; answer: (handlers: FakeApiHandlers, call: Call) => Promise<Answer<ApiData>> | Answer<ApiData> }
> = {
  searchTasks: {
    method: 'POST',
    path: /^\/tasks\/search$/,
    answer: async (h, c) => (h.searchTasks ? h.searchTasks(await c.body(), c.request) : { records: [], totalCount: 0 }),
  },
  getTask: {
    method: 'GET',
    path: /^\/tasks\/([^/]+)$/,
    answer: async (h, c) => (await h.getTask?.(c.id, c.request)) ?? notFound('task', c.id),
  },
  createTask: {
    method: 'POST',
    path: /^\/tasks$/,
    answer: async (h, c) => (h.createTask ? h.createTask(await c.body(), c.request) : unexpected('createTask')),
  },
  updateTask: {
    method: 'PUT',
    path: /^\/tasks\/([^/]+)$/,
    answer: async (h, c) =>
      h.updateTask ? ((await h.updateTask(c.id, await c.body(), c.request)) ?? notFound('task', c.id)) : unexpected('updateTask'),
  },
  listPlaybooks: {
    method: 'GET',
    path: /^\/playbooks$/,
    answer: (h, c) => (h.listPlaybooks ? h.listPlaybooks(c.request) : []),
  },
  getPlaybook: {
    method: 'GET',
    path: /^\/playbooks\/([^/]+)$/,
    answer: async (h, c) => (await h.getPlaybook?.(c.id, c.request)) ?? notFound('playbook', c.id),
  },
};

function unexpected(operation: keyof operations): Response {
  return errorResponse(501, 'FAKE_501', `The fake API was given no ${operation} for this test.`);
}

/** A fetch (`(request) => Promise<Response>`) that answers as `handlers` say; wrap it in `vi.fn` to see the calls. */
export function fakeApi(handlers: FakeApiHandlers = {}): (request: Request) => Promise<Response> {
  return async (request) => {
    const { pathname } = new URL(request.url);
    const apiPath = /\/v1(\/.*)$/.exec(pathname)?.[1];
    if (apiPath === undefined) {
      // Not the API: answered as a server without the route (Fastify's 404), e.g. the team server's /api.
      return jsonResponse(
        { message: `Route ${request.method}:${pathname} not found`, error: 'Not Found', statusCode: 404 },
        { status: 404 },
      );
    }
    for (const operation of Object.values(OPERATIONS)) {
      const match = operation.path.exec(apiPath);
      if (request.method !== operation.method || !match) continue;
      const call: Call = {
        id: decodeURIComponent(match[1] ?? ''),
        request,
        body: () => request.clone().json() as Promise<never>,
      };
      const answer = await operation.answer(handlers, call);
      if (answer instanceof Response) return answer;
      return answer === undefined ? errorResponse(500, 'FAKE_500', 'The fake API had no answer.') : okResponse(answer);
    }
    return errorResponse(404, 'GS_APIG_1000', `Unknown route: ${request.method} ${pathname}`);
  };
}
