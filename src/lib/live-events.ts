/**
 * What the team server and the app say to each other about the mirror and live updates: the
 * request and response headers, the Server-Sent Events on `GET /events`, and the team server's
 * own `/api/...` answers (activity, team views). One definition, imported by both sides
 * (server/mirror/ and the app's live-update and activity code).
 */

/** Request header: this read must come from the tenant, not the mirror (the read before a move or an edit). */
export const FRESH_HEADER = 'X-Cockpit-Fresh';
export const FRESH_VALUE = '1';

/** Response header on reads: `mirror` (answered from the team server's replica) or `tenant`. */
export const SOURCE_HEADER = 'X-Cockpit-Source';
/** Response header on reads answered from the mirror: when the mirror last heard from the tenant (ISO 8601). */
export const DATA_AS_OF_HEADER = 'X-Cockpit-Data-As-Of';

/** The SSE endpoint (behind sign-in when it is on). */
export const EVENTS_PATH = '/events';
/**
 * Query parameter with the same meaning as the `Last-Event-ID` header, for a new EventSource the
 * app opens itself after a drop (it cannot set headers): `/events?lastEventId=<id>`.
 */
export const LAST_EVENT_ID_PARAM = 'lastEventId';

/**
 * The mirror's state:
 * - `syncing`: the first sync is running; reads pass through to the tenant;
 * - `live`: synced, the last poll reached the tenant;
 * - `stale`: synced earlier, but the tenant cannot be reached now (or the budget is spent): reads
 *   are answered from the mirror as of `lastSyncAt`;
 * - `off`: no mirror (GAINSIGHT_MIRROR=off); events still report writes made through this server.
 */
export type MirrorState = 'syncing' | 'live' | 'stale' | 'off';

export interface SyncStatus {
  state: MirrorState;
  /** The last time a sync (first, delta or full) completed against the tenant; null before the first. */
  lastSyncAt: string | null;
  /** Seconds between delta syncs while pages are open; 0 with no mirror (`off`). */
  pollSeconds: number;
  /** Why the state is `stale`, in words a user can read. */
  reason?: string;
}

/** One task that changed (or, with `removed`, is gone upstream). */
export interface TaskChange {
  id: string;
  status: string | null;
  /** The status the mirror had before this change; null for a new task or when unknown. */
  previousStatus: string | null;
  modifiedDate: string | null;
  playbookId: string | null;
  ctaId: string | null;
  removed?: true;
}

/** The events of `GET /events` (the SSE `event:` field is the `type`; `data:` is the JSON of the rest). */
export type LiveEvent =
  /** First event on every connection. `serverId` changes when the server restarts. */
  | { type: 'hello'; serverId: string; sync: SyncStatus }
  /** Tasks changed by a write through this server (`write`) or found by a sync (`sync`). */
  | { type: 'tasks'; source: 'write' | 'sync'; changes: TaskChange[] }
  | { type: 'playbooks'; ids: string[] }
  | { type: 'sync'; sync: SyncStatus }
  /** Too much was missed (or the server restarted): refetch everything. */
  | { type: 'reload' };

export type LiveEventType = LiveEvent['type'];

/** `GET /api/tasks/{id}/activity`: a task's earlier versions, newest first. */
export const ACTIVITY_PATH = (taskId: string) => `/api/tasks/${encodeURIComponent(taskId)}/activity`;

export interface FieldChange {
  field: string;
  from: string | number | null;
  to: string | number | null;
}

export interface ActivityEntry {
  at: string;
  /** `cockpit`: written through this team server; `outside`: found by a sync (changed in Gainsight or another tool). */
  source: 'cockpit' | 'outside';
  /** The signed-in user who made the change through this server; null without sign-in or for outside changes. */
  actor: string | null;
  kind: 'created' | 'changed' | 'removed';
  changes: FieldChange[];
}

export interface ActivityAnswer {
  taskId: string;
  entries: ActivityEntry[];
  /** How long history is kept (MIRROR_HISTORY_DAYS, default 90). */
  retentionDays: number;
  /** False when the mirror is off (no history is kept). */
  available: boolean;
}

/** `GET/POST /api/views`, `PUT/DELETE /api/views/{id}`: saved searches and board filters shared with the team. */
export const VIEWS_PATH = '/api/views';

export type TeamViewKind = 'search' | 'board';

export interface TeamView {
  id: string;
  kind: TeamViewKind;
  name: string;
  /** The page's URL query string (without `?`), as the page writes its state into the URL. */
  params: string;
  /** Who saved it (the signed-in user's name); null when sign-in is off. */
  author: string | null;
  createdAt: string;
  updatedAt: string;
  /** Whether the asking user may rename, change or delete it (its author; everyone when sign-in is off). */
  editable: boolean;
}

export interface TeamViewInput {
  kind: TeamViewKind;
  name: string;
  params: string;
}

export const VIEW_NAME_MAX = 80;
export const VIEW_PARAMS_MAX = 4000;
