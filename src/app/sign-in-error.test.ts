import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { isSignInRequired } from './sign-in-error.ts';

describe('isSignInRequired', () => {
  it('is a 401 with AUTH_401 only, not a rejected access key', () => {
    expect(isSignInRequired(new ApiError({ kind: 'api', status: 401, errorCode: 'AUTH_401', errorDesc: 'Sign in' }))).toBe(true);
    expect(isSignInRequired(new ApiError({ kind: 'api', status: 401, errorCode: 'GS_APIG_2401', errorDesc: 'Unauthorized' }))).toBe(false);
    expect(isSignInRequired(new ApiError({ kind: 'api', status: 401, errorDesc: 'Unauthorized' }))).toBe(false);
    expect(isSignInRequired(new ApiError({ kind: 'api', status: 403, errorCode: 'AUTH_403', errorDesc: 'Refused' }))).toBe(false);
    expect(isSignInRequired(new Error('AUTH_401'))).toBe(false);
  });
});
