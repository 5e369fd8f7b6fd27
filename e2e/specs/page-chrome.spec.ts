/**
 * Page chrome copied with the article ("Partager", "Lire aussi", quiz promos…) is shown
 * greyed, with kind chrome, and cannot be edited until the translator asks for it.
 */
import { expect, test } from '../fixtures.ts';
import { expectNoProblems } from '../harness/problems.ts';

test('page chrome lines are greyed, of kind chrome, and not editable', async ({ app, onboarding, workbench }) => {
  await onboarding.signInAs('Claire Martin', 'translator');
  await workbench.openSample();

  const chrome = workbench.chromeRows;
  expect(await chrome.count()).toBeGreaterThanOrEqual(3);
  const promo = chrome.filter({ hasText: 'Testez votre culture générale' }).first();
  await expect(promo).toBeVisible();
  await expect(promo).toHaveAttribute('data-kind', 'chrome');
  await expect(workbench.chromeRows.filter({ hasText: /^.*Le Monde avec AFP/ }).first()).toBeVisible();

  // Greyed: the chrome row's source text is visibly fainter than an article paragraph's.
  const article = workbench.translatableRows.first();
  const fade = async (row: typeof article) =>
    row.getByTestId('segment-source').evaluate((el) => {
      const s = getComputedStyle(el);
      const rgb = (s.color.match(/[\d.]+/g) ?? []).map(Number);
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      const luminance = (0.2126 * rgb[0]! + 0.7152 * rgb[1]! + 0.0722 * rgb[2]!) / 255;
      return { opacity, luminance };
    });
  const a = await fade(article);
  const c = await fade(promo);
  expect(c.opacity < a.opacity || c.luminance > a.luminance + 0.1, `chrome ${JSON.stringify(c)} vs article ${JSON.stringify(a)}`).toBe(true);

  // Not editable: clicking it opens no editor and the active segment stays where it was.
  const before = await workbench.activeSegmentId();
  await promo.getByTestId('segment-target').click();
  await expect(promo.getByTestId('target-editor')).toHaveCount(0);
  await expect(promo).not.toHaveAttribute('data-active', 'true');
  expect(await workbench.activeSegmentId()).toBe(before);

  // Walking with the keyboard skips nothing but never lets one type into chrome.
  const statusBefore = await promo.getAttribute('data-status');
  await promo.getByTestId('segment-source').click();
  await workbench.page.keyboard.type('should not land anywhere');
  await expect(promo.getByTestId('segment-target')).not.toContainText('should not land anywhere');
  expect(await promo.getAttribute('data-status')).toBe(statusBefore);
  expectNoProblems(app);
});
