import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { preactAliases } from './config/preact.ts';

/** Libraries whose `main` is CommonJS but that ship an ES module build (their `module`). */
const ESM_BUILDS = ['@testing-library/react', '@dnd-kit/core', '@dnd-kit/utilities', '@dnd-kit/accessibility'];
const esmBuild = (name: string) => {
  const { module } = JSON.parse(readFileSync(`node_modules/${name}/package.json`, 'utf8')) as { module: string };
  return `${name}/${module}`;
};

// Vitest has its own config so that loading it never starts the dev server's sandbox backend.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'sandbox/**/*.test.ts',
            'search-engine/**/*.test.ts',
            'config/**/*.test.ts',
            'scripts/**/*.test.ts',
            'server/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'app',
          environment: 'jsdom',
          // The component tests render with Preact, as the app does (config/preact.ts). A library
          // that imports React must reach Preact too: Vite, not Node, loads it (`inline`), in its
          // ES module build where the package has one (a CommonJS build's `require` would go past
          // the aliases, to React itself), and the one CommonJS-only library (react-table's store
          // uses React's use-sync-external-store shim) is bundled to an ES module first.
          alias: [...preactAliases, ...ESM_BUILDS.map((name) => ({ find: new RegExp(`^${name}$`), replacement: esmBuild(name) }))],
          server: { deps: { inline: [/@testing-library\/react/, /@tanstack\/react-/, /@dnd-kit\//, /node_modules\/\.vite\//] } },
          deps: { optimizer: { client: { enabled: true, include: ['use-sync-external-store/shim/with-selector'] } } },
          include: ['src/**/*.test.{ts,tsx}'],
          setupFiles: ['src/test/setup.ts'],
          // Component tests type and click through whole forms: on a loaded 2-core machine the
          // default 5 s is too tight (the node project's hooks get the same room).
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
    ],
  },
});
