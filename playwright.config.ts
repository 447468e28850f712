import { defineConfig } from '@playwright/test';

// Run through `npm run test:e2e`, which builds when needed, checks for Chromium and picks a
// free port. The suite drives Debian's Chromium: browsers are never downloaded.
const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results/e2e',
  // One server and one database for the whole run; first-run setup must come before the rest.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/reports/e2e.json' }]],
  use: {
    baseURL,
    locale: 'en-US',
    timezoneId: 'UTC',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        // Root in containers has no user namespace sandbox.
        '--no-sandbox',
        '--disable-gpu',
        // Without these Chromium phones home (QUIC, component updates, sync) and logs refused connections.
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    // Creates the first admin on the empty database. A retry would find the admin already there.
    { name: 'setup', testMatch: /.*\.setup\.ts$/, retries: 0 },
    { name: 'console', testMatch: /.*\.spec\.ts$/, dependencies: ['setup'] },
  ],
  webServer: {
    command: 'node e2e/support/serve.mjs',
    url: `${baseURL}/api/health/ready`,
    env: { E2E_PORT: String(port) },
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
