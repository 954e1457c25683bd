import { defineConfig, loadEnv, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { precompressPlugin } from './config/precompress.ts';
import { readSettings, SettingsError } from './server/settings.ts';
import { teamServerPlugin } from './server/vite-plugin.ts';

/** Modules of the shared `app` chunk (see `build` below). */
const APP_SHELL =
  /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query)|openapi-fetch)[\\/]|src[\\/](app[\\/](?!auth-error-page)|api[\\/]|lib[\\/])|src[\\/]components[\\/](query-status\.tsx|toast[\\/]|new-task[\\/]new-task-(context|host)\.tsx)/;

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
  const plugins: PluginOption[] = [react(), tailwindcss(), precompressPlugin()];

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
    server: { host: '127.0.0.1', port: 5173 },
    preview: { host: '127.0.0.1', port: 4173 },
    build: {
      sourcemap: false,
      target: 'es2022',
      // Every browser the app supports (ES2022) has module preload; the polyfill would be dead code.
      modulePreload: { polyfill: false },
      rolldownOptions: {
        output: {
          // One chunk for the app shell and what every page uses (React, the router, React Query,
          // the API client, src/api and src/lib): fewer, larger files compress better and load in
          // one round. Each page's own code and libraries (dnd-kit, react-virtual, react-table),
          // and the New task dialog, stay in chunks of their own, loaded when needed.
          codeSplitting: { groups: [{ name: 'app', test: APP_SHELL }] },
        },
      },
    },
  };
});
