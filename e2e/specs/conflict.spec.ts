/**
 * Two copies of Relais on the same project file (two windows, or two people on a shared folder): each commit
 * carries the head revision it was made from, so an edit made on an older head is refused with a clear message
 * instead of silently replacing the other person's text; the text stays in the editor, and confirming again
 * replaces the other version knowingly. Both versions stay in the history.
 */
import { expect, test } from '../fixtures.ts';
import { BrowserAppDriver } from '../harness/browser-app.ts';
import { WorkbenchPage } from '../pages/workbench.ts';

const MINE = 'This is one of the first international operations of its kind.';
const THEIRS = 'It is among the first international operations of this kind.';

test('an edit made on a segment someone else changed meanwhile is refused, kept, and can be confirmed again', async ({ app, browser, onboarding, workbench }) => {
  test.skip(app.transport !== 'browser', 'two app instances on one profile: the harness transport');
  await onboarding.signInAs('Claire Martin', 'translator');
  await workbench.openSample();
  const id = await workbench.activeSegmentId();

  // Another copy of the app, on the same folders, changes that segment first.
  const other = new BrowserAppDriver(browser, app.dirs);
  try {
    await other.start();
    const theirs = new WorkbenchPage(other);
    await theirs.openSample();
    await theirs.select(id);
    await theirs.enterTranslation(THEIRS);
    await theirs.confirmWithKeyboard();
  } finally {
    await other.close();
  }

  // This window still shows the segment as it was: its edit is refused, with the text kept.
  await workbench.select(id);
  await workbench.enterTranslation(MINE);
  await workbench.page.keyboard.press('Control+Enter');
  await expect(workbench.errorDialog).toBeVisible();
  await expect(workbench.errorDialog).toContainText('Someone else changed this segment');
  await expect(workbench.errorDialog).toContainText('nothing was lost');
  await workbench.closeError();
  await expect(workbench.editor).toHaveValue(MINE);

  // Confirming again (now from the new head) replaces the other version; both are in the history.
  await workbench.confirmWithKeyboard();
  await expect(workbench.target(id)).toHaveText(MINE);
  const history = await workbench.page.evaluate(
    (segmentId) => (window as unknown as { relais: { getHistory(id: string): Promise<{ ok: boolean; value: { text: string }[] }> } }).relais.getHistory(segmentId),
    id,
  );
  expect(history.value.map((r) => r.text)).toEqual([THEIRS, MINE]);
});
