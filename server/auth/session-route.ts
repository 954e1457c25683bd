/**
 * `GET /auth/session` (src/lib/team/server-session.ts): whether sign-in is on, who is signed in
 * and whether this server keeps team views, always 200 (the app's header and team views read it;
 * `/auth/me`, which answers 404 with sign-in off and 401 without a session, stays as it was for
 * other clients). Not behind the sign-in gate: it says that nobody is signed in rather than
 * refusing. Registered by createTeamServer after registerAuth (which sets `request.user`).
 */
import type { FastifyInstance } from 'fastify';
import { SESSION_PATH, type SessionAnswer } from '../../src/lib/team/server-session.ts';

export interface SessionRouteOptions {
  /** Sign-in is on (AuthConfig other than `off`). */
  signIn: boolean;
  /** Whether the server keeps team views now (the mirror is on). */
  teamViews: () => boolean;
}

export function registerSessionRoute(app: FastifyInstance, { signIn, teamViews }: SessionRouteOptions): void {
  app.get(SESSION_PATH, async (request, reply): Promise<SessionAnswer> => {
    reply.header('cache-control', 'no-store');
    const user = signIn && request.user ? { name: request.user.name, email: request.user.email } : null;
    return { signIn, user, teamViews: teamViews() };
  });
}
