/**
 * The one error type every API call fails with (except a caller's own abort, which stays an
 * AbortError so TanStack Query's cancellation works).
 *
 * - kind 'api': the server (or a proxy in front of it) answered, but not with usable data:
 *   a non-2xx status, a 2xx envelope with `result: false`, or a body that is not the expected JSON.
 *   `status` is the HTTP status (0 when the request was refused before it was sent).
 * - kind 'network': no answer (DNS, connection refused, reset, CORS, offline). `status` is 0.
 * - kind 'timeout': no full answer within the client's time limit. `status` is 0.
 */
export type ApiErrorKind = 'api' | 'network' | 'timeout';

export interface ApiErrorInit {
  kind: ApiErrorKind;
  status: number;
  errorCode?: string | null;
  /** A sentence a person can read: Gainsight's `errorDesc`, or one written by the client. */
  errorDesc: string;
  requestId?: string | null;
  /** How long the server asked to wait before trying again (its `Retry-After`), when it said. */
  retryAfterMs?: number | null;
  cause?: unknown;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly kind: ApiErrorKind;
  readonly status: number;
  /** Gainsight's `errorCode` (e.g. `GS_APIG_2401`), or null when the answer had none. */
  readonly errorCode: string | null;
  readonly errorDesc: string;
  /** Gainsight's `requestId`, worth showing so support can trace the call. */
  readonly requestId: string | null;
  /** The server's `Retry-After` in milliseconds (the team server's budget sends one), or null. */
  readonly retryAfterMs: number | null;

  constructor(init: ApiErrorInit) {
    super(formatMessage(init), init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.status = init.status;
    this.errorCode = init.errorCode ?? null;
    this.errorDesc = init.errorDesc;
    this.requestId = init.requestId ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
  }
}

function formatMessage({ kind, status, errorCode, errorDesc, requestId }: ApiErrorInit): string {
  const head = kind === 'api' && status > 0 ? `HTTP ${status}${errorCode ? ` ${errorCode}` : ''}: ` : '';
  const tail = requestId ? ` (request ${requestId})` : '';
  return `${head}${errorDesc}${tail}`;
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

/** Missing or rejected access key (Gainsight: 401 `GS_APIG_2401`). */
export function isUnauthorized(e: unknown): e is ApiError {
  return isApiError(e) && e.kind === 'api' && (e.status === 401 || e.errorCode === 'GS_APIG_2401');
}

/** Gainsight's per-tenant rate limit (HTTP 429, sent without Retry-After). */
export function isRateLimited(e: unknown): e is ApiError {
  return isApiError(e) && e.kind === 'api' && e.status === 429;
}

/**
 * Worth trying again later: no answer (network, timeout), a 5xx, a 429, or a 408 Request Timeout.
 */
export function isTransient(e: unknown): e is ApiError {
  if (!isApiError(e)) return false;
  if (e.kind !== 'api') return true;
  return e.status >= 500 || e.status === 429 || e.status === 408;
}

/** The request itself was wrong (4xx other than 429 and 408): retrying it unchanged cannot help. */
export function isClientError(e: unknown): e is ApiError {
  return isApiError(e) && e.kind === 'api' && e.status >= 400 && e.status < 500 && e.status !== 429 && e.status !== 408;
}

/** True for the error a fetch rejects with when the caller aborted it. */
export function isAbortError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'name' in e && e.name === 'AbortError';
}
