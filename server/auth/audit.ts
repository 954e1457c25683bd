/**
 * The audit log: one JSON line per write that goes through the server (who, what, which task,
 * which fields, and what the API answered). Field names only, never their values: task text can
 * hold customer data, and the log's readers need "who changed the due date", not the date.
 *
 * Lines go to the file AUDIT_LOG names (appended; created if missing), or, without AUDIT_LOG, to
 * the server's logger (stdout) as `{ ..., "audit": { ... }, "msg": "audit" }`.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { AuthUser } from './session.ts';

export interface AuditLine {
  /** ISO 8601, UTC. */
  time: string;
  /** The signed-in user's email, else their subject, else `anonymous` (sign-in off). */
  user: string;
  /** The provider's subject identifier; null when anonymous. */
  sub: string | null;
  method: string;
  /** The request path without its query string, e.g. `/v1/tasks/T-1`. */
  path: string;
  /** From the path (`/tasks/{id}`), else the created task's `Gsid` in the answer; else null. */
  taskId: string | null;
  /** Names of the fields the write sets (for a PUT with `previous`: only those that change), sorted. */
  fields: string[];
  /** Present and true when the body named more fields than are listed. */
  fieldsTruncated?: true;
  /** HTTP status the server answered with. */
  status: number;
  /** Gainsight's `errorCode` from the answer, if any. */
  errorCode: string | null;
  /** The request id (the server's, and in the logs), when known. */
  requestId: string | null;
}

export interface AuditInput {
  user: Pick<AuthUser, 'sub' | 'email'> | null;
  method: string;
  /** The request target as received (`/v1/tasks/T-1?x=1`); the query is dropped. */
  path: string;
  /** The parsed JSON request body. */
  body: unknown;
  /** The task as it was before a PUT, when the caller has it: then only changed fields are listed. */
  previous?: Record<string, unknown> | null;
  status: number;
  /** The parsed JSON answer (Gainsight envelope), when there is one. */
  response?: unknown;
  requestId?: string | null;
  /** Default: now. */
  time?: Date;
}

const MAX_FIELDS = 100;
const MAX_FIELD_NAME = 100;
const MAX_TASK_ID = 200;

/** Whether a request is a write to audit: anything but GET/HEAD/OPTIONS, except the search query (`POST .../tasks/search`), which reads. */
export function isAuditedWrite(method: string, path: string): boolean {
  const m = method.toUpperCase();
  if (m === 'GET' || m === 'HEAD' || m === 'OPTIONS') return false;
  return !/\/tasks\/search\/?$/.test(stripQuery(path));
}

function stripQuery(path: string): string {
  return path.split(/[?#]/, 1)[0] ?? '';
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Structural equality for JSON values (key order ignored). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
  }
  return false;
}

function taskIdFrom(path: string, response: unknown): string | null {
  const match = /\/tasks\/([^/]+)\/?$/.exec(path);
  if (match && match[1] !== 'search') {
    let id = match[1]!;
    try {
      id = decodeURIComponent(id);
    } catch {
      // keep it as sent
    }
    return id.slice(0, MAX_TASK_ID);
  }
  if (isRecord(response) && isRecord(response.data) && typeof response.data.Gsid === 'string')
    return response.data.Gsid.slice(0, MAX_TASK_ID);
  return null;
}

export function buildAuditLine(input: AuditInput): AuditLine {
  const path = stripQuery(input.path);
  let names: string[] = [];
  if (isRecord(input.body)) {
    const body = input.body;
    const previous = input.previous;
    names = Object.keys(body).filter((k) => !previous || !Object.hasOwn(previous, k) || !sameJson(body[k], previous[k]));
  }
  names = names.map((n) => n.slice(0, MAX_FIELD_NAME)).sort();
  const errorCode = isRecord(input.response) && typeof input.response.errorCode === 'string' ? input.response.errorCode : null;
  const line: AuditLine = {
    time: (input.time ?? new Date()).toISOString(),
    user: input.user ? (input.user.email ?? input.user.sub) : 'anonymous',
    sub: input.user?.sub ?? null,
    method: input.method.toUpperCase(),
    path,
    taskId: taskIdFrom(path, input.response),
    fields: names.slice(0, MAX_FIELDS),
    status: input.status,
    errorCode,
    requestId: input.requestId ?? null,
  };
  if (names.length > MAX_FIELDS) line.fieldsTruncated = true;
  return line;
}

/** The part of a pino/Fastify logger the writer needs. */
export interface AuditLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface AuditWriter {
  write(line: AuditLine): void;
  close(): void;
}

export class AuditConfigError extends Error {
  override readonly name = 'AuditConfigError';
}

/** AUDIT_LOG from the environment: a file path, or null (the logger). Empty is an error, like the other variables. */
export function resolveAuditLog(env: Record<string, string | undefined>): string | null {
  const raw = env.AUDIT_LOG;
  if (raw === undefined) return null;
  if (raw.trim() === '') {
    throw new AuditConfigError(
      'AUDIT_LOG is empty: set it to a file to append the audit log to (e.g. AUDIT_LOG=/var/log/cockpit-board/audit.jsonl), or remove it to log audit lines to stdout.',
    );
  }
  return raw.trim();
}

/**
 * Appends audit lines, one JSON object per line, to `file` (opened now in append mode, so a path
 * that cannot be written stops start-up with an AuditConfigError), or logs them through `logger`.
 * Each line is written synchronously in one write(2) call: lines from several processes sharing
 * the file do not interleave, and a line is on disk before the answer goes back.
 */
export function createAuditWriter(options: { file: string | null; logger: AuditLogger }): AuditWriter {
  const { file, logger } = options;
  if (file === null) {
    return {
      write: (line) => logger.info({ audit: line }, 'audit'),
      close: () => {},
    };
  }
  let fd: number | null;
  try {
    fd = openSync(file, 'a', 0o640);
  } catch (error) {
    throw new AuditConfigError(
      `AUDIT_LOG=${file} cannot be opened for appending (${(error as NodeJS.ErrnoException).code ?? 'error'}): create its folder and give the server write access, or remove AUDIT_LOG to log to stdout.`,
    );
  }
  return {
    write(line) {
      if (fd === null) return;
      try {
        writeSync(fd, `${JSON.stringify(line)}\n`);
      } catch (error) {
        // Never lose the record silently: it goes to the logger instead.
        logger.error({ audit: line, code: (error as NodeJS.ErrnoException).code }, 'audit log write failed');
      }
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
