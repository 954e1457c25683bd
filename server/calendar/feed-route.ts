/**
 * The calendar feed on the team server:
 * - `GET /calendar.ics?owner=<OwnerId>[&token=...]`: the owner's open tasks with a due date as an
 *   iCalendar feed (ics.ts). Read from the mirror when it is on and synced, else from the tenant
 *   through the budget scheduler (a user's read: interactive priority, identical reads sent once).
 *   With sign-in on, a calendar app cannot sign in, so besides a session the feed takes the token
 *   of its subscription address (feed-token.ts); sign-in's gate leaves this path to this check.
 *   Every refusal is plain text saying why: 400 a bad owner, 401 no session and no token, 403 a
 *   token that does not fit, 429/502/503/504 when the tenant cannot answer.
 * - `GET /api/calendar-feed?owner=<OwnerId>`: the address to subscribe to, for the current user
 *   (behind sign-in's gate like every `/api` path), as CalendarFeedAnswer JSON.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthConfig } from '../auth/auth-config.ts';
import type { BudgetScheduler, Clock } from '../budget/scheduler.ts';
import { sendEnvelopeError, ServerErrorCodes } from '../envelope.ts';
import type { Live } from '../mirror/live.ts';
import { refusalInWords, resultOf } from '../mirror/tenant-upstream.ts';
import { readKey } from '../upstream/operations.ts';
import type { TenantSender } from '../upstream/tenant-sender.ts';
import { UpstreamError, type UpstreamAnswer } from '../upstream/upstream-client.ts';
import type { SearchRequest, Task } from '../../src/api/types.ts';
import {
  CALENDAR_FEED_ADDRESS_PATH,
  CALENDAR_FEED_PATH,
  FEED_OWNER_PARAM,
  FEED_TOKEN_PARAM,
  feedOwnerProblem,
  type CalendarFeedAnswer,
} from '../../src/lib/calendar-feed.ts';
import { DATA_AS_OF_HEADER, SOURCE_HEADER } from '../../src/lib/live-events.ts';
import { MAX_PAGE_SIZE } from '../../src/lib/search/limits.ts';
import { FEED_MAX_PAGES, feedSearch, inFeedOrder, ownerNameSearch } from './feed-search.ts';
import { checkFeedToken, deriveFeedTokenKey, makeFeedToken } from './feed-token.ts';
import { buildFeed } from './ics.ts';

export interface CalendarFeedDeps {
  auth: AuthConfig;
  live: Live;
  scheduler: BudgetScheduler<UpstreamAnswer>;
  send: TenantSender;
  clock: Clock;
  /** How often calendar apps are asked to fetch the feed again (seconds; default an hour). */
  refreshSeconds?: number;
  /** How long a browser or calendar app may keep an answer without asking (seconds; default 5 minutes). */
  maxAgeSeconds?: number;
}

type Page = { records: Task[]; totalCount: number | null };
type Read<T> = { ok: true; value: T } | { ok: false; status: number; message: string; retryAfterS?: number };

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function pageOf(data: unknown): Page | null {
  if (!isRecord(data) || !Array.isArray(data.records)) return null;
  return { records: data.records.filter(isRecord) as Task[], totalCount: typeof data.totalCount === 'number' ? data.totalCount : null };
}

/** One query parameter: its single value, null when absent, or 'repeated'. */
function param(request: FastifyRequest, name: string): string | null | { repeated: true } {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  if (value === undefined) return null;
  if (Array.isArray(value)) return { repeated: true };
  return String(value);
}

function ownerOf(request: FastifyRequest): { owner: string } | { problem: string } {
  const owner = param(request, FEED_OWNER_PARAM);
  if (owner !== null && typeof owner === 'object') return { problem: 'The owner is given more than once: give one ?owner=<OwnerId>.' };
  const problem = feedOwnerProblem(owner);
  return problem ? { problem } : { owner: owner! };
}

const sendText = (reply: FastifyReply, status: number, text: string, headers: Record<string, string> = {}) =>
  reply
    .code(status)
    .headers({ 'cache-control': 'no-store', ...headers })
    .type('text/plain; charset=utf-8')
    .send(`${text}\n`);

export function registerCalendarFeed(app: FastifyInstance, deps: CalendarFeedDeps): void {
  const { auth, live, scheduler, send } = deps;
  const tokenKey = auth.kind === 'oidc' ? deriveFeedTokenKey(auth.sessionSecret) : null;
  const refreshSeconds = deps.refreshSeconds ?? 3600;
  const maxAgeSeconds = deps.maxAgeSeconds ?? 300;

  /** The board's origin as its users open it: PUBLIC_URL when set, else the address this request came to. */
  const originOf = (request: FastifyRequest) => auth.publicOrigin ?? `${request.protocol}://${request.host}`;

  /** One search, from the mirror when it holds the tasks, else from the tenant within the budget. */
  const search = async (request: FastifyRequest, body: SearchRequest): Promise<Read<Page> & { source?: 'mirror' | 'tenant' }> => {
    const store = live.sync?.synced ? live.store : null;
    if (store) {
      try {
        return { ok: true, value: store.search(body), source: 'mirror' };
      } catch (e) {
        request.log.error({ err: e }, 'calendar feed: the mirror could not answer; asking the tenant');
      }
    }
    const payload = Buffer.from(JSON.stringify(body));
    const apiPath = '/tasks/search';
    try {
      const outcome = await scheduler.submit({
        priority: 'interactive',
        key: readKey('POST', apiPath, payload),
        send: () =>
          send('tasks.search', 'read', {
            method: 'POST',
            apiPath,
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body: payload,
          }),
      });
      if (outcome.kind === 'refused') {
        const retryAfterS = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
        return outcome.reason === 'closing'
          ? { ok: false, status: 503, message: 'The server is restarting; try again in a moment.', retryAfterS: 5 }
          : { ok: false, status: 429, message: `Try again in ${retryAfterS} s: ${refusalInWords(outcome.reason)}.`, retryAfterS };
      }
      const result = resultOf(outcome.answer);
      if (!result.ok) return { ok: false, status: 502, message: `The tasks could not be read: ${result.reason}.` };
      const page = pageOf(result.data);
      if (!page)
        return { ok: false, status: 502, message: 'The tasks could not be read: the Gainsight API answered in an unexpected shape.' };
      return { ok: true, value: page, source: 'tenant' };
    } catch (e) {
      if (e instanceof UpstreamError && e.kind === 'timeout') {
        return { ok: false, status: 504, message: 'The tasks could not be read: the Gainsight API did not answer in time.' };
      }
      return { ok: false, status: 502, message: 'The tasks could not be read: the Gainsight API cannot be reached.' };
    }
  };

  /** Every open task of the owner with a due date (up to FEED_MAX_PAGES pages), and the owner's name. */
  const readFeed = async (request: FastifyRequest, owner: string) => {
    const tasks: Task[] = [];
    let source: 'mirror' | 'tenant' = 'mirror';
    for (let page = 0; page < FEED_MAX_PAGES; page++) {
      const read = await search(request, feedSearch(owner, page * MAX_PAGE_SIZE));
      if (!read.ok) return read;
      if (read.source === 'tenant') source = 'tenant';
      tasks.push(...read.value.records);
      const total = read.value.totalCount;
      if (read.value.records.length < MAX_PAGE_SIZE || (total !== null && tasks.length >= total)) break;
      if (page === FEED_MAX_PAGES - 1)
        request.log.warn({ owner, shown: tasks.length, total }, 'calendar feed: more open tasks than a feed holds');
    }
    let ownerName = tasks.find((t) => t.OwnerName)?.OwnerName ?? null;
    if (ownerName === null) {
      // No open task names the owner: one small search for any task that does (a feed's name is worth it).
      const read = await search(request, ownerNameSearch(owner));
      if (read.ok) ownerName = read.value.records[0]?.OwnerName ?? null;
    }
    return { ok: true as const, value: { tasks: inFeedOrder(tasks), ownerName, source } };
  };

  app.get(CALENDAR_FEED_PATH, async (request, reply) => {
    const asked = ownerOf(request);
    if ('problem' in asked) return sendText(reply, 400, asked.problem);
    const { owner } = asked;

    if (tokenKey && !request.user) {
      const token = param(request, FEED_TOKEN_PARAM);
      if (token === null || token === '') {
        return sendText(
          reply,
          401,
          'This calendar feed needs its token: subscribe with the whole address that "Subscribe to calendar" in Cockpit Board gives you (it ends with &token=...), or sign in first.',
        );
      }
      if (typeof token === 'object') return sendText(reply, 400, 'The token is given more than once: give one &token=... .');
      const check = checkFeedToken(tokenKey, token, owner);
      if (!check.valid) {
        request.log.info({ calendarFeed: 'token refused', owner }, 'calendar feed: token refused');
        return sendText(
          reply,
          403,
          `This calendar feed's address is not valid: ${check.reason}. Copy the address again from "Subscribe to calendar" in Cockpit Board.`,
        );
      }
    }

    const read = await readFeed(request, owner);
    if (!read.ok) {
      return sendText(reply, read.status, read.message, read.retryAfterS !== undefined ? { 'retry-after': String(read.retryAfterS) } : {});
    }
    const { tasks, ownerName, source } = read.value;
    const body = buildFeed({ owner, ownerName, origin: originOf(request), tasks, now: deps.clock.now(), refreshSeconds });
    const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    const headers: Record<string, string> = {
      // A feed is one user's (its address may hold their token): never in a shared cache.
      'cache-control': `private, max-age=${maxAgeSeconds}`,
      etag,
      vary: 'Cookie',
      'content-disposition': `inline; filename="cockpit-tasks-${owner}.ics"`,
      [SOURCE_HEADER.toLowerCase()]: source,
    };
    const asOf = source === 'mirror' ? live.status().lastSyncAt : null;
    if (asOf) headers[DATA_AS_OF_HEADER.toLowerCase()] = asOf;
    const match = request.headers['if-none-match'];
    if (typeof match === 'string' && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
      return reply.code(304).headers(headers).send();
    }
    return reply.code(200).headers(headers).type('text/calendar; charset=utf-8').send(body);
  });

  app.get(CALENDAR_FEED_ADDRESS_PATH, async (request, reply) => {
    const asked = ownerOf(request);
    if ('problem' in asked) return sendEnvelopeError(request, reply, 400, ServerErrorCodes.invalidInput, asked.problem);
    const url = new URL(CALENDAR_FEED_PATH, originOf(request));
    url.searchParams.set(FEED_OWNER_PARAM, asked.owner);
    // With sign-in on the gate has let only a signed-in user get here.
    if (tokenKey && request.user) url.searchParams.set(FEED_TOKEN_PARAM, makeFeedToken(tokenKey, request.user.sub, asked.owner));
    const answer: CalendarFeedAnswer = { url: url.href, personal: tokenKey !== null };
    return reply.header('cache-control', 'no-store').send(answer);
  });
}
