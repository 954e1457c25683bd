import { rmSync } from 'node:fs';
import { build } from 'vite';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.ts';
import { createTeamServer } from '../../server/team-server.ts';

export const BENCH_OUT_DIR = 'dist-bench';

/** Builds the app once, as `npm run build` does, into its own folder. */
export async function buildApp(): Promise<string> {
  rmSync(BENCH_OUT_DIR, { recursive: true, force: true });
  // The manifest lets the benchmark tell each route's chunks (bytes.ts, routeChunks).
  await build({ logLevel: 'warn', build: { outDir: BENCH_OUT_DIR, emptyOutDir: true, manifest: true } });
  return BENCH_OUT_DIR;
}

export interface Stack {
  sandbox: Sandbox;
  appUrl: string;
  close: () => Promise<void>;
}

/**
 * The budget of the benchmark's team server: measurements load pages back to back, far faster
 * than people do, and must measure the app, not the wait for the tenant's budget.
 */
const BENCH_BUDGET = { perMinute: 100_000, perDay: 10_000_000, maxWaitMs: 20_000 };

/**
 * A sandbox with `tasks` tasks and the team server (server/team-server.ts: precompressed static
 * files, caching, the /v1 proxy and its scheduler) in front of the built app, both on free
 * loopback ports.
 */
export async function startStack(options: SandboxOptions & { distDir: string }): Promise<Stack> {
  const { distDir, ...sandboxOptions } = options;
  const sandbox = await startSandbox({ db: ':memory:', seed: 1, ...sandboxOptions });
  const { app } = await createTeamServer({ distDir, backend: { target: sandbox.url, accessKey: sandbox.accessKey }, budget: BENCH_BUDGET, logger: false });
  const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    sandbox,
    appUrl,
    close: async () => {
      await app.close();
      await sandbox.close();
    },
  };
}

export async function setFaults(sandbox: Sandbox, settings: Record<string, unknown>) {
  const res = await fetch(`${sandbox.origin}/__sandbox/faults`, {
    method: 'PUT',
    headers: { accessKey: sandbox.accessKey, 'Content-Type': 'application/json' },
    body: JSON.stringify(settings),
  });
  if (!res.ok) throw new Error(`faults: ${res.status} ${await res.text()}`);
}
