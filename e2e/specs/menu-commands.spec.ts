/**
 * Native menu items reach the renderer's commands (simulated: the harness sends the same `command` event the
 * Electron menu sends).
 */
import { expect, test } from '../fixtures.ts';
import { expectNoProblems } from '../harness/problems.ts';

test('menu commands open the sample, move between segments and confirm', async ({ app, onboarding, workbench }) => {
  await onboarding.signInAs('Claire Martin', 'translator');
  await app.command('project.openSample');
  await workbench.expectProjectShown();

  const first = await workbench.activeSegmentId();
  await app.command('segment.next');
  await expect(workbench.activeRow).not.toHaveAttribute('data-segment-id', first);
  await app.command('segment.previous');
  await expect(workbench.activeRow).toHaveAttribute('data-segment-id', first);

  await workbench.editor.fill('This is one of the first international operations of its kind.');
  await app.command('segment.confirm');
  await workbench.expectStatus(first, 'translated');

  await app.command('find.focus');
  await expect(workbench.findInput).toBeFocused();
  expectNoProblems(app);
});
