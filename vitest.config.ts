import { defineConfig } from 'vitest/config';

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
