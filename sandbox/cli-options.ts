import { parseArgs } from 'node:util';
import { isCalendarDate } from '../src/lib/search/calendar-date.ts';
import type { SandboxOptions } from './index.ts';

export const USAGE = `Usage: npm run sandbox -- [options]

  --port N           TCP port (default 4010; 0 picks a free one)      SANDBOX_PORT
  --host ADDR        interface to bind (default 127.0.0.1)             SANDBOX_HOST
  --db PATH          SQLite file, or :memory: (default .sandbox/tasks.db) SANDBOX_DB
  --access-key KEY   key clients must send (default: a random one)     SANDBOX_ACCESS_KEY
  --tasks N          tasks to seed into a new database (default 600)   SANDBOX_TASKS
  --seed N           sample-data seed (default 1)                      SANDBOX_SEED
  --today DATE       reference date of the sample data (YYYY-MM-DD)    SANDBOX_TODAY
  --reset            delete the database first and seed anew           SANDBOX_RESET=1
  --latency MS       added latency per answer (default 0)              SANDBOX_LATENCY_MS
  --jitter MS        latency jitter, +/- (default 0)                   SANDBOX_JITTER_MS
  --error-rate R     fraction of answers that are 500s, 0..1           SANDBOX_ERROR_RATE
  --rate-limit N     requests a minute before 429 (Gainsight: 100)     SANDBOX_RATE_LIMIT
  --quiet            no request log
  --help             this text`;

export class CliError extends Error {}

const FLAGS = {
  port: 'SANDBOX_PORT',
  host: 'SANDBOX_HOST',
  db: 'SANDBOX_DB',
  'access-key': 'SANDBOX_ACCESS_KEY',
  tasks: 'SANDBOX_TASKS',
  seed: 'SANDBOX_SEED',
  today: 'SANDBOX_TODAY',
  latency: 'SANDBOX_LATENCY_MS',
  jitter: 'SANDBOX_JITTER_MS',
  'error-rate': 'SANDBOX_ERROR_RATE',
  'rate-limit': 'SANDBOX_RATE_LIMIT',
} as const;

function integer(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text.trim())) throw new CliError(`--${name} must be a whole number, got "${text}"`);
  const n = Number(text);
  if (n < min || n > max) throw new CliError(`--${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

/** Reads the sandbox's options from the command line, falling back to SANDBOX_* variables. */
export function parseCliOptions(
  argv: string[],
  env: Record<string, string | undefined>,
): { options: SandboxOptions; help: boolean; quiet: boolean } {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        ...Object.fromEntries(Object.keys(FLAGS).map((k) => [k, { type: 'string' as const }])),
        reset: { type: 'boolean' },
        quiet: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    });
  } catch (e) {
    throw new CliError((e as Error).message);
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const get = (flag: keyof typeof FLAGS): string | undefined => {
    const v = values[flag];
    return typeof v === 'string' ? v : env[FLAGS[flag]] || undefined;
  };
  const options: SandboxOptions = {
    port: integer('port', get('port') ?? '4010', 0, 65535),
    host: get('host') ?? '127.0.0.1',
    db: get('db') ?? '.sandbox/tasks.db',
    tasks: integer('tasks', get('tasks') ?? '600', 0, 1_000_000),
    seed: integer('seed', get('seed') ?? '1', 0),
    reset: values.reset === true || env.SANDBOX_RESET === '1' || env.SANDBOX_RESET === 'true',
  };
  const key = get('access-key');
  if (key !== undefined) {
    if (key.trim() === '') throw new CliError('--access-key must not be blank');
    options.accessKey = key;
  }
  const today = get('today');
  if (today !== undefined) {
    if (!isCalendarDate(today)) {
      throw new CliError(`--today must be a date YYYY-MM-DD, got "${today}"`);
    }
    options.today = today;
  }
  const faults: NonNullable<SandboxOptions['faults']> = {};
  const latency = get('latency');
  if (latency !== undefined) faults.latencyMs = integer('latency', latency, 0, 600_000);
  const jitter = get('jitter');
  if (jitter !== undefined) faults.jitterMs = integer('jitter', jitter, 0, 600_000);
  const rate = get('error-rate');
  if (rate !== undefined) {
    const r = Number(rate);
    if (!/^\d*\.?\d+$/.test(rate) || r > 1) throw new CliError(`--error-rate must be a number from 0 to 1, got "${rate}"`);
    faults.errorRate = r;
  }
  const limit = get('rate-limit');
  if (limit !== undefined) faults.rateLimit = integer('rate-limit', limit, 1);
  if (Object.keys(faults).length > 0) options.faults = faults;
  return { options, help: values.help === true, quiet: values.quiet === true };
}
