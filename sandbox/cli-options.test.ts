import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options.ts';

describe('sandbox command-line options', () => {
  it('has sensible defaults', () => {
    const { options } = parseCliOptions([], {});
    expect(options).toEqual({ port: 4010, host: '127.0.0.1', db: '.sandbox/tasks.db', tasks: 600, seed: 1, reset: false });
  });

  it('reads flags, and SANDBOX_* variables when a flag is absent', () => {
    const { options } = parseCliOptions(
      ['--port', '4011', '--access-key', 'K', '--reset', '--latency', '300', '--jitter', '200', '--error-rate', '0.1'],
      { SANDBOX_PORT: '9999', SANDBOX_TASKS: '100000', SANDBOX_SEED: '3', SANDBOX_RATE_LIMIT: '100', SANDBOX_DB: ':memory:' },
    );
    expect(options).toMatchObject({
      port: 4011,
      accessKey: 'K',
      reset: true,
      tasks: 100000,
      seed: 3,
      db: ':memory:',
      faults: { latencyMs: 300, jitterMs: 200, errorRate: 0.1, rateLimit: 100 },
    });
  });

  it.each([
    [['--port', 'abc'], '--port must be a whole number, got "abc"'],
    [['--port', '70000'], '--port must be between 0 and 65535'],
    [['--error-rate', '1.5'], '--error-rate must be a number from 0 to 1'],
    [['--today', '2026-13-01x'], '--today must be a date'],
    [['--access-key', ' '], '--access-key must not be blank'],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('rejects %j', (argv, message) => {
    expect(() => parseCliOptions(argv, {})).toThrow(message);
  });
});
