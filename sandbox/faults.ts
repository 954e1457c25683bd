import { badRequest } from './errors.ts';

/**
 * A rule that makes specific calls fail: the next `times` requests matching `method` and `path`
 * (after skipping `skip` of them) get `status`. `when: 'after'` applies the request first and then
 * answers with the error, as when a reply is lost on its way back.
 */
interface FaultRule {
  method?: string;
  /** Exact API path under /v1 (e.g. `/tasks/search`), or a prefix ending in `*` (`/tasks/*`). */
  path?: string;
  status: number;
  times: number;
  skip?: number;
  when?: 'before' | 'after';
}

export interface FaultSettings {
  /** Added to every answer, in milliseconds. */
  latencyMs: number;
  /** Up to this many milliseconds more or less, at random (never below zero). */
  jitterMs: number;
  /** Fraction (0..1) of answers replaced by a 500. */
  errorRate: number;
  /** Gainsight's per-tenant limit: requests per window, or null for none. Gainsight's is 100. */
  rateLimit: number | null;
  /** The rate-limit window in milliseconds (Gainsight: a fixed minute). */
  rateLimitWindowMs: number;
  rules: FaultRule[];
}

const NO_FAULTS: FaultSettings = {
  latencyMs: 0,
  jitterMs: 0,
  errorRate: 0,
  rateLimit: null,
  rateLimitWindowMs: 60_000,
  rules: [],
};

const isNonNegative = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Checks a (partial) settings object sent to the control route or given as an option. */
export function parseFaultSettings(input: unknown): Partial<FaultSettings> {
  if (!input || typeof input !== 'object' || Array.isArray(input)) {
    throw badRequest('Fault settings must be a JSON object');
  }
  const s = input as Record<string, unknown>;
  const out: Partial<FaultSettings> = {};
  const problems: string[] = [];
  for (const key of Object.keys(s)) {
    if (!(key in NO_FAULTS)) problems.push(`${key}: unknown setting`);
  }
  for (const key of ['latencyMs', 'jitterMs', 'rateLimitWindowMs'] as const) {
    if (s[key] === undefined) continue;
    if (!isNonNegative(s[key])) problems.push(`${key}: must be a number >= 0`);
    else out[key] = s[key] as number;
  }
  if (s.errorRate !== undefined) {
    if (!isNonNegative(s.errorRate) || (s.errorRate as number) > 1) problems.push('errorRate: must be between 0 and 1');
    else out.errorRate = s.errorRate as number;
  }
  if (s.rateLimit !== undefined) {
    if (s.rateLimit !== null && (!Number.isInteger(s.rateLimit) || (s.rateLimit as number) < 1)) {
      problems.push('rateLimit: must be an integer >= 1 or null');
    } else out.rateLimit = s.rateLimit as number | null;
  }
  if (s.rules !== undefined) {
    if (!Array.isArray(s.rules)) problems.push('rules: must be an array');
    else {
      out.rules = [];
      s.rules.forEach((r: unknown, i) => {
        const rule = r as Record<string, unknown>;
        if (!rule || typeof rule !== 'object') return problems.push(`rules[${i}]: must be an object`);
        if (!Number.isInteger(rule.status) || (rule.status as number) < 400 || (rule.status as number) > 599) {
          return problems.push(`rules[${i}].status: must be an HTTP error status (400-599)`);
        }
        if (!Number.isInteger(rule.times) || (rule.times as number) < 1) {
          return problems.push(`rules[${i}].times: must be an integer >= 1`);
        }
        if (rule.skip !== undefined && (!Number.isInteger(rule.skip) || (rule.skip as number) < 0)) {
          return problems.push(`rules[${i}].skip: must be an integer >= 0`);
        }
        if (rule.when !== undefined && rule.when !== 'before' && rule.when !== 'after') {
          return problems.push(`rules[${i}].when: must be "before" or "after"`);
        }
        for (const k of ['method', 'path'] as const) {
          if (rule[k] !== undefined && typeof rule[k] !== 'string') return problems.push(`rules[${i}].${k}: must be a string`);
        }
        out.rules!.push({
          status: rule.status as number,
          times: rule.times as number,
          skip: (rule.skip as number | undefined) ?? 0,
          when: (rule.when as 'before' | 'after' | undefined) ?? 'before',
          method: (rule.method as string | undefined)?.toUpperCase(),
          path: rule.path as string | undefined,
        });
      });
    }
  }
  if (problems.length > 0) throw badRequest(`Invalid fault settings - ${problems.join('; ')}`);
  return out;
}

function pathMatches(pattern: string | undefined, path: string): boolean {
  if (pattern === undefined) return true;
  if (pattern.endsWith('*')) return path.startsWith(pattern.slice(0, -1));
  return pattern === path;
}

export type FaultDecision = { kind: 'pass' } | { kind: 'rateLimited' } | { kind: 'fail'; status: number; when: 'before' | 'after' };

/** Holds the fault settings in force and decides, request by request, what goes wrong. */
export class Faults {
  private settings: FaultSettings;
  private windowStart = 0;
  private windowCount = 0;

  constructor(
    initial: Partial<FaultSettings> = {},
    private readonly random: () => number = Math.random,
    private readonly now: () => number = Date.now,
  ) {
    this.settings = { ...NO_FAULTS, ...initial, rules: [...(initial.rules ?? [])] };
  }

  get(): FaultSettings {
    return { ...this.settings, rules: this.settings.rules.map((r) => ({ ...r })) };
  }

  /** Merges a partial update; `rules`, when given, replaces the list. */
  update(patch: Partial<FaultSettings>): FaultSettings {
    this.settings = { ...this.settings, ...patch, rules: patch.rules ?? this.settings.rules };
    return this.get();
  }

  reset(): FaultSettings {
    this.settings = { ...NO_FAULTS, rules: [] };
    this.windowCount = 0;
    return this.get();
  }

  delayMs(): number {
    const { latencyMs, jitterMs } = this.settings;
    return Math.max(0, latencyMs + (jitterMs ? (this.random() * 2 - 1) * jitterMs : 0));
  }

  decide(method: string, path: string): FaultDecision {
    const { rateLimit, rateLimitWindowMs } = this.settings;
    if (rateLimit !== null) {
      const t = this.now();
      if (t - this.windowStart >= rateLimitWindowMs) {
        this.windowStart = t;
        this.windowCount = 0;
      }
      this.windowCount += 1;
      if (this.windowCount > rateLimit) return { kind: 'rateLimited' };
    }
    for (const rule of this.settings.rules) {
      if (rule.times <= 0) continue;
      if (rule.method && rule.method !== method) continue;
      if (!pathMatches(rule.path, path)) continue;
      if (rule.skip && rule.skip > 0) {
        rule.skip -= 1;
        continue;
      }
      rule.times -= 1;
      return { kind: 'fail', status: rule.status, when: rule.when ?? 'before' };
    }
    this.settings.rules = this.settings.rules.filter((r) => r.times > 0);
    if (this.settings.errorRate > 0 && this.random() < this.settings.errorRate) {
      return { kind: 'fail', status: 500, when: 'before' };
    }
    return { kind: 'pass' };
  }

  /** Milliseconds until the current rate-limit window ends (for the 429's message). */
  windowRemainingMs(): number {
    return Math.max(0, this.windowStart + this.settings.rateLimitWindowMs - this.now());
  }
}
