import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiFailure, ErrorCodes, badRequest, notFound } from './errors.ts';
import { Faults, parseFaultSettings } from './faults.ts';
import { SearchError } from '../search-engine/compile.ts';
import { describeSchemaErrors, type SpecValidators } from './spec.ts';
import type { Store } from './store.ts';
import { checkJsonContentType, parseJsonBody } from './json-body.ts';
import { validateTaskInput } from './validate.ts';
import { sleep } from '../src/lib/sleep.ts';

const MAX_BODY_BYTES = 1024 * 1024;

export interface HandlerContext {
  store: Store;
  validators: SpecValidators;
  faults: Faults;
  accessKey: string;
  log?: (line: string) => void;
}

/** Compares two secrets in constant time (hashing first, so their lengths leak nothing). */
function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

function ok(res: ServerResponse, requestId: string, data: unknown) {
  send(res, 200, { result: true, errorCode: null, errorDesc: null, requestId, data, message: null });
}

function fail(res: ServerResponse, requestId: string, error: ApiFailure) {
  send(
    res,
    error.status,
    { result: false, errorCode: error.errorCode, errorDesc: error.message, requestId, data: null, message: null },
    { ...error.headers, ...(error.status === 413 ? { Connection: 'close' } : {}) },
  );
}

/** Reads the body up to the limit; a larger one is a 413 (the rest is not buffered). */
function readBody(req: IncomingMessage): Promise<string> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (e) => reject(e));
  });
}

const tooLarge = () => new ApiFailure(413, ErrorCodes.tooLarge, `Request body is larger than the limit of ${MAX_BODY_BYTES} bytes (1 MiB)`);

type Route = { pattern: RegExp; methods: Record<string, (ctx: HandlerContext, params: string[], body: () => Promise<unknown>) => unknown> };

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  try {
    checkJsonContentType(req.headers['content-type']);
  } catch (e) {
    await readBody(req).catch(() => undefined);
    throw e;
  }
  return parseJsonBody(await readBody(req));
}

const ROUTES: Route[] = [
  {
    pattern: /^\/tasks$/,
    methods: {
      POST: async (ctx, _p, body) => {
        const { write, extension } = validateTaskInput(await body(), ctx.validators, { allowExtensions: true });
        return ctx.store.createTask(write, extension);
      },
    },
  },
  {
    pattern: /^\/tasks\/search$/,
    methods: {
      POST: async (ctx, _p, body) => {
        const request = await body();
        if (!request || typeof request !== 'object' || Array.isArray(request)) {
          throw badRequest('Request body must be a JSON object (SearchRequest)');
        }
        if (!ctx.validators.searchRequest(request)) {
          throw badRequest(`Invalid search - ${describeSchemaErrors(ctx.validators.searchRequest.errors).join('; ')}`);
        }
        return ctx.store.searchTasks(request);
      },
    },
  },
  {
    pattern: /^\/tasks\/([^/]+)$/,
    methods: {
      GET: (ctx, [id]) => ctx.store.getTask(id!) ?? Promise.reject(notFound('task', id!)),
      PUT: async (ctx, [id], body) => {
        const payload = await body();
        if (!ctx.store.getTask(id!)) throw notFound('task', id!);
        const { write } = validateTaskInput(payload, ctx.validators, { allowExtensions: false });
        return ctx.store.updateTask(id!, write) ?? Promise.reject(notFound('task', id!));
      },
    },
  },
  { pattern: /^\/playbooks$/, methods: { GET: (ctx) => ctx.store.listPlaybooks() } },
  {
    pattern: /^\/playbooks\/([^/]+)$/,
    methods: {
      GET: (ctx, [id]) => ctx.store.getPlaybook(id!) ?? Promise.reject(notFound('playbook', id!)),
    },
  },
];

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** The sandbox's request handler: authentication, faults, routing, envelope. */
export function createHandler(ctx: HandlerContext) {
  return async (req: IncomingMessage, res: ServerResponse) => {
    const requestId = randomUUID();
    const started = performance.now();
    const method = req.method ?? 'GET';
    const rawPath = (req.url ?? '/').split('?')[0]!;
    try {
      // Node lower-cases header names, so `accessKey`, `Accesskey` and `ACCESSKEY` all arrive here.
      const key = header(req, 'accesskey');
      if (key === undefined || !sameSecret(key, ctx.accessKey)) {
        req.resume();
        throw new ApiFailure(401, ErrorCodes.unauthorized, 'Unauthorized');
      }
      if (rawPath === '/__sandbox/faults') {
        await handleControl(ctx, req, res, requestId, method);
        return;
      }
      if (!rawPath.startsWith('/v1/')) throw unknownRoute(method, rawPath);
      const apiPath = rawPath.slice(3);
      const route = ROUTES.find((r) => r.pattern.test(apiPath));
      if (!route) throw unknownRoute(method, rawPath);
      const handler = route.methods[method];
      if (!handler) {
        req.resume();
        throw new ApiFailure(405, ErrorCodes.methodNotAllowed, `Method ${method} is not allowed on ${rawPath}`, {
          Allow: Object.keys(route.methods).join(', '),
        });
      }
      const delay = ctx.faults.delayMs();
      if (delay > 0) await sleep(delay);
      const decision = ctx.faults.decide(method, apiPath);
      if (decision.kind === 'rateLimited') {
        req.resume();
        const seconds = Math.ceil(ctx.faults.windowRemainingMs() / 1000);
        throw new ApiFailure(
          429,
          ErrorCodes.rateLimited,
          `Too many requests: the tenant's rate limit is reached; the window resets in ${seconds} s`,
        );
      }
      if (decision.kind === 'fail' && decision.when === 'before') {
        req.resume();
        throw injected(decision.status);
      }
      const params = apiPath.match(route.pattern)!.slice(1).map(decodeSegment);
      const data = await handler(ctx, params, () => jsonBody(req));
      if (decision.kind === 'fail') throw injected(decision.status);
      ok(res, requestId, data);
    } catch (e) {
      let failure: ApiFailure;
      if (e instanceof ApiFailure) failure = e;
      else if (e instanceof SearchError) failure = new ApiFailure(400, e.code, e.message);
      else {
        ctx.log?.(`sandbox: ${method} ${rawPath} failed: ${(e as Error).stack ?? String(e)}`);
        failure = new ApiFailure(500, ErrorCodes.internal, 'Internal error in the sandbox server');
      }
      if (!res.headersSent) fail(res, requestId, failure);
    } finally {
      ctx.log?.(`${method} ${rawPath} -> ${res.statusCode} ${(performance.now() - started).toFixed(1)} ms`);
    }
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badRequest(`Malformed percent-encoding in path segment "${segment}"`);
  }
}

const unknownRoute = (method: string, path: string) => new ApiFailure(404, ErrorCodes.unknownRoute, `No route for ${method} ${path}`);

const injected = (status: number) =>
  new ApiFailure(status, ErrorCodes.injected, `Injected fault: the sandbox was told to answer ${status}`);

async function handleControl(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse, requestId: string, method: string) {
  if (method === 'GET') return ok(res, requestId, ctx.faults.get());
  if (method === 'PUT') return ok(res, requestId, ctx.faults.update(parseFaultSettings(await jsonBody(req))));
  if (method === 'DELETE') return ok(res, requestId, ctx.faults.reset());
  throw new ApiFailure(405, ErrorCodes.methodNotAllowed, `Method ${method} is not allowed on /__sandbox/faults`, {
    Allow: 'GET, PUT, DELETE',
  });
}
