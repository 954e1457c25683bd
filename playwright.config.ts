import { defineConfig, devices } from '@playwright/test';
import { E2E } from './e2e/env.ts';

// Playwright cannot download browsers here: use the system's Chromium (Debian's by default).
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  // Generous: axe scans of a full board take seconds on a loaded 2-core machine.
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list']] : [['list']],
  // One folder per port base, so runs on different ports never delete each other's traces.
  outputDir: `test-results/${process.env.E2E_PORT_BASE ?? 'default'}`,
  use: {
    ...devices['Desktop Chrome'],
    baseURL: E2E.appUrl,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath,
      args: ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
    },
  },
  webServer: {
    command: 'node --import tsx e2e/serve.ts',
    url: `${E2E.appUrl}/board`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
