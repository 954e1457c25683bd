/**
 * Dev server parity: `npm start` (Vite's dev server) and `npm run preview` run the team server's
 * own code for everything that is not the app itself: the same `/v1` proxy with its path checks
 * and budget, and the same operations endpoints. Vite serves the app; the team server, mounted in
 * front of Vite's middlewares, answers its own paths. One code path for development and
 * production, not two.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { isTeamServerPath, createTeamServer, type TeamServer, type TeamServerOptions } from './team-server.ts';

export interface TeamServerPluginOptions {
  /** Called once, when the dev or preview server starts: the backend and the rest of the team server's options. */
  configure(): Promise<Omit<TeamServerOptions, 'distDir'> & { close?: () => Promise<void> }>;
}

export function teamServerPlugin(options: TeamServerPluginOptions): Plugin {
  let team: Promise<TeamServer & { close?: () => Promise<void> }> | null = null;
  const start = () => {
    team ??= options.configure().then(async ({ close, ...rest }) => {
      const server = await createTeamServer(rest);
      await server.app.ready();
      return { ...server, close };
    });
    return team;
  };
  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (!isTeamServerPath(req.url ?? '')) return next();
    start().then(
      ({ app }) => app.routing(req, res),
      (e: unknown) => {
        res.statusCode = 500;
        res.end(`Cockpit Board team server failed to start: ${e instanceof Error ? e.message : String(e)}`);
      },
    );
  };
  const stop = async () => {
    if (!team) return;
    const { app, close } = await team;
    await app.close();
    await close?.();
  };
  return {
    name: 'cockpit-team-server',
    async configureServer(server) {
      await start();
      server.middlewares.use(middleware);
      server.httpServer?.once('close', () => void stop());
    },
    async configurePreviewServer(server) {
      await start();
      server.middlewares.use(middleware);
      server.httpServer.once('close', () => void stop());
    },
  };
}
