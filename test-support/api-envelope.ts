/**
 * Gainsight's reply envelope for tests (unit tests of the app and the servers, and the e2e
 * helpers): the one place a test builds what the Task and Playbook API answers. The spec
 * (src/api/schema.gen.ts) describes a 200 body as `{ result, data }` with `data` per operation;
 * every reply also carries `errorCode`, `errorDesc`, `requestId` and `message` (README, "Envelope"),
 * and a failure is `result: false` with `data: null`. src/api/client.ts is what reads it.
 */
import type { operations } from '../src/api/schema.gen.ts';
import type { OkData } from '../src/api/types.ts';

/** The `data` of a successful answer of some operation of the spec (a task, a page of tasks, playbooks…). */
export type ApiData = { [Op in keyof operations]: OkData<Op> }[keyof operations];

export interface Envelope<T> {
  result: boolean;
  errorCode: string | null;
  errorDesc: string | null;
  requestId: string | null;
  data: T;
  message: string | null;
}

/** A success: `data` as the spec types it (`null` only to play a server that answers without data). */
export function okEnvelope<T extends ApiData | null>(data: T, requestId: string | null = 'req-1'): Envelope<T> {
  return { result: true, errorCode: null, errorDesc: null, requestId, data, message: null };
}

/** A failure, e.g. `errorEnvelope('COCKPIT_5104', 'Invalid references - …')`. */
export function errorEnvelope(errorCode: string | null, errorDesc: string | null, requestId: string | null = 'req-1'): Envelope<null> {
  return { result: false, errorCode, errorDesc, requestId, data: null, message: null };
}

interface ResponseOptions {
  status?: number;
  headers?: Record<string, string>;
}

/** A JSON answer (status 200 unless `init` says otherwise). */
export function jsonResponse(body: unknown, init: ResponseOptions = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

/** A 200 answer with `data` in a success envelope. */
export function okResponse(data: ApiData | null, init: ResponseOptions = {}): Response {
  return jsonResponse(okEnvelope(data), init);
}

/** An answer with HTTP `status` and a failure envelope. */
export function errorResponse(status: number, errorCode: string, errorDesc: string): Response {
  return jsonResponse(errorEnvelope(errorCode, errorDesc), { status });
}
