import type { Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ARTIFACTS_DIR } from './paths.ts';

/** Saves a screenshot of the page to e2e/artifacts/<name>.png (kept after the run) and attaches it to the report. */
export async function saveScreenshot(page: Page, name: string, testInfo: TestInfo): Promise<string> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`Bad screenshot name: ${name}`);
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
  return file;
}
