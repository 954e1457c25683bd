/**
 * What an API call is, from its method and path below `/v1`: its operation name (for metrics and
 * logs), whether it reads or writes, and its single-flight key when it is a read.
 */
export type Operation = 'tasks.search' | 'tasks.get' | 'tasks.create' | 'tasks.update' | 'playbooks.list' | 'playbooks.get' | 'other';

export function operationOf(method: string, apiPath: string): Operation {
  const path = apiPath.split('?')[0]!;
  if (method === 'POST' && path === '/tasks/search') return 'tasks.search';
  if (method === 'POST' && path === '/tasks') return 'tasks.create';
  if (/^\/tasks\/[^/]+$/.test(path)) {
    if (method === 'GET') return 'tasks.get';
    if (method === 'PUT') return 'tasks.update';
  }
  if (method === 'GET' && path === '/playbooks') return 'playbooks.list';
  if (method === 'GET' && /^\/playbooks\/[^/]+$/.test(path)) return 'playbooks.get';
  return 'other';
}

/** A read changes nothing upstream: GET and HEAD, and the search, which is a POST. */
export function isRead(method: string, apiPath: string): boolean {
  return method === 'GET' || method === 'HEAD' || operationOf(method, apiPath) === 'tasks.search';
}

/** Reads with the same key ask the same question: sending one answers all. */
export function readKey(method: string, apiPath: string, body: Buffer | undefined): string {
  return `${method} ${apiPath} ${body && body.length > 0 ? body.toString('utf8') : ''}`;
}

/** The task a write is about (for the audit log): the id in the path of a PUT. */
export function taskIdOf(apiPath: string): string | null {
  const m = /^\/tasks\/([^/?]+)$/.exec(apiPath.split('?')[0]!);
  return m && m[1] !== 'search' ? decodeURIComponent(m[1]!) : null;
}
