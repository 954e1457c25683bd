import { defineConfig, loadEnv, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { resolveBackend, BackendConfigError } from './config/backend.ts';
import { apiProxy } from './config/proxy.ts';

/** Modules of the shared `app` chunk (see `build` below). */
const APP_SHELL =
  /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack[\\/](query-core|react-query)|openapi-fetch)[\\/]|src[\\/](app[\\/](?!auth-error-page)|api[\\/]|lib[\\/])|src[\\/]components[\\/](query-status\.tsx|toast[\\/]|new-task[\\/]new-task-(context|host)\.tsx)/;

/**
 * The dev server (`npm start`) and the preview server (`npm run preview`) both proxy `/v1/*` to
 * the backend with the access key added here, on the server. With no tenant configured they
 * start the local API server (sandbox/) in-process on a free loopback port, with a generated key
 * and a database under .sandbox/.
 */
export default defineConfig(async ({ command, mode, isPreview }) => {
  const serving = command === 'serve';
  const env = { ...loadEnv(mode, process.cwd(), ''), ...process.env };
  const plugins: PluginOption[] = [react(), tailwindcss()];
  let proxy = {};

  if (serving) {
    let backend;
    try {
      backend = resolveBackend(env);
    } catch (e) {
      if (e instanceof BackendConfigError) {
        console.error(`\nCockpit Board cannot start: ${e.message}\n`);
        process.exit(1);
      }
      throw e;
    }
    if (backend.kind === 'tenant') {
      console.log(`Cockpit Board: API backend is ${backend.label}`);
      proxy = apiProxy(backend.target, backend.accessKey);
    } else {
      const { startSandbox } = await import('./sandbox/index.ts');
      const sandbox = await startSandbox({ db: `.sandbox/${isPreview ? 'preview' : 'dev'}.db`, tasks: 600, seed: 1 });
      const counts = sandbox.store.counts();
      console.log(
        `Cockpit Board: API backend is the built-in sandbox at ${sandbox.url} ` +
          `(${counts.tasks} sample tasks in .sandbox/${isPreview ? 'preview' : 'dev'}.db; set GAINSIGHT_DOMAIN or GAINSIGHT_BASE_URL to use a tenant)`,
      );
      proxy = apiProxy(sandbox.url, sandbox.accessKey);
      plugins.push({
        name: 'cockpit-sandbox-lifecycle',
        configureServer(server) {
          server.httpServer?.once('close', () => void sandbox.close());
        },
        configurePreviewServer(server) {
          server.httpServer.once('close', () => void sandbox.close());
        },
      });
    }
  }

  return {
    plugins,
    server: { host: '127.0.0.1', port: 5173, proxy },
    preview: { host: '127.0.0.1', port: 4173, proxy },
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
