/**
 * End-to-end tests (e2e/specs). Two ways to run the same specs:
 *
 * - `chromium` (always): the e2e harness. The services' handler table and IPC dispatcher run in the test process,
 *   exactly as in the app's main process; the built renderer runs in Chromium, served from dist/renderer without a
 *   server, with `window.relais` carried by a Playwright binding instead of Electron IPC. Uses the Debian Chromium
 *   (/usr/bin/chromium) when installed, else Playwright's own Chromium (`npx playwright install chromium`).
 * - `electron` (opt-in): the real Electron app (dist-electron/main.cjs) through Playwright's `_electron`. Runs when
 *   RELAIS_E2E_ELECTRON=1 and the Electron binary is installed and runs. better-sqlite3 must then be built for
 *   Electron's ABI (`npx electron-builder install-app-deps`), which the chromium project and the unit tests cannot
 *   load — so run it alone: `RELAIS_E2E_ELECTRON=1 npx playwright test --project=electron`, then
 *   `npm rebuild better-sqlite3`.
 *
 * The global setup builds the renderer when dist/renderer is missing or older than its sources
 * (RELAIS_E2E_REBUILD=1 forces it). Screenshots the specs take are kept in e2e/artifacts/ and attached to the report.
 */
import { defineConfig, type Project } from '@playwright/test';
import { CHROMIUM_ARGS, electronProjectEnabled, systemChromium } from './e2e/harness/paths.ts';

const chromiumPath = systemChromium();

const projects: Project[] = [
  {
    name: 'chromium',
    use: {
      browserName: 'chromium',
      headless: true,
      launchOptions: { args: CHROMIUM_ARGS, ...(chromiumPath ? { executablePath: chromiumPath } : {}) },
    },
  },
];
if (electronProjectEnabled()) projects.push({ name: 'electron' });

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  // Each worker runs a Chromium and the services; the desk's laptops and CI machines have two cores.
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'test-results/e2e-report' }]],
  use: {
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    screenshot: 'only-on-failure',
    trace: process.env.CI ? 'off' : 'retain-on-failure',
  },
  projects,
});
