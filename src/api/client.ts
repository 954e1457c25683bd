/**
 * The typed API client: one function per operation of the spec. Each unwraps Gainsight's envelope
 * `{ result, errorCode, errorDesc, requestId, data }` to its `data`, and fails with an `ApiError`
 * (see errors.ts) for every kind of failure, except a caller's abort, which stays an AbortError.
 *
 * The browser calls the same-origin `/v1`; the dev server's proxy adds the access key.
 */
import createClient from 'openapi-fetch';
import { FRESH_HEADER, FRESH_VALUE } from '../lib/live-events.ts';
import { BACKGROUND_PRIORITY, PRIORITY_HEADER } from '../lib/request-priority.ts';
import { ApiError } from './errors.ts';
import { noteOwnWrite, recordRead } from './live-status.ts';
import type { paths } from './schema.gen.ts';
import type { CreateTaskInput, OkData, Playbook, SearchRequest, SearchResult, Task, UpdateTaskInput } from './types.ts';

const DEFAULT_BASE_URL = '/v1';
export const DEFAULT_TIMEOUT_MS = 20_000;

export interface ApiClientOptions {
  /** Where the API lives. Default `/v1` (same origin). A relative URL is resolved against `location`. */
  baseUrl?: string;
  /** The fetch to use (tests inject a fake). Default: `globalThis.fetch`, looked up on every call. */
  fetch?: (request: Request) => Promise<Response>;
  /** Time limit for one call, answer body included. Default 20 s. */
  timeoutMs?: number;
  /**
   * Told of every successful read's response headers (where it was answered from, how old the
   * mirror's data was) and of every task this client saved. Default: the app's live status
   * store (live-status.ts).
   */
  observer?: {
    read: (headers: Headers) => void;
    wrote: (task: Task) => void;
  };
}

export interface CallOptions {
  /** Aborting it rejects the call with the signal's reason (an AbortError), not an ApiError. */
  signal?: AbortSignal;
  /** Nobody is waiting for this call (a prefetch): the team server sends it after everything else. */
  background?: boolean;
  /**
   * This read must come from the tenant, not the team server's mirror: the read a move or an
   * edit builds its write on, so that nobody's change is overwritten.
   */
  fresh?: boolean;
}

/** The per-call headers: the background mark and the fresh-read mark, when set. */
function callHeaders(options: CallOptions | undefined): Record<string, string> | undefined {
  const headers: Record<string, string> = {};
  if (options?.background) headers[PRIORITY_HEADER] = BACKGROUND_PRIORITY;
  if (options?.fresh) headers[FRESH_HEADER] = FRESH_VALUE;
  return Object.keys(headers).length > 0 ? headers : undefined;
}

const defaultObserver = { read: (headers: Headers) => recordRead(headers), wrote: noteOwnWrite };

export interface TaskApi {
  getTask(id: string, options?: CallOptions): Promise<Task>;
  createTask(input: CreateTaskInput, options?: CallOptions): Promise<Task>;
  updateTask(id: string, input: UpdateTaskInput, options?: CallOptions): Promise<Task>;
  /**
   * `totalCount` is the server's when it sends one. Gainsight's own samples omit it; then it is a
   * lower bound (rows seen up to this page, plus one if the page was full) so paging goes on until
   * a short page.
   */
  searchTasks(request: SearchRequest, options?: CallOptions): Promise<SearchResult>;
  listPlaybooks(options?: CallOptions): Promise<Playbook[]>;
  getPlaybook(id: string, options?: CallOptions): Promise<Playbook>;
}

/** What openapi-fetch resolves with when asked for `parseAs: 'text'`. */
interface RawResult {
  data?: string;
  error?: unknown;
  response: Response;
}

/**
 * Headers on every call. `X-Requested-With: cockpit-board` says the call comes from the board's
 * own page, which a form or script on another site cannot claim: with sign-in on, the team
 * server accepts a write without an `Origin` header only with it (server/auth/README.md).
 */
export function appRequestHeaders(): Record<string, string> {
  return { Accept: 'application/json', 'X-Requested-With': 'cockpit-board' };
}

export function createApiClient(options: ApiClientOptions = {}): TaskApi {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const observer = options.observer ?? defaultObserver;
  const client = createClient<paths>({
    baseUrl: resolveBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL),
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    headers: appRequestHeaders(),
  });

  /** Sends a call; `kind` says whether its answer is a read (its headers are recorded) or a saved task. */
  async function send(callOptions: CallOptions | undefined, kind: 'read' | 'write', run: (signal: AbortSignal) => Promise<RawResult>) {
    const callerSignal = callOptions?.signal;
    const timeoutSignal = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeoutSignal]) : timeoutSignal;
    let result: RawResult;
    try {
      result = await run(signal);
    } catch (error) {
      // The caller gave up: keep its AbortError so TanStack Query sees a cancellation.
      if (callerSignal?.aborted) throw error;
      if (timeoutSignal.aborted) {
        throw new ApiError({
          kind: 'timeout',
          status: 0,
          errorDesc: `The API did not answer within ${formatDuration(timeoutMs)}.`,
          cause: error,
        });
      }
      throw new ApiError({
        kind: 'network',
        status: 0,
        errorDesc: `Could not reach the API (${describeCause(error)}).`,
        cause: error,
      });
    }
    const data = unwrapEnvelope(result);
    if (kind === 'read') observer.read(result.response.headers);
    else observer.wrote(data as Task);
    return data;
  }

  return {
    async getTask(id, callOptions) {
      const taskId = checkId(id, 'task');
      const data = await send(callOptions, 'read', (signal) =>
        client.GET('/tasks/{taskId}', { params: { path: { taskId } }, parseAs: 'text', signal, headers: callHeaders(callOptions) }),
      );
      return data as OkData<'getTask'>;
    },

    async createTask(input, callOptions) {
      const data = await send(callOptions, 'write', (signal) =>
        client.POST('/tasks', { body: input, parseAs: 'text', signal, headers: callHeaders(callOptions) }),
      );
      return data as OkData<'createTask'>;
    },

    async updateTask(id, input, callOptions) {
      const taskId = checkId(id, 'task');
      const data = await send(callOptions, 'write', (signal) =>
        client.PUT('/tasks/{taskId}', {
          params: { path: { taskId } },
          body: input,
          parseAs: 'text',
          signal,
          headers: callHeaders(callOptions),
        }),
      );
      return data as OkData<'updateTask'>;
    },

    async searchTasks(request, callOptions) {
      const data = await send(callOptions, 'read', (signal) =>
        client.POST('/tasks/search', { body: request, parseAs: 'text', signal, headers: callHeaders(callOptions) }),
      );
      return toSearchResult(data as OkData<'searchTasks'>, request);
    },

    async listPlaybooks(callOptions) {
      const data = await send(callOptions, 'read', (signal) =>
        client.GET('/playbooks', { parseAs: 'text', signal, headers: callHeaders(callOptions) }),
      );
      return data as OkData<'listPlaybooks'>;
    },

    async getPlaybook(id, callOptions) {
      const playbookId = checkId(id, 'playbook');
      const data = await send(callOptions, 'read', (signal) =>
        client.GET('/playbooks/{playbookId}', {
          params: { path: { playbookId } },
          parseAs: 'text',
          signal,
          headers: callHeaders(callOptions),
        }),
      );
      return data as OkData<'getPlaybook'>;
    },
  };
}

/**
 * openapi-fetch builds `new Request(baseUrl + path)`. Browsers resolve a relative URL against the
 * page, but Node's Request (used under jsdom in tests) cannot, so resolve it here against
 * `location` when there is one; an absolute URL is kept as it is.
 */
function resolveBaseUrl(baseUrl: string): string {
  if (/^[a-z][a-z\d+.-]*:/i.test(baseUrl) || typeof location === 'undefined') return baseUrl;
  return new URL(baseUrl, location.href).href;
}

/**
 * Ids go into the path percent-encoded (openapi-fetch applies encodeURIComponent to path
 * parameters). Only an empty id and the dot segments `.` and `..` cannot be sent: encoding leaves
 * them as they are, and URL parsing would then resolve them away (`/v1/tasks/..` is `/v1/`).
 */
function checkId(id: string, what: string): string {
  if (id === '' || id === '.' || id === '..') {
    throw new ApiError({ kind: 'api', status: 0, errorDesc: `Invalid ${what} id ${JSON.stringify(id)}.` });
  }
  return id;
}

type Envelope = Record<string, unknown>;

/** A Gainsight envelope: a JSON object with a `result` or a `data` member. */
function asEnvelope(value: unknown): Envelope | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return 'result' in value || 'data' in value ? (value as Envelope) : null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** `Retry-After` in seconds (the only form Gainsight's proxies and the team server send), as ms. */
function retryAfter(response: Response): number | null {
  const seconds = Number(response.headers.get('Retry-After') ?? '');
  return response.headers.has('Retry-After') && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : null;
}

function envelopeError(status: number, envelope: Envelope, fallbackDesc: string, retryAfterMs: number | null = null): ApiError {
  return new ApiError({
    kind: 'api',
    status,
    retryAfterMs,
    errorCode: stringOrNull(envelope.errorCode),
    errorDesc: stringOrNull(envelope.errorDesc) ?? stringOrNull(envelope.message) ?? fallbackDesc,
    requestId: stringOrNull(envelope.requestId),
  });
}

function unwrapEnvelope({ data: text, error, response }: RawResult): unknown {
  const { status } = response;
  if (!response.ok) {
    // openapi-fetch hands over the error body JSON-parsed when it parses, else as text.
    const envelope = asEnvelope(error);
    const retryAfterMs = retryAfter(response);
    if (envelope) throw envelopeError(status, envelope, statusInWords(status), retryAfterMs);
    throw new ApiError({ kind: 'api', status, errorDesc: describeForeignError(response, error), retryAfterMs });
  }
  if (text === undefined || text.trim() === '') {
    throw new ApiError({ kind: 'api', status, errorDesc: `The API answered ${statusLine(response)} with an empty body.` });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    const type = response.headers.get('Content-Type')?.split(';')[0]?.trim();
    throw new ApiError({
      kind: 'api',
      status,
      errorDesc: `The API answered ${statusLine(response)} with ${type ? `${type} content` : 'a body'} that is not JSON; is the /v1 proxy set up?`,
      cause,
    });
  }
  const envelope = asEnvelope(json);
  if (!envelope) {
    throw new ApiError({ kind: 'api', status, errorDesc: 'The API answered with JSON that is not a Gainsight envelope.' });
  }
  if (envelope.result === false) {
    throw envelopeError(status, envelope, 'The API reported a failure without saying why.');
  }
  if (envelope.data === undefined || envelope.data === null) {
    throw new ApiError({
      kind: 'api',
      status,
      errorDesc: 'The API answered without data.',
      requestId: stringOrNull(envelope.requestId),
    });
  }
  return envelope.data;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** "HTTP 502 Bad Gateway" (HTTP/2 answers carry no status text, so fall back to the standard one). */
function statusLine(response: Response): string {
  const text = response.statusText || STATUS_TEXT[response.status] || '';
  return `HTTP ${response.status}${text ? ` ${text}` : ''}`;
}

/**
 * What a person reads when an answer carries no Gainsight error: what happened and what to do,
 * with the status code for whoever they report it to.
 */
export function statusInWords(status: number): string {
  if (status === 502 || status === 503 || status === 504) {
    return `The Gainsight API could not be reached (${status}). Try again in a moment.`;
  }
  if (status === 429) return 'Too many requests to the Gainsight API right now (429). Try again in a moment.';
  if (status >= 500) return `The Gainsight API ran into a problem (${status}). Try again in a moment.`;
  if (status === 401 || status === 403) return `The Gainsight API refused the access key (${status}).`;
  if (status === 404) return 'The Gainsight API does not know this address (404).';
  if (status === 408) return 'The Gainsight API took too long to answer (408). Try again in a moment.';
  return `The Gainsight API refused the request (${status}).`;
}

/** A failure answered by something other than Gainsight, e.g. a proxy's HTML 502 page. */
function describeForeignError(response: Response, body: unknown): string {
  const type = response.headers.get('Content-Type') ?? '';
  const base = statusInWords(response.status);
  // A short plain-text body usually says what went wrong (e.g. a proxy's "connect ECONNREFUSED").
  if (typeof body === 'string' && !/html|xml/i.test(type)) {
    const snippet = body.trim().replace(/\s+/g, ' ');
    if (snippet !== '' && snippet.length <= 200) return `${base} Details: ${snippet}`;
  }
  return base;
}

function describeCause(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return `${error.message}${cause}`;
  }
  return String(error);
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function toSearchResult(data: OkData<'searchTasks'>, request: SearchRequest): SearchResult {
  const records = Array.isArray(data.records) ? data.records : [];
  if (typeof data.totalCount === 'number') return { records, totalCount: data.totalCount };
  const seen = (request.offset ?? 0) + records.length;
  const full = request.limit !== undefined && records.length >= request.limit && records.length > 0;
  return { records, totalCount: full ? seen + 1 : seen };
}

const defaultClient = createApiClient();

export const { getTask, createTask, updateTask, searchTasks, listPlaybooks, getPlaybook } = defaultClient;
