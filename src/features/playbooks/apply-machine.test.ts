import { describe, expect, it } from 'vitest';
import {
  applyReducer,
  initialApplyState,
  MAX_RATE_LIMIT_HITS,
  nextStep,
  summarize,
  type ApplyEvent,
  type ApplyState,
  type Failure,
} from './apply-machine.ts';

const fail = (status: number, message = `HTTP ${status}`): Failure => ({ message, status, errorCode: null, requestId: null });
const reduce = (state: ApplyState, ...events: ApplyEvent[]) => events.reduce(applyReducer, state);
const statuses = (s: ApplyState) => s.items.map((i) => i.status);

/** Started, baseline loaded: ready to send the first task. */
const running = (count: number) => reduce(initialApplyState(count), { type: 'start' }, { type: 'baselineLoaded', ids: [] });

describe('apply state machine', () => {
  it('loads the baseline before the first run, then sends the tasks in order', () => {
    let s = reduce(initialApplyState(3), { type: 'start' });
    expect(s.phase).toBe('preparing');
    expect(nextStep(s)).toBeNull();
    s = reduce(s, { type: 'baselineLoaded', ids: ['1T-OLD'] });
    expect(s.phase).toBe('running');
    expect(s.baseline).toEqual(['1T-OLD']);
    expect(nextStep(s)).toEqual({ kind: 'send', index: 0 });
    s = reduce(s, { type: 'send', index: 0 }, { type: 'created', index: 0, taskId: '1T-A' });
    expect(nextStep(s)).toEqual({ kind: 'send', index: 1 });
    s = reduce(s, { type: 'send', index: 1 }, { type: 'created', index: 1, taskId: '1T-B' });
    s = reduce(s, { type: 'send', index: 2 }, { type: 'created', index: 2, taskId: '1T-C' });
    expect(nextStep(s)).toBeNull();
    s = reduce(s, { type: 'finish' });
    expect(s.phase).toBe('finished');
    expect(summarize(s)).toEqual({ total: 3, created: 3, failed: 0, notAttempted: 0, inFlight: 0 });
    // Nothing left: a new start does nothing.
    expect(reduce(s, { type: 'start' })).toBe(s);
  });

  it('a failed baseline search starts nothing and says why', () => {
    const s = reduce(initialApplyState(2), { type: 'start' }, { type: 'baselineFailed', failure: fail(503) });
    expect(s.phase).toBe('idle');
    expect(s.prepareFailure?.status).toBe(503);
    expect(statuses(s)).toEqual(['pending', 'pending']);
    expect(reduce(s, { type: 'start' }).phase).toBe('preparing');
  });

  it('goes on after a failure, and a retry sends only what failed', () => {
    let s = running(3);
    s = reduce(
      s,
      { type: 'send', index: 0 },
      { type: 'created', index: 0, taskId: '1T-A' },
      { type: 'send', index: 1 },
      { type: 'failed', index: 1, failure: fail(400, 'DueDate is not a date'), certain: true },
    );
    expect(nextStep(s)).toEqual({ kind: 'send', index: 2 });
    s = reduce(s, { type: 'send', index: 2 }, { type: 'created', index: 2, taskId: '1T-C' }, { type: 'finish' });
    expect(statuses(s)).toEqual(['created', 'failed', 'created']);
    expect(s.items[1]!.failure?.message).toBe('DueDate is not a date');
    expect(summarize(s)).toMatchObject({ created: 2, failed: 1 });

    s = reduce(s, { type: 'start' });
    expect(s.phase).toBe('running'); // the baseline is kept
    expect(statuses(s)).toEqual(['created', 'pending', 'created']);
    expect(nextStep(s)).toEqual({ kind: 'send', index: 1 });
    s = reduce(s, { type: 'send', index: 1 }, { type: 'created', index: 1, taskId: '1T-B' });
    expect(nextStep(s)).toBeNull();
    expect(s.items.map((i) => i.sends)).toEqual([1, 2, 1]);
    expect(s.items.map((i) => i.taskId)).toEqual(['1T-A', '1T-B', '1T-C']);
  });

  it('never sends a created task again, whatever events arrive late', () => {
    let s = reduce(running(1), { type: 'send', index: 0 }, { type: 'created', index: 0, taskId: '1T-A' });
    s = reduce(s, { type: 'send', index: 0 }, { type: 'failed', index: 0, failure: fail(500), certain: false });
    expect(statuses(s)).toEqual(['created']);
    expect(s.items[0]!.sends).toBe(1);
  });

  it('checks a task without a clear answer before sending it again', () => {
    let s = reduce(
      running(2),
      { type: 'send', index: 0 },
      { type: 'failed', index: 0, failure: fail(0, 'The API did not answer'), certain: false },
    );
    expect(statuses(s)).toEqual(['unknown', 'pending']);
    s = reduce(s, { type: 'send', index: 1 }, { type: 'created', index: 1, taskId: '1T-B' }, { type: 'finish' });

    s = reduce(s, { type: 'start' });
    expect(statuses(s)).toEqual(['verify', 'created']);
    expect(nextStep(s)).toEqual({ kind: 'check', index: 0 });
    // The create had happened: record it, send nothing.
    const found = reduce(s, { type: 'check', index: 0 }, { type: 'found', index: 0, taskId: '1T-A' });
    expect(statuses(found)).toEqual(['created', 'created']);
    expect(found.items[0]).toMatchObject({ recovered: true, sends: 1 });
    expect(nextStep(found)).toBeNull();
    // It had not: send it.
    const notFound = reduce(s, { type: 'check', index: 0 }, { type: 'notFound', index: 0 });
    expect(nextStep(notFound)).toEqual({ kind: 'send', index: 0 });
  });

  it('a failed check leaves the task unknown (never assumed absent)', () => {
    let s = reduce(running(1), { type: 'send', index: 0 }, { type: 'failed', index: 0, failure: fail(502), certain: false });
    s = reduce(s, { type: 'finish' }, { type: 'start' }, { type: 'check', index: 0 });
    s = reduce(s, { type: 'failed', index: 0, failure: fail(503), certain: true });
    expect(statuses(s)).toEqual(['unknown']);
    expect(nextStep(s)).toBeNull();
  });

  it('a 429 waits, then sends the same task again; too many in a row give it up as failed', () => {
    let s = reduce(running(2), { type: 'send', index: 0 }, { type: 'rateLimited', index: 0, failure: fail(429) });
    expect(s.waitingForRateLimit).toBe(true);
    expect(statuses(s)).toEqual(['pending', 'pending']);
    expect(nextStep(s)).toBeNull();
    s = reduce(s, { type: 'resumed' });
    expect(nextStep(s)).toEqual({ kind: 'send', index: 0 });

    for (let hit = 2; hit <= MAX_RATE_LIMIT_HITS; hit++) {
      s = reduce(s, { type: 'send', index: 0 }, { type: 'rateLimited', index: 0, failure: fail(429, 'Too many') }, { type: 'resumed' });
    }
    expect(statuses(s)).toEqual(['failed', 'pending']);
    expect(s.items[0]!.failure?.message).toBe('Too many');
    expect(nextStep(s)).toEqual({ kind: 'send', index: 1 });
  });

  it('a 429 on a check puts the check back in line', () => {
    let s = reduce(running(1), { type: 'send', index: 0 }, { type: 'failed', index: 0, failure: fail(500), certain: false });
    s = reduce(
      s,
      { type: 'finish' },
      { type: 'start' },
      { type: 'check', index: 0 },
      { type: 'rateLimited', index: 0, failure: fail(429) },
    );
    expect(statuses(s)).toEqual(['verify']);
    expect(nextStep(reduce(s, { type: 'resumed' }))).toEqual({ kind: 'check', index: 0 });
  });

  it('stops after the request in flight; the rest is done by the next run', () => {
    let s = reduce(running(3), { type: 'send', index: 0 }, { type: 'stop' });
    expect(nextStep(s)).toBeNull();
    s = reduce(s, { type: 'created', index: 0, taskId: '1T-A' }, { type: 'finish' });
    expect(s.phase).toBe('finished');
    expect(summarize(s)).toEqual({ total: 3, created: 1, failed: 0, notAttempted: 2, inFlight: 0 });
    s = reduce(s, { type: 'start' });
    expect(s.stopRequested).toBe(false);
    expect(nextStep(s)).toEqual({ kind: 'send', index: 1 });
  });
});
