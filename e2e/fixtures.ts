/**
 * The Playwright fixtures every spec uses:
 *   app        — the app, started (first session) over fresh temp settings/projects folders; see AppDriver.
 *   workbench  — page object of the main window of the current session.
 *   onboarding — page object of the first-start dialog.
 *   files      — writes fixture files for a test into its temp folder.
 * The transport follows the Playwright project: `chromium` (harness) or `electron` (the real app).
 */
import { test as base, expect } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrowserAppDriver } from './harness/browser-app.ts';
import type { AppDirs, AppDriver } from './harness/driver.ts';
import { ElectronAppDriver } from './harness/electron-app.ts';
import { OnboardingDialog } from './pages/onboarding.ts';
import { WorkbenchPage } from './pages/workbench.ts';

export interface FixtureFiles {
  /** Writes `content` to `<test temp folder>/files/<name>` and returns its absolute path. */
  write(name: string, content: string | Uint8Array): string;
}

interface Fixtures {
  app: AppDriver;
  workbench: WorkbenchPage;
  onboarding: OnboardingDialog;
  files: FixtureFiles;
  tempRoot: string;
}

export const test = base.extend<Fixtures>({
  // Playwright reads the fixtures a fixture needs from its destructuring pattern: this one needs none.
  // eslint-disable-next-line no-empty-pattern
  tempRoot: async ({}, use) => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-'));
    await use(root);
    rmSync(root, { recursive: true, force: true });
  },
  files: async ({ tempRoot }, use) => {
    await use({
      write(name, content) {
        if (name.includes('/') || name.includes('\\')) throw new Error('fixture names are plain file names');
        const dir = path.join(tempRoot, 'files');
        const file = path.join(dir, name);
        mkdirSync(dir, { recursive: true });
        writeFileSync(file, content);
        return file;
      },
    });
  },
  app: async ({ browser, tempRoot }, use, testInfo) => {
    const settingsDir = path.join(tempRoot, 'userData');
    const dirs: AppDirs = { root: tempRoot, settingsDir, projectsDir: path.join(settingsDir, 'projects') };
    const driver: AppDriver = testInfo.project.name === 'electron' ? new ElectronAppDriver(dirs) : new BrowserAppDriver(browser, dirs);
    await driver.start();
    await use(driver);
    const problems = driver.problems();
    if (problems.length) await testInfo.attach('app-problems.txt', { body: problems.join('\n\n'), contentType: 'text/plain' });
    await driver.close();
  },
  workbench: async ({ app }, use) => {
    await use(new WorkbenchPage(app));
  },
  onboarding: async ({ app }, use) => {
    await use(new OnboardingDialog(app));
  },
});

export { expect };
