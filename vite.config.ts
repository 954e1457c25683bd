import { defineConfig, loadEnv, type Plugin, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { precompressPlugin } from './config/precompress.ts';
import { preactAliases } from './config/preact.ts';
import { routePreloads } from './config/route-preloads.ts';
import { readSettings, SettingsError } from './server/settings.ts';
import { teamServerPlugin } from './server/vite-plugin.ts';

/**
 * Modules of the shared `app` chunk (see `build` below), unless the entry imports them. Live
 * updates (src/app/live/, and the query matching they use) load once the first page has settled.
 * Not `src/api/team/` nor `src/lib/team/` (the team server's activity and shared views): only some
 * pages use them, and the board's first visit need not carry them. Nor src/lib/live-event-parse.ts
 * (live updates read it) and src/lib/time-ago.ts (the stale-move message and the Activity list):
 * they load when needed. Nor, for the same reason: the header's account and theme choice and the
 * sign-in page with the session code they use (loaded after the first page, or when shown), the
 * CTA labels and facts reader (src/lib/cta-label.ts, src/api/cta.ts: pickers, task and playbook
 * pages), the operators in words (search page) and the read-every-page loop (export, playbooks).
 * The shared UI field, the debounced draft and the quick look's opener are in it: several pages
 * use them, and a chunk of their own would be one more file on the board's first visit.
 */
const APP_SHELL =
  /node_modules[\\/](preact|@tanstack[\\/](query-core|react-query)|openapi-fetch)[\\/]|src[\\/](app[\\/](?!auth-error-page|live[\\/]|sign-in-required|header-account|theme-select|user-menu|session\.ts)|api[\\/](?!live-invalidation|team[\\/]|search-pages|cta\.ts)|lib[\\/](?!team[\\/]|time-ago|live-event-parse|search-operators|cta-label))|src[\\/]components[\\/](router[\\/]|query-status\.tsx|lazy-part\.tsx|toast[\\/]|new-task[\\/]new-task-(context|host)\.tsx|ui[\\/](field|labelled-select|link-problems)\.tsx|task-filters[\\/]|use-debounced-draft\.ts|quick-look[\\/]quick-look(-url)?\.tsx?|bulk[\\/](bulk-presence\.ts|selection(-store)?\.ts|selection-bar-host\.tsx|select-checkbox\.tsx))/;

/** The modules the entry (src/main.tsx) imports, directly or not: known once the module graph is complete. */
const entryGraph = new Set<string>();
const isEntryDependency = (id: string) => entryGraph.has(id) && !/\.(css|html)$/.test(id);

/**
 * The entry starts the first page's code and data before the app's code has loaded (see
 * src/main.tsx), so it must not import the `app` chunk: this plugin finds the modules the entry
 * imports (they go to the `start` chunk, which the entry imports), fails the build if the entry
 * still imports the `app` chunk, and has the page fetch the `app` chunk from the start (a
 * modulepreload link in index.html) rather than once the entry has run.
 */
function earlyStart(): Plugin {
  return {
    name: 'cockpit-early-start',
    apply: 'build',
    buildEnd() {
      entryGraph.clear();
      const visit = (id: string) => {
        if (entryGraph.has(id)) return;
        entryGraph.add(id);
        for (const dep of this.getModuleInfo(id)?.importedIds ?? []) visit(dep);
      };
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        if (info?.isEntry) info.importedIds.forEach(visit);
      }
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
      const app = chunks.find((c) => c.name === 'app');
      const entry = chunks.find((c) => c.isEntry);
      if (app && entry?.imports.includes(app.fileName)) {
        this.error(
          `The entry chunk imports the app chunk (${app.fileName}): a module the entry needs is in APP_SHELL (vite.config.ts) or imports the router or the shell.`,
        );
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const app = Object.values(bundle ?? {}).find((c) => c.type === 'chunk' && c.name === 'app');
        return app ? [{ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${app.fileName}` }, injectTo: 'head' }] : [];
      },
    },
  };
}

/**
 * The dev server (`npm start`) and the preview server (`npm run preview`) run the team server's
 * own code for `/v1` and its other paths (server/vite-plugin.ts): the proxy adds the access key
 * here, on the server, and every call goes through the same budget as in production. With no
 * tenant configured they start the local API server (sandbox/) in-process on a free loopback
 * port, with a generated key and a database under .sandbox/.
 */
export default defineConfig(async ({ command, mode, isPreview }) => {
  const serving = command === 'serve';
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  // No React Fast Refresh: the app renders with Preact (config/preact.ts), which React's refresh
  // runtime cannot redraw; an edited module reloads the page in the dev server instead.
  const plugins: PluginOption[] = [react({ refreshExclude: /./ }), tailwindcss(), earlyStart(), routePreloads(), precompressPlugin()];

  if (serving) {
    let settings;
    try {
      settings = readSettings(env);
    } catch (e) {
      if (e instanceof SettingsError) {
        console.error(`\nCockpit Board cannot start: ${e.message}\n`);
        process.exit(1);
      }
      throw e;
    }
    const { backend } = settings;
    plugins.push(
      teamServerPlugin({
        settings,
        async configure() {
          const common = {
            budget: settings.budget,
            upstreamTimeoutMs: settings.upstreamTimeoutMs,
            bodyLimitBytes: settings.bodyLimitBytes,
            metricsToken: settings.metricsToken,
            logger: { level: env.LOG_LEVEL ? settings.logLevel : 'warn' },
          };
          if (backend.kind === 'tenant') {
            console.log(`Cockpit Board: API backend is ${backend.label}`);
            return { ...common, backend };
          }
          const db = `.sandbox/${isPreview ? 'preview' : 'dev'}.db`;
          const { startSandbox } = await import('./sandbox/index.ts');
          const sandbox = await startSandbox({ db, tasks: 600, seed: 1 });
          const counts = sandbox.store.counts();
          console.log(
            `Cockpit Board: API backend is the built-in sandbox at ${sandbox.url} ` +
              `(${counts.tasks} sample tasks in ${db}; set GAINSIGHT_DOMAIN or GAINSIGHT_BASE_URL to use a tenant)`,
          );
          return { ...common, backend: { target: sandbox.url, accessKey: sandbox.accessKey }, close: sandbox.close };
        },
      }),
    );
  }

  return {
    plugins,
    resolve: { alias: preactAliases },
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
    build: {
      sourcemap: false,
      target: 'es2022',
      // Every browser the app supports (ES2022) has module preload; the polyfill would be dead code.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          // The `start` chunk: what the entry needs to start the first page at once (routes.ts and
          // each page's data requests, with React Query, which brings Preact, and the API client).
          // One `app` chunk for the app shell and what every page uses (the router, the layout,
          // the rest of src/api and src/lib): fewer, larger files compress better and load in one round.
          // Each page's own code and libraries (dnd-kit, react-table), and the New task dialog,
          // stay in chunks of their own, loaded when needed.
          codeSplitting: {
            groups: [
              { name: 'start', test: isEntryDependency, priority: 2 },
              { name: 'app', test: (id: string) => APP_SHELL.test(id) && !entryGraph.has(id), priority: 1 },
            ],
          },
        },
      },
    },
  };
});
