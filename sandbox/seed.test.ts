import Database from 'better-sqlite3';
import type { Database as Db } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { fold, PRIORITIES, TASK_STATUSES } from '../search-engine/fields.ts';
import { migrate } from './schema.ts';
import { HOSTILE_TASK_NAMES, PLAYBOOKS } from './seed-data.ts';
import { mulberry32, seedDatabase } from './seed.ts';
import type { SeedOptions } from './seed.ts';

const TODAY = '2026-03-15';
const opened: Db[] = [];

function freshDb(): Db {
  const db = new Database(':memory:');
  migrate(db);
  opened.push(db);
  return db;
}

function seeded(options: Partial<SeedOptions> = {}): Db {
  const db = freshDb();
  seedDatabase(db, { seed: 42, tasks: 600, today: TODAY, ...options });
  return db;
}

function allRows(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['users', 'companies', 'ctas', 'playbooks', 'task_templates', 'tasks']) {
    out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  }
  return out;
}

interface TaskRow {
  gsid: string;
  name: string;
  name_fold: string;
  description: string | null;
  description_fold: string | null;
  cta_id: string;
  company_id: string;
  company_name: string;
  company_name_fold: string;
  owner_id: string | null;
  owner_name: string | null;
  owner_name_fold: string | null;
  status: string;
  priority: string | null;
  due_date: string | null;
  completed_date: string | null;
  playbook_id: string | null;
  ord: number | null;
  created_date: string;
  modified_date: string;
}

interface TemplateRow {
  playbook_id: string;
  storage_pos: number;
  name: string;
  description: string | null;
  ord: number;
  days_from_creation: number;
}

const tasksOf = (db: Db) => db.prepare('SELECT * FROM tasks').all() as TaskRow[];
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

describe('mulberry32', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    for (let i = 0; i < 1000; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(mulberry32(8)()).not.toBe(mulberry32(7)());
  });
});

describe('seedDatabase', () => {
  it('returns the counts it wrote, with the defaults', () => {
    const db = freshDb();
    const counts = seedDatabase(db, { seed: 1, tasks: 600, today: TODAY });
    const count = (t: string) => db.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    expect(counts).toEqual({
      users: 15,
      companies: 40,
      ctas: 120,
      playbooks: 12,
      templates: PLAYBOOKS.reduce((s, p) => s + p.templates.length, 0),
      tasks: 600,
    });
    expect(count('users')).toBe(15);
    expect(count('companies')).toBe(40);
    expect(count('ctas')).toBe(120);
    expect(count('playbooks')).toBe(12);
    expect(count('task_templates')).toBe(counts.templates);
    expect(count('tasks')).toBe(600);
  });

  it('honours explicit counts, beyond the curated name lists', () => {
    const db = freshDb();
    const counts = seedDatabase(db, { seed: 3, tasks: 50, today: TODAY, users: 60, companies: 90, ctas: 200 });
    expect(counts).toMatchObject({ users: 60, companies: 90, ctas: 200, tasks: 50 });
    expect(db.prepare('SELECT count(DISTINCT name) FROM users').pluck().get()).toBe(60);
    expect(db.prepare('SELECT count(DISTINCT email) FROM users').pluck().get()).toBe(60);
    expect(db.prepare('SELECT count(DISTINCT name) FROM companies').pluck().get()).toBe(90);
  });

  it('is deterministic: same seed and today give byte-identical databases', () => {
    const a = seeded({ seed: 99 });
    const b = seeded({ seed: 99 });
    expect(allRows(a)).toEqual(allRows(b));
    expect(Buffer.compare(a.serialize(), b.serialize())).toBe(0);
  });

  it('differs with another seed or another today', () => {
    const base = allRows(seeded({ seed: 99 }));
    const otherSeed = allRows(seeded({ seed: 100 }));
    const otherDay = allRows(seeded({ seed: 99, today: '2026-03-16' }));
    expect(otherSeed.tasks).not.toEqual(base.tasks);
    expect(otherSeed.users).not.toEqual(base.users); // Gsids come from the seed too
    expect(otherDay.tasks).not.toEqual(base.tasks);
  });

  it('leaves the schema as migrate() made it (indexes included)', () => {
    const schemaOf = (db: Db) => db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name").all();
    const empty = freshDb();
    const db = seeded();
    expect(schemaOf(db)).toEqual(schemaOf(empty));
    expect(schemaOf(db).length).toBeGreaterThan(5);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('refuses a non-empty or unmigrated database and bad options', () => {
    const db = seeded();
    expect(() => seedDatabase(db, { seed: 1, tasks: 1, today: TODAY })).toThrow(/not empty/);
    const raw = new Database(':memory:');
    opened.push(raw);
    expect(() => seedDatabase(raw, { seed: 1, tasks: 1, today: TODAY })).toThrow(/migrate/);
    expect(() => seedDatabase(freshDb(), { seed: 1, tasks: 1, today: '2026-02-30' })).toThrow(/today/);
    expect(() => seedDatabase(freshDb(), { seed: 1, tasks: -1, today: TODAY })).toThrow(/tasks/);
    expect(() => seedDatabase(freshDb(), { seed: 1.5, tasks: 1, today: TODAY })).toThrow(/seed/);
  });

  it('writes realistic users, companies and CTAs, including awkward names', () => {
    const db = seeded();
    const users = db.prepare('SELECT name, email FROM users').all() as { name: string; email: string }[];
    expect(users.map((u) => u.name)).toEqual(expect.arrayContaining(['Zoë Müller', 'José Álvarez']));
    for (const u of users) expect(u.email).toMatch(/^[a-z0-9.]+@[a-z0-9.-]+$/);
    const companies = db.prepare('SELECT name FROM companies').pluck().all() as string[];
    expect(companies).toEqual(expect.arrayContaining([`O'Brien & Sons "Logistics"`, 'Café Nørrebro ApS']));

    const ctas = db
      .prepare('SELECT ctas.*, companies.name AS company FROM ctas JOIN companies ON companies.id = ctas.company_id')
      .all() as { name: string; type_id: string; created_date: string; company: string }[];
    expect(ctas).toHaveLength(120);
    const typeIds = new Set(ctas.map((c) => c.type_id));
    expect(typeIds.size).toBeGreaterThanOrEqual(4);
    expect(typeIds.size).toBeLessThanOrEqual(5);
    for (const id of typeIds) expect(id).toMatch(/^1Y[0-9A-Z]{34}$/);
    for (const c of ctas) {
      expect(c.name.endsWith(` - ${c.company}`)).toBe(true);
      expect(c.created_date).toMatch(ISO_DATETIME);
      expect(c.created_date < `${TODAY}T00:00:00.000Z`).toBe(true);
    }
    // Every company has at least one CTA (120 CTAs >= 40 companies).
    expect(db.prepare('SELECT count(DISTINCT company_id) FROM ctas').pluck().get()).toBe(40);
  });

  it('has 12 playbooks, 2 inactive, each on a CTA type and with 3 to 9 templates', () => {
    const db = seeded();
    const playbooks = db.prepare('SELECT * FROM playbooks').all() as {
      id: string;
      cta_type_id: string;
      is_active: number;
      created_date: string;
      modified_date: string;
    }[];
    expect(playbooks).toHaveLength(12);
    expect(playbooks.filter((p) => p.is_active === 0)).toHaveLength(2);
    const ctaTypes = new Set(db.prepare('SELECT type_id FROM ctas').pluck().all());
    for (const p of playbooks) {
      expect(p.id).toMatch(/^1P[0-9A-Z]{34}$/);
      expect(p.created_date).toMatch(ISO_DATETIME);
      expect(p.modified_date >= p.created_date).toBe(true);
      expect(p.modified_date < `${TODAY}T23:59:59.999Z`).toBe(true);
      const n = db.prepare('SELECT count(*) FROM task_templates WHERE playbook_id = ?').pluck().get(p.id) as number;
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
    }
    // Playbook CTA types are among the CTA types in use (with 120 CTAs, all five are used).
    expect(playbooks.every((p) => ctaTypes.has(p.cta_type_id))).toBe(true);
  });

  it('stores templates as admins leave them: unique ords with gaps, out of storage order', () => {
    const db = seeded();
    const templates = db.prepare('SELECT * FROM task_templates ORDER BY playbook_id, storage_pos').all() as TemplateRow[];
    const byPlaybook = new Map<string, TemplateRow[]>();
    for (const t of templates) byPlaybook.set(t.playbook_id, [...(byPlaybook.get(t.playbook_id) ?? []), t]);
    let shuffled = 0;
    let gapped = 0;
    let both = 0;
    for (const list of byPlaybook.values()) {
      const ords = list.map((t) => t.ord);
      expect(new Set(ords).size).toBe(ords.length);
      const sorted = list.slice().sort((a, b) => a.ord - b.ord);
      const isShuffled = sorted.some((t, i) => t !== list[i]);
      const hasGaps = sorted.some((t, i) => t.ord !== i + 1);
      if (isShuffled) shuffled++;
      if (hasGaps) gapped++;
      if (isShuffled && hasGaps) both++;
      // daysFromCreation grows with ord, within 0..90.
      for (let i = 0; i < sorted.length; i++) {
        const t = sorted[i]!;
        expect(t.days_from_creation).toBeGreaterThanOrEqual(0);
        expect(t.days_from_creation).toBeLessThanOrEqual(90);
        if (i > 0) expect(t.days_from_creation).toBeGreaterThanOrEqual(sorted[i - 1]!.days_from_creation);
      }
    }
    expect(shuffled).toBeGreaterThanOrEqual(3);
    expect(gapped).toBeGreaterThanOrEqual(3);
    expect(both).toBeGreaterThanOrEqual(1);
    expect(shuffled).toBeLessThan(12); // and some are stored in order
  });

  it('covers every status in roughly the intended mix', () => {
    const tasks = tasksOf(seeded());
    const share = (status: string) => tasks.filter((t) => t.status === status).length / tasks.length;
    for (const s of TASK_STATUSES) expect(share(s)).toBeGreaterThan(0);
    expect(share('Not Started')).toBeCloseTo(0.35, 1);
    expect(share('In Progress')).toBeCloseTo(0.25, 1);
    expect(share('Completed')).toBeCloseTo(0.3, 1);
    expect(share('Skipped')).toBeCloseTo(0.1, 1);
    for (const t of tasks) expect(TASK_STATUSES as readonly string[]).toContain(t.status);
  });

  it('has overdue, due-today and undated tasks', () => {
    const tasks = tasksOf(seeded());
    const open = tasks.filter((t) => t.status === 'Not Started' || t.status === 'In Progress');
    expect(open.some((t) => t.due_date !== null && t.due_date < TODAY)).toBe(true);
    expect(tasks.some((t) => t.due_date === TODAY)).toBe(true);
    expect(tasks.some((t) => t.due_date !== null && t.due_date > TODAY)).toBe(true);
    const undated = tasks.filter((t) => t.due_date === null).length / tasks.length;
    expect(undated).toBeGreaterThan(0.02);
    expect(undated).toBeLessThan(0.14);
  });

  it('covers the small cases even with few tasks', () => {
    const tasks = tasksOf(seeded({ seed: 5, tasks: 12 }));
    expect(tasks).toHaveLength(12);
    expect(tasks.some((t) => t.due_date === null)).toBe(true);
    expect(tasks.some((t) => t.due_date === TODAY)).toBe(true);
    expect(tasks.some((t) => t.status !== 'Completed' && t.status !== 'Skipped' && t.due_date! < TODAY)).toBe(true);
  });

  it('puts playbook tasks on a template of that playbook, due CTA creation + daysFromCreation', () => {
    const db = seeded();
    const templates = db.prepare('SELECT * FROM task_templates').all() as TemplateRow[];
    const key = (playbookId: string, ord: number) => `${playbookId}|${ord}`;
    const byKey = new Map(templates.map((t) => [key(t.playbook_id, t.ord), t]));
    const active = new Set(db.prepare('SELECT id FROM playbooks WHERE is_active = 1').pluck().all());
    const ctaCreated = new Map(
      (db.prepare('SELECT id, created_date FROM ctas').all() as { id: string; created_date: string }[]).map((c) => [c.id, c.created_date]),
    );
    const tasks = tasksOf(db);
    const fromPlaybooks = tasks.filter((t) => t.playbook_id !== null);
    expect(fromPlaybooks.length / tasks.length).toBeGreaterThan(0.25);
    expect(fromPlaybooks.length / tasks.length).toBeLessThan(0.35);
    for (const t of fromPlaybooks) {
      expect(active.has(t.playbook_id)).toBe(true);
      expect(t.ord).not.toBeNull();
      const template = byKey.get(key(t.playbook_id!, t.ord!));
      expect(template, `${t.name} ord ${t.ord}`).toBeDefined();
      expect(t.name).toBe(template!.name);
      const created = Date.parse(ctaCreated.get(t.cta_id)!.slice(0, 10));
      const due = new Date(created + template!.days_from_creation * 86_400_000).toISOString().slice(0, 10);
      expect(t.due_date).toBe(due);
    }
    for (const t of tasks.filter((t) => t.playbook_id === null)) expect(t.ord).toBeNull();
  });

  it('takes company from the CTA and owner from the users, with some gaps', () => {
    const db = seeded();
    const ctaCompany = new Map(
      (
        db
          .prepare('SELECT ctas.id, companies.id AS cid, companies.name FROM ctas JOIN companies ON companies.id = ctas.company_id')
          .all() as { id: string; cid: string; name: string }[]
      ).map((r) => [r.id, r]),
    );
    const users = new Map((db.prepare('SELECT id, name FROM users').all() as { id: string; name: string }[]).map((u) => [u.id, u.name]));
    const tasks = tasksOf(db);
    for (const t of tasks) {
      const c = ctaCompany.get(t.cta_id);
      expect(c).toBeDefined();
      expect(t.company_id).toBe(c!.cid);
      expect(t.company_name).toBe(c!.name);
      if (t.owner_id === null) {
        expect(t.owner_name).toBeNull();
        expect(t.owner_name_fold).toBeNull();
      } else {
        expect(t.owner_name).toBe(users.get(t.owner_id));
      }
      if (t.priority !== null) expect(PRIORITIES as readonly string[]).toContain(t.priority);
      expect(t.gsid).toMatch(/^1T[0-9A-Z]{34}$/);
    }
    const rate = (f: (t: TaskRow) => boolean) => tasks.filter(f).length / tasks.length;
    expect(rate((t) => t.owner_id === null)).toBeGreaterThan(0.03);
    expect(rate((t) => t.owner_id === null)).toBeLessThan(0.14);
    expect(rate((t) => t.priority === null)).toBeGreaterThan(0.01);
    expect(rate((t) => t.priority === null)).toBeLessThan(0.1);
    expect(rate((t) => t.description === null)).toBeGreaterThan(0.05);
    expect(rate((t) => t.description === null)).toBeLessThan(0.16);
    expect(new Set(tasks.map((t) => t.gsid)).size).toBe(tasks.length);
  });

  it('dates completed tasks only, and keeps dates consistent', () => {
    const tasks = tasksOf(seeded());
    const earliest = new Date(Date.parse(TODAY) - 121 * 86_400_000).toISOString();
    for (const t of tasks) {
      expect(t.created_date).toMatch(ISO_DATETIME);
      expect(t.modified_date).toMatch(ISO_DATETIME);
      expect(new Date(t.created_date).toISOString()).toBe(t.created_date);
      expect(new Date(t.modified_date).toISOString()).toBe(t.modified_date);
      expect(t.modified_date >= t.created_date).toBe(true);
      expect(t.created_date >= earliest).toBe(true);
      expect(t.modified_date < `${TODAY}T23:59:59.999Z`).toBe(true);
      if (t.due_date !== null) expect(t.due_date).toMatch(ISO_DATE);
      if (t.status === 'Completed') {
        expect(t.completed_date).toMatch(ISO_DATE);
        expect(t.completed_date! <= TODAY).toBe(true);
        expect(t.completed_date! >= t.created_date.slice(0, 10)).toBe(true);
        expect(t.modified_date.slice(0, 10) >= t.completed_date!).toBe(true);
      } else {
        expect(t.completed_date).toBeNull();
      }
    }
  });

  it('fills every fold column with fold(text), NULL for NULL, and never stores empty strings', () => {
    const tasks = tasksOf(seeded());
    for (const t of tasks) {
      expect(t.name_fold).toBe(fold(t.name));
      expect(t.company_name_fold).toBe(fold(t.company_name));
      expect(t.description_fold).toBe(t.description === null ? null : fold(t.description));
      expect(t.owner_name_fold).toBe(t.owner_name === null ? null : fold(t.owner_name));
      for (const value of Object.values(t)) expect(value).not.toBe('');
    }
  });

  it('includes the hostile task names', () => {
    const names = new Set(tasksOf(seeded()).map((t) => t.name));
    for (const name of HOSTILE_TASK_NAMES) expect(names.has(name), name).toBe(true);
    expect(names.has('Überprüfung der Lizenzen')).toBe(true);
    expect(names.has('日本語の研修')).toBe(true);
    expect(names.has(`Call "Big" Bob's team`)).toBe(true);
    expect(names.has('<b>urgent</b> renewal')).toBe(true);
    expect(names.has('<script>alert(1)</script>')).toBe(true);
    expect([...names].some((n) => n.length >= 240)).toBe(true);
  });

  it('seeds 100,000 tasks', () => {
    const db = freshDb();
    const started = performance.now();
    const counts = seedDatabase(db, { seed: 2026, tasks: 100_000, today: TODAY });
    const ms = performance.now() - started;
    console.log(`seedDatabase: 100,000 tasks in ${ms.toFixed(0)} ms`);
    expect(counts.tasks).toBe(100_000);
    expect(db.prepare('SELECT count(*) FROM tasks').pluck().get()).toBe(100_000);
    const statuses = db.prepare('SELECT status, count(*) AS n FROM tasks GROUP BY status').all() as { status: string; n: number }[];
    expect(statuses).toHaveLength(4);
  });
});
