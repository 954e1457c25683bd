/**
 * The one queue every upstream call of the team server goes through. It keeps this server within
 * its share of the tenant's budget (per minute and per day), sends writes first, then reads a user
 * is waiting for, then background work; sends identical concurrent reads once and shares the
 * answer; answers "wait too long" with a refusal instead of queueing forever; and when the tenant
 * answers 429 anyway, pauses every call for a back-off window instead of letting each user retry
 * into it. Time comes from an injected clock, so every rule is unit-tested with a fake one.
 */
import { BudgetWindows, MINUTE_MS, type BudgetLimits } from './budget-windows.ts';

export type Priority = 'write' | 'interactive' | 'background';
const RANK: Record<Priority, number> = { write: 0, interactive: 1, background: 2 };

export interface Clock {
  now(): number;
  /** Calls `fn` after `ms`; returns a function that cancels it. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimer(fn, ms) {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

export interface Job<A> {
  priority: Priority;
  /** Reads with the same key that overlap in time are sent once; writes have no key. */
  key?: string;
  send(): Promise<A>;
}

export type RefusalReason = 'minute' | 'day' | 'paused' | 'queue' | 'closing';

export type Outcome<A> =
  | { kind: 'answer'; answer: A; waitedMs: number; shared: boolean }
  | { kind: 'refused'; reason: RefusalReason; retryAfterMs: number; waitedMs: number }
  /** The caller gave up (its `signal` aborted) while the call waited for the budget. */
  | { kind: 'abandoned'; waitedMs: number };

interface SchedulerObserver {
  /** A call left the queue for the tenant after waiting `waitedMs`. */
  sent?(priority: Priority, waitedMs: number): void;
  refused?(priority: Priority, reason: RefusalReason): void;
  /** A queued call nobody waits for any more was dropped before it was sent: it cost nothing. */
  dropped?(priority: Priority): void;
  paused?(ms: number): void;
}

export interface SchedulerOptions<A> {
  limits: BudgetLimits;
  /** A call that would wait longer than this is refused (default 20 s). */
  maxWaitMs?: number;
  /** Calls in flight to the tenant at once (default 8). */
  maxConcurrent?: number;
  /** Calls per minute kept for users: background work waits while no more than these are left (default a quarter). */
  backgroundReserve?: number;
  /** The first pause after an upstream 429, doubled on each 429 in a row (default 10 s, at most `maxPauseMs`, 60 s). */
  pauseMs?: number;
  maxPauseMs?: number;
  /** Whether the tenant refused the call for its rate limit: `false`, or the pause it asked for in ms (0: use ours). */
  rateLimited(answer: A): false | number;
  clock?: Clock;
  observer?: SchedulerObserver;
}

interface Waiter<A> {
  submittedAt: number;
  shared: boolean;
  priority: Priority;
  resolve(outcome: Outcome<A>): void;
  reject(error: unknown): void;
}

interface Entry<A> {
  seq: number;
  job: Job<A>;
  rank: number;
  enqueuedAt: number;
  deadline: number;
  waiters: Waiter<A>[];
  cancelDeadline?: () => void;
}

export interface SchedulerState {
  minuteLeft: number;
  dayLeft: number;
  queued: number;
  inFlight: number;
  pausedForMs: number;
}

export class BudgetScheduler<A> {
  private readonly windows: BudgetWindows;
  private readonly clock: Clock;
  private readonly maxWaitMs: number;
  private readonly maxConcurrent: number;
  private readonly reserve: number;
  private readonly pauseMs: number;
  private readonly maxPauseMs: number;
  private readonly queue: Entry<A>[] = [];
  /** Reads queued or in flight, by key. */
  private readonly byKey = new Map<string, Entry<A>>();
  private inFlight = 0;
  private seq = 0;
  private pausedUntil = 0;
  private rateLimitedInARow = 0;
  private cancelWake: (() => void) | null = null;
  private wakeAt = Infinity;
  private closed = false;

  constructor(private readonly options: SchedulerOptions<A>) {
    this.windows = new BudgetWindows(options.limits);
    this.clock = options.clock ?? systemClock;
    this.maxWaitMs = options.maxWaitMs ?? 20_000;
    this.maxConcurrent = options.maxConcurrent ?? 8;
    this.reserve = Math.min(options.backgroundReserve ?? Math.ceil(options.limits.perMinute / 4), options.limits.perMinute - 1);
    this.pauseMs = options.pauseMs ?? 10_000;
    this.maxPauseMs = options.maxPauseMs ?? 60_000;
  }

  state(): SchedulerState {
    const now = this.clock.now();
    const left = this.windows.left(now);
    return {
      minuteLeft: left.minute,
      dayLeft: left.day,
      queued: this.queue.length,
      inFlight: this.inFlight,
      pausedForMs: Math.max(0, this.pausedUntil - now),
    };
  }

  /**
   * At shutdown: everything still waiting for the budget is refused now (reason 'closing'), so
   * the server does not wait for the budget before it can stop; calls in flight finish. Later
   * calls are refused too.
   */
  close(): void {
    this.closed = true;
    this.cancelWake?.();
    this.cancelWake = null;
    for (const entry of this.queue.splice(0)) this.refuse(entry, 'closing');
  }

  /**
   * Queues a call. With a `signal` (the client's request, for reads): if it aborts while the call
   * still waits for the budget, this caller is answered `abandoned`, and a call nobody waits for
   * any more leaves the queue unsent, so a page the user left costs the tenant nothing. A call
   * already sent is left to finish (its answer may still serve the mirror and other callers).
   */
  submit(job: Job<A>): Promise<Exclude<Outcome<A>, { kind: 'abandoned' }>>;
  submit(job: Job<A>, signal: AbortSignal | undefined): Promise<Outcome<A>>;
  submit(job: Job<A>, signal?: AbortSignal): Promise<Outcome<A>> {
    const now = this.clock.now();
    return new Promise<Outcome<A>>((resolve, reject) => {
      if (signal?.aborted) return resolve({ kind: 'abandoned', waitedMs: 0 });
      const existing = job.key === undefined ? undefined : this.byKey.get(job.key);
      if (existing) {
        const waiter: Waiter<A> = { submittedAt: now, shared: true, priority: job.priority, resolve, reject };
        existing.waiters.push(waiter);
        existing.rank = Math.min(existing.rank, RANK[job.priority]);
        this.abandonOn(signal, existing, waiter);
        return;
      }
      const waiter: Waiter<A> = { submittedAt: now, shared: false, priority: job.priority, resolve, reject };
      const rank = RANK[job.priority];
      const refusal = this.closed ? { reason: 'closing' as const, retryAfterMs: 5_000 } : this.refusalFor(rank, now);
      if (refusal) {
        this.options.observer?.refused?.(job.priority, refusal.reason);
        resolve({ kind: 'refused', ...refusal, waitedMs: 0 });
        return;
      }
      const entry: Entry<A> = { seq: this.seq++, job, rank, enqueuedAt: now, deadline: now + this.maxWaitMs, waiters: [waiter] };
      if (job.key !== undefined) this.byKey.set(job.key, entry);
      entry.cancelDeadline = this.clock.setTimer(() => this.expire(entry), this.maxWaitMs);
      this.queue.push(entry);
      this.abandonOn(signal, entry, waiter);
      this.pump();
    });
  }

  /** When `signal` aborts while `entry` is still queued: `waiter` leaves it, and so does the entry once nobody waits. */
  private abandonOn(signal: AbortSignal | undefined, entry: Entry<A>, waiter: Waiter<A>): void {
    if (!signal) return;
    const onAbort = () => {
      const index = this.queue.indexOf(entry);
      if (index === -1) return; // sent (or settled) already: it finishes as it is
      entry.waiters = entry.waiters.filter((w) => w !== waiter);
      waiter.resolve({ kind: 'abandoned', waitedMs: this.clock.now() - waiter.submittedAt });
      if (entry.waiters.length > 0) {
        entry.rank = Math.min(...entry.waiters.map((w) => RANK[w.priority]));
        // The call is now the next caller's own: it is sent for them, not shared with anyone.
        if (!waiter.shared) entry.waiters[0]!.shared = false;
        return;
      }
      this.queue.splice(index, 1);
      if (entry.job.key !== undefined && this.byKey.get(entry.job.key) === entry) this.byKey.delete(entry.job.key);
      entry.cancelDeadline?.();
      this.options.observer?.dropped?.(waiter.priority);
      this.pump();
    };
    signal.addEventListener('abort', onAbort, { once: true });
  }

  /** Why a new call of this rank cannot be sent within the wait limit, if it cannot. */
  private refusalFor(rank: number, now: number): { reason: RefusalReason; retryAfterMs: number } | null {
    const ahead = this.queue.filter((e) => e.rank <= rank).length;
    const need = ahead + 1 + (rank === RANK.background ? this.reserve : 0);
    const left = this.windows.left(now);
    if (left.day < ahead + 1) {
      return { reason: 'day', retryAfterMs: Math.max(1000, this.windows.availableAt(now, 1) - now) };
    }
    const perMinute = this.options.limits.perMinute;
    // Past one minute's worth, each further minute's worth waits one more minute.
    const slotAt =
      need <= perMinute
        ? this.windows.availableAt(now, need)
        : this.windows.availableAt(now, perMinute) + MINUTE_MS * Math.ceil((need - perMinute) / perMinute);
    const at = Math.max(this.pausedUntil, slotAt);
    if (at - now <= this.maxWaitMs) return null;
    const reason: RefusalReason = this.pausedUntil >= at ? 'paused' : 'minute';
    return { reason, retryAfterMs: at - now };
  }

  private expire(entry: Entry<A>): void {
    const index = this.queue.indexOf(entry);
    if (index === -1) return;
    this.queue.splice(index, 1);
    this.refuse(entry, 'queue');
    this.pump();
  }

  private refuse(entry: Entry<A>, reason: RefusalReason): void {
    const now = this.clock.now();
    if (entry.job.key !== undefined) this.byKey.delete(entry.job.key);
    entry.cancelDeadline?.();
    const retryAfterMs = Math.max(1000, Math.max(this.pausedUntil, this.windows.availableAt(now, 1)) - now);
    for (const w of entry.waiters) {
      this.options.observer?.refused?.(w.priority, reason);
      w.resolve({ kind: 'refused', reason, retryAfterMs, waitedMs: now - w.submittedAt });
    }
  }

  /** The queued entry to send next: the best rank, first come first served within it. */
  private next(): Entry<A> | undefined {
    let best: Entry<A> | undefined;
    for (const e of this.queue) if (!best || e.rank < best.rank || (e.rank === best.rank && e.seq < best.seq)) best = e;
    return best;
  }

  private pump(): void {
    for (;;) {
      if (this.queue.length === 0 || this.inFlight >= this.maxConcurrent) return;
      const now = this.clock.now();
      if (now < this.pausedUntil) return this.wake(this.pausedUntil);
      const entry = this.next()!;
      const free = entry.rank === RANK.background ? this.reserve + 1 : 1;
      const at = this.windows.availableAt(now, free);
      if (at > now) return this.wake(at);
      this.queue.splice(this.queue.indexOf(entry), 1);
      this.send(entry, now);
    }
  }

  private wake(at: number): void {
    if (this.cancelWake && this.wakeAt <= at) return;
    this.cancelWake?.();
    this.wakeAt = at;
    this.cancelWake = this.clock.setTimer(() => {
      this.cancelWake = null;
      this.wakeAt = Infinity;
      this.pump();
    }, at - this.clock.now());
  }

  private send(entry: Entry<A>, now: number): void {
    this.windows.record(now);
    this.inFlight++;
    for (const w of entry.waiters) this.options.observer?.sent?.(w.priority, now - w.submittedAt);
    let promise: Promise<A>;
    try {
      promise = entry.job.send();
    } catch (e) {
      promise = Promise.reject(e);
    }
    promise.then(
      (answer) => {
        this.inFlight--;
        const limited = this.options.rateLimited(answer);
        if (limited !== false) {
          this.pauseAfterRateLimit(limited);
          // The tenant did not run the call: send it again after the pause, if it may still wait.
          if (this.pausedUntil <= entry.deadline && !this.closed) this.queue.push(entry);
          else this.refuse(entry, 'paused');
        } else {
          this.rateLimitedInARow = 0;
          this.settle(entry, (w, at) => w.resolve({ kind: 'answer', answer, waitedMs: at - w.submittedAt, shared: w.shared }));
        }
        this.pump();
      },
      (error: unknown) => {
        this.inFlight--;
        this.settle(entry, (w) => w.reject(error));
        this.pump();
      },
    );
  }

  private settle(entry: Entry<A>, each: (w: Waiter<A>, now: number) => void): void {
    entry.cancelDeadline?.();
    if (entry.job.key !== undefined && this.byKey.get(entry.job.key) === entry) this.byKey.delete(entry.job.key);
    const now = this.clock.now();
    for (const w of entry.waiters) each(w, now);
  }

  private pauseAfterRateLimit(askedMs: number): void {
    const ours = Math.min(this.maxPauseMs, this.pauseMs * 2 ** this.rateLimitedInARow);
    this.rateLimitedInARow++;
    const ms = Math.max(askedMs, ours);
    this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + ms);
    this.options.observer?.paused?.(ms);
  }
}
