/**
 * The four reads the mirror answers, with the local API server's envelope, semantics and errors:
 * `POST /tasks/search` (the same table and search code), `GET /tasks/{id}`, `GET /playbooks` and
 * `GET /playbooks/{id}` (404 GSOBJ_1011 "No entity matches the given criteria" for an unknown id).
 */
import { ApiFailure, notFound } from '../../sandbox/errors.ts';
import { SearchError } from '../../search-engine/compile.ts';
import type { Operation } from '../upstream/operations.ts';
import type { MirrorStore } from './mirror-store.ts';
import { readSearchRequest } from './search-request.ts';

/** The operations the mirror can answer. */
export const MIRROR_READS: ReadonlySet<Operation> = new Set(['tasks.search', 'tasks.get', 'playbooks.list', 'playbooks.get']);

/** An answer: its data, or its data already as JSON (a cached search), or an error. */
export type MirrorResult =
  { status: 200; data: unknown } | { status: 200; json: string } | { status: number; errorCode: string; errorDesc: string };

/**
 * The mirror's answer to a read, or null when the mirror does not answer that request (another
 * method or path: the tenant does, as the proxy would have sent it).
 */
export function readFromMirror(
  store: MirrorStore,
  request: { method: string; operation: Operation; apiPath: string; contentType: string | undefined; body: Buffer | undefined },
): MirrorResult | null {
  const path = request.apiPath.split('?')[0]!;
  const segments = path
    .split('/')
    .slice(1)
    .map((s) => decodeURIComponent(s));
  try {
    switch (request.operation) {
      case 'tasks.search':
        return { status: 200, json: store.searchJson(readSearchRequest(request.contentType, request.body)) };
      case 'tasks.get': {
        // GET /tasks/search is the search path with the wrong method: the tenant's answer, not "no task".
        if (request.method !== 'GET' || path === '/tasks/search') return null;
        const id = segments[1]!;
        const task = store.getTask(id);
        if (!task) throw notFound('task', id);
        return { status: 200, data: task };
      }
      case 'playbooks.list':
        return request.method === 'GET' ? { status: 200, data: store.listPlaybooks() } : null;
      case 'playbooks.get': {
        if (request.method !== 'GET') return null;
        const id = segments[1]!;
        const playbook = store.getPlaybook(id);
        if (!playbook) throw notFound('playbook', id);
        return { status: 200, data: playbook };
      }
      default:
        return null;
    }
  } catch (e) {
    if (e instanceof ApiFailure) return { status: e.status, errorCode: e.errorCode, errorDesc: e.message };
    if (e instanceof SearchError) return { status: 400, errorCode: e.code, errorDesc: e.message };
    throw e;
  }
}

/** The Gainsight envelope of a result, as the local API server writes it. */
export function envelopeOf(result: MirrorResult, requestId: string): string {
  // The same bytes JSON.stringify would write for the whole envelope, without parsing the data again.
  if ('json' in result)
    return `{"result":true,"errorCode":null,"errorDesc":null,"requestId":${JSON.stringify(requestId)},"data":${result.json},"message":null}`;
  if ('data' in result)
    return JSON.stringify({ result: true, errorCode: null, errorDesc: null, requestId, data: result.data, message: null });
  return JSON.stringify({ result: false, errorCode: result.errorCode, errorDesc: result.errorDesc, requestId, data: null, message: null });
}
