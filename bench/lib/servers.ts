import { rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

export interface Stack {
  sandbox: Sandbox;
  appUrl: string;
  close: () => Promise<void>;
}

/**
 * A sandbox with `tasks` tasks and the production server (server/app-server.ts: compression,
 * caching, the /v1 proxy) in front of the built app, both on free loopback ports.
 */
export async function startStack(options: SandboxOptions & { distDir: string }): Promise<Stack> {
  const { distDir, ...sandboxOptions } = options;
  const sandbox = await startSandbox({ db: ':memory:', seed: 1, ...sandboxOptions });
  const server: Server = createAppServer({ distDir, backend: { target: sandbox.url, accessKey: sandbox.accessKey } });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    sandbox,
    appUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
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
