import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetScheduler } from '../budget/scheduler.ts';
import { createMetrics } from '../ops/metrics.ts';
import { UpstreamHealth } from '../ops/upstream-health.ts';
import { FakeClock } from '../test-support/fake-clock.ts';
import { createTenantSender } from '../upstream/tenant-sender.ts';
import type { UpstreamAnswer } from '../upstream/upstream-client.ts';
import { createMirrorUpstream, resultOf } from './tenant-upstream.ts';

const answer = (status: number, body: unknown): UpstreamAnswer => ({
  status,
  headers: {},
  ms: 1,
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});
let server: Server | undefined;
afterEach(() => new Promise<void>((r) => (server ? server.close(() => r()) : r())));

describe('the mirror’s calls to the tenant', () => {
  it('takes data from a 200 envelope, and words every failure', () => {
    expect(resultOf(answer(200, { result: true, data: { records: [] } }))).toEqual({ ok: true, data: { records: [] } });
    expect(resultOf(answer(200, { result: false, errorCode: 'X' }))).toEqual({ ok: false, reason: 'the Gainsight API answered 200 (X)' });
    expect(resultOf(answer(401, { result: false, errorCode: 'GS_APIG_2401' }))).toEqual({
      ok: false,
      reason: 'the Gainsight API refused the access key',
    });
    expect(resultOf(answer(429, ''))).toEqual({ ok: false, reason: 'the Gainsight API is limiting the rate of calls' });
    expect(resultOf(answer(502, '<html>'))).toEqual({ ok: false, reason: 'the Gainsight API cannot be reached (HTTP 502)' });
    expect(resultOf(answer(400, { result: false, errorCode: 'COCKPIT_5101' }))).toEqual({
      ok: false,
      reason: 'the Gainsight API answered 400 (COCKPIT_5101)',
    });
  });

  it('goes through the budget at background priority, counted as sync, and says when the budget is spent', async () => {
    const bodies: string[] = [];
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        bodies.push(`${req.method} ${req.url} ${req.headers.accesskey} ${body}`);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ result: true, data: { records: [], totalCount: 0 } }));
      });
    });
    await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
    const target = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
    const clock = new FakeClock();
    // 4 a minute, 1 kept for people: background work may send 3.
    const scheduler = new BudgetScheduler<UpstreamAnswer>({
      limits: { perMinute: 4, perDay: 100 },
      backgroundReserve: 1,
      maxWaitMs: 5_000,
      rateLimited: () => false,
      clock,
    });
    const metrics = createMetrics(() => scheduler.state(), { perMinute: 4, perDay: 100 });
    const upstream = createMirrorUpstream({
      scheduler,
      send: createTenantSender({ backend: { target, accessKey: 'k1' }, metrics, health: new UpstreamHealth(), timeoutMs: 5_000 }),
    });
    for (let i = 0; i < 3; i++)
      expect(await upstream.call({ method: 'POST', apiPath: '/tasks/search', body: { limit: 1 } })).toEqual({
        ok: true,
        data: { records: [], totalCount: 0 },
      });
    expect(bodies[0]).toBe('POST /v1/tasks/search k1 {"limit":1}');
    expect(await upstream.call({ method: 'GET', apiPath: '/playbooks' })).toEqual({
      ok: false,
      reason: "this minute's share of the tenant's API budget is spent",
      closing: false,
    });
    expect(await metrics.registry.getSingleMetricAsString('cockpit_upstream_calls_total')).toContain(
      'cockpit_upstream_calls_total{kind="sync"} 3',
    );
    scheduler.close();
    expect(await upstream.call({ method: 'GET', apiPath: '/playbooks' })).toEqual({
      ok: false,
      reason: 'the server is stopping',
      closing: true,
    });
  });

  it('says the tenant cannot be reached when nothing answers', async () => {
    const scheduler = new BudgetScheduler<UpstreamAnswer>({
      limits: { perMinute: 10, perDay: 100 },
      rateLimited: () => false,
      clock: new FakeClock(),
    });
    const metrics = createMetrics(() => scheduler.state(), { perMinute: 10, perDay: 100 });
    const upstream = createMirrorUpstream({
      scheduler,
      send: createTenantSender({
        backend: { target: 'http://127.0.0.1:1/v1', accessKey: 'k' },
        metrics,
        health: new UpstreamHealth(),
        timeoutMs: 2_000,
      }),
    });
    expect(await upstream.call({ method: 'GET', apiPath: '/playbooks' })).toEqual({
      ok: false,
      reason: 'the Gainsight API cannot be reached',
    });
  });
});
