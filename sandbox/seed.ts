import type { Database } from 'better-sqlite3';
import { fold, TASK_STATUSES } from '../search-engine/fields.ts';
import { calendarDateMs, parseCalendarDate } from '../src/lib/search/calendar-date.ts';
import type { IdKind } from './ids.ts';
import { makeGsid } from './ids.ts';
import { MIGRATIONS } from './schema.ts';
import {
  ADHOC_TASK_NAMES,
  COMPANY_NAMES,
  COMPANY_PREFIXES,
  COMPANY_SUFFIXES,
  CTA_TYPES,
  EMAIL_DOMAIN,
  EXPANSION_REASONS,
  HOSTILE_TASK_NAMES,
  LIFECYCLE_CTAS,
  PLAYBOOKS,
  RISK_REASONS,
  TASK_DESCRIPTIONS,
  USER_FIRST_NAMES,
  USER_LAST_NAMES,
  USER_NAMES,
} from './seed-data.ts';
import type { CtaTypeName } from './seed-data.ts';

export interface SeedOptions {
  seed: number;
  tasks: number;
  /** The reference date, YYYY-MM-DD: "today" for due dates; every timestamp is derived from it. */
  today: string;
  users?: number;
  companies?: number;
  ctas?: number;
}

export interface SeedCounts {
  users: number;
  companies: number;
  ctas: number;
  playbooks: number;
  templates: number;
  tasks: number;
}

const SEED_DEFAULTS = { users: 15, companies: 40, ctas: 120 } as const;

/** mulberry32: a tiny, fast 32-bit seeded generator; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
/** '00' to '59' and '000' to '999', for formatting timestamps. */
const PAD2: readonly string[] = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const PAD3: readonly string[] = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));
/** "Now" on the reference date: every timestamp is at or before this instant. */
const NOW_OFFSET_MS = 9 * 3_600_000;

type Status = (typeof TASK_STATUSES)[number];
/** Weights in TASK_STATUSES order: Not Started, In Progress, Completed, Skipped. */
type StatusWeights = readonly [number, number, number, number];
const STATUS_WEIGHTS: StatusWeights = [35, 25, 30, 10];
/**
 * Playbook tasks: those due long ago are mostly done, those due later mostly not started.
 * With the spread of playbook due dates this keeps the overall mix near STATUS_WEIGHTS.
 */
const STATUS_WEIGHTS_DUE_LONG_AGO: StatusWeights = [25, 22, 40, 13];
const STATUS_WEIGHTS_DUE_AHEAD: StatusWeights = [50, 30, 15, 5];

const PLAYBOOK_TASK_SHARE = 0.3;
const NO_OWNER = 0.08;
const NO_PRIORITY = 0.05;
const NO_DUE_DATE_ADHOC = 0.1; // ad-hoc tasks are ~70% of all: ~7% overall
const NO_DESCRIPTION_ADHOC = 0.12; // plus the few templates without one: ~10% overall
const HOSTILE_SHARE = 0.003;

/** Due-date ranges, in days relative to today (inclusive). */
type DueKind = 'none' | 'overdue' | 'today' | 'soon' | 'later' | 'past' | 'any';
const DUE_RANGES: Record<Exclude<DueKind, 'none'>, readonly [number, number]> = {
  overdue: [-45, -1],
  today: [0, 0],
  soon: [1, 14],
  later: [15, 75],
  past: [-60, 10],
  any: [-60, 30],
};

/** The first ad-hoc tasks cover every case, so small seeds still show each one. */
const FORCED_ADHOC: readonly { status: Status; due: DueKind }[] = [
  { status: 'Not Started', due: 'overdue' },
  { status: 'In Progress', due: 'today' },
  { status: 'Not Started', due: 'none' },
  { status: 'Completed', due: 'past' },
  { status: 'Skipped', due: 'any' },
  { status: 'In Progress', due: 'overdue' },
  { status: 'Not Started', due: 'soon' },
  { status: 'Not Started', due: 'today' },
];

interface Rng {
  next: () => number;
  int: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(items: readonly T[]) => T;
  gsid: (kind: IdKind) => string;
}

function makeRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    gsid: (kind) => makeGsid(kind, next),
  };
}

interface User {
  id: string;
  name: string;
  fold: string;
}
interface Company {
  id: string;
  name: string;
  fold: string;
}
interface Cta {
  id: string;
  company: Company;
  type: CtaTypeName;
  createdMs: number;
  /** Days since the epoch of the creation date. */
  createdDay: number;
}
interface Template {
  name: string;
  description: string | null;
  ord: number;
  daysFromCreation: number;
}
interface Playbook {
  id: string;
  ctaType: CtaTypeName;
  active: boolean;
  /** In ord order. */
  templates: Template[];
}

function checkCount(name: string, value: number | undefined, fallback: number, min: number): number {
  const n = value ?? fallback;
  if (!Number.isInteger(n) || n < min) throw new Error(`seed: ${name} must be an integer >= ${min}, got ${String(value)}`);
  return n;
}

function parseDay(today: string): number {
  const date = parseCalendarDate(today);
  if (!date) throw new Error(`seed: today must be a date YYYY-MM-DD, got ${JSON.stringify(today)}`);
  return calendarDateMs(date) / DAY_MS;
}

/** ASCII e-mail local part from a display name: "Zoë Müller" -> "zoe.muller". */
function emailLocal(name: string): string {
  return name
    .replace(/['’]/g, '')
    .replace(/ø/gi, 'o')
    .replace(/ł/gi, 'l')
    .replace(/ß/g, 'ss')
    .replace(/æ/gi, 'ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

/** Takes names from a curated list, then from combinations of parts; always unique. */
function makeNames(count: number, curated: readonly string[], combine: () => string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const name of curated) {
    if (out.length >= count) break;
    out.push(name);
    seen.add(name);
  }
  for (let attempt = 0; out.length < count; attempt++) {
    let name = combine();
    if (attempt > 50 * count) name = `${name} ${out.length + 1}`;
    if (seen.has(name)) continue;
    out.push(name);
    seen.add(name);
  }
  return out;
}

/**
 * Fills an empty, migrated database with a deterministic, realistic data set: the same seed and
 * `today` always give the same rows, Gsids and timestamps. Runs in one transaction.
 */
export function seedDatabase(db: Database, options: SeedOptions): SeedCounts {
  if (!Number.isInteger(options.seed)) throw new Error(`seed: seed must be an integer, got ${String(options.seed)}`);
  const taskCount = checkCount('tasks', options.tasks, 0, 0);
  const userCount = checkCount('users', options.users, SEED_DEFAULTS.users, 1);
  const companyCount = checkCount('companies', options.companies, SEED_DEFAULTS.companies, 1);
  const ctaCount = checkCount('ctas', options.ctas, SEED_DEFAULTS.ctas, 1);
  const todayDay = parseDay(options.today);
  const todayMs = todayDay * DAY_MS;
  const nowMs = todayMs + NOW_OFFSET_MS;

  const version = db.pragma('user_version', { simple: true }) as number;
  if (version !== MIGRATIONS.length) {
    throw new Error(`seed: the database is at schema version ${version}, expected ${MIGRATIONS.length}; run migrate(db) first`);
  }
  const existing = db
    .prepare(
      `SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM companies) + (SELECT count(*) FROM ctas)
            + (SELECT count(*) FROM playbooks) + (SELECT count(*) FROM task_templates) + (SELECT count(*) FROM tasks)`,
    )
    .pluck()
    .get() as number;
  if (existing !== 0) throw new Error('seed: the database is not empty');

  const rng = makeRng(options.seed);

  // Caches: few distinct strings, many rows.
  const foldCache = new Map<string, string>();
  const folded = (text: string): string => {
    let f = foldCache.get(text);
    if (f === undefined) {
      f = fold(text);
      foldCache.set(text, f);
    }
    return f;
  };
  const dayCache = new Map<number, string>();
  const dayString = (day: number): string => {
    let s = dayCache.get(day);
    if (s === undefined) {
      s = new Date(day * DAY_MS).toISOString().slice(0, 10);
      dayCache.set(day, s);
    }
    return s;
  };
  /** Same result as `new Date(ms).toISOString()` for years 0000-9999, several times faster. */
  const iso = (ms: number): string => {
    const day = Math.floor(ms / DAY_MS);
    let t = ms - day * DAY_MS;
    const h = Math.floor(t / 3_600_000);
    t -= h * 3_600_000;
    const m = Math.floor(t / 60_000);
    t -= m * 60_000;
    const sec = Math.floor(t / 1000);
    return `${dayString(day)}T${PAD2[h]!}:${PAD2[m]!}:${PAD2[sec]!}.${PAD3[t - sec * 1000]!}Z`;
  };
  const dayOf = (ms: number): number => Math.floor(ms / DAY_MS);
  /** A random instant in [lo, hi] (whole milliseconds). */
  const between = (lo: number, hi: number): number => lo + Math.floor(rng.next() * (hi - lo + 1));

  const insertUser = db.prepare('INSERT INTO users (id, name, email) VALUES (?, ?, ?)');
  const insertCompany = db.prepare('INSERT INTO companies (id, name) VALUES (?, ?)');
  const insertCta = db.prepare('INSERT INTO ctas (id, name, company_id, type_id, created_date) VALUES (?, ?, ?, ?, ?)');
  const insertPlaybook = db.prepare(
    `INSERT INTO playbooks (id, name, description, cta_type_id, is_active, created_date, modified_date)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTemplate = db.prepare(
    `INSERT INTO task_templates (playbook_id, storage_pos, name, description, ord, days_from_creation)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const insertTask = db.prepare(
    `INSERT INTO tasks (gsid, name, name_fold, description, description_fold, cta_id, company_id, company_name,
       company_name_fold, owner_id, owner_name, owner_name_fold, status, priority, due_date, completed_date,
       playbook_id, ord, created_date, modified_date)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );

  const counts: SeedCounts = { users: 0, companies: 0, ctas: 0, playbooks: 0, templates: 0, tasks: 0 };

  const run = db.transaction(() => {
    // --- Users
    const users: User[] = [];
    const emails = new Set<string>();
    const userNames = makeNames(userCount, USER_NAMES, () => `${rng.pick(USER_FIRST_NAMES)} ${rng.pick(USER_LAST_NAMES)}`);
    for (const name of userNames) {
      const id = rng.gsid('user');
      const local = emailLocal(name) || 'user';
      let email = `${local}@${EMAIL_DOMAIN}`;
      for (let n = 2; emails.has(email); n++) email = `${local}${n}@${EMAIL_DOMAIN}`;
      emails.add(email);
      insertUser.run(id, name, email);
      users.push({ id, name, fold: folded(name) });
    }
    counts.users = users.length;

    // --- Companies
    const companies: Company[] = [];
    const companyNames = makeNames(companyCount, COMPANY_NAMES, () => `${rng.pick(COMPANY_PREFIXES)} ${rng.pick(COMPANY_SUFFIXES)}`);
    for (const name of companyNames) {
      const id = rng.gsid('company');
      insertCompany.run(id, name);
      companies.push({ id, name, fold: folded(name) });
    }
    counts.companies = companies.length;

    // --- CTA types and CTAs
    const ctaTypeIds = new Map<CtaTypeName, string>();
    for (const type of CTA_TYPES) ctaTypeIds.set(type, rng.gsid('ctaType'));
    const typeId = (type: CtaTypeName): string => ctaTypeIds.get(type)!;

    const todayYear = new Date(todayMs).getUTCFullYear();
    const ctas: Cta[] = [];
    const ctasByType = new Map<CtaTypeName, Cta[]>(CTA_TYPES.map((t) => [t, []]));
    for (let i = 0; i < ctaCount; i++) {
      // Every company gets a CTA before any gets a second one.
      const company = i < companies.length ? companies[i]! : rng.pick(companies);
      const type = rng.pick(CTA_TYPES);
      // Created 1 to 120 days before today, at any time of day.
      const createdMs = todayMs - rng.int(1, 120) * DAY_MS + rng.int(0, DAY_MS - 1);
      let label: string;
      switch (type) {
        case 'Renewal':
          label = `Renewal ${todayYear + rng.int(0, 1)}`;
          break;
        case 'Onboarding':
          label = 'Onboarding';
          break;
        case 'Risk':
          label = `Risk: ${rng.pick(RISK_REASONS)}`;
          break;
        case 'Expansion':
          label = `Expansion: ${rng.pick(EXPANSION_REASONS)}`;
          break;
        case 'Lifecycle': {
          const kind = rng.pick(LIFECYCLE_CTAS);
          label = kind === 'QBR' ? `QBR Q${rng.int(1, 4)} ${todayYear}` : kind;
          break;
        }
      }
      const cta: Cta = { id: rng.gsid('cta'), company, type, createdMs, createdDay: dayOf(createdMs) };
      insertCta.run(cta.id, `${label} - ${company.name}`, company.id, typeId(type), iso(createdMs));
      ctas.push(cta);
      ctasByType.get(type)!.push(cta);
    }
    counts.ctas = ctas.length;

    // --- Playbooks and templates, stored as admins leave them: ord with gaps, storage order shuffled.
    const playbooks: Playbook[] = [];
    PLAYBOOKS.forEach((data, p) => {
      const id = rng.gsid('playbook');
      // Playbooks are older than the CTAs; retired ones older still.
      const ageDays = data.active ? rng.int(150, 720) : rng.int(720, 1400);
      const createdMs = todayMs - ageDays * DAY_MS + rng.int(0, DAY_MS - 1);
      const modifiedMs = rng.chance(0.3) ? createdMs : between(createdMs, nowMs);
      insertPlaybook.run(id, data.name, data.description, typeId(data.ctaType), data.active ? 1 : 0, iso(createdMs), iso(modifiedMs));

      // Ords: 1..n for some playbooks; with gaps (1, 2, 5, 10...) or in tens for the others.
      const n = data.templates.length;
      const ords: number[] = [];
      if (p % 4 === 3) {
        for (let k = 0; k < n; k++) ords.push((k + 1) * 10);
      } else if (p % 2 === 1) {
        let ord = 1;
        for (let k = 0; k < n; k++) {
          ords.push(ord);
          ord += rng.pick([1, 1, 2, 3, 5]);
        }
        if (ords[n - 1] === n) ords[n - 1] = n + rng.int(1, 4); // at least one gap
      } else {
        for (let k = 0; k < n; k++) ords.push(k + 1);
      }
      const templates: Template[] = data.templates.map((t, k) => ({
        name: t.name,
        description: t.description,
        ord: ords[k]!,
        daysFromCreation: t.daysFromCreation,
      }));

      // Storage order: shuffled (never left sorted) in two playbooks out of three.
      const storage = templates.slice();
      if (p % 3 !== 0) {
        for (let k = storage.length - 1; k > 0; k--) {
          const j = rng.int(0, k);
          [storage[k], storage[j]] = [storage[j]!, storage[k]!];
        }
        if (storage.every((t, k) => t === templates[k])) storage.reverse();
      }
      storage.forEach((t, pos) => {
        insertTemplate.run(id, pos, t.name, t.description, t.ord, t.daysFromCreation);
      });
      counts.templates += storage.length;
      playbooks.push({ id, ctaType: data.ctaType, active: data.active, templates });
    });
    counts.playbooks = playbooks.length;
    const activePlaybooks = playbooks.filter((pb) => pb.active);

    // --- Tasks
    const pickStatus = (weights: StatusWeights = STATUS_WEIGHTS): Status => {
      let r = rng.next() * (weights[0] + weights[1] + weights[2] + weights[3]);
      for (let i = 0; i < 3; i++) {
        if (r < weights[i]!) return TASK_STATUSES[i]!;
        r -= weights[i]!;
      }
      return TASK_STATUSES[3];
    };
    const pickOwner = (): User | null => (rng.chance(NO_OWNER) ? null : rng.pick(users));
    const pickPriority = (): string | null => {
      if (rng.chance(NO_PRIORITY)) return null;
      const r = rng.next();
      return r < 0.25 ? 'High' : r < 0.75 ? 'Medium' : 'Low';
    };
    const pickDueKind = (status: Status): DueKind => {
      if (rng.chance(NO_DUE_DATE_ADHOC)) return 'none';
      if (status === 'Completed') return 'past';
      if (status === 'Skipped') return 'any';
      const r = rng.next();
      return r < 0.28 ? 'overdue' : r < 0.36 ? 'today' : r < 0.69 ? 'soon' : 'later';
    };

    const writeTask = (
      name: string,
      description: string | null,
      cta: Cta,
      owner: User | null,
      status: Status,
      dueDay: number | null,
      createdMs: number,
      playbookId: string | null,
      ord: number | null,
    ): void => {
      let completedDay: number | null = null;
      let modifiedMs: number;
      if (status === 'Completed') {
        const createdDay = dayOf(createdMs);
        const target = dueDay === null ? rng.int(createdDay, todayDay) : dueDay + rng.int(-7, 3);
        completedDay = Math.min(todayDay, Math.max(createdDay, target));
        const dayStart = completedDay * DAY_MS;
        modifiedMs = between(Math.max(createdMs, dayStart), Math.min(nowMs, dayStart + DAY_MS - 1));
      } else {
        modifiedMs = rng.chance(0.25) ? createdMs : between(createdMs, nowMs);
      }
      insertTask.run(
        rng.gsid('task'),
        name,
        folded(name),
        description,
        description === null ? null : folded(description),
        cta.id,
        cta.company.id,
        cta.company.name,
        cta.company.fold,
        owner?.id ?? null,
        owner?.name ?? null,
        owner?.fold ?? null,
        status,
        pickPriority(),
        dueDay === null ? null : dayString(dueDay),
        completedDay === null ? null : dayString(completedDay),
        playbookId,
        ord,
        iso(createdMs),
        iso(modifiedMs),
      );
      counts.tasks++;
    };

    let adhocIndex = 0;
    const writeAdhocTask = (): void => {
      const k = adhocIndex++;
      const forced = FORCED_ADHOC[k];
      const cta = rng.pick(ctas);
      const status = forced?.status ?? pickStatus();
      const dueKind = forced?.due ?? pickDueKind(status);

      let dueDay: number | null = null;
      if (dueKind !== 'none') {
        // Never due before the CTA existed (CTAs are at least a day old, so "overdue" still fits).
        const [lo, hi] = DUE_RANGES[dueKind];
        const from = Math.max(todayDay + lo, cta.createdDay);
        dueDay = rng.int(from, Math.max(from, todayDay + hi));
      }
      // Created after the CTA, by now, and no later than the due date.
      const latest = dueDay === null ? nowMs : Math.min(nowMs, (dueDay + 1) * DAY_MS - 1);
      const createdMs = between(cta.createdMs, Math.max(cta.createdMs, latest));

      let name: string;
      if (k < HOSTILE_TASK_NAMES.length) name = HOSTILE_TASK_NAMES[k]!;
      else if (rng.chance(HOSTILE_SHARE)) name = rng.pick(HOSTILE_TASK_NAMES);
      else name = rng.pick(ADHOC_TASK_NAMES[rng.chance(0.6) ? cta.type : 'General']);
      name = name.replace('{company}', () => cta.company.name); // a function: no $-patterns
      const description = rng.chance(NO_DESCRIPTION_ADHOC) ? null : rng.pick(TASK_DESCRIPTIONS);
      writeTask(name, description, cta, pickOwner(), status, dueDay, createdMs, null, null);
    };

    // Applying a playbook to a CTA: tasks for (some of) its templates, due CTA creation + daysFromCreation.
    const applied = new Set<string>();
    const pickCtaFor = (pb: Playbook): Cta => {
      const sameType = ctasByType.get(pb.ctaType)!;
      let cta = sameType.length > 0 ? rng.pick(sameType) : rng.pick(ctas);
      for (let attempt = 0; attempt < 8 && applied.has(`${cta.id}|${pb.id}`); attempt++) {
        cta = sameType.length > 0 && attempt < 4 ? rng.pick(sameType) : rng.pick(ctas);
      }
      applied.add(`${cta.id}|${pb.id}`);
      return cta;
    };
    const applyPlaybook = (limit: number): number => {
      const pb = rng.pick(activePlaybooks);
      const cta = pickCtaFor(pb);
      const appliedMs = between(cta.createdMs, Math.min(nowMs - pb.templates.length, cta.createdMs + 14 * DAY_MS));
      let chosen = pb.templates.filter(() => rng.chance(0.85));
      if (chosen.length === 0) chosen = pb.templates.slice(0, 1);
      chosen = chosen.slice(0, limit);
      const appOwner = pickOwner();
      chosen.forEach((t, k) => {
        const owner = rng.chance(0.2) ? pickOwner() : appOwner;
        const dueDay = cta.createdDay + t.daysFromCreation;
        const weights =
          dueDay < todayDay - 14 ? STATUS_WEIGHTS_DUE_LONG_AGO : dueDay > todayDay ? STATUS_WEIGHTS_DUE_AHEAD : STATUS_WEIGHTS;
        // Tasks made together: a few milliseconds apart.
        writeTask(t.name, t.description, cta, owner, pickStatus(weights), dueDay, appliedMs + k, pb.id, t.ord);
      });
      return chosen.length;
    };

    // Bulk load: the tasks table has many indexes, and building each once after the inserts is about
    // twice as fast as updating all of them row by row. Each index is re-created from its own DDL.
    const taskIndexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tasks' AND sql IS NOT NULL ORDER BY rowid`)
      .all() as { name: string; sql: string }[];
    for (const index of taskIndexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);

    const averageApplied = (activePlaybooks.reduce((s, pb) => s + pb.templates.length, 0) / activePlaybooks.length) * 0.85;
    let playbookLeft = Math.round(taskCount * PLAYBOOK_TASK_SHARE);
    let adhocLeft = taskCount - playbookLeft;
    while (playbookLeft + adhocLeft > 0) {
      // Interleave the two kinds so that they finish together.
      const applyNext = rng.next() * (playbookLeft + adhocLeft * averageApplied) < playbookLeft;
      if (applyNext) playbookLeft -= applyPlaybook(playbookLeft);
      else {
        writeAdhocTask();
        adhocLeft--;
      }
    }
    for (const index of taskIndexes) db.exec(index.sql);
  });
  run();
  return counts;
}
