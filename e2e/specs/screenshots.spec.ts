/**
 * The workbench in English and in French, saved to e2e/artifacts/workbench-en.png and
 * workbench-fr.png and attached to the report.
 */
import { existsSync, statSync } from 'node:fs';
import { expect, test } from '../fixtures.ts';

test('screenshots of the workbench in English and in French', async ({ app, onboarding, workbench }, testInfo) => {
  await onboarding.signInAs('Claire Martin', 'translator');
  await workbench.openSample();
  for (const text of [
    'This is one of the first international operations of its kind.',
    'At least 25 people have been arrested for distributing AI-generated child sexual abuse material online, Europol announced on Friday, February 28.',
  ]) {
    await workbench.enterTranslation(text);
    await workbench.confirmWithKeyboard();
  }
  await workbench.enterTranslation('“Operation Cumberland has been one of the first cases involving AI-generated');
  await expect(workbench.draftState).toBeVisible();

  const en = await app.screenshot('workbench-en', testInfo);
  await workbench.setLanguage('fr');
  await expect(workbench.action('confirm')).toHaveText(/Confirmer/);
  const fr = await app.screenshot('workbench-fr', testInfo);

  for (const f of [en, fr]) {
    expect(existsSync(f)).toBe(true);
    expect(statSync(f).size).toBeGreaterThan(20_000);
  }
  expect(testInfo.attachments.map((a) => a.name)).toEqual(expect.arrayContaining(['workbench-en', 'workbench-fr']));
});
