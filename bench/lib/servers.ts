import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.ts';
import type { FastifyInstance } from 'fastify';
import { precompressDir } from '../../config/precompress.ts';
import { createTeamServer } from '../../server/team-server.ts';

const BENCH_OUT_DIR = 'dist-bench';

/** Builds the app once, as `npm run build` does, into its own folder. */
export async function buildApp(): Promise<string> {
  rmSync(BENCH_OUT_DIR, { recursive: true, force: true });
  // The manifest lets the benchmark tell each route's chunks (bytes.ts, routeChunks).
  await build({ logLevel: 'warn', build: { outDir: BENCH_OUT_DIR, emptyOutDir: true, manifest: true } });
  return BENCH_OUT_DIR;
}

/**
 * Builds the app of another checkout of this repository (`git worktree add /tmp/before <commit>`,
 * with its node_modules) with that checkout's own Vite config, into a temporary folder: the
 * "before" of a comparison run in the same benchmark.
 */
export async function buildCheckout(checkout: string): Promise<string> {
  const root = resolve(checkout);
  const outDir = mkdtempSync(join(tmpdir(), 'cockpit-bench-'));
  await build({ root, configFile: join(root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
  // Served by today's team server, as this build is: with the same precompressed copies.
  precompressDir(outDir);
  return outDir;
}

export interface Stack {
  sandbox: Sandbox;
  appUrl: string;
  /** Serves another build on the same sandbox (the "before" of a comparison); closed with the stack. */
  serve: (distDir: string) => Promise<string>;
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
  const servers: FastifyInstance[] = [];
  const serve = async (dir: string) => {
    const { app } = await createTeamServer({
      distDir: dir,
      backend: { target: sandbox.url, accessKey: sandbox.accessKey },
      budget: BENCH_BUDGET,
      logger: false,
    });
    servers.push(app);
    return app.listen({ port: 0, host: '127.0.0.1' });
  };
  return {
    sandbox,
    appUrl: await serve(distDir),
    serve,
    close: async () => {
      for (const app of servers) await app.close();
      await sandbox.close();
    },
  };
}
