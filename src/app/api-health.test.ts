import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors.ts';
import { TEAM_SERVER_META } from '../api/query-keys.ts';
import { getApiHealth, probeDelay, reportApiError, resetApiHealth, watchApiHealth, type HealthWatch } from './api-health.ts';

const networkError = () => new ApiError({ kind: 'network', status: 0, errorDesc: 'Could not reach the API (Failed to fetch).' });

let watch: HealthWatch | null = null;
let queryClient: QueryClient;

beforeEach(() => {
  vi.useFakeTimers();
  queryClient = new QueryClient();
});

afterEach(() => {
  watch?.stop();
  watch = null;
  window.dispatchEvent(new Event('online'));
  resetApiHealth();
  vi.useRealTimers();
});

/** A probe that fails while `down` is true. */
function probeWhile(state: { down: boolean }) {
  return vi.fn(async () => {
    if (state.down) throw networkError();
  });
}

describe('watchApiHealth', () => {
  it('checks now and then while the API cannot be reached, then clears the banner and refetches what failed', async () => {
    const api = { down: true };
    const probe = probeWhile(api);
    const refetch = vi.spyOn(queryClient, 'refetchQueries');
    watch = watchApiHealth(queryClient, { probe });
    expect(probe).not.toHaveBeenCalled();

    reportApiError(networkError());
    expect(getApiHealth().unreachable).not.toBeNull();
    await vi.advanceTimersByTimeAsync(probeDelay(0));
    expect(probe).toHaveBeenCalledTimes(1);
    expect(getApiHealth().unreachable).not.toBeNull();
    // Still down: the next check waits longer.
    await vi.advanceTimersByTimeAsync(probeDelay(1) - 1);
    expect(probe).toHaveBeenCalledTimes(1);
    api.down = false;
    await vi.advanceTimersByTimeAsync(1);
    expect(probe).toHaveBeenCalledTimes(2);
    expect(getApiHealth().unreachable).toBeNull();
    expect(refetch).toHaveBeenCalledTimes(1);

    // Nothing more is asked once the banner is gone.
    await vi.advanceTimersByTimeAsync(120_000);
    expect(probe).toHaveBeenCalledTimes(2);
  });

  it('checks at once when the browser is online again, and not while it is offline', async () => {
    const api = { down: false };
    const probe = probeWhile(api);
    watch = watchApiHealth(queryClient, { probe });
    window.dispatchEvent(new Event('offline'));
    reportApiError(networkError());
    expect(getApiHealth()).toMatchObject({ offline: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(probe).not.toHaveBeenCalled();

    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(getApiHealth()).toMatchObject({ offline: false, unreachable: null });
  });

  it('back online while the API is still down, says the server cannot be reached', async () => {
    const api = { down: true };
    watch = watchApiHealth(queryClient, { probe: probeWhile(api) });
    window.dispatchEvent(new Event('offline'));
    window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(getApiHealth()).toMatchObject({ offline: false, unreachable: expect.objectContaining({ kind: 'network' }) });
  });

  it('an answer from the team server itself (the session) does not clear it; one from the API does', async () => {
    watch = watchApiHealth(queryClient, { probe: probeWhile({ down: true }) });
    reportApiError(networkError());
    await queryClient.fetchQuery({ queryKey: ['session'], meta: TEAM_SERVER_META, queryFn: async () => ({ signIn: false }) });
    expect(getApiHealth().unreachable).not.toBeNull();
    await queryClient.fetchQuery({ queryKey: ['tasks', 'one'], queryFn: async () => ({ Gsid: 'T1' }) });
    expect(getApiHealth().unreachable).toBeNull();
  });

  it('asks nothing while the tab is hidden, and checks when it shows again', async () => {
    const probe = probeWhile({ down: false });
    watch = watchApiHealth(queryClient, { probe });
    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    reportApiError(networkError());
    await vi.advanceTimersByTimeAsync(120_000);
    expect(probe).not.toHaveBeenCalled();
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(getApiHealth().unreachable).toBeNull();
    visibility.mockRestore();
  });

  it("checkNow checks at once (the banner's Retry now)", async () => {
    const probe = probeWhile({ down: false });
    watch = watchApiHealth(queryClient, { probe });
    reportApiError(networkError());
    watch.checkNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(getApiHealth().unreachable).toBeNull();
  });

  it('waits 5 s, doubling up to 30 s', () => {
    expect([0, 1, 2, 3, 4].map(probeDelay)).toEqual([5_000, 10_000, 20_000, 30_000, 30_000]);
  });
});
describe('the API health store: sign-in', () => {
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
