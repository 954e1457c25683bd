/**
 * The team server's live side, put together: the event feed and `GET /events` (always on, so
 * pages hear about writes made through this server even without a mirror), and, when the mirror
 * is on, its SQLite file, the sync that keeps it in step with the tenant, the reads it answers for
 * the `/v1` proxy, task activity and team views. `createLive` is called by createTeamServer.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Database from 'better-sqlite3';
import { Gauge, type Registry } from 'prom-client';
import type { Clock } from '../budget/scheduler.ts';
import { sendEnvelopeError, ServerErrorCodes } from '../envelope.ts';
import type { MirrorAnswer, MirrorReadRequest, ProxyMirror, TenantAnswered } from '../proxy/api-proxy.ts';
import { taskIdOf } from '../upstream/operations.ts';
import {
  DATA_AS_OF_HEADER,
  SOURCE_HEADER,
  VIEWS_PATH,
  type ActivityAnswer,
  type SyncStatus,
  type TaskChange,
} from '../../src/lib/live-events.ts';
import { EventFeed, type FeedEvent } from './event-feed.ts';
import { registerEventsRoute, type EventStreams } from './events-route.ts';
import { openMirrorDb } from './mirror-db.ts';
import { envelopeOf, MIRROR_READS, readFromMirror } from './mirror-reads.ts';
import { MirrorStore, type Playbook } from './mirror-store.ts';
import { MirrorSync, type MirrorUpstream } from './sync-engine.ts';
import { parseViewInput, parseViewPatch, TeamViewStore, ViewAccessError, ViewInputError, type Viewer } from './team-views.ts';

export interface MirrorOptions {
  /** The SQLite file (GAINSIGHT_MIRROR_DB); `:memory:` keeps none on disk. */
  dbPath: string;
  /** What the file must say it mirrors; default: the API base URL. */
  tenant?: string;
  /** Seconds between deltas while a page is open (MIRROR_POLL_S, default 10). */
  pollSeconds?: number;
  /** Seconds between deltas while no page is open (default 120). */
  idlePollSeconds?: number;
  /** Seconds between playbook refreshes (default 300). */
  playbooksSeconds?: number;
  /** Minutes between full resyncs (MIRROR_RESYNC_MIN, default 60). */
  resyncMinutes?: number;
  /** Days of task history kept (MIRROR_HISTORY_DAYS, default 90). */
  historyDays?: number;
  /** Tasks per search page (default 5000, the API's maximum). */
  pageSize?: number;
}

const DEFAULT_HISTORY_DAYS = 90;

interface Mirror {
  db: Database.Database;
  store: MirrorStore;
  sync: MirrorSync;
  views: TeamViewStore;
  historyDays: number;
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `data` of a Gainsight envelope the tenant answered 200 with, or undefined. */
function dataOf(answer: { status: number; body: Buffer }): unknown {
  if (answer.status !== 200) return undefined;
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as unknown;
    return isRecord(parsed) && parsed.result !== false ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the tenant said "no such entity" (a 404 envelope that is not "no such route"). */
function isNotFound(answer: { status: number; body: Buffer }): boolean {
  if (answer.status !== 404) return false;
  try {
    const parsed = JSON.parse(answer.body.toString('utf8')) as unknown;
    return isRecord(parsed) && parsed.result === false && parsed.errorCode !== ServerErrorCodes.notAnApiPath;
  } catch {
    return false;
  }
}

/** The search asked for whole tasks (no select, or an empty one), so its records can refresh the mirror. */
function asksWholeTasks(body: Buffer | undefined): boolean {
  try {
    const parsed = JSON.parse(body?.toString('utf8') ?? '{}') as unknown;
    return (
      isRecord(parsed) &&
      (parsed.select === undefined || parsed.select === null || (Array.isArray(parsed.select) && parsed.select.length === 0))
    );
  } catch {
    return false;
  }
}

function changeFromAnswer(task: Record<string, unknown>, previous: Record<string, unknown> | null | undefined): TaskChange {
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: String(task.Gsid),
    status: str(task.Status),
    previousStatus: str(previous?.Status),
    modifiedDate: str(task.ModifiedDate),
    playbookId: str(task.PlaybookId),
    ctaId: str(task.CTAId),
  };
}

export class Live implements ProxyMirror {
  constructor(
    readonly feed: EventFeed,
    private readonly mirror: Mirror | null,
    private readonly clock: Clock,
    readonly streams: EventStreams,
  ) {}

  /** The mirror's sync (null when the mirror is off). */
  get sync(): MirrorSync | null {
    return this.mirror?.sync ?? null;
  }

  get store(): MirrorStore | null {
    return this.mirror?.store ?? null;
  }

  status(): SyncStatus {
    return this.mirror?.sync.status() ?? { state: 'off', lastSyncAt: null, pollSeconds: 0 };
  }

  private publish(event: FeedEvent): void {
    this.feed.publish(event);
  }

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  answer({ request, operation, apiPath, body }: MirrorReadRequest): MirrorAnswer | null {
    const mirror = this.mirror;
    if (!mirror || !mirror.sync.synced || !MIRROR_READS.has(operation)) return null;
    const result = readFromMirror(mirror.store, {
      method: request.method,
      operation,
      apiPath,
      contentType: request.headers['content-type'],
      body,
    });
    if (!result) return null;
    const headers: Record<string, string> = {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [SOURCE_HEADER.toLowerCase()]: 'mirror',
    };
    const asOf = mirror.sync.status().lastSyncAt;
    if (asOf) headers[DATA_AS_OF_HEADER.toLowerCase()] = asOf;
    return { status: result.status, headers, body: envelopeOf(result, request.id) };
  }

  previousTask(taskId: string): Record<string, unknown> | undefined {
    const mirror = this.mirror;
    return mirror && mirror.sync.synced ? mirror.store.getTask(taskId) : undefined;
  }

  tenantAnswered(info: TenantAnswered): void {
    const { operation, answer } = info;
    if (operation === 'tasks.create' || operation === 'tasks.update') return this.wrote(info);
    const mirror = this.mirror;
    // Only fresh reads refresh the mirror, and only once it is whole (a first sync replaces everything anyway).
    if (!info.fresh || !mirror || !mirror.sync.synced) return;
    const options = { source: 'outside' as const, actor: null, history: true, now: this.now() };
    const data = dataOf(answer);
    if (operation === 'tasks.get') {
      const id = taskIdOf(info.apiPath);
      if (id === null || id === 'search') return;
      mirror.sync.touch(id);
      const changes = isRecord(data)
        ? mirror.store.applyTasks([data], options)
        : isNotFound(answer)
          ? mirror.store.removeTasks([id], options)
          : [];
      if (changes.length > 0) this.publish({ type: 'tasks', source: 'sync', changes });
    } else if (operation === 'tasks.search' && isRecord(data) && Array.isArray(data.records) && asksWholeTasks(info.body)) {
      const records = data.records.filter(isRecord);
      for (const r of records) if (typeof r.Gsid === 'string') mirror.sync.touch(r.Gsid);
      const changes = mirror.store.applyTasks(records, options);
      if (changes.length > 0) this.publish({ type: 'tasks', source: 'sync', changes });
    } else if (operation === 'playbooks.list' && Array.isArray(data)) {
      const changed = mirror.store.replacePlaybooks(data.filter((p): p is Playbook => isRecord(p) && typeof p.Gsid === 'string'));
      if (changed.length > 0) this.publish({ type: 'playbooks', ids: changed });
    } else if (operation === 'playbooks.get') {
      const id = decodeURIComponent(info.apiPath.split('?')[0]!.split('/')[2] ?? '');
      const changed =
        isRecord(data) && data.Gsid === id
          ? mirror.store.putPlaybook(data as Playbook)
          : isNotFound(answer)
            ? mirror.store.removePlaybook(id)
            : false;
      if (changed) this.publish({ type: 'playbooks', ids: [id] });
    }
  }

  /** A write the tenant accepted: into the mirror (with its history entry) and announced, before the reply. */
  private wrote({ request, operation, answer, previous }: TenantAnswered): void {
    const task = dataOf(answer);
    if (!isRecord(task) || typeof task.Gsid !== 'string') return;
    const mirror = this.mirror;
    if (!mirror) {
      this.publish({ type: 'tasks', source: 'write', changes: [changeFromAnswer(task, previous)] });
      return;
    }
    mirror.sync.touch(task.Gsid);
    // While the first sync runs, an update's earlier version may not be in the mirror yet: no history for it.
    const history = mirror.sync.synced || operation === 'tasks.create';
    const changes = mirror.store.applyTasks([task], { source: 'cockpit', actor: request.user?.name ?? null, history, now: this.now() });
    if (changes.length > 0) this.publish({ type: 'tasks', source: 'write', changes });
  }

  activity(taskId: string): ActivityAnswer {
    const mirror = this.mirror;
    if (!mirror) return { taskId, entries: [], retentionDays: 0, available: false };
    return { taskId, entries: mirror.store.history(taskId), retentionDays: mirror.historyDays, available: true };
  }

  get views(): TeamViewStore | null {
    return this.mirror?.views ?? null;
  }

  async close(): Promise<void> {
    this.streams.closeAll();
    if (this.mirror) {
      await this.mirror.sync.stop();
      this.mirror.db.close();
    }
  }
}

export interface LiveDeps {
  clock: Clock;
  upstream: MirrorUpstream;
  /** The API base URL: what the mirror's file must say it mirrors, unless `mirror.tenant` says otherwise. */
  tenant: string;
  mirror?: MirrorOptions;
  /** Sign-in is on: team views are editable by their author only. */
  signIn: boolean;
  registry: Registry;
  feed?: EventFeed;
}

function openMirror(app: FastifyInstance, deps: LiveDeps, options: MirrorOptions, feed: EventFeed): Mirror {
  const tenant = options.tenant ?? deps.tenant;
  const { db, rebuilt } = openMirrorDb(options.dbPath, tenant);
  if (rebuilt)
    app.log.warn(
      { file: options.dbPath, reason: rebuilt },
      'mirror: the file could not be kept; it was made anew and a first sync will fill it',
    );
  const store = new MirrorStore(db);
  const historyDays = options.historyDays ?? DEFAULT_HISTORY_DAYS;
  const sync = new MirrorSync({
    store,
    upstream: deps.upstream,
    clock: deps.clock,
    publish: (event) => feed.publish(event),
    log: { info: (fields, message) => app.log.info(fields, message), warn: (fields, message) => app.log.warn(fields, message) },
    timings: {
      ...(options.pollSeconds !== undefined ? { pollMs: options.pollSeconds * 1000 } : {}),
      ...(options.idlePollSeconds !== undefined ? { idlePollMs: options.idlePollSeconds * 1000 } : {}),
      ...(options.playbooksSeconds !== undefined ? { playbooksMs: options.playbooksSeconds * 1000 } : {}),
      ...(options.resyncMinutes !== undefined ? { resyncMs: options.resyncMinutes * 60_000 } : {}),
      ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
      historyMs: historyDays * 24 * 3600_000,
    },
  });
  const cursor = store.cursor();
  app.log.info(
    { file: options.dbPath, tasks: store.taskCount(), resumedFrom: cursor.complete ? cursor.lastSyncAt : null },
    cursor.complete
      ? 'mirror: resuming from the file with a delta'
      : 'mirror: first sync starting; reads pass through to the tenant until it completes',
  );
  return { db, store, sync, views: new TeamViewStore(db, () => deps.clock.now()), historyDays };
}

function registerMetrics(registry: Registry, live: Live): void {
  new Gauge({
    name: 'cockpit_events_streams',
    help: 'Open /events streams (pages listening for live updates)',
    registers: [registry],
    collect() {
      this.set(live.streams.count());
    },
  });
  new Gauge({
    name: 'cockpit_mirror_state',
    help: "The mirror's state: 1 for the current one (syncing, live, stale, off)",
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const current = live.status().state;
      for (const state of ['syncing', 'live', 'stale', 'off']) this.set({ state }, state === current ? 1 : 0);
    },
  });
  new Gauge({
    name: 'cockpit_mirror_tasks',
    help: 'Tasks in the mirror',
    registers: [registry],
    collect() {
      this.set(live.store?.taskCount() ?? 0);
    },
  });
  new Gauge({
    name: 'cockpit_mirror_sync_age_seconds',
    help: 'Seconds since the mirror last completed a sync with the tenant (-1 before the first)',
    registers: [registry],
    collect() {
      const at = live.status().lastSyncAt;
      this.set(at === null ? -1 : Math.max(0, (Date.now() - Date.parse(at)) / 1000));
    },
  });
}

const viewerOf = (request: FastifyRequest): Viewer => (request.user ? { sub: request.user.sub, name: request.user.name } : null);

/** The team server's own `/api/...` endpoints: a task's activity, and team views. */
async function registerApiRoutes(app: FastifyInstance, live: Live, signIn: boolean): Promise<void> {
  await app.register(async (scope) => {
    scope.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
      if (status === 500) request.log.error({ err: error }, 'team api failed');
      return sendEnvelopeError(
        request,
        reply,
        status,
        status === 500 ? 'TEAM_500' : ServerErrorCodes.invalidInput,
        status === 500 ? 'The team server could not do this.' : error.message,
      );
    });

    scope.get<{ Params: { id: string } }>('/api/tasks/:id/activity', async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return live.activity(request.params.id);
    });

    const views = (request: FastifyRequest, reply: FastifyReply): TeamViewStore | null => {
      const store = live.views;
      if (!store)
        void sendEnvelopeError(
          request,
          reply,
          503,
          ServerErrorCodes.unavailable,
          'Team views are kept by the mirror, which is off on this server (GAINSIGHT_MIRROR=off).',
        );
      return store;
    };
    const failed = (request: FastifyRequest, reply: FastifyReply, e: unknown) => {
      if (e instanceof ViewInputError) return sendEnvelopeError(request, reply, 400, ServerErrorCodes.invalidInput, e.message);
      if (e instanceof ViewAccessError) return sendEnvelopeError(request, reply, 403, ServerErrorCodes.forbidden, e.message);
      throw e;
    };
    const noView = (request: FastifyRequest, reply: FastifyReply, id: string) =>
      sendEnvelopeError(request, reply, 404, ServerErrorCodes.notFound, `No team view with id "${id}" (it may have been deleted).`);

    scope.get(VIEWS_PATH, async (request, reply) => {
      const store = views(request, reply);
      if (!store) return reply;
      reply.header('cache-control', 'no-store');
      return { views: store.list(viewerOf(request), signIn) };
    });
    scope.post(VIEWS_PATH, async (request, reply) => {
      const store = views(request, reply);
      if (!store) return reply;
      try {
        const view = store.create(parseViewInput(request.body), viewerOf(request), signIn);
        return reply.code(201).header('cache-control', 'no-store').send(view);
      } catch (e) {
        return failed(request, reply, e);
      }
    });
    scope.put<{ Params: { id: string } }>(`${VIEWS_PATH}/:id`, async (request, reply) => {
      const store = views(request, reply);
      if (!store) return reply;
      try {
        const view = store.update(request.params.id, parseViewPatch(request.body), viewerOf(request), signIn);
        if (!view) return noView(request, reply, request.params.id);
        return reply.header('cache-control', 'no-store').send(view);
      } catch (e) {
        return failed(request, reply, e);
      }
    });
    scope.delete<{ Params: { id: string } }>(`${VIEWS_PATH}/:id`, async (request, reply) => {
      const store = views(request, reply);
      if (!store) return reply;
      try {
        if (!store.delete(request.params.id, viewerOf(request), signIn)) return noView(request, reply, request.params.id);
        return reply.code(204).header('cache-control', 'no-store').send();
      } catch (e) {
        return failed(request, reply, e);
      }
    });
  });
}

export async function createLive(app: FastifyInstance, deps: LiveDeps): Promise<Live> {
  const feed = deps.feed ?? new EventFeed();
  const mirror = deps.mirror ? openMirror(app, deps, deps.mirror, feed) : null;
  let live: Live | null = null;
  const streams = registerEventsRoute(app, {
    feed,
    clock: deps.clock,
    status: () => live!.status(),
    onClients: (count) => mirror?.sync.setClients(count),
  });
  live = new Live(feed, mirror, deps.clock, streams);
  registerMetrics(deps.registry, live);
  await registerApiRoutes(app, live, deps.signIn);
  // Streams end before the server waits for its connections to close; the sync stops and the file closes last.
  app.addHook('preClose', async () => streams.closeAll());
  app.addHook('onClose', async () => live.close());
  mirror?.sync.start();
  return live;
}
