/**
 * What the app knows about how fresh its data is, in one small store: the live-update stream's
 * state and the mirror's sync state (set by the shell's subscription, src/app/live/), and where
 * the last read was answered from (set by the API client from the response headers the team
 * server adds, see src/lib/live-events.ts). The header's indicator and the stale-data banner read
 * it; no hook has to pass it along.
 *
 * Kept small: the API client, and so the entry, imports it.
 */
import type { Query } from '@tanstack/react-query';
import { DATA_AS_OF_HEADER, SOURCE_HEADER, type SyncStatus, type TaskChange } from '../lib/live-events.ts';

/**
 * The live-update stream:
 * - `idle`: not started (the shell starts it once the first page has settled);
 * - `connecting`: the first connection is being made;
 * - `open`: connected; changes arrive as they happen;
 * - `reconnecting`: the connection dropped; trying again with backoff;
 * - `unavailable`: this server has no live updates for us (an older server, or no session): the
 *   app refetches on window focus instead and does not try again.
 */
export type StreamState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'unavailable';

/** Where a read was answered from, and how old the mirror's data was then. */
export interface ReadStamp {
  source: 'mirror' | 'tenant';
  /** When the mirror last heard from the tenant (ms since the epoch); null when not said or not a date. */
  asOf: number | null;
  /** The server's clock when it answered (its Date header), else the browser's: compared with `asOf`. */
  answeredAt: number;
}

export interface LiveStatus {
  stream: StreamState;
  /** The mirror's state as the stream last said; null before the first `hello`. */
  sync: SyncStatus | null;
  /** The last read that said where it came from; null when the server does not say (no mirror). */
  lastRead: ReadStamp | null;
}

let status: LiveStatus = { stream: 'idle', sync: null, lastRead: null };
const listeners = new Set<() => void>();

function set(next: LiveStatus) {
  status = next;
  for (const listener of listeners) listener();
}

export function getLiveStatus(): LiveStatus {
  return status;
}

export function subscribeLiveStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export function setStreamState(stream: StreamState) {
  if (stream !== status.stream) set({ ...status, stream });
}

export function setSyncStatus(sync: SyncStatus) {
  set({ ...status, sync });
}

/** Back to the start (tests). */
export function resetLiveStatus() {
  ownWrites.clear();
  set({ stream: 'idle', sync: null, lastRead: null });
}

/** The read stamp a response's headers give, or null when they do not say where it came from. */
export function readStampOf(headers: Headers, now: number = Date.now()): ReadStamp | null {
  const source = headers.get(SOURCE_HEADER)?.trim().toLowerCase();
  if (source !== 'mirror' && source !== 'tenant') return null;
  const asOf = Date.parse(headers.get(DATA_AS_OF_HEADER) ?? '');
  const served = Date.parse(headers.get('Date') ?? '');
  return { source, asOf: Number.isNaN(asOf) ? null : asOf, answeredAt: Number.isNaN(served) ? now : served };
}

/** Records where a successful read was answered from (called by the API client). */
export function recordRead(headers: Headers, now: number = Date.now()) {
  const stamp = readStampOf(headers, now);
  const last = status.lastRead;
  const same =
    stamp === null
      ? last === null
      : last !== null && last.source === stamp.source && last.asOf === stamp.asOf && last.answeredAt === stamp.answeredAt;
  if (same) return;
  set({ ...status, lastRead: stamp });
}

/**
 * The versions of tasks this tab wrote itself (id -> ModifiedDate in ms), so that the live
 * stream's echo of the write does not refetch what the write has already refreshed. The most
 * recent few are enough: the echo follows the write within a second.
 */
const OWN_WRITES_KEPT = 100;
const ownWrites = new Map<string, number>();

/** Notes a task this tab saved (called by the API client with the server's answer). */
export function noteOwnWrite(task: { Gsid?: string | null; ModifiedDate?: string | null }) {
  const modified = Date.parse(task.ModifiedDate ?? '');
  if (!task.Gsid || Number.isNaN(modified)) return;
  ownWrites.delete(task.Gsid);
  ownWrites.set(task.Gsid, modified);
  if (ownWrites.size > OWN_WRITES_KEPT) ownWrites.delete(ownWrites.keys().next().value!);
}

/** True when the change is this tab's own write, exactly the version it saved. */
export function isOwnWrite(change: Pick<TaskChange, 'id' | 'modifiedDate' | 'removed'>): boolean {
  if (change.removed) return false;
  const mine = ownWrites.get(change.id);
  return mine !== undefined && mine === Date.parse(change.modifiedDate ?? '');
}

/**
 * True while changes are pushed to this page: the stream is open and the mirror watches the
 * tenant (`live`, or `stale` until it can again). Then a window focus needs no refetch; otherwise
 * (stream down, mirror syncing or off, which pushes only writes made through this server) it does.
 */
export function changesArePushed(current: LiveStatus = status): boolean {
  return current.stream === 'open' && (current.sync?.state === 'live' || current.sync?.state === 'stale');
}

/**
 * React Query's `refetchOnWindowFocus` (src/api/query-client.ts): as usual (stale queries) while
 * changes are not pushed; while they are, only queries a change invalidated while the tab was
 * hidden (they were marked, not refetched, then).
 */
export function refetchOnFocus(query: Pick<Query, 'state'>): boolean {
  return !changesArePushed() || query.state.isInvalidated;
}
