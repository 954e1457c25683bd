/**
 * The mirror's calls to the tenant: through the team server's budget scheduler at background
 * priority (after writes and the reads users wait for, and never into the share kept for them),
 * counted as kind `sync`. Every failure becomes a reason in words, which the mirror's `stale`
 * state shows.
 */
import type { BudgetScheduler, RefusalReason } from '../budget/scheduler.ts';
import type { Operation } from '../upstream/operations.ts';
import type { TenantSender } from '../upstream/tenant-sender.ts';
import { UpstreamError, type UpstreamAnswer } from '../upstream/upstream-client.ts';
import type { MirrorUpstream, UpstreamResult } from './sync-engine.ts';

export function refusalInWords(reason: RefusalReason): string {
  switch (reason) {
    case 'day':
      return "today's share of the tenant's API budget is spent";
    case 'paused':
      return 'the Gainsight API asked us to slow down';
    case 'closing':
      return 'the server is stopping';
    default:
      return "this minute's share of the tenant's API budget is spent";
  }
}

/** What a tenant's answer means for the mirror: its `data`, or why not. */
export function resultOf(answer: UpstreamAnswer): UpstreamResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer.body.toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const envelope =
    parsed !== null && typeof parsed === 'object' ? (parsed as { result?: unknown; data?: unknown; errorCode?: unknown }) : null;
  if (answer.status === 200 && envelope && envelope.result !== false) return { ok: true, data: envelope.data };
  if (answer.status === 401) return { ok: false, reason: 'the Gainsight API refused the access key' };
  if (answer.status === 429) return { ok: false, reason: 'the Gainsight API is limiting the rate of calls' };
  if (answer.status >= 500) return { ok: false, reason: `the Gainsight API cannot be reached (HTTP ${answer.status})` };
  const code = typeof envelope?.errorCode === 'string' ? ` (${envelope.errorCode})` : '';
  return { ok: false, reason: `the Gainsight API answered ${answer.status}${code}` };
}

export function createMirrorUpstream(deps: { scheduler: BudgetScheduler<UpstreamAnswer>; send: TenantSender }): MirrorUpstream {
  return {
    async call({ method, apiPath, body }) {
      const operation: Operation = apiPath === '/tasks/search' ? 'tasks.search' : apiPath === '/playbooks' ? 'playbooks.list' : 'other';
      const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
      const headers: Record<string, string> = { accept: 'application/json' };
      if (payload) headers['content-type'] = 'application/json';
      try {
        const outcome = await deps.scheduler.submit({
          priority: 'background',
          send: () => deps.send(operation, 'sync', { method, apiPath, headers, body: payload }),
        });
        if (outcome.kind === 'refused') return { ok: false, reason: refusalInWords(outcome.reason), closing: outcome.reason === 'closing' };
        return resultOf(outcome.answer);
      } catch (e) {
        if (e instanceof UpstreamError && e.kind === 'timeout') return { ok: false, reason: 'the Gainsight API did not answer in time' };
        return { ok: false, reason: 'the Gainsight API cannot be reached' };
      }
    },
  };
}
