import { describe, expect, it } from 'vitest';
import { FakeClock, flush } from '../test-support/fake-clock.ts';
import { BudgetScheduler, type Job, type Outcome, type Priority } from './scheduler.ts';

interface Answer {
  status: number;
  body: string;
}

function setup(options: { perMinute?: number; perDay?: number; maxWaitMs?: number; reserve?: number; maxConcurrent?: number } = {}) {
  const clock = new FakeClock();
  const sent: { name: string; at: number }[] = [];
  const scheduler = new BudgetScheduler<Answer>({
    limits: { perMinute: options.perMinute ?? 5, perDay: options.perDay ?? 1000 },
    maxWaitMs: options.maxWaitMs ?? 20_000,
    backgroundReserve: options.reserve ?? 0,
    maxConcurrent: options.maxConcurrent,
    rateLimited: (a) => (a.status === 429 ? 0 : false),
    clock,
  });
  const t0 = clock.now();
  const job = (
    name: string,
    priority: Priority = 'interactive',
    reply: () => Promise<Answer> = async () => ({ status: 200, body: name }),
    key: string | undefined = name,
  ): Job<Answer> => ({
    priority,
    key: priority === 'write' ? undefined : key,
    send: () => {
      sent.push({ name, at: clock.now() - t0 });
      return reply();
    },
  });
  return { clock, scheduler, sent, job };
}

function answered(o: Outcome<Answer>): string {
  if (o.kind !== 'answer') throw new Error(o.kind === 'refused' ? `refused: ${o.reason}` : 'abandoned');
  return o.answer.body;
}

describe('budget scheduler', () => {
  it('sends no more than the minute budget in any minute; the rest wait for the window to slide', async () => {
    const { clock, scheduler, sent, job } = setup({ perMinute: 5, maxWaitMs: 120_000 });
    const results = Array.from({ length: 8 }, (_, i) => scheduler.submit(job(`r${i}`)));
    await flush();
    expect(sent.map((s) => s.name)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
    expect(scheduler.state()).toMatchObject({ minuteLeft: 0, queued: 3 });
    await clock.advance(59_999);
    expect(sent).toHaveLength(5);
    await clock.advance(1);
    expect(sent.map((s) => s.name)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(sent.slice(5).every((s) => s.at === 60_000)).toBe(true);
    const outcomes = await Promise.all(results);
    expect(outcomes.map(answered)).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7']);
    expect(outcomes[7]).toMatchObject({ waitedMs: 60_000 });
  });

  it('refuses at once what the day budget cannot carry', async () => {
    const { scheduler, sent, job } = setup({ perMinute: 10, perDay: 3 });
    const outcomes = await Promise.all(['a', 'b', 'c', 'd'].map((n) => scheduler.submit(job(n))));
    expect(sent).toHaveLength(3);
    expect(outcomes[3]).toMatchObject({ kind: 'refused', reason: 'day' });
    expect((outcomes[3] as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(23 * 3600_000);
  });

  it('sends writes first, then reads a user waits for, then background work', async () => {
    const { clock, scheduler, sent, job } = setup({ perMinute: 1, maxWaitMs: 300_000 });
    void scheduler.submit(job('first'));
    await flush();
    void scheduler.submit(job('prefetch', 'background'));
    void scheduler.submit(job('read', 'interactive'));
    void scheduler.submit(job('save', 'write'));
    await clock.advance(60_000);
    await clock.advance(60_000);
    await clock.advance(60_000);
    expect(sent.map((s) => `${s.name}@${s.at / 1000}`)).toEqual(['first@0', 'save@60', 'read@120', 'prefetch@180']);
  });

  it('keeps a reserve of the minute for users: background work waits while only the reserve is left', async () => {
    const { clock, scheduler, sent, job } = setup({ perMinute: 4, reserve: 2, maxWaitMs: 120_000 });
    for (const n of ['b1', 'b2', 'b3']) void scheduler.submit(job(n, 'background'));
    await flush();
    expect(sent.map((s) => s.name)).toEqual(['b1', 'b2']);
    void scheduler.submit(job('user1'));
    void scheduler.submit(job('user2'));
    await flush();
    expect(sent.map((s) => s.name)).toEqual(['b1', 'b2', 'user1', 'user2']);
    await clock.advance(60_000);
    expect(sent.map((s) => s.name)).toEqual(['b1', 'b2', 'user1', 'user2', 'b3']);
  });

  it('sends identical concurrent reads once and gives every caller the answer', async () => {
    const { clock, scheduler, sent, job } = setup();
    let release!: (a: Answer) => void;
    const slow = () => new Promise<Answer>((r) => (release = r));
    const first = scheduler.submit(job('search', 'background', slow, 'POST /tasks/search {"limit":50}'));
    const second = scheduler.submit(job('search', 'interactive', slow, 'POST /tasks/search {"limit":50}'));
    const other = scheduler.submit(
      job('other', 'interactive', async () => ({ status: 200, body: 'other' }), 'POST /tasks/search {"limit":51}'),
    );
    await flush();
    expect(sent.map((s) => s.name)).toEqual(['search', 'other']);
    await clock.advance(5);
    release({ status: 200, body: 'rows' });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ kind: 'answer', answer: { body: 'rows' }, shared: false });
    expect(b).toMatchObject({ kind: 'answer', answer: { body: 'rows' }, shared: true });
    expect(answered(await other)).toBe('other');
    // Once answered, the same read goes to the tenant again.
    await scheduler.submit(job('search', 'interactive', async () => ({ status: 200, body: 'new' }), 'POST /tasks/search {"limit":50}'));
    expect(sent.map((s) => s.name)).toEqual(['search', 'other', 'search']);
  });

  it('a queued read whose caller left is dropped unsent, and its slot goes to the next call', async () => {
    const { clock, scheduler, sent, job } = setup({ perMinute: 1, maxWaitMs: 120_000 });
    const first = scheduler.submit(job('first'));
    const left = new AbortController();
    const abandoned = scheduler.submit(job('abandoned'), left.signal);
    const next = scheduler.submit(job('next'));
    await flush();
    expect(sent.map((s) => s.name)).toEqual(['first']);
    left.abort();
    expect(await abandoned).toEqual({ kind: 'abandoned', waitedMs: 0 });
    expect(scheduler.state()).toMatchObject({ queued: 1 });
    await clock.advance(60_000);
    expect(sent.map((s) => s.name)).toEqual(['first', 'next']);
    expect(answered(await first)).toBe('first');
    expect(answered(await next)).toBe('next');
    // Nothing is left to send it later.
    await clock.advance(120_000);
    expect(sent.map((s) => s.name)).toEqual(['first', 'next']);
  });

  it('a shared read stays queued for the callers still waiting; one already sent finishes for everyone', async () => {
    const { clock, scheduler, sent, job } = setup({ perMinute: 1, maxWaitMs: 120_000 });
    await scheduler.submit(job('spend'));
    const a = new AbortController();
    const leaving = scheduler.submit(job('shared', 'interactive', undefined, 'K'), a.signal);
    const staying = scheduler.submit(job('shared', 'background', undefined, 'K'));
    a.abort();
    expect(await leaving).toMatchObject({ kind: 'abandoned' });
    await clock.advance(60_000);
    expect(await staying).toMatchObject({ kind: 'answer', shared: false });
    expect(sent.map((s) => s.name)).toEqual(['spend', 'shared']);

    // Sent already: an abort changes nothing, the answer still comes.
    let release!: (a: Answer) => void;
    const b = new AbortController();
    await clock.advance(60_000);
    const inFlight = scheduler.submit(
      job('slow', 'interactive', () => new Promise<Answer>((r) => (release = r))),
      b.signal,
    );
    await flush();
    b.abort();
    release({ status: 200, body: 'slow' });
    expect(answered(await inFlight)).toBe('slow');
    // A signal already aborted never queues anything.
    const gone = new AbortController();
    gone.abort();
    expect(await scheduler.submit(job('never'), gone.signal)).toEqual({ kind: 'abandoned', waitedMs: 0 });
    expect(sent.map((s) => s.name)).toEqual(['spend', 'shared', 'slow']);
  });

  it('never merges writes, even identical ones', async () => {
    const { scheduler, sent, job } = setup();
    await Promise.all([scheduler.submit(job('put', 'write')), scheduler.submit(job('put', 'write'))]);
    expect(sent).toHaveLength(2);
  });

  it('a shared read waiting in the queue is lifted to the best priority of its callers', async () => {
    const { clock, scheduler, sent, job } = setup({ perMinute: 1, maxWaitMs: 300_000 });
    void scheduler.submit(job('first'));
    await flush();
    void scheduler.submit(job('other-user', 'interactive'));
    void scheduler.submit(job('warm', 'background', undefined, 'same'));
    void scheduler.submit(job('warm', 'interactive', undefined, 'same'));
    await clock.advance(60_000);
    // 'warm' was queued after 'other-user' at the same rank once lifted, so first come first served.
    expect(sent.map((s) => s.name)).toEqual(['first', 'other-user']);
    await clock.advance(60_000);
    expect(sent.map((s) => s.name)).toEqual(['first', 'other-user', 'warm']);
  });

  it('answers "wait too long" at once instead of queueing past the limit', async () => {
    const { scheduler, sent, job } = setup({ perMinute: 2, maxWaitMs: 20_000 });
    const outcomes = await Promise.all(['a', 'b', 'c'].map((n) => scheduler.submit(job(n))));
    expect(sent).toHaveLength(2);
    expect(outcomes[2]).toMatchObject({ kind: 'refused', reason: 'minute', retryAfterMs: 60_000 });
  });

  it('refuses a queued call when its wait passes the limit', async () => {
    const { clock, scheduler, sent, job } = setup({ perMinute: 2, maxWaitMs: 20_000 });
    void scheduler.submit(job('a'));
    await flush();
    await clock.advance(50_000);
    void scheduler.submit(job('b'));
    // 'c' may wait: a slot frees at 60 s (10 s from now).
    const c = scheduler.submit(job('c'));
    await flush();
    expect(sent.map((s) => s.name)).toEqual(['a', 'b']);
    await clock.advance(10_000);
    expect(answered(await c)).toBe('c');
    expect(sent.map((s) => s.name)).toEqual(['a', 'b', 'c']);
  });

  it('pauses every call after an upstream 429, then sends the refused call again', async () => {
    const { clock, scheduler, sent, job } = setup({ perMinute: 50, maxWaitMs: 60_000 });
    let limited = true;
    const flaky = async (): Promise<Answer> => (limited ? ((limited = false), { status: 429, body: 'busy' }) : { status: 200, body: 'ok' });
    const first = scheduler.submit(job('save', 'write', flaky));
    await flush();
    const other = scheduler.submit(job('read'));
    await clock.advance(9_999);
    expect(sent.map((s) => s.name)).toEqual(['save']);
    expect(scheduler.state().pausedForMs).toBe(1);
    await clock.advance(1);
    expect(sent.map((s) => `${s.name}@${s.at}`)).toEqual(['save@0', 'save@10000', 'read@10000']);
    expect(answered(await first)).toBe('ok');
    expect(answered(await other)).toBe('read');
  });

  it('doubles the pause on 429s in a row, and refuses a call whose pause passes its wait limit', async () => {
    const { clock, scheduler, sent, job } = setup({ perMinute: 50, maxWaitMs: 15_000 });
    const busy = async (): Promise<Answer> => ({ status: 429, body: 'busy' });
    const call = scheduler.submit(job('read', 'interactive', busy));
    await clock.advance(10_000); // first pause 10 s, sent again
    expect(sent).toHaveLength(2);
    // second pause 20 s: it would end at 30 s, past the 15 s limit
    const outcome = await call;
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'paused' });
    const late = await scheduler.submit(job('late'));
    expect(late).toMatchObject({ kind: 'refused', reason: 'paused' });
    await clock.advance(20_000);
    expect(answered(await scheduler.submit(job('after')))).toBe('after');
  });

  it('passes a network failure to every caller of a shared read', async () => {
    const { scheduler, job } = setup();
    const fail = () => Promise.reject(new Error('ECONNREFUSED'));
    const a = scheduler.submit(job('x', 'interactive', fail, 'k'));
    const b = scheduler.submit(job('x', 'interactive', fail, 'k'));
    await expect(a).rejects.toThrow('ECONNREFUSED');
    await expect(b).rejects.toThrow('ECONNREFUSED');
    expect(scheduler.state()).toMatchObject({ queued: 0, inFlight: 0 });
  });

  it('keeps at most maxConcurrent calls in flight', async () => {
    const { scheduler, sent, job } = setup({ perMinute: 50, maxConcurrent: 2 });
    const releases: (() => void)[] = [];
    const held = () => new Promise<Answer>((r) => releases.push(() => r({ status: 200, body: 'ok' })));
    const all = ['a', 'b', 'c'].map((n) => scheduler.submit(job(n, 'interactive', held)));
    await flush();
    expect(sent).toHaveLength(2);
    releases[0]!();
    await flush();
    expect(sent).toHaveLength(3);
    releases[1]!();
    releases[2]!();
    await Promise.all(all);
  });
});
