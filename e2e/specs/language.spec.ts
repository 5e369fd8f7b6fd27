/**
 * The UI switches to French from the language menu of the header, and the choice is
 * remembered by the next app session (from the settings, not from the browser: the window's locale is English).
 */
import { expect, test } from '../fixtures.ts';
import { expectNoProblems } from '../harness/problems.ts';

test('the interface switches to French and stays French in the next session', async ({ app, onboarding, workbench }) => {
  await onboarding.signInAs('Claire Martin', 'translator');
  await workbench.openSample();
  await expect(workbench.switchUserButton).toHaveText(/Switch user/);
  await expect(workbench.page.locator('html')).toHaveAttribute('lang', 'en');

  await workbench.setLanguage('fr');
  await expect(workbench.switchUserButton).toHaveText(/Changer d’utilisateur/);
  await expect(workbench.action('confirm')).toHaveText(/Confirmer/);
  await expect(workbench.activeRow.getByTestId('status-badge')).toHaveText(/Nouveau|Brouillon/);
  await expect(workbench.languageSelect).toHaveValue('fr');

  await app.newSession();
  await workbench.expectLoaded();
  await expect(workbench.page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(workbench.languageSelect).toHaveValue('fr');
  await expect(workbench.switchUserButton).toHaveText(/Changer d’utilisateur/);
  await expect(workbench.action('confirm')).toHaveText(/Confirmer/);

  // And back to English, remembered too.
  await workbench.setLanguage('en');
  await app.newSession();
  await expect(workbench.switchUserButton).toHaveText(/Switch user/);
  expectNoProblems(app);
});
