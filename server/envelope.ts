import type { FastifyReply, FastifyRequest } from 'fastify';
import { TEAM_VIEWS_OFF_CODE } from '../src/lib/team/server-session.ts';

/**
 * The team server's own errors wear Gainsight's reply envelope (`result: false`, `errorCode`,
 * `errorDesc`, `requestId`), so the app reads them as it reads the tenant's.
 */
export function sendEnvelopeError(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  errorCode: string,
  errorDesc: string,
  headers: Record<string, string> = {},
): FastifyReply {
  return reply
    .code(status)
    .headers({ 'cache-control': 'no-store', ...headers })
    .type('application/json; charset=utf-8')
    .send(JSON.stringify({ result: false, errorCode, errorDesc, requestId: request.id, data: null, message: null }));
}

/** The error codes the team server itself answers with (the tenant's own codes pass through unchanged). */
export const ServerErrorCodes = {
  notAnApiPath: 'GS_APIG_1000',
  budgetSpent: 'GS_APIG_1429',
  unreachable: 'PROXY_502',
  timeout: 'PROXY_504',
  tooLarge: 'PROXY_413',
  badRequest: 'PROXY_400',
  closing: 'PROXY_503',
  /** The team server's own `/api/...` endpoints (activity, team views). */
  invalidInput: 'TEAM_400',
  forbidden: 'TEAM_403',
  notFound: 'TEAM_404',
  /** Team views on a server whose mirror is off (the app reads it as lasting, not retried). */
  unavailable: TEAM_VIEWS_OFF_CODE,
} as const;
