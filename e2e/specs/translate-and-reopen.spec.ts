/**
 * On first start a translator signs in, opens the built-in sample, translates three
 * segments with the keyboard only (type, Ctrl+Enter confirms and moves to the next unconfirmed segment), then
 * quits; in a new app session the same project file shows the three translations, status translated.
 */
import { expect, test } from '../fixtures.ts';
import { expectNoProblems } from '../harness/problems.ts';

const TRANSLATIONS = [
  'This is one of the first international operations of its kind.',
  'At least 25 people have been arrested for distributing AI-generated child sexual abuse material online, Europol announced on Friday, February 28.',
  '“Operation Cumberland has been one of the first cases involving AI-generated child sexual abuse material, which makes investigators’ work particularly difficult given the lack of national legislation on these crimes,” the European police agency, based in The Hague, said in a statement.',
];

test('a translator translates three segments of the sample with the keyboard only, and finds them after a restart', async ({ app, onboarding, workbench }) => {
  // Typing ~450 characters one key at a time takes a while on a loaded two-core machine.
  test.setTimeout(240_000);
  await workbench.expectLoaded();
  await onboarding.signInAs('Claire Martin', 'translator');
  await workbench.openSample();
  const projectFile = (await workbench.appState()).project?.info.path;
  expect(projectFile).toMatch(/cumberland-fr\.relais$/);

  const done: string[] = [];
  for (const text of TRANSLATIONS) {
    const id = await workbench.activeSegmentId();
    await expect(workbench.row(id)).not.toHaveAttribute('data-kind', 'chrome');
    await workbench.typeTranslation(text);
    await workbench.confirmWithKeyboard();
    await workbench.expectStatus(id, 'translated');
    await expect(workbench.target(id)).toHaveText(text);
    // Ctrl+Enter moved on to the next segment that still needs a translation.
    const next = await workbench.activeSegmentId();
    expect(next).not.toBe(id);
    expect(done).not.toContain(next);
    await expect(workbench.row(next)).toHaveAttribute('data-status', /^(new|draft|rejected)$/);
    done.push(id);
  }
  await expect(workbench.rows.and(workbench.page.locator('[data-status="translated"]'))).toHaveCount(3);
  expectNoProblems(app);

  // Quit and start again: a new handler table over the same settings and projects, a new window.
  await app.newSession();
  await workbench.expectLoaded();
  await onboarding.expectNotShown();
  await workbench.openSample();
  expect((await workbench.appState()).project?.info.path).toBe(projectFile);
  for (const [i, id] of done.entries()) {
    await workbench.expectStatus(id, 'translated');
    await expect(workbench.target(id)).toHaveText(TRANSLATIONS[i]!);
  }
  expectNoProblems(app);
});
