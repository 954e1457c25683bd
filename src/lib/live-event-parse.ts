/**
 * Reads one Server-Sent Event of `GET /events` (its `event:` type and `data:` JSON) into a
 * `LiveEvent` (src/lib/live-events.ts), checking every field, so that what the rest of the app
 * handles is exactly the contract. Anything else is a `LiveEventError` that says what is wrong.
 * Pure.
 */
import type { LiveEvent, LiveEventType, MirrorState, SyncStatus, TaskChange } from './live-events.ts';

/** Every event type of the contract (the compiler checks the list is complete). */
const EVENT_TYPES: Record<LiveEventType, true> = { hello: true, tasks: true, playbooks: true, sync: true, reload: true };
export const LIVE_EVENT_TYPES = Object.keys(EVENT_TYPES) as LiveEventType[];

const MIRROR_STATES: Record<MirrorState, true> = { syncing: true, live: true, stale: true, off: true };

export class LiveEventError extends Error {
  constructor(type: string, problem: string) {
    super(`The live update "${type}" could not be read: ${problem}.`);
    this.name = 'LiveEventError';
  }
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function isLiveEventType(type: string): type is LiveEventType {
  return Object.hasOwn(EVENT_TYPES, type);
}

export function parseLiveEvent(type: string, data: string): LiveEvent {
  if (!isLiveEventType(type)) throw new LiveEventError(type, 'it is not an event this app knows');
  // A reload says all there is to say by its type; its data is not read.
  if (type === 'reload') return { type };
  let body: unknown;
  try {
    body = JSON.parse(data);
  } catch {
    throw new LiveEventError(type, 'its data is not JSON');
  }
  if (!isObject(body)) throw new LiveEventError(type, 'its data is not a JSON object');
  const fail = (problem: string): never => {
    throw new LiveEventError(type, problem);
  };
  switch (type) {
    case 'hello': {
      if (typeof body.serverId !== 'string' || body.serverId === '') fail('"serverId" must be a non-empty string');
      return { type, serverId: body.serverId as string, sync: syncStatus(body.sync, fail) };
    }
    case 'sync':
      return { type, sync: syncStatus(body.sync, fail) };
    case 'playbooks': {
      const ids = body.ids;
      if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && id !== '')) fail('"ids" must be a list of playbook ids');
      return { type, ids: ids as string[] };
    }
    case 'tasks': {
      if (body.source !== 'write' && body.source !== 'sync') fail('"source" must be "write" or "sync"');
      if (!Array.isArray(body.changes)) fail('"changes" must be a list');
      const changes = (body.changes as unknown[]).map((c, i) => taskChange(c, (problem) => fail(`change ${i + 1}: ${problem}`)));
      return { type, source: body.source as 'write' | 'sync', changes };
    }
  }
}

function syncStatus(value: unknown, fail: (problem: string) => never): SyncStatus {
  if (!isObject(value)) return fail('"sync" must be an object');
  const { state, lastSyncAt, pollSeconds, reason } = value;
  if (typeof state !== 'string' || !Object.hasOwn(MIRROR_STATES, state))
    fail(`"sync.state" must be one of ${Object.keys(MIRROR_STATES).join(', ')}`);
  if (lastSyncAt !== null && (typeof lastSyncAt !== 'string' || Number.isNaN(Date.parse(lastSyncAt)))) {
    fail('"sync.lastSyncAt" must be a date-time or null');
  }
  // No mirror (`off`) polls nothing: 0 there; a mirror polls every so many seconds.
  if (typeof pollSeconds !== 'number' || !Number.isFinite(pollSeconds) || pollSeconds < 0)
    fail('"sync.pollSeconds" must be a number of seconds');
  if (pollSeconds === 0 && state !== 'off') fail('"sync.pollSeconds" must be positive while there is a mirror');
  if (reason !== undefined && reason !== null && typeof reason !== 'string') fail('"sync.reason" must be text');
  const sync: SyncStatus = { state: state as MirrorState, lastSyncAt: lastSyncAt as string | null, pollSeconds: pollSeconds as number };
  if (typeof reason === 'string' && reason.trim() !== '') sync.reason = reason;
  return sync;
}

const NULLABLE_TEXT = ['status', 'previousStatus', 'modifiedDate', 'playbookId', 'ctaId'] as const;

function taskChange(value: unknown, fail: (problem: string) => never): TaskChange {
  if (!isObject(value)) return fail('not an object');
  if (typeof value.id !== 'string' || value.id === '') fail('"id" must be a non-empty string');
  const change: TaskChange = {
    id: value.id as string,
    status: null,
    previousStatus: null,
    modifiedDate: null,
    playbookId: null,
    ctaId: null,
  };
  for (const field of NULLABLE_TEXT) {
    const v = value[field];
    // A field left out is read as null (not known), as the contract's null.
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') fail(`"${field}" must be text or null`);
    change[field] = v as string;
  }
  if (value.removed !== undefined && value.removed !== true) fail('"removed" must be true when present');
  if (value.removed === true) change.removed = true;
  return change;
}
