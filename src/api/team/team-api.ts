/**
 * The client for the team server's own `/api/...` endpoints (src/lib/live-events.ts is their
 * contract): a task's activity and the team's shared views. Like the `/v1` client it sends the
 * app's own headers (with sign-in on, the team server takes a write without an `Origin` header only
 * with `X-Requested-With: cockpit-board`), and it fails with an `ApiError` for every failure but
 * a caller's abort. Unlike `/v1`, a success is plain JSON (no Gainsight envelope); a failure is the
 * Gainsight-style envelope `{ result: false, errorCode, errorDesc, requestId }`.
 */
import {
  ACTIVITY_PATH,
  VIEWS_PATH,
  type ActivityAnswer,
  type ActivityEntry,
  type FieldChange,
  type TeamView,
  type TeamViewInput,
} from '../../lib/live-events.ts';
import { isTeamViewKind } from '../../lib/team/team-views.ts';
import { appRequestHeaders, DEFAULT_TIMEOUT_MS, type CallOptions } from '../client.ts';
import { ApiError, isApiError } from '../errors.ts';

export interface TeamApiOptions {
  /** The fetch to use (tests inject a fake). Default: `globalThis.fetch`, looked up on every call. */
  fetch?: (request: Request) => Promise<Response>;
  /** Time limit for one call, answer body included. Default 20 s, as for `/v1`. */
  timeoutMs?: number;
}

/** What `PUT /api/views/{id}` changes: the name, the params, or both. */
export interface TeamViewPatch {
  name?: string;
  params?: string;
}

export interface TeamApi {
  getTaskActivity(taskId: string, options?: CallOptions): Promise<ActivityAnswer>;
  listTeamViews(options?: CallOptions): Promise<TeamView[]>;
  createTeamView(input: TeamViewInput, options?: CallOptions): Promise<TeamView>;
  updateTeamView(id: string, patch: TeamViewPatch, options?: CallOptions): Promise<TeamView>;
  deleteTeamView(id: string, options?: CallOptions): Promise<void>;
  /**
   * Any other `GET` of the team server's own API: its JSON, unchecked (the caller reads it, e.g.
   * the calendar feed's address in calendar-feed.ts, which loads only when it is used).
   */
  getJson(path: string, options?: CallOptions): Promise<unknown>;
}

/**
 * Why the team server's answer cannot be used, in words, when it sent no error envelope of its
 * own (an older server answering 404 for a path it does not have, a proxy's 502 page).
 */
export function teamStatusInWords(status: number): string {
  if (status === 502 || status === 503 || status === 504) return `The team server could not be reached (${status}). Try again in a moment.`;
  if (status === 429) return 'Too many requests to the team server right now (429). Try again in a moment.';
  if (status >= 500) return `The team server ran into a problem (${status}). Try again in a moment.`;
  if (status === 401) return 'You need to sign in for this (401).';
  if (status === 403) return 'The team server did not allow this (403).';
  if (status === 404) return 'The team server does not offer this (404); it may be an older version.';
  if (status === 413) return 'That is too large for the team server (413).';
  return `The team server refused the request (${status}).`;
}

/**
 * The `errorCode` this client gives a 2xx answer that is a web page (HTML) rather than the team
 * server's JSON: a server without the endpoint answered with the app's own page (an older team
 * server's SPA fallback sends index.html for every unknown GET).
 */
export const TEAM_ENDPOINT_MISSING = 'TEAM_ENDPOINT_MISSING';

/**
 * A team-server feature the app cannot use here, as opposed to a failure: `missing` when the
 * server has no such endpoint (an older server: 404, 405, 501, or the app's page instead of JSON),
 * `sign-in` when it needs a session the browser does not have (401). Null for every other error.
 */
export type TeamApiUnavailable = 'missing' | 'sign-in';

export function teamApiUnavailable(error: unknown): TeamApiUnavailable | null {
  if (!isApiError(error) || error.kind !== 'api') return null;
  if (error.errorCode === TEAM_ENDPOINT_MISSING) return 'missing';
  if (error.status === 404 || error.status === 405 || error.status === 501) return 'missing';
  if (error.status === 401) return 'sign-in';
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function checkId(id: string, what: string): string {
  if (id === '' || id === '.' || id === '..') {
    throw new ApiError({ kind: 'api', status: 0, errorDesc: `Invalid ${what} id ${JSON.stringify(id)}.` });
  }
  return id;
}

/** A team view as the server sent it, or null when it is not one. */
export function readTeamView(value: unknown): TeamView | null {
  if (!isRecord(value)) return null;
  const { id, kind, name, params, author, createdAt, updatedAt, editable } = value;
  if (typeof id !== 'string' || id === '' || !isTeamViewKind(kind) || typeof name !== 'string' || typeof params !== 'string') return null;
  if (author !== null && typeof author !== 'string') return null;
  if (typeof createdAt !== 'string' || typeof updatedAt !== 'string' || typeof editable !== 'boolean') return null;
  return { id, kind, name, params, author: author === '' ? null : author, createdAt, updatedAt, editable };
}

function readValue(v: unknown): string | number | null | undefined {
  return v === null || typeof v === 'string' || typeof v === 'number' ? v : undefined;
}

function readFieldChange(value: unknown): FieldChange | null {
  if (!isRecord(value) || typeof value.field !== 'string' || value.field === '') return null;
  const from = readValue(value.from);
  const to = readValue(value.to);
  if (from === undefined || to === undefined) return null;
  return { field: value.field, from, to };
}

function readActivityEntry(value: unknown): ActivityEntry | null {
  if (!isRecord(value)) return null;
  const { at, source, actor, kind, changes } = value;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at))) return null;
  if (source !== 'cockpit' && source !== 'outside') return null;
  if (kind !== 'created' && kind !== 'changed' && kind !== 'removed') return null;
  if (actor !== null && actor !== undefined && typeof actor !== 'string') return null;
  const list = Array.isArray(changes) ? changes.map(readFieldChange).filter((c): c is FieldChange => c !== null) : [];
  return { at, source, actor: text(actor), kind, changes: list };
}

/** Reads `GET /api/tasks/{id}/activity`; an entry that is not one is left out. */
export function readActivityAnswer(value: unknown, taskId: string): ActivityAnswer {
  if (!isRecord(value) || !Array.isArray(value.entries) || typeof value.available !== 'boolean') {
    throw new ApiError({
      kind: 'api',
      status: 200,
      errorDesc: "The team server answered with a task's activity in a shape this app does not know.",
    });
  }
  const retention = value.retentionDays;
  return {
    taskId: typeof value.taskId === 'string' ? value.taskId : taskId,
    entries: value.entries.map(readActivityEntry).filter((e): e is ActivityEntry => e !== null),
    retentionDays: typeof retention === 'number' && Number.isFinite(retention) && retention > 0 ? retention : 0,
    available: value.available,
  };
}

function resolveUrl(path: string): string {
  return typeof location === 'undefined' ? path : new URL(path, location.href).href;
}

function describeCause(error: unknown): string {
  if (error instanceof Error) return error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message;
  return String(error);
}

export function createTeamApi(options: TeamApiOptions = {}): TeamApi {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((request: Request) => globalThis.fetch(request));

  /** Sends one call; resolves with the parsed JSON body (undefined for an empty 2xx answer). */
  async function send(method: string, path: string, body: unknown, callOptions: CallOptions | undefined): Promise<unknown> {
    const callerSignal = callOptions?.signal;
    const timeoutSignal = AbortSignal.timeout(timeoutMs);
    const signal = callerSignal ? AbortSignal.any([callerSignal, timeoutSignal]) : timeoutSignal;
    const headers: Record<string, string> = appRequestHeaders();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let answer: string;
    let response: Response;
    try {
      response = await doFetch(
        new Request(resolveUrl(path), {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials: 'same-origin',
          signal,
        }),
      );
      answer = await response.text();
    } catch (error) {
      if (callerSignal?.aborted) throw error;
      if (timeoutSignal.aborted) {
        const limit = timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 100) / 10} s`;
        throw new ApiError({ kind: 'timeout', status: 0, errorDesc: `The team server did not answer within ${limit}.`, cause: error });
      }
      throw new ApiError({
        kind: 'network',
        status: 0,
        errorDesc: `Could not reach the team server (${describeCause(error)}).`,
        cause: error,
      });
    }
    let json: unknown;
    let parsed = answer.trim() !== '';
    if (parsed) {
      try {
        json = JSON.parse(answer);
      } catch {
        parsed = false;
      }
    }
    const { status } = response;
    if (!response.ok || (isRecord(json) && json.result === false)) {
      // Only an envelope's words are the server's; another body (a framework's own 404) is worded here.
      const envelope = isRecord(json) && ('result' in json || 'errorDesc' in json) ? json : {};
      throw new ApiError({
        kind: 'api',
        status,
        errorCode: text(envelope.errorCode),
        errorDesc: text(envelope.errorDesc) ?? text(envelope.message) ?? teamStatusInWords(status),
        requestId: text(envelope.requestId),
      });
    }
    if (answer.trim() === '') return undefined;
    if (!parsed) {
      const page = /html/i.test(response.headers.get('Content-Type') ?? '');
      throw new ApiError({
        kind: 'api',
        status,
        errorCode: page ? TEAM_ENDPOINT_MISSING : null,
        errorDesc: page
          ? `The server answered ${method} ${path} with a web page, not the team server's JSON: it has no such endpoint (an older team server?).`
          : `The team server answered ${method} ${path} with something that is not JSON; is the team server in front of the app?`,
      });
    }
    return json;
  }

  const viewPath = (id: string) => `${VIEWS_PATH}/${encodeURIComponent(checkId(id, 'view'))}`;

  function expectView(value: unknown): TeamView {
    const view = readTeamView(value);
    if (!view)
      throw new ApiError({
        kind: 'api',
        status: 200,
        errorDesc: 'The team server answered with a view in a shape this app does not know.',
      });
    return view;
  }

  return {
    async getTaskActivity(taskId, callOptions) {
      const body = await send('GET', ACTIVITY_PATH(checkId(taskId, 'task')), undefined, callOptions);
      return readActivityAnswer(body, taskId);
    },

    async listTeamViews(callOptions) {
      const body = await send('GET', VIEWS_PATH, undefined, callOptions);
      if (!isRecord(body) || !Array.isArray(body.views)) {
        throw new ApiError({
          kind: 'api',
          status: 200,
          errorDesc: "The team server answered with the team's views in a shape this app does not know.",
        });
      }
      return body.views.map(readTeamView).filter((v): v is TeamView => v !== null);
    },

    async createTeamView(input, callOptions) {
      return expectView(await send('POST', VIEWS_PATH, input, callOptions));
    },

    async updateTeamView(id, patch, callOptions) {
      return expectView(await send('PUT', viewPath(id), patch, callOptions));
    },

    async deleteTeamView(id, callOptions) {
      await send('DELETE', viewPath(id), undefined, callOptions);
    },

    getJson: (path, callOptions) => send('GET', path, undefined, callOptions),
  };
}

const defaultTeamApi = createTeamApi();

export const { getTaskActivity, listTeamViews, createTeamView, updateTeamView, deleteTeamView, getJson } = defaultTeamApi;
