import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AddressInfo } from 'node:net';
import Database from 'better-sqlite3';
import { Faults, parseFaultSettings, type FaultSettings } from './faults.ts';
import { migrate } from './schema.ts';
import { seedDatabase, type SeedCounts } from './seed.ts';
import { createHandler } from './server.ts';
import { compileSpec } from './spec.ts';
import { Store } from './store.ts';

export interface SandboxOptions {
  /** TCP port; 0 (the default) picks a free one. */
  port?: number;
  /** Interface to bind; loopback by default. */
  host?: string;
  /** SQLite file path, or ':memory:' (the default). */
  db?: string;
  /** The access key clients must send; a random one is made when absent. */
  accessKey?: string;
  /** Tasks to seed into a new (empty) database. */
  tasks?: number;
  /** Seed of the sample-data generator. */
  seed?: number;
  /** Delete the database file first and seed anew. */
  reset?: boolean;
  /** Reference date of the sample data (YYYY-MM-DD); today (UTC) by default. */
  today?: string;
  /** Faults in force from the start (all off by default). */
  faults?: Partial<FaultSettings>;
  /** Logs one line per request and unexpected errors. */
  log?: (line: string) => void;
  /** The server's clock, for tests. */
  clock?: () => Date;
}

export interface Sandbox {
  /** The API base URL, like the spec's server: `http://127.0.0.1:PORT/v1`. */
  url: string;
  /** `http://127.0.0.1:PORT`, where `/__sandbox/faults` lives. */
  origin: string;
  accessKey: string;
  port: number;
  /** What the database held at start (and what was seeded, when it was new). */
  seeded: SeedCounts | null;
  faults: Faults;
  store: Store;
  close: () => Promise<void>;
}

/** Opens (creating or migrating) the database and seeds it when it is empty. */
export function openDatabase(options: SandboxOptions): { db: Database.Database; seeded: SeedCounts | null } {
  const path = options.db ?? ':memory:';
  if (path !== ':memory:') {
    if (options.reset) for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    mkdirSync(dirname(path), { recursive: true });
  }
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  // FULL: an answered write is on disk before the answer leaves.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  migrate(db);
  const empty = (db.prepare('SELECT count(*) AS n FROM playbooks').get() as { n: number }).n === 0;
  let seeded: SeedCounts | null = null;
  if (empty) {
    seeded = seedDatabase(db, {
      seed: options.seed ?? 1,
      tasks: options.tasks ?? 600,
      today: options.today ?? new Date().toISOString().slice(0, 10),
    });
  }
  // Fresh statistics let the planner choose the covering indexes for counts.
  if (seeded) db.exec('ANALYZE');
  else db.pragma('optimize');
  return { db, seeded };
}

/** Starts the local Gainsight API server. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const accessKey = options.accessKey ?? randomBytes(24).toString('base64url');
  const initialFaults = options.faults ? parseFaultSettings(options.faults) : {};
  const { db, seeded } = openDatabase(options);
  const store = new Store(db, options.clock);
  const faults = new Faults(initialFaults);
  const handler = createHandler({ store, validators: compileSpec(), faults, accessKey, log: options.log });
  const server: Server = createServer((req, res) => void handler(req, res));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? '127.0.0.1';
  const origin = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    accessKey,
    port,
    seeded,
    faults,
    store,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          db.close();
          resolve();
        });
      }),
  };
}
