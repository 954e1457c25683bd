/** Sign-in for team deployments (issue 13): see README.md beside this file. */
export {
  AuthConfigError,
  checkExposure,
  isLoopbackHost,
  parseAllowAnonymous,
  resolveAuthConfig,
  type AuthConfig,
  type ExposureInput,
  type ExposureVerdict,
  type OidcAuthConfig,
} from './auth-config.ts';
export { registerAuth, userFromClaims, type AuthDeps } from './plugin.ts';
export {
  APP_REQUEST_HEADER,
  APP_REQUEST_HEADER_VALUE,
  AUTH_REQUIRED_CODE,
  CROSS_ORIGIN_CODE,
  DEFAULT_PROTECTED_PATHS,
  isSameOriginWrite,
  redactAuthUrl,
  safeReturnTo,
} from './guards.ts';
export type { AuthUser } from './session.ts';
export {
  AuditConfigError,
  buildAuditLine,
  createAuditWriter,
  isAuditedWrite,
  resolveAuditLog,
  type AuditInput,
  type AuditLine,
  type AuditLogger,
  type AuditWriter,
} from './audit.ts';
