/**
 * The team server for bench/team-bench.ts, in a process of its own: its default budget (80 a
 * minute), the mirror on or off. Sends `{ port }` to the parent once listening; stops on SIGTERM.
 */
import { createTeamServer } from '../../server/team-server.ts';

const [mode, target, accessKey, mirrorDb, pollSeconds] = process.argv.slice(2) as [string, string, string, string, string];
const { app } = await createTeamServer({
  backend: { target, accessKey },
  logger: false,
  mirror: mode === 'on' ? { dbPath: mirrorDb, pollSeconds: Number(pollSeconds) } : undefined,
});
await app.listen({ port: 0, host: '127.0.0.1' });
process.send!({ port: (app.server.address() as { port: number }).port });
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
