import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'vite';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/index.ts';
import { createAppServer } from '../../server/app-server.ts';

export const BENCH_OUT_DIR = 'dist-bench';

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
  return outDir;
}

export interface Stack {
  sandbox: Sandbox;
  appUrl: string;
  /** Serves another build on the same sandbox (the "before" of a comparison); closed with the stack. */
  serve: (distDir: string) => Promise<string>;
  close: () => Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/**
 * A sandbox with `tasks` tasks and the production server (server/app-server.ts: compression,
 * caching, the /v1 proxy) in front of the built app, both on free loopback ports.
 */
export async function startStack(options: SandboxOptions & { distDir: string }): Promise<Stack> {
  const { distDir, ...sandboxOptions } = options;
  const sandbox = await startSandbox({ db: ':memory:', seed: 1, ...sandboxOptions });
  const servers: Server[] = [];
  const serve = (dir: string) => {
    const server: Server = createAppServer({ distDir: dir, backend: { target: sandbox.url, accessKey: sandbox.accessKey } });
    servers.push(server);
    return listen(server);
  };
  return {
    sandbox,
    appUrl: await serve(distDir),
    serve,
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise((r) => server.close(r));
      }
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
