/**
 * The API's answer that a session is needed (401 `AUTH_401` from the team server's sign-in, not a
 * rejected access key). Apart from src/api/team/session.ts so the entry, which watches the API's health, does
 * not carry the session code (the header's account loads it after the first page).
 */
import { isApiError, type ApiError } from '../api/errors.ts';

/** The team server's error code for "no valid session" (server/auth/guards.ts). */
const SIGN_IN_REQUIRED_CODE = 'AUTH_401';

/** The API refused the call for want of a session: the user must sign in (not an access-key problem). */
export function isSignInRequired(error: unknown): error is ApiError {
  return isApiError(error) && error.kind === 'api' && error.status === 401 && error.errorCode === SIGN_IN_REQUIRED_CODE;
}
