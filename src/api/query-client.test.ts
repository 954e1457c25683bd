import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, type ApiErrorKind } from './errors.ts';
import { refetchOnFocus } from './live-status.ts';
import {
  createQueryClient,
  MAX_MUTATION_RETRIES,
  MAX_QUERY_RETRIES,
  retryDelay,
  shouldRetryMutation,
  shouldRetryQuery,
  STALE_TIME_MS,
} from './query-client.ts';

function apiError(status: number, kind: ApiErrorKind = 'api') {
  return new ApiError({ kind, status, errorDesc: 'x' });
}

const network = apiError(0, 'network');
const timeout = apiError(0, 'timeout');
const transient = [network, timeout, apiError(500), apiError(502), apiError(503), apiError(504), apiError(408), apiError(429)];
const clientErrors = [apiError(400), apiError(401), apiError(403), apiError(404), apiError(409), apiError(422)];
const notApiErrors = [new Error('bug'), new DOMException('The operation was aborted.', 'AbortError'), 'string'];

describe('shouldRetryQuery', () => {
  it('retries transient failures up to 3 times', () => {
    expect(MAX_QUERY_RETRIES).toBe(3);
    for (const error of transient) {
      expect([0, 1, 2, 3].map((n) => shouldRetryQuery(n, error))).toEqual([true, true, true, false]);
    }
  });

  it('never retries a client error, a 2xx result:false, or something that is not an ApiError', () => {
    for (const error of [...clientErrors, apiError(200), apiError(0), ...notApiErrors]) {
      expect(shouldRetryQuery(0, error)).toBe(false);
    }
  });
});

describe('shouldRetryMutation', () => {
  it('retries only a 429, up to 4 times', () => {
    expect(MAX_MUTATION_RETRIES).toBe(4);
    expect([0, 1, 2, 3, 4].map((n) => shouldRetryMutation(n, apiError(429)))).toEqual([true, true, true, true, false]);
  });

  it('does not retry anything else, not even a network failure or a 5xx (the write may have happened)', () => {
    for (const error of [network, timeout, apiError(500), apiError(503), apiError(408), ...clientErrors, ...notApiErrors]) {
      expect(shouldRetryMutation(0, error)).toBe(false);
    }
  });
});

describe('retryDelay', () => {
  const low = () => 0;
  const high = () => 1;

  it('backs off exponentially with equal jitter for transient failures', () => {
    expect([0, 1, 2].map((n) => retryDelay(n, network, low))).toEqual([500, 1000, 2000]);
    expect([0, 1, 2].map((n) => retryDelay(n, network, high))).toEqual([1000, 2000, 4000]);
    expect(retryDelay(10, apiError(503), high)).toBe(16_000);
  });

  it('waits at least 2 s after a 429, growing', () => {
    expect([0, 1, 2, 3].map((n) => retryDelay(n, apiError(429), low))).toEqual([2000, 4000, 8000, 16000]);
    expect([0, 1, 2, 3].map((n) => retryDelay(n, apiError(429), high))).toEqual([3000, 6000, 12000, 24000]);
    expect(retryDelay(10, apiError(429), high)).toBe(48_000);
  });

  it('jitters with Math.random by default', () => {
    const spy = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    expect(retryDelay(0, network)).toBe(750);
    expect(retryDelay(0, apiError(429))).toBe(2500);
    spy.mockRestore();
  });
});

describe('createQueryClient', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sets the defaults', () => {
    const { queries, mutations } = createQueryClient().getDefaultOptions();
    expect(queries).toMatchObject({
      staleTime: STALE_TIME_MS,
      retry: shouldRetryQuery,
      retryDelay,
      refetchOnWindowFocus: refetchOnFocus,
      refetchInterval: false,
    });
    expect(STALE_TIME_MS).toBe(30_000);
    expect(mutations).toMatchObject({ retry: shouldRetryMutation, retryDelay });
  });

  it('retries a read that meets a 503, and not one that meets a 404', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();

    const flaky = vi.fn().mockRejectedValueOnce(apiError(503)).mockRejectedValueOnce(network).mockResolvedValue('ok');
    const read = client.fetchQuery({ queryKey: ['flaky'], queryFn: flaky });
    await vi.advanceTimersByTimeAsync(10_000);
    await expect(read).resolves.toBe('ok');
    expect(flaky).toHaveBeenCalledTimes(3);

    const missing = vi.fn().mockRejectedValue(apiError(404));
    await expect(client.fetchQuery({ queryKey: ['missing'], queryFn: missing })).rejects.toMatchObject({ status: 404 });
    expect(missing).toHaveBeenCalledTimes(1);
  });

  it('retries a write that meets a 429 after at least 2 s, and not one that meets a 500', async () => {
    vi.useFakeTimers();
    const client = createQueryClient();

    const limited = vi.fn().mockRejectedValueOnce(apiError(429)).mockResolvedValue('saved');
    const write = client.getMutationCache().build(client, { mutationFn: limited }).execute(undefined);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(limited).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_001);
    await expect(write).resolves.toBe('saved');
    expect(limited).toHaveBeenCalledTimes(2);

    const broken = vi.fn().mockRejectedValue(apiError(500));
    await expect(client.getMutationCache().build(client, { mutationFn: broken }).execute(undefined)).rejects.toMatchObject({
      status: 500,
    });
    expect(broken).toHaveBeenCalledTimes(1);
  });
});
