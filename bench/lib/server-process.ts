/**
 * Runs one web server in a child process of its own, so the benchmark can read that server's own
 * memory: `team` (server/team-server.ts) or `old` (the `node:http` server this project had before
 * the team server, restored from git history into bench/.old-server by server-bench.ts).
 * Talks to the parent over IPC: sends `{ port }` once listening, answers `'memory'` with
 * `process.memoryUsage()`.
 */
const [kind, distDir, target, accessKey] = process.argv.slice(2) as [string, string, string, string];

let port: number;
if (kind === 'team') {
  const { createTeamServer } = await import('../../server/team-server.ts');
  // The budget is lifted: this measures the server's own cost, not the wait for the tenant.
  const { app } = await createTeamServer({
    distDir,
    backend: { target, accessKey },
    budget: { perMinute: 10_000_000, perDay: 10_000_000_000, maxWaitMs: 20_000 },
    logger: false,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  port = (app.server.address() as { port: number }).port;
} else {
  const { createAppServer } = (await import(new URL('../.old-server/server/app-server.ts', import.meta.url).href)) as {
    createAppServer: (o: { distDir: string; backend: { target: string; accessKey: string } }) => import('node:http').Server;
  };
  const server = createAppServer({ distDir, backend: { target, accessKey } });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
}
process.send!({ port });
process.on('message', (message) => {
  if (message === 'memory') {
    globalThis.gc?.();
    process.send!({ memory: process.memoryUsage() });
  }
});
