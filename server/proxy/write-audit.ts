/**
 * From a write the proxy forwarded (or refused) to its audit line (server/auth/audit.ts): who,
 * what, which task, which fields, and what the server answered.
 */
import { buildAuditLine, type AuditLine } from '../auth/audit.ts';
import type { WriteRecord } from './api-proxy.ts';

function parseJson(buffer: Buffer | undefined): unknown {
  if (buffer === undefined || buffer.length === 0) return undefined;
  try {
    return JSON.parse(buffer.toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

export function auditLineOf(record: WriteRecord, time?: Date): AuditLine {
  const answer = parseJson(record.answer);
  const line = buildAuditLine({
    user: record.request.user,
    method: record.method,
    // The path as the browser sent it below /v1 (checked by the proxy), without the query.
    path: `/v1${record.apiPath}`,
    body: parseJson(record.body),
    previous: record.previous,
    status: record.status,
    response: answer,
    requestId: record.request.id,
    time,
  });
  // The proxy's own refusals (budget, timeout, unreachable) have no upstream answer: their code.
  if (line.errorCode === null && record.errorCode !== null) line.errorCode = record.errorCode;
  return line;
}
