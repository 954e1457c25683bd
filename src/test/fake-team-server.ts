/**
 * For component tests: the team server's `/api` endpoints (live-events.ts is their contract) and
 * its `GET /auth/session` (server-session.ts) as an in-memory fetch handler, with its rules: an author-only change is refused with 403, bad input
 * with 400, an unknown id with 404. `missing` plays an older server (404 without an envelope, as
 * Fastify answers an unknown route); `signInRequired` one whose session is missing (401 AUTH_401).
 */
import { ACTIVITY_PATH, VIEWS_PATH, type ActivityAnswer, type TeamView } from '../lib/live-events.ts';
import { SESSION_PATH, type SessionAnswer } from '../lib/team/server-session.ts';
import { checkTeamViewInput, checkViewName } from '../lib/team/team-views.ts';
import { errorEnvelope } from '../../test-support/api-envelope.ts';

export type StoredView = Omit<TeamView, 'editable'>;

export interface FakeTeamServerOptions {
  /** The signed-in user; null when sign-in is off (everyone may change everything). */
  user?: string | null;
  views?: StoredView[];
  activity?: Record<string, ActivityAnswer>;
  /**
   * An older server: `true` answers 404 without an envelope (as Fastify does for an unknown route,
   * e.g. in the dev server); `'spa-fallback'` as `npm run serve` does, the app's page for a GET
   * and 405 for anything else (server/static-site.ts).
   */
  missing?: boolean | 'spa-fallback';
  signInRequired?: boolean;
  /** What `/auth/session` says of team views (default true); false plays a server whose mirror is off. */
  teamViews?: boolean;
  now?: () => string;
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const refuse = (status: number, errorCode: string, errorDesc: string) => json(status, errorEnvelope(errorCode, errorDesc, `req-${status}`));

export function createFakeTeamServer(options: FakeTeamServerOptions = {}) {
  const user = options.user === undefined ? 'Ana' : options.user;
  const views = new Map((options.views ?? []).map((v) => [v.id, { ...v }]));
  const now = options.now ?? (() => '2026-08-19T12:00:00.000Z');
  let nextId = 1;
  /** Requests seen, as "METHOD /path". */
  const seen: string[] = [];
  /** Each answers (and is dropped) before the next request to the path it names. */
  const holds: { method: string; path: string; response: () => Response }[] = [];

  function sessionAnswer(): Response {
    // An older server has no /auth/session: Fastify's 404 for an unknown route.
    if (options.missing === true) return json(404, { message: `Route GET:${SESSION_PATH} not found`, error: 'Not Found', statusCode: 404 });
    const answer: SessionAnswer = {
      signIn: user !== null,
      user: user === null || options.signInRequired ? null : { name: user, email: null },
      teamViews: options.teamViews ?? true,
    };
    return json(200, answer);
  }

  const withEditable = (v: StoredView): TeamView => ({ ...v, editable: user === null || v.author === user });

  /** Takes what `fetch` takes: the team API client sends a Request, the session loader a path and its init. */
  async function handle(input: Request | string, init?: RequestInit): Promise<Response | null> {
    const request = typeof input === 'string' ? new Request(new URL(input, 'http://app.test/'), init) : input;
    const url = new URL(request.url);
    if (!url.pathname.startsWith('/api/') && url.pathname !== SESSION_PATH) return null;
    seen.push(`${request.method} ${url.pathname}`);
    if (url.pathname === SESSION_PATH) return sessionAnswer();
    if (request.headers.get('X-Requested-With') !== 'cockpit-board' && request.method !== 'GET') {
      return refuse(403, 'AUTH_403', 'Cross-site requests are refused.');
    }
    const hold = holds.findIndex((h) => h.method === request.method && h.path === url.pathname);
    if (hold >= 0) return holds.splice(hold, 1)[0]!.response();
    if (options.missing === 'spa-fallback') {
      if (request.method === 'GET')
        return new Response('<!doctype html><title>Cockpit Board</title>', { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
      return new Response('Method not allowed\n', { status: 405, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    }
    if (options.missing)
      return json(404, { message: `Route ${request.method}:${url.pathname} not found`, error: 'Not Found', statusCode: 404 });
    if (options.signInRequired) return refuse(401, 'AUTH_401', 'Sign in to use Cockpit Board.');

    const activity = /^\/api\/tasks\/([^/]+)\/activity$/.exec(url.pathname);
    if (activity && request.method === 'GET') {
      const taskId = decodeURIComponent(activity[1]!);
      if (ACTIVITY_PATH(taskId) !== url.pathname) return refuse(400, 'BAD', 'Bad path.');
      return json(200, options.activity?.[taskId] ?? { taskId, entries: [], retentionDays: 90, available: true });
    }

    if (url.pathname === VIEWS_PATH) {
      if (request.method === 'GET') return json(200, { views: [...views.values()].map(withEditable) });
      if (request.method === 'POST') {
        const checked = checkTeamViewInput(await request.json().catch(() => null));
        if (!checked.ok) return refuse(400, 'VIEW_400', checked.message);
        const at = now();
        let id = `new-${nextId++}`;
        while (views.has(id)) id = `new-${nextId++}`;
        const view: StoredView = { id, ...checked.value, author: user, createdAt: at, updatedAt: at };
        views.set(view.id, view);
        return json(201, withEditable(view));
      }
    }

    const one = /^\/api\/views\/([^/]+)$/.exec(url.pathname);
    if (one && (request.method === 'PUT' || request.method === 'DELETE')) {
      const view = views.get(decodeURIComponent(one[1]!));
      if (!view) return refuse(404, 'VIEW_404', 'No team view has this id; it may have been deleted.');
      if (!withEditable(view).editable) return refuse(403, 'VIEW_403', `Only its author (${view.author}) can change this view.`);
      if (request.method === 'DELETE') {
        views.delete(view.id);
        return new Response(null, { status: 204 });
      }
      const patch = (await request.json().catch(() => null)) as { name?: unknown } | null;
      const name = checkViewName(patch?.name);
      if (!name.ok) return refuse(400, 'VIEW_400', name.message);
      const updated = { ...view, name: name.value, updatedAt: now() };
      views.set(view.id, updated);
      return json(200, withEditable(updated));
    }
    return json(404, { message: 'Not found', error: 'Not Found', statusCode: 404 });
  }

  return {
    handle,
    seen,
    views,
    /** The next `method path` is answered with `response` (a refusal, or a hold the test releases). */
    answerNext(method: string, path: string, response: () => Response) {
      holds.push({ method, path, response });
    },
    refuse,
  };
}

export type FakeTeamServer = ReturnType<typeof createFakeTeamServer>;
