/**
 * Dev server parity: `npm start` (Vite's dev server) and `npm run preview` run the team server's
 * own code for everything that is not the app itself: the same `/v1` proxy with its path checks
 * and budget, and the same operations endpoints. Vite serves the app; the team server, mounted in
 * front of Vite's middlewares, answers its own paths. One code path for development and
 * production, not two.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { exposureVerdict, mirrorOptionsOf, type TeamServerSettings } from './settings.ts';
import { isTeamServerPath, createTeamServer, type TeamServer, type TeamServerOptions } from './team-server.ts';

export interface TeamServerPluginOptions {
  /**
   * The settings read from the environment (server/settings.ts). The plugin applies the start-up
   * rule to the address Vite listens on, and turns on sign-in (and with it the audit log) as
   * configured; the audit log is also on when AUDIT_LOG is set.
   */
  settings?: Pick<TeamServerSettings, 'backend' | 'auth' | 'allowAnonymous' | 'auditLog' | 'mirror'>;
  /** Called once, when the dev or preview server starts: the backend and the rest of the team server's options. */
  configure(): Promise<Omit<TeamServerOptions, 'distDir'> & { close?: () => Promise<void> }>;
}

/** The address Vite listens on, from its `server.host` / `preview.host` setting (`true`: every address). */
export function viteListenHost(host: string | boolean | undefined): string {
  if (host === true) return '0.0.0.0';
  if (host === undefined || host === false || host === '') return 'localhost';
  return host;
}

/**
 * The start-up rule for Vite (`npm start --host`, `npm run preview --host`): returns the warning
 * to print, or throws with the message that says what to set.
 */
export function checkViteExposure(settings: TeamServerPluginOptions['settings'], host: string | boolean | undefined): string | null {
  if (!settings) return null;
  const verdict = exposureVerdict(settings, viteListenHost(host));
  if (!verdict.start) throw new Error(verdict.message);
  return verdict.warning;
}

export function teamServerPlugin(options: TeamServerPluginOptions): Plugin {
  let team: Promise<TeamServer & { close?: () => Promise<void> }> | null = null;
  const { settings } = options;
  const start = () => {
    team ??= options.configure().then(async ({ close, ...rest }) => {
      const audit = settings && (settings.auth.kind === 'oidc' || settings.auditLog !== null) ? { file: settings.auditLog } : undefined;
      // The mirror is on unless GAINSIGHT_MIRROR=off (in memory against the built-in sandbox).
      const mirror = settings ? mirrorOptionsOf(settings, settings.backend.kind) : undefined;
      const server = await createTeamServer({ auth: settings?.auth, audit, mirror, ...rest });
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
  /** Refuses to start (the message says what to set) or warns, before anything listens. */
  const guard = (host: string | boolean | undefined, warn: (message: string) => void) => {
    let warning: string | null;
    try {
      warning = checkViteExposure(settings, host);
    } catch (e) {
      console.error(`\nCockpit Board cannot start: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exit(1);
    }
    if (warning) warn(warning);
  };
  return {
    name: 'cockpit-team-server',
    async configureServer(server) {
      guard(server.config.server.host, (m) => server.config.logger.warn(`Cockpit Board: ${m}`));
      await start();
      server.middlewares.use(middleware);
      server.httpServer?.once('close', () => void stop());
    },
    async configurePreviewServer(server) {
      guard(server.config.preview.host, (m) => server.config.logger.warn(`Cockpit Board: ${m}`));
      await start();
      server.middlewares.use(middleware);
      server.httpServer.once('close', () => void stop());
    },
  };
}
