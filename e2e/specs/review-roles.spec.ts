/**
 * Approving is an editor's job. A translator sees Approve disabled and its shortcut does
 * nothing; after "Switch user" to an editor, the same segment is approved.
 */
import { expect, test } from '../fixtures.ts';
import { expectNoProblems } from '../harness/problems.ts';

test('a translator cannot approve; an editor can', async ({ app, onboarding, workbench }) => {
  await onboarding.signInAs('Claire Martin', 'translator');
  await workbench.openSample();
  const id = await workbench.activeSegmentId();
  await workbench.enterTranslation('This is one of the first international operations of its kind.');
  await workbench.confirmWithKeyboard();
  await workbench.expectStatus(id, 'translated');

  await workbench.previousWithKeyboard();
  await expect(workbench.row(id)).toHaveAttribute('data-active', 'true');
  await expect(workbench.action('approve')).toBeDisabled();
  await expect(workbench.action('reject')).toBeDisabled();
  // The shortcut and the native menu item are refused too, saying why; the status does not change.
  await workbench.page.keyboard.press('Control+Shift+A');
  await expect(workbench.page.getByTestId('notice')).toContainText('Only an editor can approve');
  await app.command('segment.approve');
  await expect(workbench.page.getByTestId('notice')).toContainText('Only an editor can approve');
  await workbench.expectStatus(id, 'translated');
  expect((await workbench.appState()).project?.segments.find((s) => s.id === id)?.status).toBe('translated');

  await workbench.switchUserButton.click();
  await onboarding.signInAs('Marc Dubois', 'editor');
  await expect(workbench.page.getByTestId('current-user')).toContainText('Marc Dubois');
  await workbench.select(id);
  await expect(workbench.action('approve')).toBeEnabled();
  await workbench.action('approve').click();
  await workbench.expectStatus(id, 'approved');
  await expect(workbench.row(id).getByTestId('status-badge')).toHaveText(/Approved/);

  // Approval is stored, not just shown.
  await app.newSession();
  await workbench.openSample();
  await workbench.expectStatus(id, 'approved');
  expectNoProblems(app);
});
