/**
 * A bad file — opened through the native dialog or dropped on the window — shows the
 * error dialog naming the file, and the project that was open stays open with its work.
 */
import { expect, test } from '../fixtures.ts';
import { expectNoProblems } from '../harness/problems.ts';

/** A PNG header and random-looking bytes with NULs: what a mis-named image looks like. */
function binaryBytes(): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  for (let i = 16; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;
  return bytes;
}

const TEXT = 'This is one of the first international operations of its kind.';

test.describe('bad files', () => {
  test.beforeEach(async ({ onboarding, workbench }) => {
    await onboarding.signInAs('Claire Martin', 'translator');
    await workbench.openSample();
  });

  test('a binary file chosen in the open dialog shows an error naming it, and nothing is lost', async ({ app, files, workbench }) => {
    const id = await workbench.activeSegmentId();
    await workbench.enterTranslation(TEXT);
    await workbench.confirmWithKeyboard();
    await workbench.expectStatus(id, 'translated');
    const rows = await workbench.rows.count();

    const bad = files.write('interview-notes.txt', binaryBytes());
    await app.scriptOpenDialog(bad);
    await workbench.openWithDialog();
    await expect(workbench.errorDialog).toBeVisible();
    await expect(workbench.errorDialog).toContainText('interview-notes.txt');
    await workbench.closeError();

    await expect(workbench.rows).toHaveCount(rows);
    await workbench.expectStatus(id, 'translated');
    await expect(workbench.target(id)).toHaveText(TEXT);
    // …and it is still the project on disk.
    await app.newSession();
    await workbench.openSample();
    await expect(workbench.target(id)).toHaveText(TEXT);
    expectNoProblems(app, [/console error/]);
  });

  test('a binary file dropped on the window shows an error naming it, and nothing is lost', async ({ app, workbench }) => {
    const id = await workbench.activeSegmentId();
    await workbench.enterTranslation(TEXT);
    await workbench.confirmWithKeyboard();
    await workbench.expectStatus(id, 'translated');
    const rows = await workbench.rows.count();

    await workbench.dropFile('scan-0042.docx', binaryBytes());
    await expect(workbench.errorDialog).toBeVisible();
    await expect(workbench.errorDialog).toContainText('scan-0042.docx');
    await workbench.closeError();

    await expect(workbench.rows).toHaveCount(rows);
    await workbench.expectStatus(id, 'translated');
    await expect(workbench.target(id)).toHaveText(TEXT);
    expectNoProblems(app, [/console error/]);
  });
});
