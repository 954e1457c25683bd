import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { getApiHealth, reportApiError, resetApiHealth } from './api-health.ts';

afterEach(() => resetApiHealth());

describe('the API health store', () => {
  it('takes a missing session (401 AUTH_401) for "sign in", not for a rejected access key', () => {
    const first = new ApiError({ kind: 'api', status: 401, errorCode: 'AUTH_401', errorDesc: 'Sign in' });
    reportApiError(first);
    reportApiError(new ApiError({ kind: 'api', status: 401, errorCode: 'AUTH_401', errorDesc: 'Sign in' }));
    expect(getApiHealth().signInRequired).toBe(first);
    expect(getApiHealth().unauthorized).toBeNull();
  });

  it('still takes any other 401 for a rejected access key', () => {
    const error = new ApiError({ kind: 'api', status: 401, errorCode: 'GS_APIG_2401', errorDesc: 'Unauthorized' });
    reportApiError(error);
    expect(getApiHealth().unauthorized).toBe(error);
    expect(getApiHealth().signInRequired).toBeNull();
  });
});
