/**
 * `GET /auth/session`: what the team server tells the app about sign-in and what it offers, in one
 * answer that is 200 whenever the server works (so a browser logs no failed request for it, as it
 * does for `/auth/me`'s 404 with sign-in off or its 401 when nobody is signed in). One definition,
 * imported by the server (server/auth/session-route.ts) and the app (src/api/team/session.ts).
 */
export const SESSION_PATH = '/auth/session';

export interface SessionAnswer {
  /** Whether this server uses sign-in. */
  signIn: boolean;
  /** The signed-in user; null when nobody is signed in, and always with sign-in off. */
  user: { name: string; email: string | null } | null;
  /** Whether this server keeps team views (`/api/views`): only with its mirror on. */
  teamViews: boolean;
}

/**
 * The `errorCode` of the team views endpoints on a server that keeps none (its mirror is off,
 * 503): a lasting state of that server, not a failure worth retrying.
 */
export const TEAM_VIEWS_OFF_CODE = 'TEAM_503';
