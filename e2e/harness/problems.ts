import { expect } from '@playwright/test';
import type { AppDriver } from './driver.ts';

/**
 * The page had no uncaught error, no CSP violation, made no request outside the app and asked for no missing
 * file, and no handler failed with an unexpected (non-RelaisError) exception.
 */
export function expectNoProblems(app: AppDriver, allow: RegExp[] = []): void {
  const problems = app.problems().filter((p) => !allow.some((re) => re.test(p)));
  expect(problems, 'problems seen in the app').toEqual([]);
}
