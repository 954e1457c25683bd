/**
 * The `/v1` proxy of the team server. Only `/v1/<plain segments>` is forwarded (the rule in
 * config/proxy-path.ts, shared with nothing else that could disagree), to the configured base
 * URL only, with the access key added here; the browser's cookies, `Authorization` and any
 * `accessKey` it sent stay behind, and the tenant's `Set-Cookie` is not passed back. Every call
 * goes through the budget scheduler; the request body is forwarded byte for byte.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { apiPathFor } from '../../config/proxy-path.ts';
import type { BudgetScheduler, Priority } from '../budget/scheduler.ts';
import { sendEnvelopeError, ServerErrorCodes } from '../envelope.ts';
import type { TeamMetrics } from '../ops/metrics.ts';
import { isRead, operationOf, readKey, taskIdOf, type Operation } from '../upstream/operations.ts';
import type { TenantSender } from '../upstream/tenant-sender.ts';
import { UpstreamError, type UpstreamAnswer } from '../upstream/upstream-client.ts';
import { BACKGROUND_PRIORITY, PRIORITY_HEADER } from '../../src/lib/request-priority.ts';
import { FRESH_HEADER, FRESH_VALUE, SOURCE_HEADER } from '../../src/lib/live-events.ts';

/** Request headers passed on to the API; everything else (cookies, authorization, the browser's own accessKey) stays behind. */
const FORWARDED_REQUEST_HEADERS = ['content-type', 'accept', 'accept-language', 'user-agent'];
/** Response headers passed back to the browser. */
const FORWARDED_RESPONSE_HEADERS = ['content-type', 'content-encoding', 'retry-after', 'x-request-id'];

/** The answer when the tenant could not be reached (the same words wherever it happens). */
const sendUnreachable = (request: FastifyRequest, reply: FastifyReply) =>
  sendEnvelopeError(request, reply, 502, ServerErrorCodes.unreachable, 'The Gainsight API could not be reached through the proxy.');

export interface WriteRecord {
  request: FastifyRequest;
  method: string;
  apiPath: string;
  operation: Operation;
  body: Buffer | undefined;
  status: number;
  errorCode: string | null;
  /** The upstream answer's body, when the tenant answered (not for the proxy's own 429/502/503/504). */
  answer: Buffer | undefined;
  /**
   * For a task update with `readPreviousTask` on: the task as the tenant had it right before the
   * PUT was sent (`data` of GET /tasks/{id}), or null when it could not be read. Otherwise undefined.
   */
  previous: Record<string, unknown> | null | undefined;
}

/** A read the mirror may answer. */
export interface MirrorReadRequest {
  request: FastifyRequest;
  operation: Operation;
  apiPath: string;
  body: Buffer | undefined;
}

/** An answer made by the team server itself (from its mirror): status, headers, JSON text. */
export interface MirrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What the tenant answered to a call the proxy forwarded, before the reply leaves. */
export interface TenantAnswered {
  request: FastifyRequest;
  method: string;
  operation: Operation;
  apiPath: string;
  body: Buffer | undefined;
  /** The read was marked fresh (X-Cockpit-Fresh). */
  fresh: boolean;
  answer: UpstreamAnswer;
  /** For a task update: the task before it, as in WriteRecord.previous. */
  previous: Record<string, unknown> | null | undefined;
}

/**
 * The team server's mirror of the tenant and its live events (server/mirror/), as the proxy sees
 * them. Left out: every call goes to the tenant, as before the mirror.
 */
export interface ProxyMirror {
  /** The mirror's answer to a read (not marked fresh), or null to send it to the tenant. */
  answer(read: MirrorReadRequest): MirrorAnswer | null;
  /** The tenant answered: writes are written into the mirror and announced, fresh reads refresh it. Runs before the reply. */
  tenantAnswered(info: TenantAnswered): void;
  /** The task as the mirror has it now (for the audit's "fields changed"), or undefined to read it from the tenant. */
  previousTask(taskId: string): Record<string, unknown> | undefined;
}

export interface ApiProxyOptions {
  scheduler: BudgetScheduler<UpstreamAnswer>;
  metrics: TeamMetrics;
  /** Sends one call to the tenant (the access key, metrics, upstream health). */
  send: TenantSender;
  upstreamTimeoutMs: number;
  bodyLimitBytes: number;
  /** Called after every write the proxy forwarded or refused (the audit log). */
  onWrite?: (record: WriteRecord) => void;
  /**
   * Before forwarding a task update (PUT /tasks/{id}), read the task (GET, through the budget at
   * write priority), so `onWrite` can tell which fields the update changes. Costs one upstream
   * call per update; on only while the audit log is.
   */
  readPreviousTask?: boolean;
  mirror?: ProxyMirror;
}

function priorityOf(request: FastifyRequest, read: boolean): Priority {
  if (!read) return 'write';
  // The app marks calls nobody waits for (prefetches): they go after everything else.
  return request.headers[PRIORITY_HEADER.toLowerCase()] === BACKGROUND_PRIORITY ? 'background' : 'interactive';
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `data` of a Gainsight envelope that answered a task, or null. */
function taskOf(answer: UpstreamAnswer): Record<string, unknown> | null {
  if (answer.status !== 200) return null;
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as unknown;
    return isRecord(parsed) && parsed.result !== false && isRecord(parsed.data) ? parsed.data : null;
  } catch {
    return null;
  }
}

function errorCodeOf(body: Buffer): string | null {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errorCode?: unknown };
    return typeof parsed.errorCode === 'string' ? parsed.errorCode : null;
  } catch {
    return null;
  }
}

export async function registerApiProxy(app: FastifyInstance, options: ApiProxyOptions): Promise<void> {
  const { scheduler, metrics, mirror } = options;

  await app.register(async (scope) => {
    // The body is forwarded exactly as it came: no parsing, any content type, up to the limit.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: options.bodyLimitBytes }, (_req, body, done) => done(null, body));

    scope.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
      if (error.statusCode === 413 || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
        return sendEnvelopeError(
          request,
          reply,
          413,
          ServerErrorCodes.tooLarge,
          `The request body is larger than ${options.bodyLimitBytes} bytes.`,
        );
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return sendEnvelopeError(request, reply, error.statusCode, ServerErrorCodes.badRequest, error.message);
      }
      request.log.error({ err: error }, 'proxy failed');
      return sendUnreachable(request, reply);
    });

    const handler = async (request: FastifyRequest, reply: FastifyReply) => {
      const started = performance.now();
      const apiPath = apiPathFor(request.raw.url ?? '');
      if (!apiPath) return sendEnvelopeError(request, reply, 404, ServerErrorCodes.notAnApiPath, 'Not an API path this proxy forwards.');
      const method = request.method;
      const operation = operationOf(method, apiPath);
      const read = isRead(method, apiPath);
      const body = Buffer.isBuffer(request.body) && request.body.length > 0 ? request.body : undefined;
      const headers: Record<string, string> = {};
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers[name];
        if (typeof value === 'string') headers[name] = value;
      }
      const priority = priorityOf(request, read);
      const fresh = read && request.headers[FRESH_HEADER.toLowerCase()] === FRESH_VALUE;
      const timeoutMs = options.upstreamTimeoutMs;

      const finish = (served: string) => {
        metrics.proxied.inc({ operation, served });
        metrics.proxyLatency.observe({ operation }, (performance.now() - started) / 1000);
      };

      // Reads the mirror holds are answered from it, unless marked fresh (or it is still syncing).
      if (read && !fresh && mirror) {
        let answer: MirrorAnswer | null = null;
        try {
          answer = mirror.answer({ request, operation, apiPath, body });
        } catch (e) {
          // The mirror failing is no reason to fail the read: the tenant answers it.
          request.log.error({ err: e, operation }, 'the mirror could not answer; passing the read to the tenant');
        }
        if (answer) {
          finish('mirror');
          return reply.code(answer.status).headers(answer.headers).send(answer.body);
        }
      }

      // The task as it is right before the update, for the audit's "fields changed": the mirror's
      // copy when it has one (the app's fresh read before the update has just refreshed it), else
      // the tenant's, in its own budget slot at write priority (no single flight, so it is the
      // tenant's state now). If it cannot be read, the update goes ahead anyway (the audit then
      // lists every field sent).
      let previous: Record<string, unknown> | null | undefined;
      if (options.readPreviousTask && operation === 'tasks.update' && body !== undefined) {
        const taskId = taskIdOf(apiPath);
        previous = taskId === null ? undefined : mirror?.previousTask(taskId);
        if (previous === undefined) {
          previous = null;
          try {
            const before = await scheduler.submit({
              priority: 'write',
              send: () =>
                options.send('tasks.get', 'audit', {
                  method: 'GET',
                  apiPath: apiPath.split('?')[0]!,
                  headers: { accept: 'application/json' },
                }),
            });
            if (before.kind === 'answer') previous = taskOf(before.answer);
          } catch (e) {
            request.log.warn(
              { operation, error: e instanceof Error ? e.message : String(e) },
              'could not read the task before its update (audit)',
            );
          }
        }
      }

      const recordWrite = (status: number, errorCode: string | null, answer?: Buffer) => {
        if (!read) options.onWrite?.({ request, method, apiPath, operation, body, status, errorCode, answer, previous });
      };

      // A read whose client has gone (the user left the page) while it waits for the budget is
      // dropped unsent. A write is sent anyway: the user asked for it.
      const gone = new AbortController();
      if (read) reply.raw.once('close', () => reply.raw.writableFinished || gone.abort());

      let outcome;
      try {
        outcome = await scheduler.submit(
          {
            priority,
            key: read ? readKey(method, apiPath, body) : undefined,
            send: () => options.send(operation, read ? (fresh ? 'fresh' : 'read') : 'write', { method, apiPath, headers, body }),
          },
          read ? gone.signal : undefined,
        );
      } catch (e) {
        finish('error');
        if (e instanceof UpstreamError && e.kind === 'timeout') {
          request.log.warn({ operation, timeoutMs }, 'upstream timed out');
          recordWrite(504, ServerErrorCodes.timeout);
          return sendEnvelopeError(
            request,
            reply,
            504,
            ServerErrorCodes.timeout,
            `The Gainsight API did not answer within ${Math.round(timeoutMs / 1000)} s.`,
          );
        }
        request.log.warn({ operation, error: e instanceof Error ? e.message : String(e) }, 'upstream unreachable');
        recordWrite(502, ServerErrorCodes.unreachable);
        return sendUnreachable(request, reply);
      }

      if (outcome.kind === 'abandoned') {
        finish('abandoned');
        request.log.info(
          { operation, priority, waitedMs: Math.round(outcome.waitedMs) },
          'the client left before its read was sent; dropped',
        );
        // Nobody reads this (the connection is closed); it keeps Fastify's bookkeeping whole.
        return reply.code(499).send();
      }
      if (outcome.kind === 'refused' && outcome.reason === 'closing') {
        finish('refused');
        recordWrite(503, ServerErrorCodes.closing);
        return sendEnvelopeError(request, reply, 503, ServerErrorCodes.closing, 'The server is restarting; try again in a moment.', {
          'retry-after': '5',
        });
      }
      if (outcome.kind === 'refused') {
        finish('refused');
        const seconds = Math.max(1, Math.ceil(outcome.retryAfterMs / 1000));
        const why =
          outcome.reason === 'day'
            ? "today's share of the tenant's API budget is spent"
            : outcome.reason === 'paused'
              ? 'the Gainsight API asked us to slow down'
              : "this minute's share of the tenant's API budget is spent";
        request.log.info({ operation, priority, reason: outcome.reason, retryAfterS: seconds }, 'refused for the budget');
        recordWrite(429, ServerErrorCodes.budgetSpent);
        return sendEnvelopeError(
          request,
          reply,
          429,
          ServerErrorCodes.budgetSpent,
          `Too many requests: ${why}. Try again in ${seconds} s.`,
          {
            'retry-after': String(seconds),
          },
        );
      }

      const { answer } = outcome;
      finish(outcome.shared ? 'shared' : 'upstream');
      request.log.info(
        {
          operation,
          priority,
          status: answer.status,
          waitedMs: Math.round(outcome.waitedMs),
          upstreamMs: Math.round(answer.ms),
          shared: outcome.shared,
        },
        'proxied',
      );
      // Before the reply: a user who wrote reads their own write from the mirror at once.
      if (mirror) {
        try {
          mirror.tenantAnswered({ request, method, operation, apiPath, body, fresh, answer, previous });
        } catch (e) {
          request.log.error({ err: e, operation }, 'the mirror could not take in what the tenant answered');
        }
      }
      recordWrite(answer.status, answer.status >= 400 ? errorCodeOf(answer.body) : null, answer.body);
      const out: Record<string, string> = { 'cache-control': 'no-store' };
      if (read) out[SOURCE_HEADER.toLowerCase()] = 'tenant';
      for (const name of FORWARDED_RESPONSE_HEADERS) {
        const value = answer.headers[name];
        if (value !== undefined) out[name] = value;
      }
      out['server-timing'] = `queue;dur=${outcome.waitedMs.toFixed(1)}, upstream;dur=${answer.ms.toFixed(1)}`;
      return reply.code(answer.status).headers(out).send(answer.body);
    };

    scope.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], url: '/v1', handler });
    scope.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'], url: '/v1/*', handler });
  });
}
