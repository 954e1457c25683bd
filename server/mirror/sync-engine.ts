/**
 * Keeps the mirror in step with the tenant, through the team server's budget at background
 * priority:
 * - first sync: every task (pages of 5,000) and the playbooks; until it completes the mirror
 *   answers nothing (reads pass through) and the state is `syncing`;
 * - delta: the tasks with ModifiedDate at or after the latest one seen (the overlap is
 *   de-duplicated: a task already stored with that ModifiedDate and the same values is not news,
 *   an older version than the one stored is ignored), every poll
 *   interval while a page is open (an `/events` stream), every idle interval when none is;
 * - playbooks every 5 minutes; a full resync every hour, which also removes tasks gone upstream
 *   (each confirmed missing by one search for their ids first);
 * - after a restart it resumes from the file with a delta.
 * A failed call leaves the data as it was and the state `stale` with the reason; the next poll
 * that reaches the tenant makes it `live` again. Time comes from an injected clock.
 */
import type { Clock } from '../budget/scheduler.ts';
import { TASK_FIELDS } from '../../search-engine/fields.ts';
import type { SyncStatus, TaskChange } from '../../src/lib/live-events.ts';
import { MAX_IN_VALUES, MAX_PAGE_SIZE } from '../../src/lib/search/limits.ts';
import type { FeedEvent } from './event-feed.ts';
import type { MirrorStore, Playbook } from './mirror-store.ts';
import { instantOf } from './task-diff.ts';

/** A call the mirror makes to the tenant (through the budget scheduler, at background priority). */
export type UpstreamResult = { ok: true; data: unknown } | { ok: false; reason: string; closing?: boolean };
export interface MirrorUpstream {
  call(call: { method: 'GET' | 'POST'; apiPath: string; body?: unknown }): Promise<UpstreamResult>;
}

export interface SyncTimings {
  /** Between deltas while at least one page is open (MIRROR_POLL_S). */
  pollMs: number;
  /** Between deltas when no page is open. */
  idlePollMs: number;
  playbooksMs: number;
  /** Between full resyncs (MIRROR_RESYNC_MIN). */
  resyncMs: number;
  /** History older than this is dropped (MIRROR_HISTORY_DAYS). */
  historyMs: number;
  /** Tasks per search page (the API's maximum). */
  pageSize: number;
  /** The longest wait between two tries of a first sync that fails. */
  maxRetryMs: number;
}

const DEFAULT_TIMINGS: SyncTimings = {
  pollMs: 10_000,
  idlePollMs: 120_000,
  playbooksMs: 5 * 60_000,
  resyncMs: 60 * 60_000,
  historyMs: 90 * 24 * 3600_000,
  pageSize: MAX_PAGE_SIZE,
  maxRetryMs: 120_000,
};

/** Every field of a task: the sync's searches ask for whole tasks. */
const ALL_FIELDS = TASK_FIELDS.map((f) => f.name);

/** Most ids one confirming search lists (the search's limit on IN values). */
const CONFIRM_CHUNK = MAX_IN_VALUES;

export interface SyncLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

class SyncFailure extends Error {
  constructor(
    readonly reason: string,
    readonly closing = false,
  ) {
    super(reason);
  }
}

type Page = { records: Record<string, unknown>[]; totalCount: number | null };

const byTime = (a: string, b: string) => (instantOf(a) ?? 0) - (instantOf(b) ?? 0);

export class MirrorSync {
  private state: SyncStatus['state'] = 'syncing';
  private reason: string | undefined;
  private lastSyncAt: string | null;
  private clients = 0;
  private cancelTimer: (() => void) | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private started = false;
  private firstSyncFailures = 0;
  private lastDeltaAt = -Infinity;
  private lastPlaybooksAt = -Infinity;
  private nextResyncAt: number;
  /** Tasks written through this server (or refreshed by a fresh read) while a full resync runs: never removed by it. */
  private touched: Set<string> | null = null;
  private readonly timings: SyncTimings;

  constructor(
    private readonly deps: {
      store: MirrorStore;
      upstream: MirrorUpstream;
      clock: Clock;
      publish(event: FeedEvent): void;
      log: SyncLog;
      timings?: Partial<SyncTimings>;
    },
  ) {
    this.timings = { ...DEFAULT_TIMINGS, ...deps.timings };
    const cursor = deps.store.cursor();
    this.lastSyncAt = cursor.lastSyncAt;
    if (cursor.complete) {
      // Resuming from the file: answer from it at once, as of its last sync, until the first delta.
      this.state = 'stale';
      this.reason = 'catching up after a restart';
    }
    this.nextResyncAt = deps.clock.now() + this.timings.resyncMs;
  }

  /** Whether the first sync is complete: the mirror can answer reads. */
  get synced(): boolean {
    return this.state === 'live' || this.state === 'stale';
  }

  status(): SyncStatus {
    const s: SyncStatus = { state: this.state, lastSyncAt: this.lastSyncAt, pollSeconds: this.timings.pollMs / 1000 };
    if (this.reason !== undefined) s.reason = this.reason;
    return s;
  }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.schedule(0);
  }

  /**
   * Stops the timers. A sync waiting for the tenant stores nothing more once the call returns
   * (every call checks), so this waits for it at most `waitMs`: a slow tenant never holds up a
   * shutdown, and the file can be closed after.
   */
  async stop(waitMs = 1000): Promise<void> {
    this.stopped = true;
    this.cancelTimer?.();
    this.cancelTimer = null;
    if (!this.running) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running.catch(() => undefined), new Promise<void>((r) => (timer = setTimeout(r, waitMs)))]);
    clearTimeout(timer);
  }

  /** The number of open pages (`/events` streams): with none, the delta runs at the idle interval. */
  setClients(count: number): void {
    const wasIdle = this.clients === 0;
    this.clients = count;
    // A page opened while the mirror was idle: the next delta comes within a poll interval.
    if (wasIdle && count > 0 && this.started && !this.running) this.schedule(Math.max(0, this.nextDue() - this.deps.clock.now()));
  }

  /** A task this server has just written or read fresh: a full resync in progress keeps it. */
  touch(id: string): void {
    this.touched?.add(id);
  }

  /** Runs whatever is due now (and the delta in any case); resolves when it is done. For tests and operators. */
  async syncNow(): Promise<void> {
    await this.running?.catch(() => undefined);
    this.lastDeltaAt = -Infinity;
    await this.run();
  }

  // Scheduling -------------------------------------------------------------------------------

  private pollMs(): number {
    return this.clients > 0 ? this.timings.pollMs : this.timings.idlePollMs;
  }

  private nextDue(): number {
    if (!this.synced) return this.deps.clock.now();
    return Math.min(this.lastDeltaAt + this.pollMs(), this.lastPlaybooksAt + this.timings.playbooksMs, this.nextResyncAt);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.cancelTimer?.();
    this.cancelTimer = this.deps.clock.setTimer(
      () => {
        this.cancelTimer = null;
        void this.run();
      },
      Math.max(0, delayMs),
    );
  }

  private run(): Promise<void> {
    if (this.running) return this.running;
    this.cancelTimer?.();
    this.cancelTimer = null;
    this.running = this.tick().finally(() => {
      this.running = null;
      if (!this.stopped) this.schedule(this.synced ? this.nextDue() - this.deps.clock.now() : this.retryDelay());
    });
    return this.running;
  }

  private retryDelay(): number {
    return Math.min(this.timings.maxRetryMs, 5_000 * 2 ** Math.max(0, this.firstSyncFailures - 1));
  }

  private async tick(): Promise<void> {
    const now = () => this.deps.clock.now();
    try {
      if (!this.synced) {
        await this.firstSync();
        this.firstSyncFailures = 0;
      }
      if (now() >= this.nextResyncAt) {
        await this.fullResync();
        this.lastPlaybooksAt = now();
      } else if (now() >= this.lastPlaybooksAt + this.timings.playbooksMs) {
        await this.refreshPlaybooks(true);
        this.lastPlaybooksAt = now();
      }
      if (now() >= this.lastDeltaAt + this.pollMs()) {
        await this.delta();
        this.lastDeltaAt = now();
      }
      this.prune();
      this.setState('live', undefined, this.isoNow());
    } catch (e) {
      if (this.stopped || (e instanceof SyncFailure && e.closing)) return;
      const reason = e instanceof SyncFailure ? e.reason : `the mirror could not be updated: ${e instanceof Error ? e.message : String(e)}`;
      if (!this.synced) {
        this.firstSyncFailures++;
        // Said once per reason, not at every try.
        if (this.reason !== reason)
          this.deps.log.warn(
            { reason, retryInS: Math.round(this.retryDelay() / 1000) },
            'mirror: first sync failed; reads pass through to the tenant until it completes',
          );
        this.setState('syncing', reason, this.lastSyncAt);
      } else {
        // Keep answering from the mirror; try again at the next poll.
        this.lastDeltaAt = now();
        if (this.state !== 'stale' || this.reason !== reason)
          this.deps.log.warn({ reason }, 'mirror: the tenant cannot be reached; answering from the mirror');
        this.setState('stale', reason, this.lastSyncAt);
      }
    }
  }

  private setState(state: SyncStatus['state'], reason: string | undefined, lastSyncAt: string | null): void {
    const changed = state !== this.state || reason !== this.reason || lastSyncAt !== this.lastSyncAt;
    this.state = state;
    this.reason = reason;
    this.lastSyncAt = lastSyncAt;
    if (lastSyncAt !== null && state === 'live') this.deps.store.saveCursor({ lastSyncAt });
    if (changed) this.deps.publish({ type: 'sync', sync: this.status() });
  }

  private isoNow(): string {
    return new Date(this.deps.clock.now()).toISOString();
  }

  // Calls ------------------------------------------------------------------------------------

  private async call(method: 'GET' | 'POST', apiPath: string, body?: unknown): Promise<unknown> {
    if (this.stopped) throw new SyncFailure('the server is stopping', true);
    const result = await this.deps.upstream.call({ method, apiPath, body });
    if (this.stopped) throw new SyncFailure('the server is stopping', true);
    if (!result.ok) throw new SyncFailure(result.reason, result.closing);
    return result.data;
  }

  private async searchPage(body: Record<string, unknown>): Promise<Page> {
    const data = await this.call('POST', '/tasks/search', { select: ALL_FIELDS, limit: this.timings.pageSize, ...body });
    const d = data as { records?: unknown; totalCount?: unknown } | null;
    if (!d || !Array.isArray(d.records)) throw new SyncFailure('the Gainsight API answered a search without records');
    return {
      records: d.records.filter((r): r is Record<string, unknown> => r !== null && typeof r === 'object'),
      totalCount: typeof d.totalCount === 'number' ? d.totalCount : null,
    };
  }

  /**
   * Every task, page by page in creation order (a task created meanwhile lands on a later page;
   * offset paging never moves earlier ones). Each page is handed to `each` as it arrives.
   */
  private async allTasks(each: (records: Record<string, unknown>[]) => void): Promise<void> {
    const orderBy = { CreatedDate: 'asc', Gsid: 'asc' };
    for (let offset = 0; ;) {
      const page = await this.searchPage({ orderBy, offset });
      each(page.records);
      offset += page.records.length;
      if (page.records.length < this.timings.pageSize) return;
    }
  }

  // Syncs ------------------------------------------------------------------------------------

  private async firstSync(): Promise<void> {
    const { store, log } = this.deps;
    const started = this.deps.clock.now();
    store.clearTasks();
    const latest = new Latest(null);
    let count = 0;
    await this.allTasks((records) => {
      store.applyTasks(records, { source: 'outside', actor: null, history: false, now: this.isoNow() });
      latest.see(records);
      count += records.length;
    });
    await this.refreshPlaybooks(false);
    this.lastPlaybooksAt = this.deps.clock.now();
    store.saveCursor({ complete: true, lastSeen: this.capped(latest.value), lastFullSyncAt: this.isoNow() });
    this.nextResyncAt = this.deps.clock.now() + this.timings.resyncMs;
    this.state = 'stale'; // synced; `live` once the delta that follows has run
    log.info({ tasks: count, playbooks: store.listPlaybooks().length, ms: this.deps.clock.now() - started }, 'mirror: first sync complete');
    // The delta right after catches what changed while the pages were read.
    this.lastDeltaAt = -Infinity;
  }

  /**
   * The next delta's starting point: the latest ModifiedDate seen, but never later than a minute
   * before this server's clock. A tenant whose clock runs ahead (or a task stamped in the future)
   * would otherwise put the cursor past changes still to come, and the delta would miss them; the
   * cap only costs re-reading the tasks changed in that minute, which applyTasks skips.
   */
  private capped(latest: string | null): string | null {
    if (latest === null) return null;
    const cap = new Date(this.deps.clock.now() - CLOCK_SKEW_MS).toISOString();
    return byTime(latest, cap) > 0 ? cap : latest;
  }

  private async delta(): Promise<void> {
    const { store } = this.deps;
    const cursor = store.cursor();
    const latest = new Latest(cursor.lastSeen);
    const seen = new Set<string>();
    const changes: TaskChange[] = [];
    let from = cursor.lastSeen;
    let offset = 0;
    for (;;) {
      const where = from === null ? undefined : { conditions: [{ name: 'ModifiedDate', alias: 'A', operator: 'GTE', value: [from] }] };
      const page = await this.searchPage({ ...(where ? { where } : {}), orderBy: { ModifiedDate: 'asc', Gsid: 'asc' }, offset });
      // A page that starts again at its predecessor's last ModifiedDate repeats some tasks.
      const fresh = page.records.filter((r) => {
        const key = `${String(r.Gsid)}@${String(r.ModifiedDate)}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      // The overlap with the last poll: applyTasks skips what the mirror already has.
      changes.push(...store.applyTasks(fresh, { source: 'outside', actor: null, history: true, now: this.isoNow() }));
      latest.see(page.records);
      if (page.records.length < this.timings.pageSize) break;
      const last = page.records[page.records.length - 1]!.ModifiedDate;
      if (typeof last !== 'string') break;
      if (from !== null && instantOf(last) === instantOf(from)) {
        // A whole page with one ModifiedDate (a bulk change): step through that value by offset.
        offset += page.records.length;
      } else {
        from = last;
        offset = 0;
      }
    }
    store.saveCursor({ lastSeen: this.capped(latest.value) });
    if (changes.length > 0) this.deps.publish({ type: 'tasks', source: 'sync', changes });
  }

  private async fullResync(): Promise<void> {
    const { store, log } = this.deps;
    this.touched = new Set();
    try {
      const latest = new Latest(store.cursor().lastSeen);
      const upstreamIds = new Set<string>();
      const changes: TaskChange[] = [];
      await this.allTasks((records) => {
        changes.push(...store.applyTasks(records, { source: 'outside', actor: null, history: true, now: this.isoNow() }));
        for (const r of records) if (typeof r.Gsid === 'string') upstreamIds.add(r.Gsid);
        latest.see(records);
      });
      const candidates = store.allTaskIds().filter((id) => !upstreamIds.has(id) && !this.touched!.has(id));
      // A task missing from the pages may only have moved between them while they were read:
      // ask for the candidates by id, and remove only those the tenant does not return.
      const stillThere = new Set<string>();
      for (let i = 0; i < candidates.length; i += CONFIRM_CHUNK) {
        const ids = candidates.slice(i, i + CONFIRM_CHUNK);
        const page = await this.searchPage({
          where: { conditions: [{ name: 'Gsid', alias: 'A', operator: 'IN', value: ids }] },
          limit: ids.length,
          offset: 0,
        });
        changes.push(...store.applyTasks(page.records, { source: 'outside', actor: null, history: true, now: this.isoNow() }));
        for (const r of page.records) if (typeof r.Gsid === 'string') stillThere.add(r.Gsid);
      }
      const gone = candidates.filter((id) => !stillThere.has(id) && !this.touched!.has(id));
      changes.push(...store.removeTasks(gone, { history: true, now: this.isoNow() }));
      await this.refreshPlaybooks(true);
      store.saveCursor({ lastSeen: this.capped(latest.value), lastFullSyncAt: this.isoNow() });
      this.nextResyncAt = this.deps.clock.now() + this.timings.resyncMs;
      if (changes.length > 0) this.deps.publish({ type: 'tasks', source: 'sync', changes });
      log.info({ tasks: upstreamIds.size, changed: changes.length, removed: gone.length }, 'mirror: full resync complete');
    } finally {
      this.touched = null;
    }
  }

  private async refreshPlaybooks(announce: boolean): Promise<void> {
    const data = await this.call('GET', '/playbooks');
    if (!Array.isArray(data)) throw new SyncFailure('the Gainsight API answered the playbook list without a list');
    const list = data.filter((p): p is Playbook => p !== null && typeof p === 'object' && typeof (p as Playbook).Gsid === 'string');
    const changed = this.deps.store.replacePlaybooks(list);
    if (announce && changed.length > 0) this.deps.publish({ type: 'playbooks', ids: changed });
  }

  private prune(): void {
    const cutoff = new Date(this.deps.clock.now() - this.timings.historyMs).toISOString();
    this.deps.store.pruneHistory(cutoff);
  }
}

/** The latest ModifiedDate among the tasks seen (as the tenant wrote it). */
/** How far ahead of this server's clock a tenant's ModifiedDate may be before the cursor stops at the clock. */
const CLOCK_SKEW_MS = 60_000;

class Latest {
  constructor(public value: string | null) {}

  see(records: readonly Record<string, unknown>[]): void {
    for (const r of records) {
      const at = r.ModifiedDate;
      if (typeof at !== 'string' || instantOf(at) === null) continue;
      if (this.value === null || byTime(at, this.value) > 0) this.value = at;
    }
  }
}
